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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>One engine command parses a protocol's document at most once (cache par commande): the
 * command context keeps, for each protocol read or written in it, the revision and the parsed
 * protocol. A later read in the same command reuses it when the stored revision is still that one;
 * when the command holds the row's lock ({@link #lock}), no other transaction can change the row,
 * so neither the lock nor the read is sent again. The cache ends with the command, its
 * transaction: a retried command starts empty. Across commands, the store keeps the last document
 * it read or wrote of each recently used protocol with the protocol it holds (immutable): a stored
 * document equal to it, character for character, is not parsed again.
 *
 * <p>Documents are stored compact ({@link ProtocolJson#writeCompact}): no indentation to write,
 * send and compare. A row written indented by an earlier version is read alike (the reader accepts
 * either); it is rewritten compact by its next change.
 */
public final class JdbcProtocols implements Protocols {

    /** The SQL state of a unique-key violation (the same on H2 and PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final PlanId plan;
    private final Clock clock;
    private final Consumer<List<ProtocolEvent>> committedEvents;
    /** The last document read or written of the most recently used protocols, see {@link #parse}. */
    private final Map<String, Parsed> parsed = RecentlyUsed.map(PARSED_KEPT);

    /** How many protocols' last documents are kept parsed (a few MB at most). */
    private static final int PARSED_KEPT = 64;

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
        Known known = known(id);
        if (known != null && known.locked() && known.protocol() != null) {
            // Locked by this command and written only by it since: what it last read or wrote.
            return Optional.of(known.protocol());
        }
        if (known != null && known.locked() && known.document() != null) {
            // Locked by this command, which read the document with the lock.
            Protocol protocol = parse(id, known.document());
            remember(id, known.revision(), protocol, true);
            return Optional.of(protocol);
        }
        Optional<Row> row = row(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (known != null && known.protocol() != null && known.revision() == row.get().revision()) {
            return Optional.of(known.protocol());
        }
        Protocol protocol = parse(id, row.get().document());
        remember(id, row.get().revision(), protocol, known != null && known.locked());
        return Optional.of(protocol);
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
        Known known = known(id);
        if (known != null && known.locked()) {
            return true; // this command holds the lock already, until its transaction ends
        }
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision, document FROM plie_protocol WHERE plan_id = ? AND id = ? FOR UPDATE")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                long revision = rows.getLong(1);
                Map<String, Known> cache = cache();
                if (cache != null) {
                    Known before = cache.get(id.value());
                    // What this command read before the lock is kept only if the row did not change since;
                    // else the protocol this store last read or wrote when the row holds that same document;
                    // else the document read with the lock, parsed when the command first needs it.
                    Protocol protocol = before != null && before.revision() == revision ? before.protocol() : null;
                    String document = null;
                    if (protocol == null) {
                        // The column keeps the text in its row on both databases (script V018 on H2): the
                        // driver hands over the string it holds, compared here character for character.
                        Parsed last = parsed.get(id.value());
                        String stored = rows.getString(2);
                        if (last != null && last.document().equals(stored)) {
                            protocol = last.protocol();
                        } else {
                            document = stored;
                        }
                    }
                    cache.put(id.value(), new Known(revision, protocol, document, true));
                }
                return true;
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
        String document = ProtocolJson.writeCompact(protocol);
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_protocol (plan_id, id, revision, state, document, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, plan.value());
            insert.setString(2, protocol.id().value());
            insert.setLong(3, protocol.revision());
            insert.setString(4, protocol.state().name());
            insert.setString(5, document);
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
        // The new row is this transaction's until it commits: no other can change it meanwhile.
        remember(protocol.id(), protocol.revision(), protocol, true);
        parsed.put(protocol.id().value(), new Parsed(document, protocol));
        published(protocol.events());
    }

    @Override
    public void update(Protocol protocol, long readRevision) {
        Known known = known(protocol.id());
        Protocol previous;
        if (known != null && known.locked() && known.document() != null) {
            known = new Known(known.revision(), parse(protocol.id(), known.document()), null, true);
        }
        if (known != null && known.locked() && known.protocol() != null) {
            // The row is locked by this command, which knows its revision and content.
            if (known.revision() != readRevision) {
                throw new ConcurrentChangeException(protocol.id(), readRevision, known.revision());
            }
            previous = known.protocol();
        } else {
            Row stored = row(protocol.id()).orElseThrow(() -> new ConcurrentChangeException(protocol.id(), readRevision, -1));
            if (stored.revision() != readRevision) {
                throw new ConcurrentChangeException(protocol.id(), readRevision, stored.revision());
            }
            previous = known != null && known.protocol() != null && known.revision() == stored.revision() ? known.protocol()
                    : parse(protocol.id(), stored.document());
        }
        int updated;
        String document = ProtocolJson.writeCompact(protocol);
        try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                "UPDATE plie_protocol SET revision = ?, state = ?, document = ?, updated_at = ? "
                        + "WHERE plan_id = ? AND id = ? AND revision = ?")) {
            update.setLong(1, protocol.revision());
            update.setString(2, protocol.state().name());
            update.setString(3, document);
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
        // The UPDATE took the row's lock (if the command did not hold it already).
        remember(protocol.id(), protocol.revision(), protocol, true);
        parsed.put(protocol.id().value(), new Parsed(document, protocol));
        int before = previous.events().size();
        List<ProtocolEvent> events = protocol.events();
        published(events.subList(Math.min(before, events.size()), events.size()));
    }

    /**
     * What the current command knows of a protocol's row: its revision, its content (parsed, or the
     * document read with the lock and not parsed yet), whether the command holds the row's lock.
     */
    private record Known(long revision, Protocol protocol, String document, boolean locked) {
    }

    /**
     * A document with the protocol it is the text of: read from it, or the protocol written as it
     * ({@link ProtocolJson} reads back what it wrote, equal).
     */
    private record Parsed(String document, Protocol protocol) {
    }

    /**
     * The protocol a stored document holds, parsed once: when the document is, character for
     * character, the last one this store read or wrote for the protocol, that protocol (immutable)
     * is the answer; otherwise the document is parsed and kept in its place.
     */
    private Protocol parse(ProtocolId id, String document) {
        Parsed last = parsed.get(id.value());
        if (last != null && last.document().equals(document)) {
            return last.protocol();
        }
        Protocol protocol = ProtocolJson.read(document);
        parsed.put(id.value(), new Parsed(document, protocol));
        return protocol;
    }

    /** The current command's cache of this plan's protocols, or null outside a command. */
    private Map<String, Known> cache() {
        return EngineTransaction.commandMap("plie.protocols." + plan.value());
    }

    private Known known(ProtocolId id) {
        Map<String, Known> cache = cache();
        return cache == null ? null : cache.get(id.value());
    }

    private void remember(ProtocolId id, long revision, Protocol protocol, boolean locked) {
        Map<String, Known> cache = cache();
        if (cache != null) {
            cache.put(id.value(), new Known(revision, protocol, null, locked));
        }
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
