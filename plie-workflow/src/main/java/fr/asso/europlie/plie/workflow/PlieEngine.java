package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.commitment.CommitmentProcess;
import fr.asso.europlie.plie.workflow.commitment.FseCommitment;
import fr.asso.europlie.plie.workflow.internal.ClockBridge;
import fr.asso.europlie.plie.workflow.internal.CommandRunner;
import fr.asso.europlie.plie.workflow.internal.Dialect;
import fr.asso.europlie.plie.workflow.internal.DrainingJobExecutor;
import fr.asso.europlie.plie.workflow.internal.PlieProcessEngineConfiguration;
import fr.asso.europlie.plie.workflow.internal.NegotiationJobLock;
import fr.asso.europlie.plie.workflow.internal.NegotiationService;
import fr.asso.europlie.plie.workflow.internal.OuterTransaction;
import fr.asso.europlie.plie.workflow.internal.PlanRegistry;
import fr.asso.europlie.plie.workflow.internal.PlieRuntime;
import fr.asso.europlie.plie.workflow.internal.ProcessDeployments;
import fr.asso.europlie.plie.workflow.internal.ProgrammingService;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationProcess;
import fr.asso.europlie.plie.workflow.negotiation.ProtocolNegotiation;
import fr.asso.europlie.plie.workflow.cohort.CohortFollowUp;
import fr.asso.europlie.plie.workflow.programming.ProgrammingApproval;
import fr.asso.europlie.plie.workflow.programming.ProgrammingProcess;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.interceptor.CommandExecutor;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.job.api.Job;
import org.flowable.job.service.JobServiceConfiguration;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.flowable.job.service.impl.persistence.entity.TimerJobEntity;

/**
 * The PLIE workflow engine (moteur de workflow), the one object an application embeds: it runs
 * the library's governance processes on Flowable, keeps the protocols in the same database and
 * transaction, checks who acts, and keeps the audit trail.
 *
 * <pre>{@code
 * try (PlieEngine engine = PlieEngine.builder().dataSource(myPostgres).build()) {
 *     ProtocolNegotiation negotiation = engine.protocolNegotiation();
 *     negotiation.start(animationTeam, protocolId, draftContent);
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #embedded()} runs on a private in-memory H2 database, for trials and tests. On build,
 * the engine creates or upgrades Flowable's tables and the library's own (versioned scripts), and
 * deploys the library's processes once (an unchanged process is not deployed again). Flowable's
 * services stay behind this facade; an application with its own Flowable engine adds the library
 * with {@link PlieConfigurator} and {@link #attach(ProcessEngine)}.
 *
 * <p>Thread-safe. Each command runs in one transaction and is retried when concurrent changes
 * conflict (see {@link ConflictException}).
 */
public final class PlieEngine implements AutoCloseable {

    private static final AtomicInteger EMBEDDED = new AtomicInteger();

    /**
     * The settings of the H2 databases the library opens or names: a lock wait of 10 s, and 64
     * parsed statements kept per session instead of H2's 8. A step of a process sends about 40
     * statements of 30 texts in one transaction, so an 8-entry cache keeps almost none of them from
     * one step to the next and H2 parses two statements of three again (779 parses for the 1,042
     * statements of a negotiation, 139 with 64; docs/PERFORMANCE.md section 27).
     */
    private static final String H2_SETTINGS = ";LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";

    private final ProcessEngine processEngine;
    private final boolean owned;
    /** Set by the first {@link #close}: a second (try-with-resources after an explicit close) does nothing. */
    private final AtomicBoolean closed = new AtomicBoolean();
    private final PlieRuntime runtime;
    private final CommandRunner runner;
    private final Map<PlanId, Plan> plans = new ConcurrentHashMap<>();
    private final Plan defaultPlan;
    private final String embeddedUrl;

    private PlieEngine(ProcessEngine processEngine, boolean owned, String embeddedUrl) {
        this.processEngine = processEngine;
        this.owned = owned;
        this.embeddedUrl = embeddedUrl;
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        this.runtime = PlieRuntime.of(configuration);
        this.runner = new CommandRunner(configuration.getCommandExecutor(), runtime.settings().conflictAttempts(),
                OuterTransaction.of(configuration));
        ProcessDeployments.deployLibrary(processEngine.getRepositoryService(), NegotiationProcess.KEY,
                NegotiationProcess.RESOURCE);
        ProcessDeployments.deployLibrary(processEngine.getRepositoryService(),
                CommitmentProcess.KEY,
                CommitmentProcess.RESOURCE);
        ProcessDeployments.deployLibrary(processEngine.getRepositoryService(),
                CommitmentProcess.Execution.KEY,
                CommitmentProcess.Execution.RESOURCE);
        ProcessDeployments.deployLibrary(processEngine.getRepositoryService(),
                CommitmentProcess.Increase.KEY,
                CommitmentProcess.Increase.RESOURCE);
        ProcessDeployments.deployLibrary(processEngine.getRepositoryService(),
                ProgrammingProcess.KEY,
                ProgrammingProcess.RESOURCE);
        this.defaultPlan = plans.computeIfAbsent(PlanId.DEFAULT, id -> newPlan(id, PlanRegistry.DEFAULT_NAME));
    }

    /**
     * An engine on a private in-memory H2 database, with the default settings, the system clock
     * and the async executor running (timers fire by themselves).
     *
     * @return the engine; close it
     */
    public static PlieEngine embedded() {
        return builder().build();
    }

    /**
     * The JDBC URL of an embedded H2 database kept in a file, durable across a crash of the JVM:
     * each commit is written at once ({@code WRITE_DELAY=0}; H2's default delay would lose the last
     * second of committed steps when the process is killed), with a lock wait of 10 s and H2's cache
     * of parsed statements raised from 8 to 64 a session (the statements of a step would not fit).
     *
     * @param file the database file's path, without the {@code .mv.db} extension, not null
     * @return the URL, for a data source
     */
    public static String h2FileUrl(java.nio.file.Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0" + H2_SETTINGS;
    }

    /**
     * A builder of a standalone engine.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Wraps a Flowable engine that the application built with a {@link PlieConfigurator}: deploys
     * the library's processes (once) and gives the facade. Closing the facade leaves the
     * application's engine running.
     *
     * @param processEngine the application's engine, not null
     * @return the facade
     * @throws IllegalStateException when the engine was built without {@link PlieConfigurator}
     */
    public static PlieEngine attach(ProcessEngine processEngine) {
        return new PlieEngine(Objects.requireNonNull(processEngine, "processEngine"), false, null);
    }

    /** The JDBC URL of the private in-memory database of an embedded engine, null otherwise (for tests). */
    String embeddedUrl() {
        return embeddedUrl;
    }

    /**
     * Deploys the application's customised copy of a library process (an extra step, such as a
     * legal review, with its candidate groups): new negotiations run it, those running go on with
     * their version. The copy must keep the process key and every element the library's code names
     * (the user tasks of its steps, the delegates, the BPMN errors); an unchanged copy is not
     * deployed again, so an application may call this at every start. The library never deploys
     * its own copy over the application's newest one, even after an upgrade (see docs/workflow.md,
     * <em>Customising a process</em>).
     *
     * @param resourceName the copy's file name, ending in {@code .bpmn20.xml}, not blank
     * @param bpmn the BPMN XML, read to its end and not closed, not null
     * @return the version of the process that new negotiations now run
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-022}) when it is not a readable BPMN file
     *     of the negotiation process, ({@code -023}) when it lost elements the library relies on,
     *     ({@code -008}) when a value is missing or the name does not end in {@code .bpmn20.xml}
     * @throws UncheckedIOException when the stream cannot be read
     */
    public int deployCustomisedProcess(String resourceName, InputStream bpmn) {
        return defaultPlan.deployCustomisedProcess(resourceName, bpmn);
    }

    /**
     * The OI's commitment of FSE+ funds (process C) in the default plan.
     *
     * @return the service
     */
    public FseCommitment fseCommitment() {
        return defaultPlan.fseCommitment();
    }

    /**
     * The follow-up of the default plan's cohort (see {@link Plan#cohort()}).
     *
     * @return the service
     */
    public CohortFollowUp cohort() {
        return defaultPlan.cohort();
    }

    /**
     * The annual programming approval (process B) in the default plan.
     *
     * @return the service
     */
    public ProgrammingApproval programmingApproval() {
        return defaultPlan.programmingApproval();
    }

    /**
     * The negotiation of protocols and amendments (process A) in the default plan.
     *
     * @return the service
     */
    public ProtocolNegotiation protocolNegotiation() {
        return defaultPlan.protocolNegotiation();
    }

    /**
     * A stored protocol of the default plan, as it is now, for a party of it (its organisation is a
     * signatory, an intermediate body, the animation structure or the steering committee's
     * convener, or acted on it: see docs/workflow.md).
     *
     * @param actor who asks, not null
     * @param id the protocol, not null
     * @return the protocol, or empty when unknown or not the actor's to know (alike)
     */
    public Optional<Protocol> protocol(Actor actor, ProtocolId id) {
        return defaultPlan.protocol(actor, id);
    }

    /**
     * The audit trail of a protocol of the default plan, for a party of it: every step taken on it,
     * oldest first.
     *
     * @param actor who asks, not null
     * @param id the protocol, not null
     * @return the entries, empty when the protocol is unknown or not the actor's to know (alike)
     */
    public List<AuditEntry> auditTrail(Actor actor, ProtocolId id) {
        return defaultPlan.auditTrail(actor, id);
    }

    /**
     * Registers a listener of the default plan's domain events and reminders.
     *
     * @param listener the listener, not null
     */
    public void addListener(WorkflowListener listener) {
        defaultPlan.addListener(listener);
    }

    /**
     * Unregisters a listener of the default plan.
     *
     * @param listener the listener
     */
    public void removeListener(WorkflowListener listener) {
        defaultPlan.removeListener(listener);
    }

    /**
     * The engine's settings (those of the default plan, and of every plan registered without its
     * own).
     *
     * @return the settings
     */
    public WorkflowSettings settings() {
        return runtime.settings();
    }

    /**
     * The default plan: the one an application that serves a single PLIE uses without naming it,
     * and the one the facade's own methods act on.
     *
     * @return the default plan
     */
    public Plan defaultPlan() {
        return defaultPlan;
    }

    /**
     * Registers a plan (enregistrement d'un PLIE), or renames it when it exists, with the
     * engine's settings. Idempotent: every node of a deployment may register its plans at
     * start-up.
     *
     * @param id the plan's id, not null
     * @param name its name, such as "PLIE du Grand Périgueux", not blank, at most 200 characters
     * @return the plan's scope on this engine
     */
    public Plan registerPlan(PlanId id, String name) {
        return registerPlan(id, name, runtime.settings());
    }

    /**
     * Registers a plan with its own settings (deadlines, rounds, quorum...), kept by this node:
     * register it with the same settings on every node.
     *
     * @param id the plan's id, not null
     * @param name its name, not blank, at most 200 characters
     * @param settings the plan's settings, not null
     * @return the plan's scope on this engine
     */
    public Plan registerPlan(PlanId id, String name, WorkflowSettings settings) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
        PlanRegistry.checkName(name);
        runner.run(null, "plan " + id, () -> {
            PlanRegistry.register(id, name, runtime.now());
            return null;
        });
        runtime.settings(id, settings);
        Plan plan = newPlan(id, name.strip());
        plans.put(id, plan);
        return plan;
    }

    /**
     * A registered plan's scope: its negotiations, protocols, audit trail and events, isolated
     * from every other plan's.
     *
     * @param id the plan's id, not null
     * @return the plan's scope
     * @throws fr.asso.europlie.plie.error.RuleViolationException ({@code PLIE-WORKFLOW-042}) when
     *     the plan was never registered on this database
     */
    public Plan plan(PlanId id) {
        Objects.requireNonNull(id, "id");
        Plan known = plans.get(id);
        if (known != null) {
            return known;
        }
        String name = runner.run(null, "plan " + id, () -> PlanRegistry.name(id))
                .orElseThrow(() -> new RuleViolationException(WorkflowError.UNKNOWN_PLAN, "planId", id));
        return plans.computeIfAbsent(id, p -> newPlan(p, name));
    }

    private Plan newPlan(PlanId id, String name) {
        return new Plan(id, name, new NegotiationService(processEngine, runtime, runner, id),
                new ProgrammingService(processEngine, runtime, runner, id), runtime,
                runner, processEngine.getRepositoryService());
    }

    /**
     * Runs now, on the caller's thread, every timer that is due on the engine's clock and every
     * pending asynchronous job, until none is left: for applications and tests that run without
     * the async executor, or that move the clock. Due timers run earliest first, each moved to a
     * job and run in one transaction. Several callers at once (threads, nodes), while
     * users act, share the work: a timer or job taken by another caller is left to it, and a
     * conflict (optimistic locking, deadlock victim, lock timeout) is retried like any command's;
     * only a job's own failure is thrown.
     *
     * @return the number of jobs run by this call
     * @throws ConflictException when a job still conflicts after every attempt
     */
    public int runDueJobs() {
        ManagementService management = processEngine.getManagementService();
        int executed = 0;
        for (int pass = 0; pass < 1_000; pass++) {
            // Earliest due first: a consultation's reminder before its cut-off, which ends the reminder's activity.
            List<Job> timers = management.createTimerJobQuery().executable().orderByJobDuedate().asc()
                    .orderByJobCreateTime().asc().list();
            List<Job> jobs = management.createJobQuery().list();
            if (timers.isEmpty() && jobs.isEmpty()) {
                return executed;
            }
            for (Job timer : timers) {
                if (runTimer(management, timer)) {
                    executed++;
                }
            }
            for (Job job : jobs) {
                if (execute(job)) {
                    executed++;
                }
            }
        }
        throw new IllegalStateException("jobs keep coming after 1000 passes: a timer cycle without end?");
    }

    /**
     * Moves a due timer to an executable job and runs it in one transaction, under its protocol's
     * row lock for a negotiation's timer; false when another caller took it meanwhile. In one
     * transaction, so that no other caller runs a later timer of the same process between this
     * timer's move and its run: with the move and the run apart, a second node could run a
     * consultation's cut-off, which ends the consultation and its reminder, after the first had
     * moved the reminder and before it ran it, and the reminder due first was never run. Should
     * the job itself fail, the move rolls back with it; the timer is then moved on its own and run
     * as a job, so that Flowable records the failure as for any job (a retry less, then the dead
     * letters) before it is thrown.
     */
    private boolean runTimer(ManagementService management, Job timer) {
        try {
            return moveTimer(management, timer, true);
        } catch (ConflictException e) {
            throw e;
        } catch (RuntimeException e) {
            // The job's own failure, rolled back with the move: moved, then run as any job.
            return moveTimer(management, timer, false) && execute(timer);
        }
    }

    /**
     * Makes a due timer an executable job (same id), and runs it in the same transaction when
     * asked; false when another caller took it meanwhile (the timer is gone, or another caller is
     * inserting the same job). A negotiation's timer is moved under its protocol's row lock, and
     * read for the move only once that lock is held: two callers moving it at once then run one
     * after the other, and the second finds it gone instead of failing on the first one's job (a
     * duplicate key on {@code ACT_RU_JOB}, logged by Flowable as an engine error). What
     * {@code ManagementService.moveTimerToExecutableJob} does, without its
     * {@code JobNotFoundException} for a timer that is gone. Conflicts are retried by the runner.
     */
    private boolean moveTimer(ManagementService management, Job timer, boolean run) {
        String timerId = timer.getId();
        JobServiceConfiguration jobService = jobService();
        try {
            return runner.run(null, "timer " + timerId, () -> {
                lockProtocolOf(timer, true);
                TimerJobEntity due = jobService.getTimerJobEntityManager().findById(timerId);
                if (due == null) {
                    return false; // another caller took it (or a command ended it) while this one waited
                }
                JobEntity job = jobService.getJobManager().moveTimerJobToExecutableJob(due);
                if (run) {
                    jobService.getJobManager().execute(job);
                }
                return true;
            });
        } catch (RuntimeException e) {
            if (management.createTimerJobQuery().jobId(timerId).count() == 0 || isDuplicateKey(e)) {
                return false; // another caller (another node, the async executor) took it
            }
            throw e;
        }
    }

    /**
     * Runs one job in one transaction of the runner; false when another caller ran it meanwhile,
     * which is not a failure. The job as listed (or the due timer it was moved from, same id and
     * process) names the protocol whose row lock is taken first; the job is read only once that
     * lock is held, as a timer is for its move: a command on the protocol that ended the job's
     * execution, and the job with it, while this one waited has committed by then, and the job is
     * found gone (run from a copy read before the lock, Flowable would fail on the missing execution
     * and log an engine error for a job that is simply gone). Not through
     * {@code ManagementService.executeJob}: its failed-job listener records the failure in a new
     * transaction while the failed one still holds its row locks, which on PostgreSQL waits for
     * ever after a deadlock. Here a conflict rolls back and is retried like any command (the job
     * untouched), and a job's own failure is recorded by Flowable's failed-job command (a retry
     * less, then the dead letters) after the rollback, then thrown.
     */
    private boolean execute(Job listed) {
        String jobId = listed.getId();
        JobServiceConfiguration jobService = jobService();
        try {
            return runner.run(null, "job " + jobId, () -> {
                lockProtocolOf(listed, false);
                JobEntity job = jobService.getJobEntityManager().findById(jobId);
                if (job == null) {
                    return false; // another caller ran it, or a command ended it while this one waited
                }
                jobService.getJobManager().execute(job);
                return true;
            });
        } catch (ConflictException e) {
            throw e;
        } catch (RuntimeException e) {
            ManagementService management = processEngine.getManagementService();
            if (management.createJobQuery().jobId(jobId).count() == 0) {
                return false; // another caller ran it or recorded its failure
            }
            CommandExecutor executor = jobService.getCommandExecutor();
            executor.execute(executor.getDefaultConfig().transactionRequiresNew(),
                    jobService.getFailedJobCommandFactory().getCommand(jobId, e));
            throw e;
        }
    }

    /**
     * A job of a negotiation first takes its protocol's row lock, as every command on that
     * protocol does: a timer ending a consultation round and a party answering at that moment then
     * run one after the other instead of interleaving inside Flowable's execution tree (seen on
     * PostgreSQL as a multi-instance that no longer found its collection, or a job inserted for an
     * execution the other had just deleted). A due timer of a negotiation takes it too before it
     * is moved to an executable job. The job given is a copy listed before the lock: its process is
     * looked up again with plain SQL, as the async executor's jobs are ({@link NegotiationJobLock}),
     * and its callers read the job or timer once the lock is held. Jobs of other processes cost
     * no query.
     */
    private static void lockProtocolOf(Job job, boolean timer) {
        if (job.getProcessDefinitionId() != null && job.getProcessDefinitionId().startsWith(NegotiationProcess.KEY + ":")) {
            NegotiationJobLock.lockProtocolOf(job.getId(), timer);
        }
    }

    private JobServiceConfiguration jobService() {
        return ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobServiceConfiguration();
    }

    /** Whether a failure is a unique-key violation: another caller inserted the same row. */
    private static boolean isDuplicateKey(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closes the engine: stops its executor and releases the database. An attached engine (the
     * application's own) stays open. Closing it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (owned) {
            processEngine.close();
        }
        if (embeddedUrl != null) {
            // DB_CLOSE_DELAY=-1 keeps an in-memory database for the life of the JVM: drop it, or every
            // embedded engine built and closed by the application would stay in memory.
            try (Connection connection = DriverManager.getConnection(embeddedUrl, "sa", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot release the embedded database " + embeddedUrl + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * What the builder needs to know of an application's data source, read on one connection: its
     * dialect, and on PostgreSQL its current schema (Flowable looks for its tables in every schema
     * unless told which one, and would take another application's tables for its own).
     */
    private record Database(Dialect dialect, String postgresSchema) {

        /** The library's own in-memory H2 database (the builder without a data source). */
        static final Database EMBEDDED = new Database(Dialect.H2, null);

        static Database of(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                Dialect dialect = Dialect.of(connection);
                return new Database(dialect, dialect == Dialect.POSTGRESQL ? connection.getSchema() : null);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
            }
        }
    }

    /** Builds a standalone engine (constructeur). */
    public static final class Builder {

        private DataSource dataSource;
        private WorkflowSettings settings = WorkflowSettings.defaults();
        private Clock clock;
        private ZoneId zone = PlieConfigurator.PARIS;
        private boolean asyncExecutor = true;
        private String name;
        private String databaseSchema;

        private Builder() {
        }

        /**
         * The database: PostgreSQL in production (pooled), H2 for trials. Without one, a private
         * in-memory H2 database. An H2 database of the application's should be opened with
         * {@code QUERY_CACHE_SIZE=64} (or take its URL from {@link PlieEngine#h2FileUrl}): with H2's default
         * of 8 it parses most of each step's statements again. On H2 the engine inserts each row with a
         * statement of its own (Flowable's multi-row inserts cost more in the JVM than the statements
         * they save there); on PostgreSQL it keeps them.
         *
         * @param value the data source, not null
         * @return this builder
         */
        public Builder dataSource(DataSource value) {
            this.dataSource = Objects.requireNonNull(value, "dataSource");
            return this;
        }

        /**
         * The settings (deadlines, limits). Default {@link WorkflowSettings#defaults()}.
         *
         * @param value the settings, not null
         * @return this builder
         */
        public Builder settings(WorkflowSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * The clock that the engine and the library read (timers included), for tests and
         * replays. Default: the system clock in the zone.
         *
         * @param value the clock, not null
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The zone of the library's dates. Default Europe/Paris.
         *
         * @param value the zone, not null
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /**
         * Whether Flowable's async executor runs (timers fire by themselves). Default true; tests
         * turn it off and call {@link PlieEngine#runDueJobs()}.
         *
         * @param value true to run it
         * @return this builder
         */
        public Builder asyncExecutor(boolean value) {
            this.asyncExecutor = value;
            return this;
        }

        /**
         * The engine's name, unique in the JVM. Default: a generated one.
         *
         * @param value the name, not blank
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * The database schema that holds the tables, when the database has several (PostgreSQL);
         * the data source's connections must use it as their current schema. Default: none.
         *
         * @param value the schema, not blank
         * @return this builder
         */
        public Builder databaseSchema(String value) {
            this.databaseSchema = Objects.requireNonNull(value, "databaseSchema");
            return this;
        }

        /**
         * Builds and starts the engine: schema created or upgraded, processes deployed.
         *
         * @return the engine; close it
         */
        public PlieEngine build() {
            int number = EMBEDDED.incrementAndGet();
            StandaloneProcessEngineConfiguration configuration = new PlieProcessEngineConfiguration();
            String embeddedUrl = null;
            if (dataSource != null) {
                configuration.setDataSource(dataSource);
            } else {
                embeddedUrl = "jdbc:h2:mem:plie-" + number;
                configuration.setJdbcUrl(embeddedUrl + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS);
                configuration.setJdbcDriver("org.h2.Driver");
                configuration.setJdbcUsername("sa");
                configuration.setJdbcPassword("");
            }
            Database database = dataSource == null ? Database.EMBEDDED : Database.of(dataSource);
            String schema = databaseSchema != null ? databaseSchema : database.postgresSchema();
            if (schema != null) {
                configuration.setDatabaseSchema(schema);
            }
            // H2 runs in this JVM: a statement costs a method call, not a round trip, and Flowable's
            // multi-row inserts cost more than the rows' one-row inserts (MyBatis builds each multi-row
            // text afresh, a regular expression compiled per column and row; the one-row texts are
            // built once). Same rows, same transaction, more statements: docs/PERFORMANCE.md section 32.
            // PostgreSQL keeps them (one round trip for the rows of a table).
            configuration.setBulkInsertEnabled(database.dialect() != Dialect.H2);
            configuration.setEngineName(name != null ? name : "plie-" + number);
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            configuration.setHistoryLevel(HistoryLevel.AUDIT);
            // No PNG image drawn and stored for each deployed process: Flowable draws one by default
            // from the BPMN's diagram interchange, with Java2D, on every deployment (about half of a
            // start-up's time, docs/PERFORMANCE.md section 42). The BPMN keeps its diagram for any
            // modeler or viewer; an application that wants the stored images builds its own engine
            // with the configurator and Flowable's default.
            configuration.setCreateDiagramOnDeploy(false);
            configuration.setAsyncExecutorActivate(asyncExecutor);
            // Closing waits for the running jobs before releasing the others (see DrainingJobExecutor).
            configuration.setAsyncExecutor(new DrainingJobExecutor(configuration.getAsyncExecutorConfiguration()));
            if (clock != null) {
                configuration.setClock(ClockBridge.flowable(clock.withZone(zone)));
            }
            configuration.addConfigurator(new PlieConfigurator(settings, zone));
            ProcessEngine engine = configuration.buildProcessEngine();
            try {
                return new PlieEngine(engine, true, embeddedUrl);
            } catch (RuntimeException | Error e) {
                // The facade could not be set up (a deployment failed...): stop the engine just
                // built, its job executor included, before reporting the failure.
                engine.close();
                throw e;
            }
        }
    }
}
