package fr.asso.europlie.plie.examples.bench.cohort;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ReferentAssignment;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfIndicators;
import fr.asso.europlie.plie.indicators.EsfReport;
import fr.asso.europlie.plie.indicators.EsfSettings;
import fr.asso.europlie.plie.offer.OperationId;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The baseline of the report figures: the cohort's facts in primitive arrays (one slot a period,
 * dates as {@code yyyymmdd} ints, a period's operations as the indices of its steps' operations and
 * of its referents' accompaniment operations), and a scan computing the FSE+ report's counts (per
 * operation, indicator and gender) with the same rules, by hand.
 */
public final class RawCohort {

    final int participants;
    final int[] periodStart;
    final int[] entry;
    final int[] exit;
    final byte[] gender;
    final byte[] age;
    final byte[] labour;
    final int[] unemployedSince;
    final byte[] isced;
    final byte[] flags;
    final byte[] exitFlags;
    final int[] six;
    final byte[] sixFlags;
    final int[] opStart;
    final int[] ops;
    final OperationId[] operationIds;
    final EsfSettings settings;

    private RawCohort(List<Participant> list, OperationDirectory directory, EsfSettings settings) {
        this.settings = settings;
        Map<OperationId, Integer> index = CohortBench.index(directory);
        operationIds = new OperationId[index.size()];
        index.forEach((op, i) -> operationIds[i] = op);
        participants = list.size();
        int periods = list.stream().mapToInt(p -> p.periods().size()).sum();
        int opCount = 0;
        for (Participant p : list) {
            for (AccompanimentPeriod period : p.periods()) {
                opCount += period.steps().size() + period.referents().size();
            }
        }
        periodStart = new int[participants + 1];
        entry = new int[periods];
        exit = new int[periods];
        gender = new byte[periods];
        age = new byte[periods];
        labour = new byte[periods];
        unemployedSince = new int[periods];
        isced = new byte[periods];
        flags = new byte[periods];
        exitFlags = new byte[periods];
        six = new int[periods];
        sixFlags = new byte[periods];
        opStart = new int[periods + 1];
        int[] allOps = new int[opCount];
        int k = 0;
        int o = 0;
        for (int i = 0; i < participants; i++) {
            periodStart[i] = k;
            for (AccompanimentPeriod p : list.get(i).periods()) {
                entry[k] = packed(p.entryDate());
                exit[k] = packed(p.exitDate());
                EsfEntryData data = p.entryData();
                gender[k] = (byte) (data == null ? -1 : data.gender().ordinal());
                if (data != null) {
                    age[k] = (byte) data.ageAtEntry();
                    labour[k] = (byte) data.labourStatus().ordinal();
                    unemployedSince[k] = packed(data.unemployedSince());
                    isced[k] = (byte) data.isced().level();
                    flags[k] = (byte) CohortBench.entryBits(data);
                }
                exitFlags[k] = (byte) (p.exit() == null ? 0 : CohortBench.exitBits(p.exit().data()));
                six[k] = p.sixMonthData() == null ? 0 : packed(p.sixMonthData().collectedOn());
                sixFlags[k] = (byte) CohortBench.sixBits(p.sixMonthData());
                opStart[k] = o;
                for (Step step : p.steps()) {
                    if (step.operation() != null) {
                        allOps[o++] = index.get(step.operation());
                    }
                }
                for (ReferentAssignment r : p.referents()) {
                    OperationId op = directory.accompaniments().get(r.referent());
                    if (op != null) {
                        allOps[o++] = index.get(op);
                    }
                }
                k++;
            }
        }
        periodStart[participants] = k;
        opStart[k] = o;
        ops = Arrays.copyOf(allOps, o);
    }

    /**
     * Flattens a cohort.
     *
     * @param participants the participants
     * @param directory the operations' directory (accompaniment operations of the referents)
     * @param settings the FSE+ settings the library's report uses
     * @return the flat cohort
     */
    public static RawCohort of(List<Participant> participants, OperationDirectory directory, EsfSettings settings) {
        return new RawCohort(participants, directory, settings);
    }

    /**
     * A day as a {@code yyyymmdd} int, 0 for none.
     *
     * @param day the day or null
     * @return the packed day
     */
    public static int packed(LocalDate day) {
        return day == null ? 0 : day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }

    /** A {@code yyyymmdd} day plus months, the day of month clamped to the month's length, as LocalDate.plusMonths. */
    static int plusMonths(int day, int months) {
        int y = day / 10_000;
        int m = day / 100 % 100 - 1 + months;
        int d = day % 100;
        y += Math.floorDiv(m, 12);
        m = Math.floorMod(m, 12) + 1;
        int length = switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return y * 10_000 + m * 100 + Math.min(d, length);
    }

    private static final int UNEMPLOYED = LabourMarketStatus.UNEMPLOYED.ordinal();
    private static final int INACTIVE = LabourMarketStatus.INACTIVE.ordinal();
    private static final int EMPLOYED = LabourMarketStatus.EMPLOYED.ordinal();
    private static final int INDICATORS = EsfIndicator.values().length;

    /**
     * The counts of the FSE+ report: [operation][indicator][gender].
     *
     * @param from the period's first day, packed
     * @param to the period's last day, packed
     * @return the counts
     */
    public int[][][] esfReport(int from, int to) {
        int[][][] counts = new int[operationIds.length][INDICATORS][3];
        int[] stamp = new int[operationIds.length];
        Arrays.fill(stamp, -1);
        int[] first = new int[operationIds.length];
        int[] last = new int[operationIds.length];
        int[] touched = new int[operationIds.length];
        int youthAge = settings.youthAgeLimit();
        int youthMonths = settings.youthLongTermMonths();
        int adultMonths = settings.adultLongTermMonths();
        int sixMonths = settings.sixMonthDataMonths();
        for (int i = 0; i < participants; i++) {
            int n = 0;
            for (int p = periodStart[i]; p < periodStart[i + 1]; p++) {
                if (entry[p] == 0) {
                    continue;
                }
                for (int j = opStart[p]; j < opStart[p + 1]; j++) {
                    int op = ops[j];
                    if (stamp[op] != i) {
                        stamp[op] = i;
                        first[op] = p;
                        touched[n++] = op;
                    }
                    last[op] = p;
                }
            }
            for (int t = 0; t < n; t++) {
                int op = touched[t];
                int f = first[op];
                int g = gender[f];
                if (g < 0) {
                    continue;
                }
                long bits = 0;
                int e = entry[f];
                if (e >= from && e <= to) {
                    bits = 1L;
                    int a = age[f];
                    int status = labour[f];
                    if (status == UNEMPLOYED) {
                        bits |= 1L << 1;
                        if (plusMonths(unemployedSince[f], a < youthAge ? youthMonths : adultMonths) < e) {
                            bits |= 1L << 2;
                        }
                    } else if (status == INACTIVE) {
                        bits |= 1L << 3;
                    } else if (status == EMPLOYED) {
                        bits |= 1L << 4;
                    }
                    if (a < 18) {
                        bits |= 1L << 5;
                    } else if (a <= 29) {
                        bits |= 1L << 6;
                    } else if (a >= 55) {
                        bits |= 1L << 7;
                    }
                    int level = isced[f];
                    bits |= level <= 2 ? 1L << 8 : level <= 4 ? 1L << 9 : 1L << 10;
                    bits |= (long) (flags[f] & 63) << 11;
                }
                int l = last[op];
                int x = exit[l];
                if (x != 0 && x >= from && x <= to) {
                    int xf = exitFlags[l];
                    if ((xf & 64) != 0) {
                        bits |= (long) (xf & 15) << 17;
                    }
                    if (six[l] != 0 && six[l] >= plusMonths(x, sixMonths)) {
                        int sf = sixFlags[l];
                        bits |= (sf & 1) != 0 ? 1L << 21 : 0;
                        bits |= labour[f] == EMPLOYED && (sf & 2) != 0 ? 1L << 22 : 0;
                    }
                }
                int[][] c = counts[op];
                for (long b = bits; b != 0; b &= b - 1) {
                    c[Long.numberOfTrailingZeros(b)][g]++;
                }
            }
        }
        return counts;
    }

    /**
     * Checks the raw scan's counts against the library's report.
     *
     * @param report the library's FSE+ report over the same cohort
     * @throws IllegalStateException on the first count that differs
     */
    public void check(EsfReport report) {
        int[][][] counts = esfReport(packed(report.period().from()), packed(report.period().to()));
        for (int op = 0; op < operationIds.length; op++) {
            EsfIndicators library = report.of(operationIds[op]);
            for (EsfIndicator indicator : EsfIndicator.values()) {
                for (Gender g : Gender.values()) {
                    int raw = counts[op][indicator.ordinal()][g.ordinal()];
                    int lib = library.get(indicator).of(g);
                    if (raw != lib) {
                        throw new IllegalStateException(operationIds[op] + " " + indicator + " " + g + ": raw " + raw + ", library " + lib);
                    }
                }
            }
        }
    }
}
