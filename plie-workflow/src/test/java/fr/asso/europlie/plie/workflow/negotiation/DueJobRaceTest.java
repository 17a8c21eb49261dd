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
 * {@link PlieEngine#runDueJobs()} racing other transactions on a negotiation's due jobs, made
 * deterministic by a test transaction that holds the rows a command would lock, waits until the
 * callers wait for it, then commits. Each race once logged a Flowable engine failure at ERROR with
 * its stack trace (seen in {@link NegotiationAttackTest}'s due jobs racing users) although the
 * failed command rolled back and nothing changed:
 * <ul>
 *   <li>a job read before its protocol's row lock, whose execution another command ended while the
 *       job waited for the lock, was run from the copy read before, and Flowable failed on the
 *       missing execution ({@code NullPointerException} in
 *       {@code DefaultInternalJobManager.handleJobDeleteInternal}); it is now read only once the
 *       lock is held (the list gave its protocol);</li>
 *   <li>two callers (two nodes) moving the same due timer to an executable job at once both
 *       inserted the job, and the second insert failed on {@code ACT_RU_JOB}'s key; the move now
 *       takes the protocol's lock first and the second caller finds the timer gone;</li>
 *   <li>with the move and the run in two transactions, the second caller could run the
 *       consultation's cut-off (which ends the reminder's activity) between the first one's move
 *       of the reminder and its run, and the reminder due first was never run (one job run of two,
 *       seen once in CI); a due timer is now moved and run in one transaction, earliest first
 *       ({@link DueTimersTest} checks the order with one caller).</li>
 * </ul>
 */
@DisplayName("a negotiation's due jobs raced by other transactions and nodes: each run once, no engine error, on H2 and PostgreSQL")
class DueJobRaceTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a job read, then its process ended by another transaction while the job waited for the lock: no job run, no engine error")
    void jobEndedWhileWaitingForTheLock(Databases.Kind kind) throws Exception {
        String name = "due-job-lock-" + ProcessHandle.current().pid() + "-" + kind + "-" + PROTOCOLS.incrementAndGet();
        ProtocolId id = ProtocolId.of("PLIE-DUE-LOCK-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build()) {
            ProcessEngine flowable = negotiationWithDueJobs(engine, name, id);
            String process = flowable.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.value())
                    .singleResult().getId();
            // The due timers already made executable jobs (by a node that stopped then): the call lists each job
            // before it takes the protocol's lock, and must read it again once the lock is held.
            for (Job timer : flowable.getManagementService().createTimerJobQuery().executable().list()) {
                flowable.getManagementService().moveTimerToExecutableJob(timer.getId());
            }
            assertThat(flowable.getManagementService().createJobQuery().count()).as("executable jobs").isPositive();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream err = System.err;
            try (Connection holder = database.dataSource().getConnection()) {
                holder.setAutoCommit(false);
                lockProtocol(holder, database, id);
                System.setErr(new PrintStream(new Tee(err, log), true, StandardCharsets.UTF_8));
                try {
                    CompletableFuture<Integer> jobs = CompletableFuture.supplyAsync(engine::runDueJobs);
                    awaitWaiting(holder, kind, jobs);
                    // Another transaction ends the process, and with it the job read before the lock.
                    flowable.getRuntimeService().deleteProcessInstance(process, "ended while a job waited");
                    holder.commit();
                    assertThat(jobs.get(60, TimeUnit.SECONDS)).as("jobs run").isZero();
                } finally {
                    System.setErr(err);
                }
            }
            assertThat(log.toString(StandardCharsets.UTF_8)).as("what the engine logged while the job ran")
                    .doesNotContain("ERROR").doesNotContain("NullPointerException");
            assertThat(flowable.getManagementService().createJobQuery().count()).isZero();
            assertThat(flowable.getManagementService().createTimerJobQuery().count()).isZero();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("two callers moving the same due timers wait for the protocol's lock, then each timer is moved and run once, nothing logged at ERROR")
    void twoCallersMoveTheSameTimer(Databases.Kind kind) throws Exception {
        String name = "timer-move-" + ProcessHandle.current().pid() + "-" + kind + "-" + PROTOCOLS.incrementAndGet();
        ProtocolId id = ProtocolId.of("PLIE-TIMER-MOVE-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build()) {
            ProcessEngine flowable = negotiationWithDueJobs(engine, name, id);
            Set<String> due = flowable.getManagementService().createTimerJobQuery().executable().list().stream()
                    .map(Job::getId).collect(Collectors.toSet());
            assertThat(due).as("due timers").isNotEmpty();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream err = System.err;
            try (Connection holder = database.dataSource().getConnection()) {
                holder.setAutoCommit(false);
                // The rows a command on the protocol and a timer's move lock: both callers wait, on the protocol's
                // lock, or (without it) on the timer's row and then on the other's job.
                lockProtocol(holder, database, id);
                lock(holder, database, "ACT_RU_TIMER_JOB", "1 = 1");
                System.setErr(new PrintStream(new Tee(err, log), true, StandardCharsets.UTF_8));
                try {
                    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(engine::runDueJobs);
                    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(engine::runDueJobs);
                    awaitWaiting(holder, kind, first, second);
                    holder.commit();
                    assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS))
                            .as("jobs run by both callers: each due timer once").isEqualTo(due.size());
                } finally {
                    System.setErr(err);
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

    /** A negotiation started with its diagnostic, 46 days on: the consultation's reminder and cut-off are due. */
    private ProcessEngine negotiationWithDueJobs(PlieEngine engine, String name, ProtocolId id) {
        new Negotiator(engine, clock, id).startedWithDiagnostic();
        clock.advance(Duration.ofDays(46));
        return ProcessEngines.getProcessEngine(name);
    }

    /** Takes the protocol's row lock in the holder's transaction, as a library command does first. */
    static void lockProtocol(Connection holder, Databases.Target database, ProtocolId id) throws SQLException {
        lock(holder, database, "plie_protocol", "plan_id = '" + PlanId.DEFAULT.value() + "' AND id = '" + id.value() + "'");
    }

    /** Locks the rows of a table that match a condition (test values only) in the holder's transaction. */
    private static void lock(Connection holder, Databases.Target database, String table, String where) throws SQLException {
        String qualified = database.schema() == null ? table : database.schema() + "." + table;
        try (PreparedStatement lock = holder.prepareStatement("SELECT * FROM " + qualified + " WHERE " + where + " FOR UPDATE");
                ResultSet rows = lock.executeQuery()) {
            assertThat(rows.next()).as("a row of " + table).isTrue();
        }
    }

    /**
     * Waits until as many other sessions as callers wait for the holder's transaction, directly or
     * behind a session that does: a second caller moving a timer without the protocol's lock waits
     * for the first one's job, which PostgreSQL shows as a wait for the first, and H2 as nothing but
     * an insert into {@code ACT_RU_JOB} still executing (H2 reports a row lock's blocker, not a
     * unique key's).
     */
    private static void awaitWaiting(Connection holder, Databases.Kind kind, CompletableFuture<?>... callers)
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
        throw new AssertionError("the callers never waited for the holder");
    }
}
