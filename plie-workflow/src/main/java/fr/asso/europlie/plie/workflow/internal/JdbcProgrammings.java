package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.json.offer.OfferDirectoryJson;
import fr.asso.europlie.plie.json.offer.ProgrammingJson;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.OfferSettings;
import fr.asso.europlie.plie.offer.ProgrammingRecord;
import fr.asso.europlie.plie.offer.Programmings;
import fr.asso.europlie.plie.offer.RegionCategory;
import fr.asso.europlie.plie.offer.SimplifiedCostOption;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The annual programmings kept in the engine's database (programmations en base), in table
 * {@code plie_programming}: one row per call for proposals of a plan with the programming's JSON
 * document ({@link ProgrammingJson}), the operators ({@link OfferDirectoryJson}) and the offer
 * settings it was opened with, its state and its revision. Like {@link JdbcProtocols}: every read
 * and write runs on the engine's current transaction, writes are optimistic, and {@link #lock}
 * serialises the commands on one programming.
 */
public final class JdbcProgrammings implements Programmings {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlanId plan;
    private final Clock clock;

    /**
     * Creates the store.
     *
     * @param plan the plan whose programmings these are, not null
     * @param clock the clock that stamps rows, not null
     */
    public JdbcProgrammings(PlanId plan, Clock clock) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<ProgrammingRecord> find(CallId id) {
        Objects.requireNonNull(id, "id");
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision, document, operators, settings FROM plie_programming WHERE plan_id = ? AND id = ?")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                OfferSettings settings = readSettings(rows.getString(4));
                // A document of format 1.x is upgraded on reading with the settings stored beside it and,
                // for its first layout, the steering committee of the plan's protocol (never written back
                // until the programming next changes).
                ProgrammingJson.Legacy legacy = new ProgrammingJson.Legacy(protocol -> new JdbcProtocols(plan, clock, events -> {
                }).find(protocol).map(p -> p.content().governance().steeringCommittee()), settings);
                return Optional.of(new ProgrammingRecord(ProgrammingJson.read(rows.getString(2), legacy),
                        OfferDirectoryJson.readOperators(rows.getString(3)), settings, rows.getLong(1)));
            }
        } catch (SQLException e) {
            throw new StoreException("read programming " + id, e);
        }
    }

    /**
     * Locks a programming's row until the current transaction ends, so that the commands on one
     * programming run one after the other (the revision check stays as a safety net).
     *
     * @param id the programming, not null
     * @return true when it exists (and is now locked)
     */
    public boolean lock(CallId id) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision FROM plie_programming WHERE plan_id = ? AND id = ? FOR UPDATE")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new StoreException("lock programming " + id, e);
        }
    }

    @Override
    public void add(ProgrammingRecord programming) {
        Optional<Long> earlier = revision(programming.id());
        if (earlier.isPresent()) {
            throw Programmings.conflict(programming.id(), 0, earlier.get());
        }
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_programming (plan_id, id, revision, state, document, operators, settings, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, plan.value());
            insert.setString(2, programming.id().value());
            insert.setLong(3, programming.revision());
            insert.setString(4, programming.programming().state().name());
            insert.setString(5, ProgrammingJson.write(programming.programming()));
            insert.setString(6, OfferDirectoryJson.writeOperators(programming.operators()));
            insert.setString(7, writeSettings(programming.settings()));
            insert.setObject(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            EngineTransaction.changed();
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw Programmings.conflict(programming.id(), 0, programming.revision());
            }
            throw new StoreException("insert programming " + programming.id(), e);
        }
    }

    @Override
    public void update(ProgrammingRecord programming, long readRevision) {
        long stored = revision(programming.id()).orElseThrow(() -> Programmings.conflict(programming.id(), readRevision, -1));
        if (stored != readRevision) {
            throw Programmings.conflict(programming.id(), readRevision, stored);
        }
        int updated;
        try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                "UPDATE plie_programming SET revision = ?, state = ?, document = ?, operators = ?, settings = ?, updated_at = ? "
                        + "WHERE plan_id = ? AND id = ? AND revision = ?")) {
            update.setLong(1, programming.revision());
            update.setString(2, programming.programming().state().name());
            update.setString(3, ProgrammingJson.write(programming.programming()));
            update.setString(4, OfferDirectoryJson.writeOperators(programming.operators()));
            update.setString(5, writeSettings(programming.settings()));
            update.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            update.setString(7, plan.value());
            update.setString(8, programming.id().value());
            update.setLong(9, readRevision);
            EngineTransaction.changed();
            updated = update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update programming " + programming.id(), e);
        }
        if (updated == 0) {
            throw Programmings.conflict(programming.id(), readRevision, revision(programming.id()).orElse(-1L));
        }
    }

    /**
     * Records the OI's global grant a programming draws its FSE+ from (named when its call opens).
     *
     * @param id the programming, stored, not null
     * @param grant the grant, not null
     */
    public void recordGlobalGrant(CallId id, GlobalGrantId grant) {
        Objects.requireNonNull(grant, "grant");
        try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                "UPDATE plie_programming SET global_grant = ? WHERE plan_id = ? AND id = ?")) {
            update.setString(1, grant.value());
            update.setString(2, plan.value());
            update.setString(3, id.value());
            EngineTransaction.changed();
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("record the global grant of programming " + id, e);
        }
    }

    /**
     * The OI's global grant a programming draws its FSE+ from.
     *
     * @param id the programming, not null
     * @return the grant; empty when opened without one (or before the grant was kept, schema version 12)
     */
    public Optional<GlobalGrantId> globalGrant(CallId id) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT global_grant FROM plie_programming WHERE plan_id = ? AND id = ?")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getString(1) != null ? Optional.of(GlobalGrantId.of(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read the global grant of programming " + id, e);
        }
    }

    private Optional<Long> revision(CallId id) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision FROM plie_programming WHERE plan_id = ? AND id = ?")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read programming " + id, e);
        }
    }

    /** The offer settings as a small JSON object (rates as plain decimal strings, dates ISO). */
    static String writeSettings(OfferSettings settings) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode flat = root.putObject("flatRatesPercent");
        settings.flatRatesPercent().forEach((kind, rate) -> flat.put(kind.name(), rate.toPlainString()));
        root.put("annualHours", settings.annualHours());
        ObjectNode rates = root.putObject("operationCoFinancingRatesPercent");
        settings.operationCoFinancingRatesPercent().forEach((category, rate) -> rates.put(category.name(), rate.toPlainString()));
        root.put("eligibleFrom", settings.eligibleFrom().toString());
        root.put("eligibleUntil", settings.eligibleUntil().toString());
        return JSON.writeValueAsString(root);
    }

    static OfferSettings readSettings(String json) {
        JsonNode root = JSON.readTree(json);
        Map<SimplifiedCostOption.Kind, BigDecimal> flat = new EnumMap<>(SimplifiedCostOption.Kind.class);
        for (SimplifiedCostOption.Kind kind : SimplifiedCostOption.Kind.values()) {
            JsonNode rate = root.get("flatRatesPercent").get(kind.name());
            if (rate != null) {
                flat.put(kind, new BigDecimal(rate.asString()));
            }
        }
        Map<RegionCategory, BigDecimal> rates = new EnumMap<>(RegionCategory.class);
        for (RegionCategory category : RegionCategory.values()) {
            JsonNode rate = root.get("operationCoFinancingRatesPercent").get(category.name());
            if (rate != null) {
                rates.put(category, new BigDecimal(rate.asString()));
            }
        }
        return new OfferSettings(flat, root.get("annualHours").asInt(), rates,
                java.time.LocalDate.parse(root.get("eligibleFrom").asString()),
                java.time.LocalDate.parse(root.get("eligibleUntil").asString()));
    }
}
