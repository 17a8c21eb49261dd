package fr.asso.europlie.plie.workflow.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Reminder;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A negotiation's timer run by Flowable's async executor (the builder's default, what an
 * application runs in production) takes its protocol's row lock before anything else, as the
 * facade's commands and {@link PlieEngine#runDueJobs()} do: a test transaction holds the protocol's
 * row, the consultation's reminder falls due, and the executor's job must wait for that
 * transaction, then run once it commits. Before {@code NegotiationJobLock} the reminder ran at once,
 * whatever a command on the protocol was doing, and never waited.
 */
@DisplayName("a negotiation's timer run by the async executor waits for its protocol's lock, then runs, on H2 and PostgreSQL")
class AsyncExecutorLockTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the consultation's reminder waits while another transaction holds the protocol, and is sent once it commits")
    void reminderWaitsForTheProtocolsLock(Databases.Kind kind) throws Exception {
        ProtocolId id = ProtocolId.of("PLIE-ASYNC-LOCK-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
        String name = "async-lock-" + ProcessHandle.current().pid() + "-" + kind + "-" + PROTOCOLS.incrementAndGet();
        try (Databases.Target database = Databases.fresh(kind); PlieEngine engine = withQuickExecutor(database, name)) {
            List<Reminder> reminders = Negotiator.reminders(engine);
            Negotiator negotiator = new Negotiator(engine, clock, id).startedWithDiagnostic();
            try (Connection holder = database.dataSource().getConnection()) {
                holder.setAutoCommit(false);
                DueJobRaceTest.lockProtocol(holder, database, id);
                clock.advance(Duration.ofDays(31)); // the reminder is due: the executor acquires and runs it
                awaitBlocked(holder, kind);
                assertThat(reminders).as("reminders sent while the protocol is held").isEmpty();
                holder.commit();
            }
            for (int i = 0; i < 6_000 && reminders.isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertThat(reminders).as("reminders sent once the protocol is free").singleElement()
                    .satisfies(r -> assertThat(r.step()).isEqualTo("TECHNICAL_OPINION"));
            assertThat(negotiator.negotiation().history(Negotiator.COORDINATOR, id))
                    .filteredOn(e -> e.step().equals("REMINDER")).hasSize(1);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a job whose process another transaction ends while it waits for the protocol: found gone, not run, nothing logged at ERROR")
    void processEndedWhileTheJobWaits(Databases.Kind kind) throws Exception {
        ProtocolId id = ProtocolId.of("PLIE-ASYNC-GONE-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
        String name = "async-gone-" + ProcessHandle.current().pid() + "-" + kind + "-" + PROTOCOLS.incrementAndGet();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        List<Reminder> reminders;
        try (Databases.Target database = Databases.fresh(kind)) {
            PlieEngine engine = withQuickExecutor(database, name);
            try {
                reminders = Negotiator.reminders(engine);
                new Negotiator(engine, clock, id).startedWithDiagnostic();
                RuntimeService runtime = ProcessEngines.getProcessEngine(name).getRuntimeService();
                String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.value()).singleResult().getId();
                System.setErr(new PrintStream(new Tee(err, log), true, StandardCharsets.UTF_8));
                try (Connection holder = database.dataSource().getConnection()) {
                    holder.setAutoCommit(false);
                    DueJobRaceTest.lockProtocol(holder, database, id);
                    clock.advance(Duration.ofDays(31));
                    awaitBlocked(holder, kind);
                    // Another transaction ends the process, and the job with it, while the job waits.
                    runtime.deleteProcessInstance(process, "ended while a job waited");
                    holder.commit();
                }
            } finally {
                engine.close(); // waits for the executor's running jobs (DrainingJobExecutor)
                System.setErr(err);
            }
        }
        assertThat(reminders).as("reminders sent").isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8)).as("what the engine logged while the job ran")
                .doesNotContain("ERROR").doesNotContain("NullPointerException");
    }

    /**
     * The library's engine and its job executor ({@code DrainingJobExecutor}), started after the
     * build with 100 ms between two acquisitions instead of Flowable's 10 s: a due timer is then run
     * within a moment of the clock's advance, not at the next of the executor's ten-second rounds
     * (which made this class about 43 s). The jobs, their locks and the executor are the same.
     */
    private PlieEngine withQuickExecutor(Databases.Target database, String name) {
        PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).asyncExecutor(false).name(name).build();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngines.getProcessEngine(name)
                .getProcessEngineConfiguration();
        configuration.getAsyncExecutorConfiguration().setDefaultTimerJobAcquireWaitTime(Duration.ofMillis(100));
        configuration.getAsyncExecutorConfiguration().setDefaultAsyncJobAcquireWaitTime(Duration.ofMillis(100));
        configuration.getAsyncExecutor().start();
        return engine;
    }

    /** Waits (up to a minute) until another session waits for the holder's transaction. */
    private static void awaitBlocked(Connection holder, Databases.Kind kind) throws Exception {
        String self = kind == Databases.Kind.H2 ? "SELECT SESSION_ID()" : "SELECT pg_backend_pid()";
        String blocked = kind == Databases.Kind.H2
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = ?"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))";
        int session;
        try (PreparedStatement statement = holder.prepareStatement(self); ResultSet row = statement.executeQuery()) {
            row.next();
            session = row.getInt(1);
        }
        try (PreparedStatement statement = holder.prepareStatement(blocked)) {
            statement.setInt(1, session);
            for (int i = 0; i < 12_000; i++) {
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the executor's job never waited for the protocol's lock");
    }
}
