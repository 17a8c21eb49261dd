package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.cohort.Erasure;
import fr.asso.europlie.plie.cohort.Identities;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.PersonKey;
import fr.asso.europlie.plie.cohort.PersonalData;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The participants' personal data in the engine's database (données personnelles en base), apart
 * from their pathways: table {@code plie_participant_identity} holds each identity (an internal JSON
 * document) with its {@link PersonKey}; erasing deletes that row, so that nothing of the identity is
 * left, and records the erasure in {@code plie_participant_erasure} with the last day the FSE+
 * audit keeps the pathway. In the engine's current transaction, scoped by plan.
 */
public final class JdbcPersonalData implements Identities {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlanId plan;

    /**
     * Creates the store.
     *
     * @param plan the plan, not null
     */
    public JdbcPersonalData(PlanId plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public Optional<PersonalData> find(ParticipantId id) {
        Objects.requireNonNull(id, "id");
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT document FROM plie_participant_identity WHERE plan_id = ? AND participant_id = ?")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read the identity of participant " + id, e);
        }
    }

    /**
     * The identities of several participants in one query (a page of a stream), those that have one.
     *
     * @param ids the participants, at most {@link JdbcParticipants#PAGE}, not null
     * @return each found identity by participant
     */
    Map<ParticipantId, PersonalData> findAll(List<ParticipantId> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.size() > JdbcParticipants.PAGE) {
            throw new IllegalArgumentException("at most " + JdbcParticipants.PAGE + " participants at once, not " + ids.size());
        }
        Map<ParticipantId, PersonalData> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try {
            // Each id looked up in the primary key (ByIds; an IN list read the whole plan on H2 for each page).
            ByIds.select("SELECT i.participant_id, i.document FROM UNNEST(?) AS k(id)"
                    + " JOIN plie_participant_identity i ON i.plan_id = ? AND i.participant_id = k.id",
                    plan, ids.stream().map(ParticipantId::value).toList(),
                    row -> found.put(ParticipantId.of(row.getString(1)), read(row.getString(2))));
        } catch (SQLException e) {
            throw new StoreException("read the identities of " + ids.size() + " participants", e);
        }
        return found;
    }

    @Override
    public Optional<Erasure> erasure(ParticipantId id) {
        List<Erasure> found = erasures(" AND participant_id = ?", id.value(), null);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<ParticipantId> participantsOf(PersonKey person) {
        List<ParticipantId> found = new ArrayList<>();
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT participant_id FROM plie_participant_identity WHERE plan_id = ? AND person_key = ? ORDER BY participant_id")) {
            select.setString(1, plan.value());
            select.setString(2, person.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(ParticipantId.of(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("look up a person", e);
        }
        return List.copyOf(found);
    }

    @Override
    public void put(ParticipantId id, PersonalData identity) {
        Objects.requireNonNull(identity, "identity");
        delete("plie_participant_identity", id);
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_participant_identity (plan_id, participant_id, person_key, document) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, plan.value());
            insert.setString(2, id.value());
            insert.setString(3, PersonKey.of(identity).value());
            insert.setString(4, write(identity));
            EngineTransaction.changed();
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("write the identity of participant " + id, e);
        }
    }

    @Override
    public void erase(Erasure erasure) {
        delete("plie_participant_identity", erasure.participant());
        delete("plie_participant_erasure", erasure.participant());
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_participant_erasure (plan_id, participant_id, erased_on, retained_until) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, plan.value());
            insert.setString(2, erasure.participant().value());
            insert.setDate(3, Date.valueOf(erasure.erasedOn()));
            insert.setDate(4, Date.valueOf(erasure.retainedUntil()));
            EngineTransaction.changed();
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("record the erasure of participant " + erasure.participant(), e);
        }
    }

    @Override
    public void forget(ParticipantId id) {
        delete("plie_participant_identity", id);
        delete("plie_participant_erasure", id);
    }

    @Override
    public List<Erasure> expiredOn(LocalDate today) {
        return erasures(" AND retained_until < ?", null, today);
    }

    private List<Erasure> erasures(String condition, String id, LocalDate day) {
        List<Erasure> found = new ArrayList<>();
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT participant_id, erased_on, retained_until FROM plie_participant_erasure WHERE plan_id = ?" + condition
                        + " ORDER BY retained_until, participant_id")) {
            select.setString(1, plan.value());
            if (id != null) {
                select.setString(2, id);
            } else {
                select.setDate(2, Date.valueOf(day));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Erasure(ParticipantId.of(rows.getString(1)), rows.getDate(2).toLocalDate(), rows.getDate(3).toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("read the erasures of plan " + plan, e);
        }
        return List.copyOf(found);
    }

    private void delete(String table, ParticipantId id) {
        try (PreparedStatement delete = EngineTransaction.connection().prepareStatement(
                "DELETE FROM " + table + " WHERE plan_id = ? AND participant_id = ?")) {
            delete.setString(1, plan.value());
            delete.setString(2, id.value());
            EngineTransaction.changed();
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("delete from " + table + " for participant " + id, e);
        }
    }

    private static String write(PersonalData identity) {
        ObjectNode node = JSON.createObjectNode();
        node.put("lastName", identity.lastName());
        node.put("firstName", identity.firstName());
        node.put("birthDate", identity.birthDate().toString());
        node.put("address", identity.address());
        node.put("email", identity.email());
        node.put("phone", identity.phone());
        node.put("externalId", identity.externalId());
        return JSON.writeValueAsString(node);
    }

    private static PersonalData read(String document) {
        JsonNode node = JSON.readTree(document);
        return new PersonalData(text(node, "lastName"), text(node, "firstName"), LocalDate.parse(text(node, "birthDate")),
                text(node, "address"), text(node, "email"), text(node, "phone"), text(node, "externalId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
