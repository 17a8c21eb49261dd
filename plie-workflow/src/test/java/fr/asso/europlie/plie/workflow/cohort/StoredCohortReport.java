package fr.asso.europlie.plie.workflow.cohort;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.indicators.CompletenessReport;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.IndicatorReport;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.internal.CommandRunner;
import fr.asso.europlie.plie.workflow.internal.JdbcParticipants;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The child process of {@link StoredCohortReportTest}: opens an engine on a stored cohort and draws
 * the indicator report from the store, in a JVM started with a small heap. Modes: {@code report}
 * writes the report's text to a file; {@code hold} reads every participant into one list (the
 * control: it must run out of memory, showing that the heap cannot hold the cohort at once).
 *
 * <p>Arguments: mode, JDBC URL, schema ({@code -} for none), operations file, output file.
 */
public final class StoredCohortReport {

    static final LocalDate START = LocalDate.of(2021, 1, 1);
    static final LocalDate END = LocalDate.of(2027, 12, 31);
    static final ReportPeriod PERIOD = new ReportPeriod(START, END);
    static final List<TargetPublic> PUBLICS = List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.RSA_RECIPIENTS,
            TargetPublic.OTHER_MINIMUM_INCOME, TargetPublic.LOW_QUALIFIED_YOUNG, TargetPublic.SENIORS, TargetPublic.DISABLED_WORKERS,
            TargetPublic.QPV_RESIDENTS);
    static final CohortSettings SETTINGS = CohortSettings.of(PUBLICS, new BigDecimal("50"));
    static final Actor TEAM = Actor.of("anne.team", OrganisationId.of("PLIE-PERIGUEUX"), Role.ANIMATION_TEAM);

    private StoredCohortReport() {
    }

    /**
     * Runs the child.
     *
     * @param args mode, URL, schema, operations file, output file
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        String mode = args[0];
        String schema = "-".equals(args[2]) ? null : args[2];
        DataSource dataSource = dataSource(args[1], schema);
        String name = "stored-report-" + ProcessHandle.current().pid();
        PlieEngine.Builder builder = PlieEngine.builder().dataSource(dataSource).asyncExecutor(false).name(name)
                .clock(ManualClock.at(Instant.parse("2028-01-02T08:00:00Z")));
        if (schema != null) {
            builder.databaseSchema(schema);
        }
        try (PlieEngine engine = builder.build()) {
            OperationDirectory operations = readOperations(Path.of(args[3]));
            engine.cohort().configure(SETTINGS, operations, () -> ParticipantId.of("unused"));
            long start = System.nanoTime();
            if ("hold".equals(mode)) {
                CommandRunner runner = new CommandRunner(((ProcessEngineConfigurationImpl) ProcessEngines.getProcessEngine(name)
                        .getProcessEngineConfiguration()).getCommandExecutor(), 1);
                JdbcParticipants store = new JdbcParticipants(PlanId.DEFAULT, java.time.Clock.systemUTC(),
                        PUBLICS);
                List<Participant> all = runner.run(null, "hold", () -> {
                    List<Participant> held = new ArrayList<>();
                    store.all().forEach(held::add);
                    return held;
                });
                Files.writeString(Path.of(args[4]), "held " + all.size(), StandardCharsets.UTF_8);
            } else {
                FullIndicatorReport report = engine.cohort().report(TEAM, PERIOD, END);
                try (Writer out = Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8)) {
                    canonical(report, out);
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, " + mode + " in " + millis + " ms");
        }
    }

    /**
     * Writes the report as text that does not depend on the JVM: its maps are immutable copies
     * ({@code Map.copyOf}), whose order changes from one JVM to the next, so each is written sorted
     * by key. Written a part at a time (the completeness items one a line), never as one string:
     * the whole text runs to megabytes, and building it in the child's small heap, with the copies
     * a string's growth makes, once took more memory than drawing the report (an out-of-memory
     * error in this method, not in the library, seen in CI at 46 MB).
     *
     * @param report the report
     * @param out where the text goes
     * @throws IOException when it cannot be written
     */
    static void canonical(FullIndicatorReport report, Appendable out) throws IOException {
        IndicatorReport overall = report.overall();
        out.append(String.valueOf(overall.period())).append('\n').append(String.valueOf(overall.slice())).append('\n')
                .append(String.valueOf(overall.plieFigures())).append('\n').append(String.valueOf(overall.plieEsfProfile()))
                .append("\ncompleteness as of ").append(String.valueOf(overall.completeness().asOf())).append('\n');
        for (CompletenessReport.Item item : overall.completeness().items()) {
            out.append(String.valueOf(item)).append('\n');
        }
        sorted("byReferent", report.byReferent(), out);
        sorted("byOperator", report.byOperator(), out);
        sorted("byOperation", report.byOperation(), out);
        sorted("byAxis", report.byAxis(), out);
        sorted("byTargetPublic", report.byTargetPublic(), out);
    }

    private static void sorted(String name, Map<?, ?> map, Appendable out) throws IOException {
        java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>();
        map.forEach((key, value) -> sorted.put(key.toString(), value));
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            out.append(name).append(' ').append(entry.getKey()).append('=').append(String.valueOf(entry.getValue())).append('\n');
        }
    }

    private static DataSource dataSource(String url, String schema) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            // The database runs inside this small JVM: its page cache is kept small too (8 MB).
            h2.setURL(url + ";CACHE_SIZE=8192");
            h2.setUser("sa");
            return h2;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setSchema(schema);
        return new HikariDataSource(config);
    }

    /** Writes the operations, one a line: id;operator;axis. */
    static void writeOperations(OperationDirectory operations, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        operations.operations().forEach((id, info) -> text.append(id.value()).append(';').append(info.operator().value()).append(';')
                .append(info.axis().value()).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static OperationDirectory readOperations(Path file) throws IOException {
        Map<OperationId, OperationDirectory.OperationInfo> operations = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cells = line.split(";");
            operations.put(OperationId.of(cells[0]),
                    new OperationDirectory.OperationInfo(OrganisationId.of(cells[1]), StrategicAxisId.of(cells[2])));
        }
        return new OperationDirectory(operations);
    }
}
