package fr.asso.europlie.plie.workflow.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngines;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link PlieEngine#runDueJobs()} reads a job, then takes its protocol's row lock, as every command
 * on the protocol does. Whatever another command did meanwhile is seen once the lock is held: a job
 * whose execution that command ended (with its jobs) is not run from the copy read before the lock.
 * Run from that copy, Flowable failed on the missing execution when it deleted the job (a
 * {@code NullPointerException} in {@code DefaultInternalJobManager.handleJobDeleteInternal},
 * logged at ERROR with its stack trace, seen in {@link NegotiationAttackTest}'s due jobs racing
 * users); the job's command rolled back, so nothing was changed, but the log reported an engine
 * failure where there was none.
 */
@DisplayName("a due job read before its protocol's lock and ended while waiting for it is left alone, on H2 and PostgreSQL")
class DueJobAfterLockTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the process ended by another transaction while the job waited for the lock: no job run, no engine error")
    void jobEndedWhileWaitingForTheLock(Databases.Kind kind) throws Exception {
        String name = "due-job-lock-" + ProcessHandle.current().pid() + "-" + kind + "-" + PROTOCOLS.incrementAndGet();
        ProtocolId id = ProtocolId.of("PLIE-DUE-LOCK-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build()) {
            new Negotiator(engine, clock, id).startedWithDiagnostic();
            clock.advance(Duration.ofDays(46)); // the consultation's reminder and cut-off are due
            ProcessEngine flowable = ProcessEngines.getProcessEngine(name);
            String process = flowable.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.value())
                    .singleResult().getId();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream err = System.err;
            CompletableFuture<Integer> jobs;
            try (Connection holder = database.dataSource().getConnection()) {
                holder.setAutoCommit(false);
                lockProtocol(holder, database, id);
                System.setErr(new PrintStream(new Tee(err, log), true, StandardCharsets.UTF_8));
                try {
                    jobs = CompletableFuture.supplyAsync(engine::runDueJobs);
                    awaitBlocked(holder, kind, jobs);
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

    /** Takes the protocol's row lock in the holder's transaction, as a library command does first. */
    private static void lockProtocol(Connection holder, Databases.Target database, ProtocolId id) throws SQLException {
        String table = database.schema() == null ? "plie_protocol" : database.schema() + ".plie_protocol";
        try (PreparedStatement lock = holder.prepareStatement("SELECT revision FROM " + table
                + " WHERE plan_id = ? AND id = ? FOR UPDATE")) {
            lock.setString(1, PlanId.DEFAULT.value());
            lock.setString(2, id.value());
            try (ResultSet row = lock.executeQuery()) {
                assertThat(row.next()).as("the protocol's row").isTrue();
            }
        }
    }

    /** Waits until another session waits for the holder's lock (the job's command, having read its job). */
    private static void awaitBlocked(Connection holder, Databases.Kind kind, CompletableFuture<Integer> jobs) throws Exception {
        String self = kind == Databases.Kind.H2 ? "SELECT SESSION_ID()" : "SELECT pg_backend_pid()";
        String waiting = kind == Databases.Kind.H2
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = ?"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))";
        int session;
        try (PreparedStatement statement = holder.prepareStatement(self); ResultSet row = statement.executeQuery()) {
            row.next();
            session = row.getInt(1);
        }
        try (PreparedStatement statement = holder.prepareStatement(waiting)) {
            statement.setInt(1, session);
            for (int i = 0; i < 6_000; i++) {
                assertThat(jobs).as("runDueJobs waits for the protocol's lock").isNotDone();
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the job's command never waited for the protocol's lock");
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
