package fr.asso.europlie.plie.examples.bench;

import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.PersonalData;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfSettings;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.Indicators;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.cohort.CohortFollowUp;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Times the full indicator report drawn from a stored cohort ({@link CohortFollowUp#report}, read
 * from the engine's database 500 participants at a time) next to the same report over the cohort
 * held in memory. Not a test: run it by hand, see docs/benchmarks.md.
 *
 * <p>Usage: {@code java -cp ... fr.asso.europlie.plie.examples.bench.StoredCohortBenchmark [size]}
 * (default 100000), on an embedded H2 database in a temporary file.
 */
public final class StoredCohortBenchmark {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final LocalDate END = LocalDate.of(2027, 12, 31);
    private static final ReportPeriod PERIOD = new ReportPeriod(START, END);
    private static final int RUNS = 3;
    private static final Actor TEAM = Actor.of("bench.team", OrganisationId.of("PLIE-BENCH"), Role.ANIMATION_TEAM);

    private StoredCohortBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the cohort size, default 100,000
     * @throws IOException when the temporary database cannot be created
     */
    public static void main(String[] args) throws IOException {
        int size = args.length == 0 ? 100_000 : Integer.parseInt(args[0]);
        List<TargetPublic> publics = List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.RSA_RECIPIENTS, TargetPublic.OTHER_MINIMUM_INCOME,
                TargetPublic.LOW_QUALIFIED_YOUNG, TargetPublic.SENIORS, TargetPublic.DISABLED_WORKERS, TargetPublic.QPV_RESIDENTS);
        CohortSettings settings = CohortSettings.of(publics, new BigDecimal("50"));
        SyntheticCohort.Generated generated = new SyntheticCohort(settings, START, END).generate(42, size);
        Indicators indicators = new Indicators(settings, EsfSettings.defaults(), generated.operations());

        Path directory = Files.createTempDirectory("plie-bench");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(PlieEngine.h2FileUrl(directory.resolve("cohort")));
        try (PlieEngine engine = PlieEngine.builder().dataSource(h2).asyncExecutor(false).build()) {
            CohortFollowUp cohort = engine.cohort();
            cohort.configure(settings, generated.operations(), () -> ParticipantId.of("unused"));
            long t0 = System.nanoTime();
            List<Participant> participants = generated.data().participants();
            for (int from = 0; from < participants.size(); from += CohortFollowUp.MAX_LOAD) {
                List<Participant> batch = participants.subList(from, Math.min(participants.size(), from + CohortFollowUp.MAX_LOAD));
                Map<ParticipantId, PersonalData> identities = new LinkedHashMap<>();
                batch.forEach(p -> identities.put(p.id(), generated.data().identities().get(p.id())));
                cohort.load(TEAM, new CohortData(from == 0 ? generated.data().referents() : List.of(), batch, identities, Map.of()));
            }
            long loading = System.nanoTime() - t0;

            for (int i = 0; i < 5; i++) { // warm-up
                indicators.fullReport(participants, PERIOD, END);
            }
            cohort.report(TEAM, PERIOD, END); // warm-up
            long[] memory = new long[RUNS];
            long[] stored = new long[RUNS];
            FullIndicatorReport inMemory = null;
            FullIndicatorReport fromStore = null;
            for (int r = 0; r < RUNS; r++) {
                long start = System.nanoTime();
                inMemory = indicators.fullReport(participants, PERIOD, END);
                memory[r] = System.nanoTime() - start;
                start = System.nanoTime();
                fromStore = cohort.report(TEAM, PERIOD, END);
                stored[r] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(memory);
            java.util.Arrays.sort(stored);
            System.out.printf("%d participants; loading through CohortFollowUp.load: %d ms%n", size, loading / 1_000_000);
            System.out.printf("%-22s %12s %12s %10s%n", "report", "min ms", "median ms", "EECO01");
            System.out.printf("%-22s %12.1f %12.1f %10d%n", "in memory", memory[0] / 1e6, memory[RUNS / 2] / 1e6,
                    inMemory.overall().esf().total(EsfIndicator.EECO01));
            System.out.printf("%-22s %12.1f %12.1f %10d%n", "from the store (H2)", stored[0] / 1e6, stored[RUNS / 2] / 1e6,
                    fromStore.overall().esf().total(EsfIndicator.EECO01));
            System.out.println("same figures: " + inMemory.equals(fromStore) + " (database in " + directory + ")");
        }
    }
}
