package fr.asso.europlie.plie.workflow.commitment;

import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.internal.CommandRunner;
import fr.asso.europlie.plie.workflow.internal.CommitmentLedger;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** An engine on a test database with the ledger steps of its default plan, for the commitment tests. */
final class LedgerEngine implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    final ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T08:00:00Z"));
    final PlieEngine engine;
    final CommandRunner runner;
    private final org.flowable.common.engine.impl.interceptor.CommandExecutor executor;
    final CommitmentLedger ledger;

    LedgerEngine(Databases.Target database) {
        this(database, PlanId.DEFAULT);
    }

    LedgerEngine(Databases.Target database, PlanId plan) {
        String name = "ledger-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
        engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngines.getProcessEngine(name)
                .getProcessEngineConfiguration();
        executor = configuration.getCommandExecutor();
        runner = new CommandRunner(executor, 50);
        ledger = new CommitmentLedger(plan, clock, runner);
    }

    /** Runs a body in one engine transaction. */
    <T> T inTransaction(Supplier<T> body) {
        return runner.run(null, "test", body);
    }

    /** The engine's command executor, for a runner of the test's own. */
    org.flowable.common.engine.impl.interceptor.CommandExecutor executor() {
        return executor;
    }

    /** A runner that tries each command once: a conflict is reported at once. */
    CommandRunner once() {
        return new CommandRunner(executor, 1);
    }

    @Override
    public void close() {
        engine.close();
    }
}
