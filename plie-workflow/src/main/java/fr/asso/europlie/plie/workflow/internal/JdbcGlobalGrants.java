package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.GlobalGrants;
import fr.asso.europlie.plie.funds.LedgerCommand;
import fr.asso.europlie.plie.funds.LedgerResult;
import fr.asso.europlie.plie.json.funds.GlobalGrantJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
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

/**
 * The global grants of a plan kept in the engine's database (subventions globales en base), the
 * persistent implementation of the domain's {@link GlobalGrants} port. Table
 * {@code plie_ledger_entry} is the ledger's journal (journal du grand livre), append-only in the
 * database (schema version 13): one row per command applied, its sequence number in the grant
 * ({@code revision}), its idempotency key unique per grant, so that a command retried on another
 * node is applied once, and the whole command ({@link GlobalGrantJson#writeCommand}). Table
 * {@code plie_global_grant} holds one row per grant with its revision and its document
 * ({@link GlobalGrantJson}) without the journal: the OI, the envelopes and the priorities, written
 * once when the grant is added. A grant is rebuilt from its document and its rows in order, every
 * rule of the ledger checked again, so the balances derive from the journal. A document written
 * before version 13 holds the journal of its time (its rows have no command): those commands are
 * read from it, the rows after them from the table. The first write after the upgrade appends its
 * rows after the old ones and leaves the document and the old rows as they are (rows are
 * append-only, and a row's whole command cannot be rebuilt from its columns), so such a document
 * stays the record of its commands for good. Every read and write runs on the engine's
 * current transaction ({@link EngineTransaction}).
 *
 * <p>Writes are optimistic, as the port says: an update names the revision it was computed from
 * and is refused ({@code PLIE-FUNDS-028}, retried by the {@link CommandRunner}) when the stored
 * revision differs. An update must also extend the stored ledger: the same OI and envelopes, the
 * stored journal as its beginning and at least one command more; an update that re-bases the
 * grant (other envelopes, a rewritten journal) under the same revision is refused
 * ({@code PLIE-FUNDS-028}) and nothing is written. An update writes the new rows and the grant's
 * revision, never its document. {@link #lock} takes the grant's row lock first, so that the
 * commands on one grant run one after the other.
 *
 * <p>One engine command rebuilds a grant at most once (cache par commande): the command context
 * keeps, for each grant read, locked or written in it, the revision and the grant. While the
 * command holds the row's lock ({@link #lock}), no other transaction can change the grant, so a
 * later read, lock or the check before an update sends nothing; the update still names the
 * revision ({@code WHERE revision = ?}, the safety net). Across commands, the grants read or
 * written by committed transactions (recent revisions) are kept, each with its document: a grant
 * stored at a later revision with the same document is the kept grant plus the rows after it, so
 * only those rows are read and applied (rows are never changed nor removed, and a grant is kept
 * only once its transaction has committed, so the kept grant is the journal's beginning).
 */
public final class JdbcGlobalGrants implements GlobalGrants {

    /** The SQL state of a unique-key violation (the same on H2 and PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";

    /** How many documents are kept parsed (recent revisions of the grants in use). */
    private static final int PARSED_KEPT = 16;

    /**
     * The grants read or written last by committed transactions, by plan, grant and revision, each
     * with the document it was stored with: a pure function of the document and the rows, which are
     * never changed, so shared by every store. Several revisions of a grant are kept because
     * commands running at once read the revision committed before the one another has just written.
     */
    private static final Map<String, Parsed> PARSED = RecentlyUsed.map(PARSED_KEPT);

    private final PlanId plan;
    private final Clock clock;

    /**
     * Creates the store.
     *
     * @param plan the plan whose grants these are, not null
     * @param clock the clock that stamps rows, not null
     */
    public JdbcGlobalGrants(PlanId plan, Clock clock) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The documents parsed, by plan and grant, with the grant each holds (its journal before version 13 included). */
    private static final Map<String, Parsed> BASES = RecentlyUsed.map(PARSED_KEPT);

    @Override
    public Optional<GlobalGrant> find(GlobalGrantId id) {
        Objects.requireNonNull(id, "id");
        Known known = known(id);
        if (known != null && known.locked()) {
            // Locked by this command and written only by it since: what it last read or wrote.
            return Optional.of(known.grant());
        }
        Optional<Row> row = row(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (known != null && known.revision() == row.get().revision()) {
            return Optional.of(known.grant());
        }
        GlobalGrant grant = build(id, row.get().revision(), row.get().document());
        remember(id, row.get().revision(), grant, false, row.get().document());
        return Optional.of(grant);
    }

    /**
     * Locks a grant's row until the current transaction ends, so that two reservations on one
     * grant run one after the other and the second sees what the first committed (the revision
     * check stays as a safety net).
     *
     * @param id the grant, not null
     * @return true when the grant exists (and is now locked)
     */
    public boolean lock(GlobalGrantId id) {
        Known known = known(id);
        if (known != null && known.locked()) {
            return true; // this command holds the lock already, until its transaction ends
        }
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision, document FROM plie_global_grant WHERE plan_id = ? AND id = ? FOR UPDATE")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                long revision = rows.getLong(1);
                if (cache() != null) {
                    String document = rows.getString(2);
                    remember(id, revision, known != null && known.revision() == revision ? known.grant()
                            : build(id, revision, document), true, document);
                }
                return true;
            }
        } catch (SQLException e) {
            throw new StoreException("lock global grant " + id, e);
        }
    }

    @Override
    public void add(GlobalGrant grant) {
        Objects.requireNonNull(grant, "grant");
        Optional<Row> earlier = row(grant.id());
        if (earlier.isPresent()) {
            throw conflict(grant.id(), -1, earlier.get().revision());
        }
        // the document without the journal, which the rows hold
        String document = GlobalGrantJson.writeCompact(GlobalGrant.of(grant.id(), grant.intermediateBody(), grant.envelopes(), grant.priorities()));
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_global_grant (plan_id, id, revision, intermediate_body, document, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, plan.value());
            insert.setString(2, grant.id().value());
            insert.setLong(3, grant.revision());
            insert.setString(4, grant.intermediateBody().value());
            insert.setString(5, document);
            insert.setObject(6, now());
            EngineTransaction.changed();
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // another transaction added the same grant meanwhile: a conflict, not a technical failure
                throw conflict(grant.id(), -1, grant.revision());
            }
            throw new StoreException("insert global grant " + grant.id(), e);
        }
        entries(grant, 0);
        remember(grant.id(), grant.revision(), grant, false, document);
        keepOnceCommitted(grant.id(), document, grant);
    }

    @Override
    public void update(GlobalGrant grant, long readRevision) {
        Objects.requireNonNull(grant, "grant");
        Known known = known(grant.id());
        long storedRevision;
        GlobalGrant before;
        String document;
        if (known != null && known.locked()) {
            // the row is locked by this command: it is what the command read with the lock or wrote since
            storedRevision = known.revision();
            before = known.grant();
            document = known.document();
        } else {
            Row stored = row(grant.id()).orElseThrow(() -> conflict(grant.id(), readRevision, -1));
            storedRevision = stored.revision();
            document = stored.document();
            before = storedRevision == readRevision ? build(grant.id(), storedRevision, document) : null;
        }
        if (storedRevision != readRevision) {
            throw conflict(grant.id(), readRevision, storedRevision);
        }
        if (!extendsLedger(before, grant)) {
            // the same revision, but not the stored ledger plus new commands: a re-based grant
            throw conflict(grant.id(), readRevision, storedRevision);
        }
        int updated;
        try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                "UPDATE plie_global_grant SET revision = ?, updated_at = ? WHERE plan_id = ? AND id = ? AND revision = ?")) {
            update.setLong(1, grant.revision());
            update.setObject(2, now());
            update.setString(3, plan.value());
            update.setString(4, grant.id().value());
            update.setLong(5, readRevision);
            EngineTransaction.changed();
            updated = update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update global grant " + grant.id(), e);
        }
        if (updated == 0) {
            throw conflict(grant.id(), readRevision, row(grant.id()).map(Row::revision).orElse(-1L));
        }
        entries(grant, (int) readRevision);
        remember(grant.id(), grant.revision(), grant, known != null && known.locked(), document);
        keepOnceCommitted(grant.id(), document, grant);
    }

    /**
     * The journal rows of a grant, oldest first: the commands applied with their revision.
     *
     * @param id the grant, not null
     * @return kind, operation, key and amount of each row
     */
    public List<Entry> entries(GlobalGrantId id) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision, kind, operation_id, idempotency_key, amount FROM plie_ledger_entry "
                        + "WHERE plan_id = ? AND grant_id = ? ORDER BY revision")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                List<Entry> entries = new java.util.ArrayList<>();
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            Money.of(rows.getBigDecimal(5))));
                }
                return List.copyOf(entries);
            }
        } catch (SQLException e) {
            throw new StoreException("read ledger of " + id, e);
        }
    }

    /**
     * One row of the ledger's journal.
     *
     * @param revision the grant revision the command made
     * @param kind the command ({@code Reserve}, {@code Commit}, ...)
     * @param operation the operation
     * @param key the idempotency key
     * @param amount the command's amount (for a service-done check, the amount accepted)
     */
    public record Entry(long revision, String kind, String operation, String key, Money amount) {
    }

    private static boolean extendsLedger(GlobalGrant before, GlobalGrant after) {
        return before.intermediateBody().equals(after.intermediateBody()) && before.envelopes().equals(after.envelopes())
                && before.priorities().equals(after.priorities()) && after.journal().size() > before.journal().size()
                && after.journal().subList(0, before.journal().size()).equals(before.journal());
    }

    private void entries(GlobalGrant grant, int from) {
        List<LedgerCommand> journal = grant.journal();
        if (from >= journal.size()) {
            return;
        }
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_ledger_entry (plan_id, grant_id, revision, idempotency_key, kind, operation_id, amount, actor, at, reason, "
                        + "command) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = from; i < journal.size(); i++) {
                LedgerCommand command = journal.get(i);
                insert.setString(1, plan.value());
                insert.setString(2, grant.id().value());
                insert.setLong(3, i + 1L);
                insert.setString(4, command.key().value());
                insert.setString(5, command.getClass().getSimpleName());
                insert.setString(6, command.operation().value());
                insert.setBigDecimal(7, amount(command).amount());
                insert.setString(8, command.actor());
                insert.setObject(9, OffsetDateTime.ofInstant(command.at(), ZoneOffset.UTC));
                insert.setString(10, command.reason());
                insert.setString(11, GlobalGrantJson.writeCommand(command));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) || isUnique(e)) {
                // the same key or revision written by another node meanwhile: a conflict, retried on the new state
                throw conflict(grant.id(), from, -1);
            }
            throw new StoreException("append ledger of " + grant.id(), e);
        }
    }

    private static boolean isUnique(SQLException e) {
        for (SQLException next = e.getNextException(); next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Money amount(LedgerCommand command) {
        if (command instanceof LedgerCommand.Reserve c) {
            return c.amount();
        }
        if (command instanceof LedgerCommand.Release c) {
            return c.amount();
        }
        if (command instanceof LedgerCommand.Commit c) {
            return c.amount();
        }
        if (command instanceof LedgerCommand.Pay c) {
            return c.amount();
        }
        if (command instanceof LedgerCommand.Decommit c) {
            return c.amount();
        }
        if (command instanceof LedgerCommand.TopUp c) {
            return c.amount();
        }
        return ((LedgerCommand.RecordServiceDone) command).check().accepted();
    }

    private static RuleViolationException conflict(GlobalGrantId id, long expected, long found) {
        return new fr.asso.europlie.plie.error.ConflictingChangeException(FundsError.CONCURRENT_CHANGE, "globalGrant", "globalGrantId", id,
                expected, found);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private record Row(long revision, String document) {
    }

    /** What the current command knows of a grant: its revision, the grant, and whether it holds the row's lock. */
    private record Known(long revision, GlobalGrant grant, boolean locked, String document) {
    }

    /** A document and the grant parsed from it (or written to it). */
    private record Parsed(String document, GlobalGrant grant) {
    }

    private String key(GlobalGrantId id, long revision) {
        return plan.value() + '\u0000' + id.value() + '\u0000' + revision;
    }

    /**
     * The grant stored at a revision with a document: the grant kept for it; else the newest grant
     * kept with the same document at an earlier revision plus the rows after it; else the document's
     * grant (parsed once per document) plus the rows after its journal. The grant is kept once the
     * current transaction has committed.
     */
    private GlobalGrant build(GlobalGrantId id, long revision, String document) {
        Parsed start = kept(id, revision, document);
        if (start != null && start.grant().revision() == revision) {
            return start.grant();
        }
        boolean fromKept = start != null;
        if (start == null) {
            start = BASES.get(key(id, -1));
            if (start == null || !start.document().equals(document)) {
                start = new Parsed(document, GlobalGrantJson.read(document));
                BASES.put(key(id, -1), start);
            }
        }
        GlobalGrant from = start.grant();
        if (from.revision() > revision) {
            throw new IllegalStateException("PLIE store: cannot " + "read global grant " + id + ": its document holds " + from.revision()
                    + " commands, its revision is " + revision);
        }
        List<LedgerCommand> rows = commands(id, from.revision(), revision);
        GlobalGrant grant;
        if (fromKept) {
            grant = from;
            for (LedgerCommand command : rows) {
                LedgerResult applied = grant.apply(command);
                if (applied.replayed()) {
                    throw new IllegalStateException("PLIE store: cannot read global grant " + id + ": row " + (grant.revision() + 1)
                            + " repeats key " + command.key());
                }
                grant = applied.grant();
            }
        } else {
            List<LedgerCommand> journal = new java.util.ArrayList<>(from.journal());
            journal.addAll(rows);
            grant = GlobalGrant.replay(from.id(), from.intermediateBody(), from.envelopes(), from.priorities(), journal);
        }
        keepOnceCommitted(id, document, grant);
        return grant;
    }

    /** The newest grant kept with this document at the revision or before, or null. */
    private Parsed kept(GlobalGrantId id, long revision, String document) {
        Parsed exact = PARSED.get(key(id, revision));
        if (exact != null && exact.document().equals(document)) {
            return exact;
        }
        String prefix = plan.value() + '\u0000' + id.value() + '\u0000';
        Parsed best = null;
        synchronized (PARSED) {
            for (Map.Entry<String, Parsed> entry : PARSED.entrySet()) {
                Parsed parsed = entry.getValue();
                if (entry.getKey().startsWith(prefix) && parsed.document().equals(document) && parsed.grant().revision() <= revision
                        && (best == null || parsed.grant().revision() > best.grant().revision())) {
                    best = parsed;
                }
            }
        }
        return best;
    }

    /**
     * Keeps a grant for the next commands once the current transaction has committed: its rows are
     * then in the database for good (append-only), so it is the beginning of any later revision.
     */
    private void keepOnceCommitted(GlobalGrantId id, String document, GlobalGrant grant) {
        if (!EngineTransaction.active() || org.flowable.common.engine.impl.context.Context.getTransactionContext() == null) {
            return;
        }
        String key = key(id, grant.revision());
        EngineTransaction.afterCommit(() -> PARSED.put(key, new Parsed(document, grant)));
    }

    /** The commands of the rows after a revision, up to another, in order; each row's command present. */
    private List<LedgerCommand> commands(GlobalGrantId id, long after, long upTo) {
        if (after >= upTo) {
            return List.of();
        }
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision, command FROM plie_ledger_entry WHERE plan_id = ? AND grant_id = ? AND revision > ? AND revision <= ? "
                        + "ORDER BY revision")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            select.setLong(3, after);
            select.setLong(4, upTo);
            List<LedgerCommand> commands = new java.util.ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long expected = after + commands.size() + 1;
                    String command = rows.getString(2);
                    if (rows.getLong(1) != expected || command == null) {
                        throw new IllegalStateException("PLIE store: cannot " + "read ledger of " + id + ": row " + expected + (command == null && rows.getLong(1) == expected
                                ? " has no command" : " missing"));
                    }
                    commands.add(GlobalGrantJson.readCommand(command));
                }
            }
            if (commands.size() != upTo - after) {
                throw new IllegalStateException("PLIE store: cannot " + "read ledger of " + id + ": rows " + (after + commands.size() + 1) + " to " + upTo + " missing");
            }
            return commands;
        } catch (SQLException e) {
            throw new StoreException("read ledger of " + id, e);
        }
    }

    /** The current command's cache of this plan's grants, or null outside a command. */
    private Map<String, Known> cache() {
        return EngineTransaction.commandMap("plie.grants." + plan.value());
    }

    private Known known(GlobalGrantId id) {
        Map<String, Known> cache = cache();
        return cache == null ? null : cache.get(id.value());
    }

    private void remember(GlobalGrantId id, long revision, GlobalGrant grant, boolean locked, String document) {
        Map<String, Known> cache = cache();
        if (cache != null) {
            cache.put(id.value(), new Known(revision, grant, locked, document));
        }
    }

    private Optional<Row> row(GlobalGrantId id) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision, document FROM plie_global_grant WHERE plan_id = ? AND id = ?")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Row(rows.getLong(1), rows.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read global grant " + id, e);
        }
    }
}
