package fr.asso.europlie.plie.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import fr.asso.europlie.plie.funds.EnvelopeBalance;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.ExecutionReportSchedule;
import fr.asso.europlie.plie.funds.FundsSettings;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.OperationPeriod;
import fr.asso.europlie.plie.offer.RegionCategory;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.commitment.Appraisal;
import fr.asso.europlie.plie.workflow.commitment.CommitmentProcess;
import fr.asso.europlie.plie.workflow.commitment.CommitmentSettings;
import fr.asso.europlie.plie.workflow.commitment.CommitmentState;
import fr.asso.europlie.plie.workflow.commitment.CommitteeOpinion;
import fr.asso.europlie.plie.workflow.commitment.FseCommitment;
import fr.asso.europlie.plie.workflow.commitment.WhenUncovered;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * Process C, the OI's commitment of FSE+ funds for one operation, through the library and on bare
 * Flowable running the same BPMN (it has no Java delegate: the bare run is the library's own
 * file), on embedded H2: one commitment (start by hand, appraisal and reservation, favourable
 * opinion, decision, agreement signed), and commitments from 1, 2, 4 and 8 threads against one
 * envelope, with the transactions rolled back (conflicts retried) and the envelope's total checked.
 */
final class CommitmentBenchmarks {

    /** The agreement's period: one year, so the execution that signing starts awaits only the final report. */
    private static final OperationPeriod PERIOD = OperationPeriod.of(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31));
    private static final OrganisationId OI = OrganisationId.of("OI-DORDOGNE");
    private static final OrganisationId OPERATOR = OrganisationId.of("ASSO-TREMPLIN");
    private static final EnvelopeKey ENVELOPE = EnvelopeKey.of("4", "h", 2026);
    private static final GlobalGrantId GRANT = GlobalGrantId.of("SG-2026");
    private static final Actor INSTRUCTOR = Actor.of("instructeur.a", OI, Role.OI_INSTRUCTOR);
    private static final Actor MANAGER = Actor.of("gestionnaire.b", OI, Role.OI_MANAGER);
    private static final Actor SIGNATORY = Actor.of("presidente", OPERATOR, Role.OPERATOR);
    private static final Money AMOUNT = Money.euros(1_000);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private CommitmentBenchmarks() {
    }

    static void library(FseCommitment fse) {
        OperationId operation = OperationId.of("OP-" + NEXT.incrementAndGet());
        fse.start(INSTRUCTOR, operation, OPERATOR, AMOUNT);
        fse.appraise(INSTRUCTOR, operation, new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(2_000), AMOUNT, "forfait 40 %",
                WhenUncovered.WAIT));
        fse.recordCommitteeOpinion(INSTRUCTOR, operation, CommitteeOpinion.FAVOURABLE, "dossier complet");
        fse.decide(MANAGER, operation);
        if (fse.signAgreement(SIGNATORY, operation, PERIOD).status().state() != CommitmentState.COMMITTED) {
            throw new IllegalStateException("not committed: " + operation);
        }
    }

    static void bare(ProcessEngine engine) {
        String operation = "OP-" + NEXT.incrementAndGet();
        Map<String, Object> variables = new HashMap<>();
        variables.put(CommitmentProcess.Var.PLAN_ID, "default");
        variables.put(CommitmentProcess.Var.OPERATION_ID, operation);
        variables.put(CommitmentProcess.Var.OPERATOR, OPERATOR.value());
        variables.put(CommitmentProcess.Var.FSE_AMOUNT, "1000.00");
        String instance = as(INSTRUCTOR.userId(), () -> engine.getRuntimeService().createProcessInstanceBuilder()
                .processDefinitionKey(CommitmentProcess.KEY).businessKey(operation).variables(variables).start().getId());
        TaskService tasks = engine.getTaskService();
        complete(tasks, instance, CommitmentProcess.Task.APPRAISAL, "OI_INSTRUCTOR", INSTRUCTOR.userId(),
                Map.of(CommitmentProcess.Var.INSTRUCTOR, INSTRUCTOR.userId(), CommitmentProcess.Var.GRANT_ID, GRANT.value(),
                        CommitmentProcess.Var.ELIGIBLE_COST, "2000.00", CommitmentProcess.Var.RESERVATION, "RESERVED", "appraisals", 1));
        complete(tasks, instance, CommitmentProcess.Task.COMMITTEE, "OI_INSTRUCTOR", INSTRUCTOR.userId(),
                Map.of(CommitmentProcess.Var.OPINION, "FAVOURABLE"));
        complete(tasks, instance, CommitmentProcess.Task.DECISION, "OI_MANAGER", MANAGER.userId(),
                Map.of(CommitmentProcess.Var.MANAGER, MANAGER.userId(), CommitmentProcess.Var.AGREEMENT_DEADLINE,
                        CommitmentProcess.AGREEMENT_DEADLINE, CommitmentProcess.Var.AGREEMENT_REMINDER, CommitmentProcess.AGREEMENT_REMINDER,
                        CommitmentProcess.Var.AGREEMENT_REMINDERS, 0));
        complete(tasks, instance, CommitmentProcess.Task.AGREEMENT, OPERATOR.value(), SIGNATORY.userId(), Map.of());
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
            throw new IllegalStateException("the bare commitment did not end");
        }
        // The library starts the operation's execution (fse-execution.bpmn20.xml) when the agreement is signed;
        // bare Flowable starts the same process with the same variables (until 2026-12-02 it did not, and the
        // figure charged the library with the execution's statements).
        as(SIGNATORY.userId(), () -> engine.getRuntimeService().createProcessInstanceBuilder()
                .processDefinitionKey(CommitmentProcess.Execution.KEY).businessKey(operation).variables(executionVariables(operation)).start());
    }

    /** The variables the library gives the execution it starts: the standard schedule of {@link #PERIOD}, its first report awaited. */
    private static Map<String, Object> executionVariables(String operation) {
        ExecutionReportSchedule schedule = ExecutionReportSchedule.standard(PERIOD, FundsSettings.defaults());
        List<java.time.LocalDate> dates = new java.util.ArrayList<>(schedule.interimDueDates());
        dates.add(schedule.finalDueDate());
        CommitmentSettings settings = CommitmentSettings.defaults();
        Map<String, Object> variables = new HashMap<>();
        variables.put(CommitmentProcess.Var.PLAN_ID, "default");
        variables.put(CommitmentProcess.Var.OPERATION_ID, operation);
        variables.put(CommitmentProcess.Var.OPERATOR, OPERATOR.value());
        variables.put(CommitmentProcess.Var.GRANT_ID, GRANT.value());
        variables.put(CommitmentProcess.Execution.REPORT_DATES, String.join(",", dates.stream().map(Object::toString).toList()));
        variables.put(CommitmentProcess.Execution.REPORT_REMINDERS, 0);
        variables.put(CommitmentProcess.Execution.REPORTS_LATE, 0);
        variables.put(CommitmentProcess.Execution.ANSWER_DEADLINE, settings.answerDeadline().toString());
        variables.put(CommitmentProcess.Execution.REPORT_NUMBER, 1);
        variables.put(CommitmentProcess.Execution.REPORT_DUE, dates.get(0).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString());
        variables.put(CommitmentProcess.Execution.REPORT_REMINDER_AT,
                dates.get(0).minus(settings.reportReminder()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString());
        variables.put(CommitmentProcess.Execution.FINAL_REPORT, dates.size() == 1);
        return variables;
    }

    private static void complete(TaskService tasks, String instance, String step, String group, String user, Map<String, Object> variables) {
        as(user, () -> {
            Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step).taskCandidateGroup(group).singleResult();
            if (task == null) {
                throw new IllegalStateException("no task " + step + " for " + group);
            }
            tasks.complete(task.getId(), user, variables);
            return null;
        });
    }

    private static <T> T as(String user, java.util.function.Supplier<T> body) {
        Authentication.setAuthenticatedUserId(user);
        try {
            return body.get();
        } finally {
            Authentication.setAuthenticatedUserId(null);
        }
    }

    static void run(boolean quick, List<Figure> figures, List<String> notes) throws Exception {
        Clock clock = Clock.systemUTC();
        CountingDataSource.Counted libraryData = CountingDataSource.wrap(PerformanceBenchmarks.h2("bench-commitment-library"));
        CountingDataSource.Counted bareData = CountingDataSource.wrap(PerformanceBenchmarks.h2("bench-commitment-bare"));
        try (PlieEngine library = PlieEngine.builder().dataSource(libraryData.dataSource()).clock(clock).asyncExecutor(false).build()) {
            FseCommitment fse = openGrant(library);
            ProcessEngine bare = bareEngine(bareData.dataSource(), null);
            try {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                for (int i = 0; i < (quick ? 20 : 60); i++) {
                    library(fse);
                    bare(bare);
                }
                Figure wall = Figure.time("one OI commitment (process C), embedded H2, wall time", "ms");
                Figure cpu = Figure.time("one OI commitment (process C), embedded H2, CPU time of the thread", "ms");
                for (int i = 0; i < (quick ? 30 : 100); i++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    library(fse);
                    long c1 = threads.getCurrentThreadCpuTime();
                    long t1 = System.nanoTime();
                    bare(bare);
                    wall.library((t1 - t0) / 1e6).baseline((System.nanoTime() - t1) / 1e6);
                    cpu.library((c1 - c0) / 1e6).baseline((threads.getCurrentThreadCpuTime() - c1) / 1e6);
                }
                figures.add(wall);
                figures.add(cpu);
                figures.add(statements("SQL statements per OI commitment, embedded H2", fse, bare, libraryData, bareData));
                againstOneEnvelope(quick, "embedded H2", fse, bare, libraryData, figures);
            } finally {
                bare.close();
            }
        }
    }

    /**
     * Process C on PostgreSQL, each side in a fresh schema of its own (dropped afterwards), one
     * engine per side on a HikariCP pool of 10: commitments/s from one thread (rounds
     * interleaved), the statements of one commitment, and commitments from 1, 2, 4 and 8 threads
     * against one envelope as on H2.
     *
     * @param postgres the JDBC URL of the database
     */
    static void runOnPostgres(boolean quick, String postgres, List<Figure> figures) throws Exception {
        String suffix = Long.toString(System.currentTimeMillis() % 1_000_000);
        String librarySchema = "bench_lib_c" + suffix;
        String bareSchema = "bench_bare_c" + suffix;
        PerformanceBenchmarks.schema(postgres, "CREATE SCHEMA " + librarySchema);
        PerformanceBenchmarks.schema(postgres, "CREATE SCHEMA " + bareSchema);
        try (HikariDataSource libraryPool = PerformanceBenchmarks.pool(postgres, librarySchema, 10);
                HikariDataSource barePool = PerformanceBenchmarks.pool(postgres, bareSchema, 10)) {
            CountingDataSource.Counted libraryData = CountingDataSource.wrap(libraryPool);
            CountingDataSource.Counted bareData = CountingDataSource.wrap(barePool);
            try (PlieEngine library = PlieEngine.builder().dataSource(libraryData.dataSource()).databaseSchema(librarySchema)
                    .clock(Clock.systemUTC()).asyncExecutor(false).build()) {
                FseCommitment fse = openGrant(library);
                ProcessEngine bare = bareEngine(bareData.dataSource(), bareSchema);
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    for (int i = 0; i < (quick ? 10 : 30); i++) {
                        library(fse);
                        bare(bare);
                    }
                    Figure one = Figure.rate("OI commitments/s (process C) on PostgreSQL, 1 at once", "/s");
                    int each = quick ? 5 : 10;
                    for (int round = 0; round < (quick ? 6 : 12); round++) {
                        boolean libraryFirst = round % 2 == 0;
                        for (int turn = 0; turn < 2; turn++) {
                            if ((turn == 0) == libraryFirst) {
                                one.library(rate(pool, 1, each, () -> library(fse)));
                            } else {
                                one.baseline(rate(pool, 1, each, () -> bare(bare)));
                            }
                        }
                    }
                    figures.add(one.note(each + " commitments a round, one thread, pool of 10"));
                    figures.add(statements("SQL statements per OI commitment, PostgreSQL", fse, bare, libraryData, bareData));
                    againstOneEnvelope(quick, "PostgreSQL", fse, bare, libraryData, figures);
                } finally {
                    pool.shutdown();
                    bare.close();
                }
            }
        } finally {
            PerformanceBenchmarks.schema(postgres, "DROP SCHEMA " + librarySchema + " CASCADE");
            PerformanceBenchmarks.schema(postgres, "DROP SCHEMA " + bareSchema + " CASCADE");
        }
    }

    /**
     * The statements of one process-C commitment only, no timing ({@code only=commitment-statements}):
     * on embedded H2 and, with a JDBC URL, on PostgreSQL (a fresh schema per side, dropped
     * afterwards), after a few commitments each so that the caches hold what they hold in the
     * timed runs, one more commitment each counted.
     *
     * @param postgres the JDBC URL of a PostgreSQL database, or null for H2 only
     */
    static void statementsOnly(String postgres, List<Figure> figures) throws Exception {
        CountingDataSource.Counted libraryData = CountingDataSource.wrap(PerformanceBenchmarks.h2("bench-commitment-statements-library"));
        CountingDataSource.Counted bareData = CountingDataSource.wrap(PerformanceBenchmarks.h2("bench-commitment-statements-bare"));
        try (PlieEngine library = PlieEngine.builder().dataSource(libraryData.dataSource()).clock(Clock.systemUTC()).asyncExecutor(false)
                .build()) {
            FseCommitment fse = openGrant(library);
            ProcessEngine bare = bareEngine(bareData.dataSource(), null);
            try {
                warmUp(fse, bare);
                figures.add(statements("SQL statements per OI commitment, embedded H2", fse, bare, libraryData, bareData));
            } finally {
                bare.close();
            }
        }
        if (postgres == null) {
            return;
        }
        String suffix = Long.toString(System.currentTimeMillis() % 1_000_000);
        String librarySchema = "bench_lib_cs" + suffix;
        String bareSchema = "bench_bare_cs" + suffix;
        PerformanceBenchmarks.schema(postgres, "CREATE SCHEMA " + librarySchema);
        PerformanceBenchmarks.schema(postgres, "CREATE SCHEMA " + bareSchema);
        try (HikariDataSource libraryPool = PerformanceBenchmarks.pool(postgres, librarySchema, 4);
                HikariDataSource barePool = PerformanceBenchmarks.pool(postgres, bareSchema, 4)) {
            CountingDataSource.Counted libraryPg = CountingDataSource.wrap(libraryPool);
            CountingDataSource.Counted barePg = CountingDataSource.wrap(barePool);
            try (PlieEngine library = PlieEngine.builder().dataSource(libraryPg.dataSource()).databaseSchema(librarySchema)
                    .clock(Clock.systemUTC()).asyncExecutor(false).build()) {
                FseCommitment fse = openGrant(library);
                ProcessEngine bare = bareEngine(barePg.dataSource(), bareSchema);
                try {
                    warmUp(fse, bare);
                    figures.add(statements("SQL statements per OI commitment, PostgreSQL", fse, bare, libraryPg, barePg));
                } finally {
                    bare.close();
                }
            }
        } finally {
            PerformanceBenchmarks.schema(postgres, "DROP SCHEMA " + librarySchema + " CASCADE");
            PerformanceBenchmarks.schema(postgres, "DROP SCHEMA " + bareSchema + " CASCADE");
        }
    }

    /** A few commitments each, not measured. */
    private static void warmUp(FseCommitment fse, ProcessEngine bare) {
        for (int i = 0; i < 5; i++) {
            library(fse);
            bare(bare);
        }
    }

    /** The global grant of the benchmark, its one envelope of a billion euros, opened in the library's engine. */
    private static FseCommitment openGrant(PlieEngine library) {
        FseCommitment fse = library.fseCommitment();
        fse.openGlobalGrant(MANAGER, GlobalGrant.of(GRANT, OI, Map.of(ENVELOPE, Money.euros(1_000_000_000L)), Map.of(ENVELOPE.priority(),
                RegionCategory.LESS_DEVELOPED)));
        return fse;
    }

    /** A bare engine with process C and the execution it starts deployed as the library deploys them (no Java delegate in either). */
    private static ProcessEngine bareEngine(javax.sql.DataSource data, String schema) {
        ProcessEngine bare = PerformanceBenchmarks.bareEngine(data, schema);
        bare.getRepositoryService().createDeployment().name("bare-commitment").addString("fse-commitment.bpmn20.xml",
                NegotiationShapes.resource("/" + CommitmentProcess.RESOURCE)).addString("fse-execution.bpmn20.xml",
                NegotiationShapes.resource("/" + CommitmentProcess.Execution.RESOURCE)).deploy();
        return bare;
    }

    /** One more commitment each, its statements counted (by text too, with {@code -Dbench.statements}). */
    private static Figure statements(String name, FseCommitment fse, ProcessEngine bare, CountingDataSource.Counted libraryData,
            CountingDataSource.Counted bareData) {
        return PerformanceBenchmarks.statements(name, libraryData, bareData, () -> library(fse), () -> bare(bare));
    }

    /**
     * Commitments from 1, 2, 4 and 8 threads against one envelope: the rate, the transactions
     * rolled back on the library's connections (conflicts retried), and after each round the
     * envelope's committed total checked against the commitments made and the envelope.
     */
    private static void againstOneEnvelope(boolean quick, String database, FseCommitment fse, ProcessEngine bare,
            CountingDataSource.Counted libraryData, List<Figure> figures) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int parallel : new int[] {1, 2, 4, 8}) {
                int each = quick ? 6 : 20;
                Figure rate = Figure.rate("OI commitments/s against one envelope, " + database + ", " + parallel + " thread(s)", "/s");
                long rollbacks = 0;
                for (int round = 0; round < (quick ? 2 : 4); round++) {
                    // The side that goes first alternates (since 2026-12-03; the library always went first before).
                    boolean libraryFirst = round % 2 == 0;
                    if (!libraryFirst) {
                        rate.baseline(rate(pool, parallel, each, () -> bare(bare)));
                    }
                    EnvelopeBalance before = fse.globalGrant(MANAGER, GRANT).orElseThrow().balance(ENVELOPE);
                    libraryData.counter().reset();
                    rate.library(rate(pool, parallel, each, () -> library(fse)));
                    rollbacks += libraryData.counter().rollbacks();
                    EnvelopeBalance after = fse.globalGrant(MANAGER, GRANT).orElseThrow().balance(ENVELOPE);
                    Money added = after.committed().minus(before.committed());
                    Money expected = Money.ofCents(AMOUNT.cents() * parallel * each);
                    if (!added.equals(expected) || after.committed().plus(after.reserved()).isGreaterThan(after.amount())
                            || !after.reserved().equals(before.reserved())) {
                        throw new IllegalStateException("the envelope's total is wrong: committed " + added + ", expected " + expected
                                + ", balance " + after);
                    }
                    if (libraryFirst) {
                        rate.baseline(rate(pool, parallel, each, () -> bare(bare)));
                    }
                }
                rate.note(parallel * each + " commitments a round; " + rollbacks
                        + " transactions rolled back and retried in all (conflicts); committed total checked against the envelope each round");
                figures.add(rate);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static double rate(ExecutorService pool, int parallel, int each, Runnable commitment) throws Exception {
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < parallel; t++) {
            running.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    commitment.run();
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        return parallel * each / ((System.nanoTime() - t0) / 1e9);
    }
}
