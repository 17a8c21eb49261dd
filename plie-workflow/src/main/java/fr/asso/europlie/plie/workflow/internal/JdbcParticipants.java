package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.cohort.CaseloadSpan;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.ConcurrentParticipantChangeException;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ParticipantVersion;
import fr.asso.europlie.plie.cohort.Participants;
import fr.asso.europlie.plie.json.cohort.CohortJson;
import fr.asso.europlie.plie.protocol.TargetPublic;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The participants kept in the engine's database (participants en base), in table
 * {@code plie_participant}: one row per participant of a plan with its JSON document (format
 * {@link CohortJson#FORMAT}, the participant alone), its revision, whether its current period is
 * open, and the order it joined; its caseload spans ({@link Participant#caseloadSpans()}) in
 * {@code plie_caseload_span}, rewritten with every change. Every read and write runs on the engine's
 * current transaction ({@link EngineTransaction}).
 *
 * <p>Writes are optimistic ({@link ConcurrentParticipantChangeException} on a stale revision);
 * commands lock the row first ({@link #lock}) so that two commands on one participant run one after
 * the other. {@link #forEach} pages through the plan's participants in the order they joined,
 * {@value #PAGE} at a time, so a report over any number of them holds one page at once.
 */
@SuppressWarnings("deprecation") // throws ConcurrentParticipantChangeException, still caught by existing code
public final class JdbcParticipants implements Participants {

    /** The rows read at once by {@link #forEach}. */
    static final int PAGE = fr.asso.europlie.plie.workflow.cohort.CohortFollowUp.STREAM_PAGE;

    /** The SQL state of a unique-key violation (the same on H2 and PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final PlanId plan;
    private final Clock clock;
    private final List<TargetPublic> targetPublics;

    /**
     * Creates the store.
     *
     * @param plan the plan whose participants these are, not null
     * @param clock the clock that stamps rows, not null
     * @param targetPublics the protocol's target publics, which the documents are read against, not null
     */
    public JdbcParticipants(PlanId plan, Clock clock, List<TargetPublic> targetPublics) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.targetPublics = List.copyOf(targetPublics);
    }

    @Override
    public Optional<ParticipantVersion> find(ParticipantId id) {
        return select(id, false);
    }

    /**
     * Reads a participant and locks its row until the current transaction ends, so that the
     * commands acting on one participant run one after the other, each on what the previous one
     * committed (the revision check stays as a safety net).
     *
     * @param id the participant, not null
     * @return the participant and its revision, empty when absent
     */
    public Optional<ParticipantVersion> lock(ParticipantId id) {
        return select(id, true);
    }

    private Optional<ParticipantVersion> select(ParticipantId id, boolean forUpdate) {
        Objects.requireNonNull(id, "id");
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision, document FROM plie_participant WHERE plan_id = ? AND id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new ParticipantVersion(read(rows.getString(2)), rows.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read participant " + id, e);
        }
    }

    @Override
    public void add(Participant participant) {
        Optional<ParticipantVersion> earlier = find(participant.id());
        if (earlier.isPresent()) {
            throw new ConcurrentParticipantChangeException(participant.id(), 0, earlier.get().revision());
        }
        insertRows(List.of(participant));
        writeSpans(List.of(participant));
    }

    /**
     * Stores new participants as {@link #add} stores each, with fewer round trips to the database:
     * the ids are looked up a chunk at a time, and the rows (participants, then their caseload
     * spans) are sent as JDBC batches. The same refusal as {@code add}'s, for the first participant
     * in the list's order that is stored already or listed a second time, before anything is
     * written. Should another transaction insert one of the ids meanwhile, the database's unique
     * key refuses the batch: a conflict, which the command runner retries, and the retry's lookup
     * names the participant.
     *
     * @param participants the participants, not null
     */
    @Override
    public void addAll(List<Participant> participants) {
        Objects.requireNonNull(participants, "participants");
        Set<String> listed = new HashSet<>();
        for (Participant participant : participants) {
            if (!listed.add(participant.id().value())) {
                throw new ConcurrentParticipantChangeException(participant.id(), 0, 1);
            }
        }
        Map<String, Long> stored = storedRevisions(participants);
        for (Participant participant : participants) {
            Long revision = stored.get(participant.id().value());
            if (revision != null) {
                throw new ConcurrentParticipantChangeException(participant.id(), 0, revision);
            }
        }
        for (int from = 0; from < participants.size(); from += BATCH) {
            List<Participant> chunk = participants.subList(from, Math.min(participants.size(), from + BATCH));
            insertRows(chunk);
            writeSpans(chunk);
        }
    }

    /** The rows sent in one JDBC batch, and the ids looked up in one query, by {@link #addAll}. */
    static final int BATCH = 500;

    /**
     * The stored revision of each of these participants that is stored, by id: one query a chunk,
     * each id looked up in the primary key ({@link ByIds}; the IN list of pairs it replaces made an
     * import's time grow with the square of its size on PostgreSQL, docs/PERFORMANCE.md section 44).
     */
    private Map<String, Long> storedRevisions(List<Participant> participants) {
        Map<String, Long> stored = new HashMap<>();
        for (int from = 0; from < participants.size(); from += BATCH) {
            List<Participant> chunk = participants.subList(from, Math.min(participants.size(), from + BATCH));
            try {
                ByIds.select("SELECT p.id, p.revision FROM UNNEST(?) AS k(id) JOIN plie_participant p ON p.plan_id = ? AND p.id = k.id",
                        plan, chunk.stream().map(p -> p.id().value()).toList(), row -> stored.put(row.getString(1), row.getLong(2)));
            } catch (SQLException e) {
                throw new StoreException("look up participants " + chunk.get(0).id() + after(chunk), e);
            }
        }
        return stored;
    }

    /** Inserts the participants' rows at revision 1, in one JDBC batch. */
    private void insertRows(List<Participant> chunk) {
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_participant (plan_id, id, revision, is_open, document, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime now = now();
            for (Participant participant : chunk) {
                insert.setString(1, plan.value());
                insert.setString(2, participant.id().value());
                insert.setLong(3, 1);
                insert.setBoolean(4, participant.isOpen());
                insert.setString(5, write(participant));
                insert.setObject(6, now);
                insert.addBatch();
            }
            EngineTransaction.changed();
            insert.executeBatch();
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new ConcurrentParticipantChangeException(chunk.get(0).id(), 0, 1);
            }
            throw new StoreException("insert participant " + chunk.get(0).id() + after(chunk), e);
        }
    }

    /** Whether a failure (a batch's, whose cause may be chained) is a unique-key violation. */
    private static boolean isUniqueViolation(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public void update(Participant participant, long readRevision) {
        int updated;
        try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                "UPDATE plie_participant SET revision = ?, is_open = ?, document = ?, updated_at = ? "
                        + "WHERE plan_id = ? AND id = ? AND revision = ?")) {
            update.setLong(1, readRevision + 1);
            update.setBoolean(2, participant.isOpen());
            update.setString(3, write(participant));
            update.setObject(4, now());
            update.setString(5, plan.value());
            update.setString(6, participant.id().value());
            update.setLong(7, readRevision);
            EngineTransaction.changed();
            updated = update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update participant " + participant.id(), e);
        }
        if (updated == 0) {
            throw new ConcurrentParticipantChangeException(participant.id(), readRevision,
                    find(participant.id()).map(ParticipantVersion::revision).orElse(-1L));
        }
        deleteSpans(participant.id());
        writeSpans(List.of(participant));
    }

    @Override
    public boolean remove(ParticipantId id) {
        deleteSpans(id);
        try (PreparedStatement delete = EngineTransaction.connection().prepareStatement(
                "DELETE FROM plie_participant WHERE plan_id = ? AND id = ?")) {
            delete.setString(1, plan.value());
            delete.setString(2, id.value());
            EngineTransaction.changed();
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("delete participant " + id, e);
        }
    }

    @Override
    public void forEach(Consumer<? super Participant> action) {
        Objects.requireNonNull(action, "action");
        all().forEach(action);
    }

    /**
     * The plan's participants in the order they joined, read {@value #PAGE} at a time as the
     * iteration goes on: each iteration reads the store again. Iterate within the engine command
     * that obtained it.
     *
     * @return the participants, lazily
     */
    public Iterable<Participant> all() {
        return () -> new Iterator<>() {
            private long after = Long.MIN_VALUE;
            private final ArrayDeque<String> page = new ArrayDeque<>();
            private boolean last;

            @Override
            public boolean hasNext() {
                if (page.isEmpty() && !last) {
                    last = nextPage(after, page) < PAGE;
                    if (!page.isEmpty()) {
                        after = lastSeq;
                    }
                }
                return !page.isEmpty();
            }

            @Override
            public Participant next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return read(page.poll());
            }

            private long lastSeq;

            private int nextPage(long from, ArrayDeque<String> into) {
                try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                        "SELECT seq, document FROM plie_participant WHERE plan_id = ? AND seq > ? ORDER BY plan_id, seq FETCH FIRST "
                                + PAGE + " ROWS ONLY")) {
                    select.setString(1, plan.value());
                    select.setLong(2, from);
                    int read = 0;
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            lastSeq = rows.getLong(1);
                            into.add(rows.getString(2));
                            read++;
                        }
                    }
                    return read;
                } catch (SQLException e) {
                    throw new StoreException("read the participants of plan " + plan, e);
                }
            }
        };
    }

    @Override
    public long count() {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT COUNT(*) FROM plie_participant WHERE plan_id = ?")) {
            select.setString(1, plan.value());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("count the participants of plan " + plan, e);
        }
    }

    /** The caseload spans of these participants, in one JDBC batch; no statement when they have none. */
    private void writeSpans(List<Participant> participants) {
        List<List<CaseloadSpan>> spans = new ArrayList<>(participants.size());
        for (Participant participant : participants) {
            spans.add(participant.caseloadSpans());
        }
        if (spans.stream().allMatch(List::isEmpty)) {
            return;
        }
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_caseload_span (plan_id, participant_id, referent_id, first_day, end_day) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < participants.size(); i++) {
                for (CaseloadSpan span : spans.get(i)) {
                    insert.setString(1, plan.value());
                    insert.setString(2, participants.get(i).id().value());
                    insert.setString(3, span.referent().value());
                    insert.setDate(4, Date.valueOf(span.first()));
                    if (span.end() == null) {
                        insert.setNull(5, Types.DATE);
                    } else {
                        insert.setDate(5, Date.valueOf(span.end()));
                    }
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("write the caseload of participant " + participants.get(0).id() + after(participants), e);
        }
    }

    /** How many participants a batch's error message leaves unnamed after its first. */
    private static String after(List<Participant> participants) {
        return participants.size() > 1 ? " and the " + (participants.size() - 1) + " after it" : "";
    }

    private void deleteSpans(ParticipantId id) {
        try (PreparedStatement delete = EngineTransaction.connection().prepareStatement(
                "DELETE FROM plie_caseload_span WHERE plan_id = ? AND participant_id = ?")) {
            delete.setString(1, plan.value());
            delete.setString(2, id.value());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("delete the caseload of participant " + id, e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * The document of a participant: the cohort format holding it alone.
     *
     * @param participant the participant
     * @return the JSON text
     */
    static String write(Participant participant) {
        return CohortJson.writeCompact(new CohortData(List.of(), List.of(participant), Map.of(), Map.of()));
    }

    private Participant read(String document) {
        return CohortJson.read(document, targetPublics).participants().get(0);
    }
}
