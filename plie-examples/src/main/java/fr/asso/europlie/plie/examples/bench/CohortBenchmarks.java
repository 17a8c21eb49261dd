package fr.asso.europlie.plie.examples.bench;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportedExits;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.csv.CohortCsv;
import fr.asso.europlie.plie.cohort.csv.CsvFiles;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.examples.bench.cohort.RawCohort;
import fr.asso.europlie.plie.indicators.EsfSettings;
import fr.asso.europlie.plie.indicators.Indicators;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cohort's figures (measured only: the cohort, its readers and the indicators are other work
 * in progress): the FSE+ report and the full indicator report over a generated cohort against a
 * raw scan over primitive arrays of the same periods, the heap a cohort holds per participant
 * against those arrays, and the CSV import against splitting and typing the same cells.
 *
 * <p>The raw scan is the floor of any report: the periods flattened beforehand into primitive
 * arrays ({@link RawCohort}), then the FSE+ report's counts computed from them by hand with the same
 * rules (a participant's periods grouped by operation, entry data at the first period of each
 * operation, results at the last, six-month results), checked equal to the library's report in
 * every run. The simplified scan ({@link #scan}, the baseline of the tables before 2026-12-02)
 * tallies each period's bits under its first referent: counts of the same shape, not the same
 * counts; it stays measured for comparison and its arrays are the heap figure's baseline.
 */
final class CohortBenchmarks {

    private static final LocalDate START = LocalDate.of(2021, 1, 1);
    private static final LocalDate END = LocalDate.of(2027, 12, 31);
    private static final ReportPeriod PERIOD = new ReportPeriod(START, END);

    /** The target publics of the generated cohorts. */
    static final List<TargetPublic> PUBLICS = List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.RSA_RECIPIENTS,
            TargetPublic.OTHER_MINIMUM_INCOME, TargetPublic.LOW_QUALIFIED_YOUNG, TargetPublic.SENIORS, TargetPublic.DISABLED_WORKERS,
            TargetPublic.QPV_RESIDENTS);
    /** The cohort's settings of the generated cohorts. */
    static final CohortSettings SETTINGS = CohortSettings.of(PUBLICS, new BigDecimal("50"));

    private CohortBenchmarks() {
    }

    /** The generator of the cohorts measured, over 2021 to 2027. */
    static SyntheticCohort generator() {
        return new SyntheticCohort(SETTINGS, START, END);
    }

    /** The CSV figure's files: a generated cohort of this size (seed 7) written with ';'. */
    static CsvFiles csvFiles(int size) {
        return CohortCsv.write(generator().generate(7, size).data(), ';');
    }

    /** The CSV figure's baseline: every file split into cells and each cell typed. */
    static long splitAndType(CsvFiles files) {
        return splitAndType(files.periods()) + splitAndType(files.steps()) + splitAndType(files.identities())
                + splitAndType(files.referents());
    }

    /** The periods of a cohort in primitive arrays (one slot a period with an entry). */
    static final class Flat {
        int size;
        int[] entry;
        int[] exit;
        byte[] gender;
        byte[] age;
        byte[] labour;
        byte[] isced;
        short[] flags;
        byte[] exitFlags;
        int[] operation;
        int operations;

        long bytes() {
            return (long) entry.length * (4 + 4 + 1 + 1 + 1 + 1 + 2 + 1 + 4);
        }
    }

    static Flat flatten(List<Participant> participants) {
        int count = 0;
        for (Participant p : participants) {
            count += p.periods().size();
        }
        Flat flat = new Flat();
        flat.entry = new int[count];
        flat.exit = new int[count];
        flat.gender = new byte[count];
        flat.age = new byte[count];
        flat.labour = new byte[count];
        flat.isced = new byte[count];
        flat.flags = new short[count];
        flat.exitFlags = new byte[count];
        flat.operation = new int[count];
        Map<Object, Integer> operations = new HashMap<>();
        int i = 0;
        for (Participant participant : participants) {
            for (AccompanimentPeriod p : participant.periods()) {
                EsfEntryData data = p.entryData();
                if (p.entryDate() == null || data == null) {
                    continue;
                }
                flat.entry[i] = (int) p.entryDate().toEpochDay();
                flat.exit[i] = p.exitDate() == null ? Integer.MAX_VALUE : (int) p.exitDate().toEpochDay();
                flat.gender[i] = (byte) data.gender().ordinal();
                flat.age[i] = (byte) Math.min(127, data.ageAtEntry());
                flat.labour[i] = (byte) (data.labourStatus() == null ? -1 : data.labourStatus().ordinal());
                flat.isced[i] = (byte) (data.isced() == null ? -1 : data.isced().ordinal());
                int flags = 0;
                flags |= data.disability() == Declaration.YES ? 1 : 0;
                flags |= data.thirdCountNational() == Declaration.YES ? 2 : 0;
                flags |= data.foreignBackground() == Declaration.YES ? 4 : 0;
                flags |= data.minority() == Declaration.YES ? 8 : 0;
                flags |= data.homeless() ? 16 : 0;
                flags |= data.ruralArea() ? 32 : 0;
                flags |= data.unemployedSince() != null && data.unemployedSince().plusMonths(12).isBefore(p.entryDate()) ? 64 : 0;
                flat.flags[i] = (short) flags;
                EsfExitData exit = p.exit() == null ? null : p.exit().data();
                int exitFlags = exit == null ? 0 : 128;
                if (exit != null) {
                    exitFlags |= (exit.jobSearching() ? 1 : 0) | (exit.inEducationOrTraining() ? 2 : 0)
                            | (exit.gainedQualification() ? 4 : 0) | (exit.employed() ? 8 : 0);
                }
                flat.exitFlags[i] = (byte) exitFlags;
                Object key = p.referents().isEmpty() ? "none" : p.referents().get(0).referent();
                flat.operation[i] = operations.computeIfAbsent(key, k -> operations.size());
                i++;
            }
        }
        flat.size = i;
        flat.operations = operations.size();
        return flat;
    }

    private static long total(int[][][] counts) {
        long total = 0;
        for (int[][] operation : counts) {
            for (int[] indicator : operation) {
                for (int c : indicator) {
                    total += c;
                }
            }
        }
        return total;
    }

    /**
     * The simplified scan (the report figures' baseline until 2026-12-02): FSE+ output and result bits
     * by first referent, indicator and gender; not the FSE+ report's counts (see {@link RawCohort}).
     */
    static long scan(Flat flat, int from, int to) {
        int[] tally = new int[flat.operations * 32 * 2];
        for (int i = 0; i < flat.size; i++) {
            int bits = 0;
            int entry = flat.entry[i];
            if (entry >= from && entry <= to) {
                int labour = flat.labour[i];
                int isced = flat.isced[i];
                int age = flat.age[i];
                int flags = flat.flags[i];
                bits |= 1; // EECO01 participants
                bits |= labour == 0 ? 2 : 0;
                bits |= labour == 0 && (flags & 64) != 0 ? 4 : 0;
                bits |= labour == 1 ? 8 : 0;
                bits |= labour == 2 ? 16 : 0;
                bits |= age < 30 ? 32 : 0;
                bits |= age > 54 ? 64 : 0;
                bits |= isced >= 0 && isced <= 2 ? 128 : 0;
                bits |= isced >= 3 && isced <= 4 ? 256 : 0;
                bits |= isced >= 5 ? 512 : 0;
                bits |= (flags & 63) << 10;
            }
            int exit = flat.exit[i];
            if (exit >= from && exit <= to && flat.exitFlags[i] != 0) {
                bits |= (flat.exitFlags[i] & 15) << 16;
            }
            int base = (flat.operation[i] * 32) * 2 + flat.gender[i];
            for (int b = bits; b != 0; b &= b - 1) {
                tally[base + 2 * Integer.numberOfTrailingZeros(b)]++;
            }
        }
        long total = 0;
        for (int t : tally) {
            total += t;
        }
        return total;
    }

    static void run(boolean quick, List<Figure> figures, List<String> notes) {
        int size = quick ? 200_000 : 1_000_000;
        List<TargetPublic> publics = PUBLICS;
        CohortSettings settings = SETTINGS;
        SyntheticCohort generator = generator();

        // Heap held by the cohort: used heap after full collections, before and after generating it.
        long before = usedAfterGc();
        SyntheticCohort.Generated generated = generator.generate(42, size);
        long after = usedAfterGc();
        List<Participant> participants = generated.data().participants();
        Flat flat = flatten(participants);
        long periods = flat.size;
        figures.add(Figure.time("heap held by a cohort of " + String.format(Locale.ROOT, "%,d", size) + " participants, per participant",
                "B").library((double) (after - before) / size).baseline((double) flat.bytes() / size)
                .note(periods + " periods; baseline: the primitive arrays of the raw scan (" + flat.bytes() / periods
                        + " B a period); library: used heap after GC, generated data with its operations"));

        Indicators indicators = new Indicators(settings, EsfSettings.defaults(), generated.operations());
        // The baseline computes the same counts as the library's FSE+ report (by operation, indicator and gender,
        // a participant's periods grouped by operation, ages and long-term unemployment at entry, six-month
        // results), from primitive arrays flattened beforehand; checked equal to the library's report here, in
        // every run. Until 2026-12-02 the baseline was the simplified scan below, which counts each period under
        // its first referent, without six-month results and with approximate ages: cheaper than the same counts,
        // so the earlier tables' ratios charge the library with work the baseline did not do. Both are measured.
        RawCohort raw = RawCohort.of(participants, generated.operations(), EsfSettings.defaults());
        raw.check(indicators.esfReport(participants, PERIOD));
        int rawFrom = RawCohort.packed(START);
        int rawTo = RawCohort.packed(END);
        int from = (int) START.toEpochDay();
        int to = (int) END.toEpochDay();
        int warmUp = quick ? 3 : 5;
        int rounds = quick ? 5 : 9;
        String n = String.format(Locale.ROOT, "%,d", size);
        Figure esf = Figure.time("FSE+ report, " + n + " participants, vs raw scan of the same counts", "ms");
        Figure full = Figure.time("full indicator report, " + n + " participants, vs raw scan of the FSE+ counts", "ms");
        // The CPU time of the thread too: on a machine shared with other work, the wall time counts the
        // time the thread waits for a core, which the scan's few milliseconds and the reports' hundreds do not share alike.
        Figure esfCpu = Figure.time("FSE+ report, " + n + " participants, vs raw scan of the same counts, CPU time of the thread", "ms");
        Figure fullCpu = Figure.time("full indicator report, " + n + " participants, vs raw scan of the FSE+ counts, CPU time of the thread", "ms");
        Figure esfSimple = Figure.time("FSE+ report, " + n + " participants, vs the simplified scan (earlier tables' baseline), CPU time of the thread",
                "ms");
        Figure fullSimple = Figure.time("full indicator report, " + n
                + " participants, vs the simplified scan (earlier tables' baseline), CPU time of the thread", "ms");
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < warmUp + rounds; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += indicators.esfReport(participants, PERIOD).byOperation().size();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            sink += total(raw.esfReport(rawFrom, rawTo));
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            sink += indicators.fullReport(participants, PERIOD, END).byOperation().size();
            long t3 = System.nanoTime();
            long c3 = threads.getCurrentThreadCpuTime();
            sink += total(raw.esfReport(rawFrom, rawTo));
            long t4 = System.nanoTime();
            long c4 = threads.getCurrentThreadCpuTime();
            sink += scan(flat, from, to);
            long c5 = threads.getCurrentThreadCpuTime();
            if (i >= warmUp) {
                esf.library((t1 - t0) / 1e6).baseline((t2 - t1) / 1e6);
                full.library((t3 - t2) / 1e6).baseline((t4 - t3) / 1e6);
                esfCpu.library((c1 - c0) / 1e6).baseline((c2 - c1) / 1e6);
                fullCpu.library((c3 - c2) / 1e6).baseline((c4 - c3) / 1e6);
                esfSimple.library((c1 - c0) / 1e6).baseline((c5 - c4) / 1e6);
                fullSimple.library((c3 - c2) / 1e6).baseline((c5 - c4) / 1e6);
            }
        }
        figures.add(esf.note("raw scan: the same periods in primitive arrays prepared beforehand, the FSE+ report's counts by operation, "
                + "indicator and gender, checked equal to the library's in this run"));
        figures.add(esfCpu.note("the same rounds; the thread's CPU time, less disturbed by the machine's load than wall time"));
        figures.add(full.note("every breakdown and the completeness report; baseline: the same raw scan (FSE+ counts only)"));
        figures.add(fullCpu.note("the same rounds"));
        figures.add(esfSimple.note("simplified scan: each period under its first referent, no six-month results, approximate ages: "
                + "not the same counts; for comparison with earlier tables"));
        figures.add(fullSimple.note("the same rounds"));

        // CSV import of 100,000 participants against splitting and typing the same cells.
        int csvSize = quick ? 20_000 : 100_000;
        CsvFiles files = csvFiles(csvSize);
        Figure csv = Figure.time("CSV import of " + String.format(Locale.ROOT, "%,d", csvSize) + " participants vs splitting and typing the cells",
                "ms");
        // The same rounds in CPU time of the thread, and the import an application runs: with the cohort's settings,
        // each participant replayed through the commands (ImportChecks, ImportReplay), against the same baseline.
        Figure csvCpu = Figure.time("CSV import of " + String.format(Locale.ROOT, "%,d", csvSize)
                + " participants vs splitting and typing the cells, CPU time of the thread", "ms");
        Figure csvSettings = Figure.time("CSV import of " + String.format(Locale.ROOT, "%,d", csvSize)
                + " participants with the cohort's settings (replayed through the commands) vs splitting and typing, CPU time of the thread", "ms");
        // Nine measured rounds in full mode (five before 2026-12-02 night): the CSV figures' CPU ratio swung from 1.58
        // to 1.98 between runs of five rounds on this 2-core machine.
        int csvWarmUp = quick ? 2 : 3;
        int csvRounds = quick ? 3 : 9;
        for (int i = 0; i < csvWarmUp + csvRounds; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += CohortCsv.read(files, publics).participants().size();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            sink += splitAndType(files);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            sink += CohortCsv.read(files, settings, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT).data().participants().size();
            long c3 = threads.getCurrentThreadCpuTime();
            sink += splitAndType(files);
            long c4 = threads.getCurrentThreadCpuTime();
            if (i >= csvWarmUp) {
                csv.library((t1 - t0) / 1e6).baseline((t2 - t1) / 1e6);
                csvCpu.library((c1 - c0) / 1e6).baseline((c2 - c1) / 1e6);
                csvSettings.library((c3 - c2) / 1e6).baseline((c4 - c3) / 1e6);
            }
        }
        figures.add(csv.note("baseline: lines split on ';', each cell typed as a date, a number or kept as text; " + files.periods().length() / 1024
                + " KB of periods"));
        figures.add(csvCpu.note("the same rounds"));
        figures.add(csvSettings.note("the import an application runs: the same read plus ImportChecks and the replay through the commands"));
        notes.add("(cohort checksum " + sink + ")");
    }

    /** Splits a CSV text into cells and types each: ISO date, integer or decimal, or text. */
    static long splitAndType(String text) {
        long typed = 0;
        int start = text.indexOf('\n') + 1; // the header
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int cell = start;
            while (cell <= end) {
                int next = text.indexOf(';', cell);
                if (next < 0 || next > end) {
                    next = end;
                }
                String value = text.substring(cell, next).strip();
                if (value.isEmpty()) {
                    typed++;
                } else if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
                    typed += LocalDate.parse(value).getDayOfMonth();
                } else if (Character.isDigit(value.charAt(0)) && value.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                    typed += value.indexOf('.') >= 0 ? new BigDecimal(value).signum() : Long.parseLong(value) & 1;
                } else {
                    typed += value.hashCode() & 1;
                }
                cell = next + 1;
            }
            start = end + 1;
        }
        return typed;
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
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
