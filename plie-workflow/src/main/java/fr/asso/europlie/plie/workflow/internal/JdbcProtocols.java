package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;

import fr.asso.europlie.plie.json.ProtocolJson;
import fr.asso.europlie.plie.protocol.ConcurrentChangeException;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.Protocols;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The protocols kept in the engine's database (protocoles en base), in table
 * {@code plie_protocol}: one row per protocol with its JSON document ({@link ProtocolJson}), its
 * state and its revision. Every read and write runs on the engine's current transaction
 * ({@link EngineTransaction}), so a protocol's change and the process step that makes it commit
 * or roll back together.
 *
 * <p>Writes are optimistic: a row is updated only if its revision is still the one the writer
 * read, otherwise {@link ConcurrentChangeException} is thrown and nothing is written. The events
 * that a write adds are handed to the event sink once the transaction has committed.
 */
public final class JdbcProtocols implements Protocols {

    /** The SQL state of a unique-key violation (the same on H2 and PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final PlanId plan;
    private final Clock clock;
    private final Consumer<List<ProtocolEvent>> committedEvents;

    /**
     * Creates the store.
     *
     * @param plan the plan whose protocols these are, not null
     * @param clock the clock that stamps rows, not null
     * @param committedEvents receives the events of each write after its transaction commits, not null
     */
    public JdbcProtocols(PlanId plan, Clock clock, Consumer<List<ProtocolEvent>> committedEvents) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.committedEvents = Objects.requireNonNull(committedEvents, "committedEvents");
    }

    @Override
    public Optional<Protocol> find(ProtocolId id) {
        Objects.requireNonNull(id, "id");
        return row(id).map(Row::document).map(ProtocolJson::read);
    }

    /**
     * Locks a protocol's row until the current transaction ends, so that the commands acting on
     * one protocol run one after the other and each sees what the previous one committed (a
     * pessimistic lock taken first; the revision check stays as a safety net).
     *
     * @param id the protocol, not null
     * @return true when the protocol exists (and is now locked)
     */
    public boolean lock(ProtocolId id) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision FROM plie_protocol WHERE plan_id = ? AND id = ? FOR UPDATE")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new StoreException("lock protocol " + id, e);
        }
    }

    @Override
    public void add(Protocol protocol) {
        Optional<Row> earlier = row(protocol.id());
        if (earlier.isPresent()) {
            throw new ConcurrentChangeException(protocol.id(), 0, earlier.get().revision());
        }
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_protocol (plan_id, id, revision, state, document, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, plan.value());
            insert.setString(2, protocol.id().value());
            insert.setLong(3, protocol.revision());
            insert.setString(4, protocol.state().name());
            insert.setString(5, ProtocolJson.write(protocol));
            insert.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            EngineTransaction.changed();
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // Another transaction inserted the same protocol meanwhile (its row was not visible when
                // this one looked): a conflict, retried by the command runner, not a technical failure.
                // The stored revision cannot be read here (PostgreSQL has aborted the transaction):
                // the other writer's new protocol starts at the same revision as this one.
                throw new ConcurrentChangeException(protocol.id(), 0, protocol.revision());
            }
            throw new StoreException("insert protocol " + protocol.id(), e);
        }
        published(protocol.events());
    }

    @Override
    public void update(Protocol protocol, long readRevision) {
        Row stored = row(protocol.id()).orElseThrow(() -> new ConcurrentChangeException(protocol.id(), readRevision, -1));
        if (stored.revision() != readRevision) {
            throw new ConcurrentChangeException(protocol.id(), readRevision, stored.revision());
        }
        int updated;
        try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                "UPDATE plie_protocol SET revision = ?, state = ?, document = ?, updated_at = ? "
                        + "WHERE plan_id = ? AND id = ? AND revision = ?")) {
            update.setLong(1, protocol.revision());
            update.setString(2, protocol.state().name());
            update.setString(3, ProtocolJson.write(protocol));
            update.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            update.setString(5, plan.value());
            update.setString(6, protocol.id().value());
            update.setLong(7, readRevision);
            EngineTransaction.changed();
            updated = update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update protocol " + protocol.id(), e);
        }
        if (updated == 0) {
            throw new ConcurrentChangeException(protocol.id(), readRevision, row(protocol.id()).map(Row::revision).orElse(-1L));
        }
        int known = ProtocolJson.read(stored.document()).events().size();
        List<ProtocolEvent> events = protocol.events();
        published(events.subList(Math.min(known, events.size()), events.size()));
    }

    private void published(List<ProtocolEvent> events) {
        if (!events.isEmpty()) {
            List<ProtocolEvent> copy = List.copyOf(events);
            EngineTransaction.afterCommit(() -> committedEvents.accept(copy));
        }
    }

    private record Row(long revision, String document) {
    }

    private Optional<Row> row(ProtocolId id) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision, document FROM plie_protocol WHERE plan_id = ? AND id = ?")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Row(rows.getLong(1), rows.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read protocol " + id, e);
        }
    }
}
