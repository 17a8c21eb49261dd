package fr.asso.europlie.plie.examples.bench;

import com.zaxxer.hikari.HikariDataSource;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.internal.PlieProcessEngineConfiguration;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * The library's performance against its baselines, every figure with its baseline measured in
 * the same run, rounds interleaved after a warm-up (see docs/PERFORMANCE.md). Not a test: run it
 * with {@code mvn -B -ntp -q -pl plie-examples -am package -DskipTests -Pbench} (quick mode, a
 * few minutes) or {@code -Dbench.args="full jdbc:postgresql://..."}.
 *
 * <p>Arguments: {@code quick} (default) or {@code full}; a PostgreSQL JDBC URL for the figures on
 * PostgreSQL (skipped without); {@code only=negotiation,statements,programming,startup,postgresql,json,commitment,cohort}
 * to run some figures only ({@code only=commitment-statements}, never part of a full run: the
 * statements of one process-C commitment only, no timing); {@code out=FILE} to also write the table in a file.
 */
public final class PerformanceBenchmarks {

    private static final Clock CLOCK = Clock.systemUTC();
    private static int engines;

    private final boolean quick;
    private final String postgres;
    private final Set<String> only;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private PerformanceBenchmarks(boolean quick, String postgres, Set<String> only) {
        this.quick = quick;
        this.postgres = postgres;
        this.only = only;
    }

    /**
     * Runs the benchmarks and prints the table.
     *
     * @param args see the class comment
     * @throws Exception when a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        boolean quick = true;
        String postgres = System.getenv("PLIE_BENCH_JDBC_URL");
        Set<String> only = new LinkedHashSet<>();
        String out = null;
        for (String arg : String.join(" ", args).trim().split("\\s+")) {
            if (arg.isEmpty()) {
                continue;
            } else if (arg.equals("quick") || arg.equals("full")) {
                quick = arg.equals("quick");
            } else if (arg.startsWith("jdbc:")) {
                postgres = arg;
            } else if (arg.startsWith("only=")) {
                only.addAll(Arrays.asList(arg.substring(5).split(",")));
            } else if (arg.startsWith("out=")) {
                out = arg.substring(4);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        PerformanceBenchmarks bench = new PerformanceBenchmarks(quick, postgres, only);
        String table = bench.run();
        System.out.println();
        System.out.println(table);
        if (out != null) {
            Files.writeString(Path.of(out), table, StandardCharsets.UTF_8);
        }
        System.exit(0);
    }

    private boolean wanted(String name) {
        return only.isEmpty() || only.contains(name);
    }

    private String run() throws Exception {
        long started = System.nanoTime();
        if (wanted("negotiation") || wanted("statements")) {
            negotiationOnH2();
        }
        if (wanted("programming")) {
            programmingOnH2();
            if (postgres != null) {
                programmingOnPostgres();
            }
        }
        if (wanted("startup")) {
            startUp();
        }
        if (wanted("postgresql")) {
            if (postgres == null) {
                notes.add("PostgreSQL figures skipped: no JDBC URL given (argument jdbc:... or PLIE_BENCH_JDBC_URL).");
            } else {
                negotiationsPerSecondOnPostgres();
            }
        }
        if (wanted("json")) {
            figures.addAll(JsonReadBenchmark.run(quick));
        }
        if (wanted("commitment")) {
            CommitmentBenchmarks.run(quick, figures, notes);
            if (postgres == null) {
                notes.add("Process C on PostgreSQL skipped: no JDBC URL given.");
            } else {
                CommitmentBenchmarks.runOnPostgres(quick, postgres, figures);
            }
        }
        if (only.contains("commitment-statements")) {
            CommitmentBenchmarks.statementsOnly(postgres, figures);
        }
        if (wanted("cohort")) {
            CohortBenchmarks.run(quick, figures, notes);
        }
        StringBuilder table = new StringBuilder();
        // the JVM's own options too (heap committed and touched at start, collector), which the figures depend on
        String options = String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-X") && !option.startsWith("-Xlog")).toList());
        table.append(String.format(Locale.ROOT, "PLIE benchmarks, %s mode, %s; JVM %s %s (%s), %d processors, max heap %d MB; "
                + "load average at the end %s; %.0f s%n%n", quick ? "quick" : "full", java.time.Instant.now(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), options, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, load(), (System.nanoTime() - started) / 1e9));
        table.append(Figure.header()).append(System.lineSeparator());
        for (Figure figure : figures) {
            table.append(figure.row()).append(System.lineSeparator());
        }
        for (String note : notes) {
            table.append(System.lineSeparator()).append(note);
        }
        return table.toString();
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    // ------------------------------------------------------------------------ negotiation, H2

    /** An embedded H2 database in memory, through the same pool Flowable builds for a JDBC URL. */
    static DataSource h2(String name) {
        return new PooledDataSource("org.h2.Driver", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
    }

    /** A bare Flowable engine configured as the library configures its own, with the bare negotiation deployed. */
    static ProcessEngine bareEngine(DataSource dataSource, String schema) {
        return bareEngine(dataSource, schema, true);
    }

    /**
     * A bare Flowable engine as {@link #bareEngine(DataSource, String)}, with Flowable's multi-row
     * inserts on (its default) or off (what the library sets on H2, docs/PERFORMANCE.md section 32).
     */
    static ProcessEngine bareEngine(DataSource dataSource, String schema, boolean multiRowInserts) {
        return bareEngine(dataSource, schema, multiRowInserts, true);
    }

    /**
     * A bare Flowable engine as {@link #bareEngine(DataSource, String, boolean)}, drawing and storing
     * a PNG image of each deployed process (Flowable's default) or not (the library's setting,
     * docs/PERFORMANCE.md section 42).
     */
    static ProcessEngine bareEngine(DataSource dataSource, String schema, boolean multiRowInserts, boolean diagramImages) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setBulkInsertEnabled(multiRowInserts);
        configuration.setCreateDiagramOnDeploy(diagramImages);
        if (schema != null) {
            configuration.setDatabaseSchema(schema);
        }
        configuration.setEngineName("bare-" + (++engines));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setAsyncExecutorActivate(false);
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("bare")
                .addString("protocol-negotiation.bpmn20.xml", NegotiationShapes.bareBpmn()).deploy();
        return engine;
    }

    private static final String PROCESS_KEY = "plieProtocolNegotiation";

    private void negotiationOnH2() {
        NegotiationShapes shapes = new NegotiationShapes();
        CountingDataSource.Counted libraryData = CountingDataSource.wrap(h2("bench-library"));
        CountingDataSource.Counted bareData = CountingDataSource.wrap(h2("bench-bare"));
        int warmUp = quick ? 8 : 30;
        int rounds = quick ? 12 : 40;
        try (PlieEngine library = PlieEngine.builder().dataSource(libraryData.dataSource()).clock(CLOCK).asyncExecutor(false)
                .build()) {
            ProcessEngine bare = bareEngine(bareData.dataSource(), null);
            // bare Flowable given the library's H2 setting (one-row inserts): what the library costs over Flowable
            // configured alike, apart from the setting's own gain (section 32)
            // (through the same counting proxy as the other two: every statement pays it alike)
            ProcessEngine bareOneRow;
            try {
                bareOneRow = bareEngine(CountingDataSource.wrap(h2("bench-bare-one-row")).dataSource(), null, false);
            } catch (RuntimeException e) {
                bare.close(); // the third engine failed to build: the second is not left open
                throw e;
            }
            try {
                for (int i = 0; i < warmUp; i++) {
                    shapes.library(library, CLOCK);
                    shapes.bare(bare, PROCESS_KEY);
                    shapes.bare(bareOneRow, PROCESS_KEY);
                }
                Figure one = Figure.time("one protocol negotiation, embedded H2 (" + shapes.userTasks() + " user tasks), wall time", "ms");
                Figure cpu = Figure.time("one protocol negotiation, embedded H2, CPU time of the thread", "ms");
                Figure cpuOneRow = Figure.time("one protocol negotiation, embedded H2, CPU time of the thread, against bare Flowable with "
                        + "one-row inserts (the library's H2 setting)", "ms");
                java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                for (int i = 0; i < rounds; i++) {
                    for (int turn = 0; turn < 3; turn++) {
                        int side = (turn + i) % 3; // 0 library, 1 bare, 2 bare with one-row inserts; the order rotates
                        long c0 = threads.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        if (side == 0) {
                            shapes.library(library, CLOCK);
                        } else {
                            shapes.bare(side == 1 ? bare : bareOneRow, PROCESS_KEY);
                        }
                        double wall = (System.nanoTime() - t0) / 1e6;
                        double used = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                        if (side == 0) {
                            one.library(wall);
                            cpu.library(used);
                            cpuOneRow.library(used);
                        } else if (side == 1) {
                            one.baseline(wall);
                            cpu.baseline(used);
                        } else {
                            cpuOneRow.baseline(used);
                        }
                    }
                }
                figures.add(one);
                figures.add(cpu.note("the calling thread does all the work on embedded H2: less disturbed by the machine's load than wall time"));
                figures.add(cpuOneRow.note("the same rounds; baseline: bare Flowable with multi-row inserts off, as the library "
                        + "sets them on H2 (not part of issue 16's target, which is against Flowable's defaults)"));
                // Statements: one more negotiation each, counted.
                figures.add(statements("SQL statements per negotiation, embedded H2", libraryData, bareData,
                        () -> shapes.library(library, CLOCK), () -> shapes.bare(bare, PROCESS_KEY)));
            } finally {
                try {
                    bare.close();
                } finally {
                    bareOneRow.close();
                }
            }
        }
    }

    /**
     * The statements of one more run of each side, counted on their data sources (and printed by
     * text with {@code -Dbench.statements}).
     */
    static Figure statements(String name, CountingDataSource.Counted libraryData, CountingDataSource.Counted bareData,
            Runnable libraryRun, Runnable bareRun) {
        libraryData.counter().reset();
        bareData.counter().reset();
        libraryRun.run();
        bareRun.run();
        printExtraStatements(name, libraryData.counter(), bareData.counter());
        if (System.getProperty("bench.parses") != null) {
            System.out.println("Statements H2 parsed (not taken from its session's cache), " + name + ": library "
                    + libraryData.counter().parses() + " of " + libraryData.counter().total() + ", bare "
                    + bareData.counter().parses() + " of " + bareData.counter().total());
        }
        return Figure.time(name, "").library(libraryData.counter().total()).baseline(bareData.counter().total())
                .note("library " + libraryData.counter().byKind() + "; bare " + bareData.counter().byKind());
    }

    /**
     * With {@code -Dbench.statements}, prints the statements the library sent more (or fewer)
     * than bare Flowable since the counters' last reset, by SQL text.
     */
    static void printExtraStatements(String figure, CountingDataSource library, CountingDataSource bare) {
        if (System.getProperty("bench.statements") == null) {
            return;
        }
        Map<String, Long> extra = new java.util.TreeMap<>(library.byText());
        bare.byText().forEach((sql, n) -> extra.merge(sql, -n, Long::sum));
        System.out.println("Statements the library sent more than bare Flowable: " + figure);
        extra.entrySet().stream().filter(e -> e.getValue() != 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("%+6d  %s%n", e.getValue(), e.getKey().length() > 200
                        ? e.getKey().substring(0, 200) : e.getKey()));
    }

    // ------------------------------------------------------------------------ programming approval, H2

    /**
     * Process B, one round (see {@link ProgrammingShapes}), through the library and on bare
     * Flowable, interleaved, on embedded H2: wall time, CPU time of the thread, statements.
     */
    private void programmingOnH2() {
        NegotiationShapes negotiation = new NegotiationShapes();
        CountingDataSource.Counted libraryData = CountingDataSource.wrap(h2("bench-programming-library"));
        CountingDataSource.Counted bareData = CountingDataSource.wrap(h2("bench-programming-bare"));
        int warmUp = quick ? 6 : 20;
        int rounds = quick ? 12 : 40;
        try (PlieEngine library = PlieEngine.builder().dataSource(libraryData.dataSource()).clock(ProgrammingShapes.CLOCK)
                .asyncExecutor(false).build()) {
            // The plan in force in the library's engine, negotiated once (not measured).
            var protocol = negotiation.library(library, ProgrammingShapes.CLOCK);
            ProgrammingShapes shapes = new ProgrammingShapes(protocol, fr.asso.europlie.plie.json.ProtocolJson.read(
                    NegotiationShapes.planText()).content());
            ProcessEngine bare = bareEngine(bareData.dataSource(), null);
            bare.getRepositoryService().createDeployment().name("bare-programming")
                    .addString("programming-approval.bpmn20.xml", ProgrammingShapes.bareBpmn())
                    .addString("fse-commitment.bpmn20.xml", ProgrammingShapes.bareCommitmentBpmn()).deploy();
            try {
                for (int i = 0; i < warmUp; i++) {
                    shapes.library(library);
                    shapes.bare(bare);
                }
                Figure one = Figure.time("one programming approval round (process B, 3 applications, " + shapes.userTasks()
                        + " user tasks), embedded H2, wall time", "ms");
                Figure cpu = Figure.time("one programming approval round, embedded H2, CPU time of the thread", "ms");
                java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                for (int i = 0; i < rounds; i++) {
                    boolean libraryFirst = i % 2 == 0;
                    for (int turn = 0; turn < 2; turn++) {
                        boolean isLibrary = (turn == 0) == libraryFirst;
                        long c0 = threads.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        if (isLibrary) {
                            shapes.library(library);
                        } else {
                            shapes.bare(bare);
                        }
                        double wall = (System.nanoTime() - t0) / 1e6;
                        double used = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                        if (isLibrary) {
                            one.library(wall);
                            cpu.library(used);
                        } else {
                            one.baseline(wall);
                            cpu.baseline(used);
                        }
                    }
                }
                figures.add(one.note("bare: the same BPMN, no-op delegates but the FSE+ request (starts process C by message)"));
                figures.add(cpu);
                figures.add(statements("SQL statements per programming approval round, embedded H2", libraryData, bareData,
                        () -> shapes.library(library), () -> shapes.bare(bare)));
            } finally {
                bare.close();
            }
        }
    }

    /**
     * Process B on PostgreSQL: one round at a time from one thread, each side in a fresh schema
     * (dropped afterwards), interleaved; wall time of a round and its statements.
     */
    private void programmingOnPostgres() throws Exception {
        String suffix = Long.toString(System.currentTimeMillis() % 1_000_000);
        String librarySchema = "bench_lib_b" + suffix;
        String bareSchema = "bench_bare_b" + suffix;
        schema("CREATE SCHEMA " + librarySchema);
        schema("CREATE SCHEMA " + bareSchema);
        try (HikariDataSource libraryPool = pool(librarySchema, 10); HikariDataSource barePool = pool(bareSchema, 10)) {
            CountingDataSource.Counted libraryData = CountingDataSource.wrap(libraryPool);
            CountingDataSource.Counted bareData = CountingDataSource.wrap(barePool);
            try (PlieEngine library = PlieEngine.builder().dataSource(libraryData.dataSource()).databaseSchema(librarySchema)
                    .clock(ProgrammingShapes.CLOCK).asyncExecutor(false).build()) {
                var protocol = new NegotiationShapes().library(library, ProgrammingShapes.CLOCK);
                ProgrammingShapes shapes = new ProgrammingShapes(protocol, fr.asso.europlie.plie.json.ProtocolJson.read(
                        NegotiationShapes.planText()).content());
                ProcessEngine bare = bareEngine(bareData.dataSource(), bareSchema);
                bare.getRepositoryService().createDeployment().name("bare-programming")
                        .addString("programming-approval.bpmn20.xml", ProgrammingShapes.bareBpmn())
                        .addString("fse-commitment.bpmn20.xml", ProgrammingShapes.bareCommitmentBpmn()).deploy();
                try {
                    for (int i = 0; i < (quick ? 3 : 10); i++) {
                        shapes.library(library);
                        shapes.bare(bare);
                    }
                    Figure one = Figure.time("one programming approval round (process B), PostgreSQL, wall time", "ms");
                    for (int i = 0; i < (quick ? 6 : 20); i++) {
                        boolean libraryFirst = i % 2 == 0;
                        for (int turn = 0; turn < 2; turn++) {
                            boolean isLibrary = (turn == 0) == libraryFirst;
                            long t0 = System.nanoTime();
                            if (isLibrary) {
                                shapes.library(library);
                                one.library((System.nanoTime() - t0) / 1e6);
                            } else {
                                shapes.bare(bare);
                                one.baseline((System.nanoTime() - t0) / 1e6);
                            }
                        }
                    }
                    figures.add(one.note("one thread, pool of 10, each side in a fresh schema"));
                    figures.add(statements("SQL statements per programming approval round, PostgreSQL", libraryData, bareData,
                            () -> shapes.library(library), () -> shapes.bare(bare)));
                } finally {
                    bare.close();
                }
            }
        } finally {
            schema("DROP SCHEMA " + librarySchema + " CASCADE");
            schema("DROP SCHEMA " + bareSchema + " CASCADE");
        }
    }

    // ------------------------------------------------------------------------ start-up

    private void startUp() {
        int warmUp = quick ? 1 : 2;
        int rounds = quick ? 4 : 10;
        Figure figure = Figure.time("start-up to a ready engine (fresh embedded H2, in a warm JVM)", "ms");
        Figure alike = Figure.time("start-up to a ready engine, against bare Flowable storing no process images (the library's setting)", "ms");
        Figure further = Figure.time("start-up of a further engine in the same JVM (Flowable's MyBatis parse shared), against bare Flowable storing no process images", "ms");
        for (int i = 0; i < warmUp + rounds; i++) {
            // The library's first two figures: a first engine of the JVM, which parses Flowable's
            // MyBatis mappings as bare Flowable does; engines built after it share that parse.
            PlieProcessEngineConfiguration.forgetParsed();
            long t0 = System.nanoTime();
            DataSource a = h2("startup-library-" + i);
            PlieEngine library = PlieEngine.builder().dataSource(a).clock(CLOCK).asyncExecutor(false).build();
            long t1 = System.nanoTime();
            DataSource a2 = h2("startup-library-further-" + i);
            PlieEngine second = PlieEngine.builder().dataSource(a2).clock(CLOCK).asyncExecutor(false).build();
            long t1b = System.nanoTime();
            second.close();
            ((PooledDataSource) a2).forceCloseAll();
            library.close();
            ((PooledDataSource) a).forceCloseAll();
            // the two bare engines in turn, each first in every other round
            double withImages = 0;
            double without = 0;
            for (int side = 0; side < 2; side++) {
                boolean images = (side + i) % 2 == 0;
                DataSource b = h2("startup-bare-" + (images ? "" : "no-images-") + i);
                long t2 = System.nanoTime();
                ProcessEngine bare = bareEngine(b, null, true, images);
                bare.getRepositoryService().createDeployment().name("bare-others")
                        .addString("programming-approval.bpmn20.xml", noOps("/fr/asso/europlie/plie/workflow/programming/programming-approval.bpmn20.xml"))
                        .addString("fse-commitment.bpmn20.xml", noOps("/fr/asso/europlie/plie/workflow/commitment/fse-commitment.bpmn20.xml"))
                        .addString("fse-execution.bpmn20.xml", noOps("/fr/asso/europlie/plie/workflow/commitment/fse-execution.bpmn20.xml"))
                        .addString("fse-increase.bpmn20.xml", noOps("/fr/asso/europlie/plie/workflow/commitment/fse-increase.bpmn20.xml"))
                        .deploy();
                long t3 = System.nanoTime();
                bare.close();
                ((PooledDataSource) b).forceCloseAll();
                if (images) {
                    withImages = (t3 - t2) / 1e6;
                } else {
                    without = (t3 - t2) / 1e6;
                }
            }
            if (i >= warmUp) {
                figure.library((t1 - t0) / 1e6).baseline(withImages);
                alike.library((t1 - t0) / 1e6).baseline(without);
                further.library((t1b - t1) / 1e6).baseline(without);
            }
        }
        figure.note("both deploy the five processes (bare: no-op delegates); schema created on each start;"
                + " bare with Flowable's defaults, which draw and store a PNG image of each process (the library does not)");
        alike.note("the same rounds; bare Flowable given the library's setting (no process images)");
        further.note("the same rounds; a second library engine built while the first runs, on its own fresh H2 database:"
                + " it reuses the first's parse of Flowable's MyBatis mappings (bare Flowable parses them for every engine)");
        figures.add(figure);
        figures.add(alike);
        figures.add(further);
    }

    static String noOps(String resource) {
        String noOp = java.util.regex.Matcher.quoteReplacement("flowable:class=\"" + NegotiationShapes.NoOp.class.getName() + "\"");
        return NegotiationShapes.resource(resource).replaceAll("flowable:class=\"[^\"]+\"", noOp);
    }

    // ------------------------------------------------------------------------ PostgreSQL

    private HikariDataSource pool(String schema, int size) {
        return pool(postgres, schema, size);
    }

    static HikariDataSource pool(String postgres, String schema, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres);
        pool.setMaximumPoolSize(size);
        pool.setSchema(schema);
        return pool;
    }

    private void schema(String sql) throws Exception {
        schema(postgres, sql);
    }

    static void schema(String postgres, String sql) throws Exception {
        try (HikariDataSource admin = new HikariDataSource()) {
            admin.setJdbcUrl(postgres);
            admin.setMaximumPoolSize(1);
            try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    private void negotiationsPerSecondOnPostgres() throws Exception {
        NegotiationShapes shapes = new NegotiationShapes();
        String suffix = Long.toString(System.currentTimeMillis() % 1_000_000);
        String librarySchema = "bench_lib_" + suffix;
        String bareSchema = "bench_bare_" + suffix;
        schema("CREATE SCHEMA " + librarySchema);
        schema("CREATE SCHEMA " + bareSchema);
        try (HikariDataSource libraryPool = pool(librarySchema, 10); HikariDataSource barePool = pool(bareSchema, 10);
                PlieEngine library = PlieEngine.builder().dataSource(libraryPool).databaseSchema(librarySchema).clock(CLOCK)
                        .asyncExecutor(false).build()) {
            ProcessEngine bare = bareEngine(barePool, bareSchema);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                for (int i = 0; i < (quick ? 3 : 10); i++) {
                    shapes.library(library, CLOCK);
                    shapes.bare(bare, PROCESS_KEY);
                }
                for (int parallel : new int[] {1, 8}) {
                    Figure figure = Figure.rate("negotiations/s on PostgreSQL, " + parallel + " at once", "/s");
                    int perThread = parallel == 1 ? (quick ? 4 : 10) : (quick ? 2 : 4);
                    for (int round = 0; round < (quick ? 3 : 6); round++) {
                        // The side that goes first alternates (since 2026-12-03; the library always went first before).
                        boolean libraryFirst = round % 2 == 0;
                        for (int turn = 0; turn < 2; turn++) {
                            if ((turn == 0) == libraryFirst) {
                                figure.library(rate(threads, parallel, perThread, () -> shapes.library(library, CLOCK)));
                            } else {
                                figure.baseline(rate(threads, parallel, perThread, () -> shapes.bare(bare, PROCESS_KEY)));
                            }
                        }
                    }
                    figure.note(perThread * parallel + " negotiations a round, " + parallel + " threads, pool of 10");
                    figures.add(figure);
                }
            } finally {
                threads.shutdown();
                bare.close();
            }
        } finally {
            schema("DROP SCHEMA " + librarySchema + " CASCADE");
            schema("DROP SCHEMA " + bareSchema + " CASCADE");
        }
    }

    private static double rate(ExecutorService threads, int parallel, int perThread, Runnable negotiation) throws Exception {
        long t0 = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < parallel; t++) {
            running.add(threads.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    negotiation.run();
                }
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        return parallel * perThread / ((System.nanoTime() - t0) / 1e9);
    }
}
