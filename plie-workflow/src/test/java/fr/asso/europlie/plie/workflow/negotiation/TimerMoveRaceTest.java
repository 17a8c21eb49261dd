package fr.asso.europlie.plie.workflow.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngines;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two callers of {@link PlieEngine#runDueJobs()} (two nodes) that see the same due timer of a
 * negotiation at once move it to an executable job one after the other, under the protocol's row
 * lock: the second finds it gone and leaves it. Before, both moved it at once; the second one's
 * insert of the same job failed on {@code ACT_RU_JOB}'s key once the first committed, and Flowable
 * logged that duplicate key at ERROR with its stack trace; the command rolled back and the caller
 * counted the timer as taken by the other, so nothing was changed, but the log reported an engine
 * failure where there was none.
 *
 * <p>The race is made deterministic by a test transaction that holds the protocol's row lock and
 * the due timers' rows, as a command on the protocol and a timer's move would: both callers, started
 * meanwhile, wait for it (on the protocol's lock, or without that lock on the timer's row and the
 * other's job), then it commits.
 */
@DisplayName("two callers moving the same due timer of a negotiation: run once, no engine error, on H2 and PostgreSQL")
class TimerMoveRaceTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("both callers wait for the protocol's lock, then each timer is moved and run once, nothing logged at ERROR")
    void twoCallersMoveTheSameTimer(Databases.Kind kind) throws Exception {
        String name = "timer-move-" + ProcessHandle.current().pid() + "-" + kind + "-" + PROTOCOLS.incrementAndGet();
        ProtocolId id = ProtocolId.of("PLIE-TIMER-MOVE-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build()) {
            new Negotiator(engine, clock, id).startedWithDiagnostic();
            clock.advance(Duration.ofDays(46)); // the consultation's reminder and cut-off are due
            ProcessEngine flowable = ProcessEngines.getProcessEngine(name);
            Set<String> due = flowable.getManagementService().createTimerJobQuery().executable().list().stream()
                    .map(Job::getId).collect(Collectors.toSet());
            assertThat(due).as("due timers").isNotEmpty();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream err = System.err;
            CompletableFuture<Integer> first;
            CompletableFuture<Integer> second;
            try (Connection holder = database.dataSource().getConnection()) {
                holder.setAutoCommit(false);
                lock(holder, database, "plie_protocol", "plan_id = '" + PlanId.DEFAULT.value() + "' AND id = '" + id.value() + "'");
                lock(holder, database, "ACT_RU_TIMER_JOB", "1 = 1");
                System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
                try {
                    first = CompletableFuture.supplyAsync(engine::runDueJobs);
                    second = CompletableFuture.supplyAsync(engine::runDueJobs);
                    awaitBothWaiting(holder, kind, first, second);
                    holder.commit();
                    assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS))
                            .as("jobs run by both callers: each due timer once").isEqualTo(due.size());
                } finally {
                    System.setErr(err);
                    err.write(log.toByteArray());
                }
            }
            assertThat(log.toString(StandardCharsets.UTF_8)).as("what the engine logged while both callers ran")
                    .doesNotContain("ERROR").doesNotContain("duplicate key").doesNotContain("Unique index")
                    .doesNotContain("Error while closing command context"); // nor a JobNotFoundException at INFO
            assertThat(flowable.getManagementService().createTimerJobQuery().jobIds(due).count())
                    .as("the due timers left").isZero();
            assertThat(flowable.getManagementService().createJobQuery().count()).as("jobs left").isZero();
            assertThat(flowable.getManagementService().createDeadLetterJobQuery().count()).as("dead letters").isZero();
            assertThat(flowable.getHistoryService().createHistoricActivityInstanceQuery().activityId("consultationCutOff")
                    .count()).as("the cut-off passed").isEqualTo(1);
        }
    }

    /** Locks rows in the holder's transaction, as a command on the protocol or a timer's move does. */
    private static void lock(Connection holder, Databases.Target database, String table, String where) throws SQLException {
        String qualified = database.schema() == null ? table : database.schema() + "." + table;
        try (PreparedStatement lock = holder.prepareStatement("SELECT * FROM " + qualified + " WHERE " + where + " FOR UPDATE");
                ResultSet rows = lock.executeQuery()) {
            assertThat(rows.next()).as("a row of " + table).isTrue();
        }
    }

    /**
     * Waits until two other sessions wait for the holder's transaction, directly or behind a session
     * that does: without the protocol's lock, the second caller waits for the first one's job, which
     * PostgreSQL shows as a wait for the first, and H2 as nothing but an insert into
     * {@code ACT_RU_JOB} still executing (H2 reports a row lock's blocker, not a unique key's).
     */
    private static void awaitBothWaiting(Connection holder, Databases.Kind kind, CompletableFuture<?>... callers)
            throws Exception {
        String self = kind == Databases.Kind.H2 ? "SELECT SESSION_ID()" : "SELECT pg_backend_pid()";
        String waiting = kind == Databases.Kind.H2
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS s WHERE s.BLOCKER_ID = ? OR (s.SESSION_ID <> ?"
                        + " AND LOWER(s.EXECUTING_STATEMENT) LIKE 'insert into act_ru_job (%')"
                : "SELECT COUNT(*) FROM pg_stat_activity s WHERE ? = ANY(pg_blocking_pids(s.pid)) OR EXISTS"
                        + " (SELECT 1 FROM pg_stat_activity b WHERE ? = ANY(pg_blocking_pids(b.pid))"
                        + " AND b.pid = ANY(pg_blocking_pids(s.pid)))";
        int session;
        try (PreparedStatement statement = holder.prepareStatement(self); ResultSet row = statement.executeQuery()) {
            row.next();
            session = row.getInt(1);
        }
        try (PreparedStatement statement = holder.prepareStatement(waiting)) {
            statement.setInt(1, session);
            statement.setInt(2, session);
            for (int i = 0; i < 6_000; i++) {
                for (CompletableFuture<?> caller : callers) {
                    assertThat(caller).as("runDueJobs waits for the holder").isNotDone();
                }
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    if (row.getInt(1) >= callers.length) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the callers never both waited for the holder");
    }
}
