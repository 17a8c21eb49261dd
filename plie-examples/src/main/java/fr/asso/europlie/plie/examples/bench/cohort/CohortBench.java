package fr.asso.europlie.plie.examples.bench.cohort;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportedExits;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.csv.CohortCsv;
import fr.asso.europlie.plie.cohort.csv.CsvFiles;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfReport;
import fr.asso.europlie.plie.indicators.EsfSettings;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.Indicators;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The cohort figures of issue 16, each against its baseline in the same run, rounds interleaved
 * after a warm-up: the FSE+ report and the full indicator report over 1M generated participants
 * against a raw scan over primitive arrays computing the FSE+ report's counts; the CSV import of
 * 100k participants against splitting and typing the same cells (days with {@code LocalDate.parse}, and
 * by hand). Not a test; see
 * docs/performance-cohort.md.
 *
 * <p>Usage: {@code java -Xmx6g -cp ... fr.asso.europlie.plie.examples.bench.cohort.CohortBench [report|csv|all|heap] [participants] [rounds, or for heap the histogram lines]}
 */
public final class CohortBench {

    static final LocalDate START = LocalDate.of(2021, 1, 1);
    static final LocalDate END = LocalDate.of(2027, 12, 31);
    static final ReportPeriod PERIOD = new ReportPeriod(START, END);

    private CohortBench() {
    }

    static CohortSettings settings() {
        List<TargetPublic> publics = List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.RSA_RECIPIENTS, TargetPublic.OTHER_MINIMUM_INCOME,
                TargetPublic.LOW_QUALIFIED_YOUNG, TargetPublic.SENIORS, TargetPublic.DISABLED_WORKERS, TargetPublic.QPV_RESIDENTS);
        return CohortSettings.of(publics, new BigDecimal("50"));
    }

    /**
     * Runs the figures.
     *
     * @param args what (report, csv, all, heap), the number of participants, the rounds (for heap: the histogram lines)
     */
    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "all";
        CohortSettings settings = settings();
        if (what.equals("report") || what.equals("all")) {
            int size = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
            int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
            report(settings, size, rounds);
        }
        if (what.equals("heap")) {
            int size = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
            heap(settings, size, args.length > 2 ? Integer.parseInt(args[2]) : 0);
        }
        if (what.equals("csv") || what.equals("all")) {
            int size = args.length > 1 && what.equals("csv") ? Integer.parseInt(args[1]) : 100_000;
            int rounds = args.length > 2 && what.equals("csv") ? Integer.parseInt(args[2]) : 7;
            csv(settings, size, rounds);
        }
    }

    static void report(CohortSettings settings, int size, int rounds) {
        long t0 = System.nanoTime();
        SyntheticCohort.Generated generated = new SyntheticCohort(settings, START, END).generate(42, size);
        List<Participant> participants = generated.data().participants();
        System.out.printf(Locale.ROOT, "generated %d participants in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
        Indicators indicators = new Indicators(settings, EsfSettings.defaults(), generated.operations());
        RawCohort raw = RawCohort.of(participants, generated.operations(), EsfSettings.defaults());
        // The raw scan must compute the same counts as the library.
        EsfReport esf = indicators.esfReport(participants, PERIOD);
        int[][][] rawCounts = raw.esfReport(RawCohort.packed(PERIOD.from()), RawCohort.packed(PERIOD.to()));
        raw.check(esf);
        System.out.printf(Locale.ROOT, "checked: raw scan counts = library counts (%d operations, EECO01 plan %d)%n", esf.byOperation().size(),
                esf.plan().total(EsfIndicator.EECO01));
        int from = RawCohort.packed(PERIOD.from());
        int to = RawCohort.packed(PERIOD.to());
        long[] sink = new long[1];
        LongSupplier rawScan = () -> {
            long start = System.nanoTime();
            sink[0] += raw.esfReport(from, to)[0][0][0];
            return System.nanoTime() - start;
        };
        // What the model's layout costs alone: the walk over the objects that the FSE+ report reads
        // (entry and exit days, entry data, the steps' operations), without counting anything.
        LongSupplier objectWalk = () -> {
            long start = System.nanoTime();
            long acc = 0;
            for (Participant participant : participants) {
                for (AccompanimentPeriod p : participant.periods()) {
                    LocalDate entry = p.entryDate();
                    if (entry == null) {
                        continue;
                    }
                    acc += entry.getDayOfMonth();
                    EsfEntryData data = p.entryData();
                    if (data != null) {
                        acc += data.gender().ordinal() + data.ageAtEntry() + data.labourStatus().ordinal();
                    }
                    if (p.exit() != null) {
                        acc += p.exitDate().getDayOfMonth();
                    }
                    for (Step step : p.steps()) {
                        if (step.operation() != null) {
                            acc += System.identityHashCode(step.operation()) & 1;
                        }
                    }
                }
            }
            sink[0] += acc;
            return System.nanoTime() - start;
        };
        LongSupplier esfReport = () -> {
            long start = System.nanoTime();
            sink[0] += indicators.esfReport(participants, PERIOD).byOperation().size();
            return System.nanoTime() - start;
        };
        LongSupplier fullReport = () -> {
            long start = System.nanoTime();
            FullIndicatorReport full = indicators.fullReport(participants, PERIOD, END);
            sink[0] += full.byReferent().size();
            return System.nanoTime() - start;
        };
        Rounds r = new Rounds(List.of("raw scan", "object walk", "esfReport", "fullReport"),
                List.of(rawScan, objectWalk, esfReport, fullReport));
        r.run(3, rounds);
        r.print();
        r.ratio("esfReport", "raw scan", 4);
        r.ratio("fullReport", "raw scan", 10);
        r.ratio("object walk", "raw scan", 1);
        if (sink[0] == 42) {
            System.out.println();
        }
    }

    /**
     * The heap a generated cohort holds, measured as the used heap after full collections before and
     * after generating it: the whole generated data (participants, identities, referents, operations),
     * then the participants alone (the identities and the rest dropped).
     *
     * @param histogram how many lines of the heap histogram to print at the end (0 for none)
     */
    static void heap(CohortSettings settings, int size, int histogram) {
        long before = usedAfterGc();
        SyntheticCohort.Generated generated = new SyntheticCohort(settings, START, END).generate(42, size);
        long whole = usedAfterGc();
        List<Participant> participants = generated.data().participants();
        long periods = participants.stream().mapToLong(p -> p.periods().size()).sum();
        long steps = participants.stream().flatMap(p -> p.periods().stream()).mapToLong(p -> p.steps().size()).sum();
        generated = null;
        long alone = usedAfterGc();
        System.out.printf(Locale.ROOT, "%d participants, %d periods, %d steps%n", size, periods, steps);
        System.out.printf(Locale.ROOT, "heap per participant: generated data %.0f B, participants alone %.0f B%n",
                (double) (whole - before) / size, (double) (alone - before) / size);
        if (histogram > 0) {
            try {
                Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                        new Object[] {new String[0]}, new String[] {String[].class.getName()});
                text.toString().lines().limit(histogram + 3L).forEach(System.out::println);
            } catch (javax.management.JMException e) {
                throw new IllegalStateException(e);
            }
        }
        if (participants.size() == 42) {
            System.out.println();
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void csv(CohortSettings settings, int size, int rounds) {
        SyntheticCohort.Generated generated = new SyntheticCohort(settings, START, END).generate(7, size);
        CohortData data = generated.data();
        CsvFiles files = CohortCsv.write(data, ';');
        System.out.printf(Locale.ROOT, "CSV of %d participants: periods %d chars, steps %d chars, identities %d chars%n", size,
                files.periods().length(), files.steps().length(), files.identities() == null ? 0 : files.identities().length());
        CohortData back = CohortCsv.read(files, settings, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT).data();
        if (!back.participants().equals(data.participants())) {
            throw new IllegalStateException("the CSV read back differs");
        }
        long[] sink = new long[1];
        LongSupplier baseline = () -> {
            long start = System.nanoTime();
            sink[0] += RawCsv.splitAndType(files, false);
            return System.nanoTime() - start;
        };
        LongSupplier fastDays = () -> {
            long start = System.nanoTime();
            sink[0] += RawCsv.splitAndType(files, true);
            return System.nanoTime() - start;
        };
        LongSupplier read = () -> {
            long start = System.nanoTime();
            sink[0] += CohortCsv.read(files, settings.eligibility().targetPublics(), ImportMode.ALL_OR_NOTHING).data().participants().size();
            return System.nanoTime() - start;
        };
        LongSupplier readWithSettings = () -> {
            long start = System.nanoTime();
            sink[0] += CohortCsv.read(files, settings, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT).data().participants().size();
            return System.nanoTime() - start;
        };
        LongSupplier model = () -> {
            long start = System.nanoTime();
            sink[0] += ModelRebuild.rebuild(data);
            return System.nanoTime() - start;
        };
        Rounds r = new Rounds(List.of("split+type", "split+type/days", "model rebuild", "read", "read(settings)"),
                List.of(baseline, fastDays, model, read, readWithSettings));
        r.run(3, rounds);
        r.print();
        r.ratio("read", "split+type", 1.5);
        r.ratio("read(settings)", "split+type", 1.5);
        r.ratio("read", "split+type/days", 1.5);
        r.ratio("read(settings)", "split+type/days", 1.5);
        if (sink[0] == 42) {
            System.out.println();
        }
    }

    /** Interleaved rounds: each round runs every candidate once, in a rotating order. */
    static final class Rounds {
        final List<String> names;
        final List<LongSupplier> runs;
        final Map<String, List<Long>> times = new HashMap<>();

        Rounds(List<String> names, List<LongSupplier> runs) {
            this.names = names;
            this.runs = runs;
        }

        void run(int warmUp, int rounds) {
            for (int round = 0; round < warmUp + rounds; round++) {
                for (int k = 0; k < runs.size(); k++) {
                    int i = (k + round) % runs.size();
                    long t = runs.get(i).getAsLong();
                    if (round >= warmUp) {
                        times.computeIfAbsent(names.get(i), x -> new ArrayList<>()).add(t);
                    }
                }
            }
        }

        long median(String name) {
            long[] t = times.get(name).stream().mapToLong(Long::longValue).sorted().toArray();
            return t[t.length / 2];
        }

        void print() {
            System.out.printf(Locale.ROOT, "%-16s %10s %10s %10s%n", "figure", "min ms", "median ms", "max ms");
            for (String name : names) {
                long[] t = times.get(name).stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "%-16s %10.1f %10.1f %10.1f%n", name, t[0] / 1e6, t[t.length / 2] / 1e6, t[t.length - 1] / 1e6);
            }
        }

        void ratio(String name, String baseline, double target) {
            double ratio = (double) median(name) / median(baseline);
            System.out.printf(Locale.ROOT, "ratio %s / %s = %.2f (target <= %.1f)%n", name, baseline, ratio, target);
        }
    }

    /** Whether a declaration is yes. */
    static boolean yes(Declaration d) {
        return d == Declaration.YES;
    }

    static int entryBits(EsfEntryData e) {
        return (yes(e.disability()) ? 1 : 0) | (yes(e.thirdCountNational()) ? 2 : 0) | (yes(e.foreignBackground()) ? 4 : 0)
                | (yes(e.minority()) ? 8 : 0) | (e.homeless() ? 16 : 0) | (e.ruralArea() ? 32 : 0);
    }

    static int exitBits(EsfExitData x) {
        return x == null ? 0 : 64 | (x.jobSearching() ? 1 : 0) | (x.inEducationOrTraining() ? 2 : 0) | (x.gainedQualification() ? 4 : 0)
                | (x.employed() ? 8 : 0);
    }

    static int sixBits(EsfSixMonthData s) {
        return s == null ? 0 : (s.employed() ? 1 : 0) | (s.improvedSituation() ? 2 : 0);
    }

    static Map<OperationId, Integer> index(OperationDirectory directory) {
        Map<OperationId, Integer> index = new HashMap<>();
        directory.operations().keySet().forEach(op -> index.put(op, index.size()));
        directory.accompaniments().values().forEach(op -> index.putIfAbsent(op, index.size()));
        return index;
    }
}
