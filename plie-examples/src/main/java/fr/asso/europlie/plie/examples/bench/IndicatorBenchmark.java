package fr.asso.europlie.plie.examples.bench;

import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfSettings;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.Indicators;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Times the full indicator report (cohort figures, FSE+ EECO01-17 and EECR01-06 by gender,
 * completeness, and the breakdowns by referent, operator, operation, axis and target public) over
 * generated cohorts of growing size. Not a test: run it by hand, see docs/benchmarks.md.
 *
 * <p>Usage: {@code java -Xmx4g -cp ... fr.asso.europlie.plie.examples.bench.IndicatorBenchmark [sizes...]}
 * (default 10000 100000 1000000).
 */
public final class IndicatorBenchmark {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final LocalDate END = LocalDate.of(2027, 12, 31);
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2021, 1, 1), LocalDate.of(2027, 12, 31));

    private IndicatorBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the cohort sizes, default 10,000, 100,000 and 1,000,000
     */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000, 1_000_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        List<TargetPublic> publics = List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.RSA_RECIPIENTS, TargetPublic.OTHER_MINIMUM_INCOME,
                TargetPublic.LOW_QUALIFIED_YOUNG, TargetPublic.SENIORS, TargetPublic.DISABLED_WORKERS, TargetPublic.QPV_RESIDENTS);
        CohortSettings settings = CohortSettings.of(publics, new BigDecimal("50"));
        SyntheticCohort generator = new SyntheticCohort(settings, START, END);

        SyntheticCohort.Generated warmUp = generator.generate(1, 10_000);
        Indicators warmIndicators = new Indicators(settings, EsfSettings.defaults(), warmUp.operations());
        for (int i = 0; i < 30; i++) {
            warmIndicators.fullReport(warmUp.data().participants(), PERIOD, END);
        }

        System.out.printf("%12s %10s %12s %14s %14s %12s %10s%n", "participants", "periods", "generate ms", "report ms (min)",
                "report ms (med)", "ns/period", "EECO01");
        for (int size : sizes) {
            long t0 = System.nanoTime();
            SyntheticCohort.Generated generated = generator.generate(42, size);
            long generation = System.nanoTime() - t0;
            List<Participant> participants = generated.data().participants();
            long periods = participants.stream().mapToLong(p -> p.periods().size()).sum();
            Indicators indicators = new Indicators(settings, EsfSettings.defaults(), generated.operations());
            int runs = size >= 1_000_000 ? 3 : size >= 100_000 ? 5 : 9;
            long[] times = new long[runs];
            FullIndicatorReport report = null;
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                report = indicators.fullReport(participants, PERIOD, END);
                times[r] = System.nanoTime() - start;
            }
            Arrays.sort(times);
            long median = times[runs / 2];
            System.out.printf("%12d %10d %12d %14.1f %14.1f %12.0f %10d%n", size, periods, generation / 1_000_000, times[0] / 1e6, median / 1e6,
                    (double) median / periods, report.overall().plieEsfProfile().total(EsfIndicator.EECO01));
            System.out.printf("             breakdowns: %d referents, %d operations, %d operators, %d axes, %d target publics; "
                    + "%d completeness items%n", report.byReferent().size(), report.byOperation().size(), report.byOperator().size(),
                    report.byAxis().size(), report.byTargetPublic().size(), report.overall().completeness().items().size());
        }
    }
}
