package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.Gender;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The running counts of many slices during the single pass of a report, all in one {@code int}
 * array: slice {@code s} at {@code s * STRIDE}. Adding a period to a slice computes every address
 * from the slice's number, with no object to go through first, so that the few cache lines it
 * writes (the counts, the exit reasons, the period's gender's FSE+ counts) are fetched together
 * (issue 16: a breakdown's tallies, one per referent or operation, do not stay in cache).
 */
final class Tallies {

    private static final EsfIndicator[] INDICATORS = EsfIndicator.values();
    private static final ExitReason[] REASONS = ExitReason.values();
    private static final Gender[] GENDERS = Gender.values();

    /** The serial number of the last period added by {@link #addOnce}. */
    private static final int STAMP = 0;
    private static final int AT_START = 1;
    private static final int AT_END = 2;
    private static final int ENTRIES = 3;
    private static final int EXITS = 4;
    private static final int POSITIVE = 5;
    private static final int FOLLOWED = 6;
    /** Two longs as their low and high halves (low first): the pathway days and the steps. */
    private static final int PATHWAY_DAYS = 7;
    private static final int STEPS = 9;
    private static final int REASON = 11;
    /** The FSE+ counts, gender by gender then indicator by indicator (a period's land in one stretch). */
    private static final int ESF = REASON + REASONS.length;
    private static final int STRIDE = ESF + INDICATORS.length * GENDERS.length;

    private int[] counts;
    private int size;

    Tallies() {
        this(16);
    }

    /**
     * Tallies with room for some slices (more are added as needed).
     *
     * @param slices the slices expected, 1 or more
     */
    Tallies(int slices) {
        counts = new int[STRIDE * slices];
    }

    /**
     * A new slice, with every count zero.
     *
     * @return its number
     */
    int newSlice() {
        if ((size + 1) * STRIDE > counts.length) {
            counts = Arrays.copyOf(counts, counts.length * 2);
        }
        return size++;
    }

    int size() {
        return size;
    }

    void add(int slice, Contribution c) {
        if (!c.counted) {
            return;
        }
        int[] t = counts;
        int base = slice * STRIDE;
        t[base + AT_START] += c.atStart ? 1 : 0;
        t[base + AT_END] += c.atEnd ? 1 : 0;
        t[base + ENTRIES] += c.entry ? 1 : 0;
        if (c.exit) {
            t[base + EXITS]++;
            t[base + REASON + c.reason.ordinal()]++;
            t[base + POSITIVE] += c.positive ? 1 : 0;
            addLong(t, base + PATHWAY_DAYS, c.pathwayDays);
        }
        if (c.followed) {
            t[base + FOLLOWED]++;
            addLong(t, base + STEPS, c.steps);
        }
        if (c.gender >= 0) {
            int row = base + ESF + c.gender * INDICATORS.length;
            for (long bits = c.indicators; bits != 0; bits &= bits - 1) {
                t[row + Long.numberOfTrailingZeros(bits)]++;
            }
        }
    }

    /** Adds a period's contribution unless the slice already has it (same serial number). */
    void addOnce(int slice, Contribution c, int serial) {
        int stamp = slice * STRIDE + STAMP;
        if (counts[stamp] != serial) {
            counts[stamp] = serial;
            add(slice, c);
        }
    }

    /** Adds every count of another tallies' slice to one of these. */
    void addAll(int slice, Tallies other, int otherSlice) {
        int base = slice * STRIDE;
        int from = otherSlice * STRIDE;
        int[] o = other.counts;
        for (int i = AT_START; i < PATHWAY_DAYS; i++) {
            counts[base + i] += o[from + i];
        }
        addLong(counts, base + PATHWAY_DAYS, longAt(o, from + PATHWAY_DAYS));
        addLong(counts, base + STEPS, longAt(o, from + STEPS));
        for (int i = REASON; i < STRIDE; i++) {
            counts[base + i] += o[from + i];
        }
    }

    /** Adds to the long held in two ints from {@code at}, modulo 2^64 as a long's addition. */
    static void addLong(int[] t, int at, long value) {
        long low = (t[at] & 0xFFFF_FFFFL) + value;
        t[at] = (int) low;
        t[at + 1] += (int) (low >> 32); // arithmetic: the carry, or the borrow of a negative value
    }

    static long longAt(int[] t, int at) {
        return (long) t[at + 1] << 32 | t[at] & 0xFFFF_FFFFL;
    }

    CohortFigures figures(int slice, BigDecimal objective) {
        int base = slice * STRIDE;
        int[] t = counts;
        Map<ExitReason, Integer> byReason = new EnumMap<>(ExitReason.class);
        for (ExitReason reason : REASONS) {
            byReason.put(reason, t[base + REASON + reason.ordinal()]);
        }
        int exits = t[base + EXITS];
        int positiveExits = t[base + POSITIVE];
        int followed = t[base + FOLLOWED];
        long pathwayDays = longAt(t, base + PATHWAY_DAYS);
        long steps = longAt(t, base + STEPS);
        BigDecimal rate = exits == 0 ? null
                : BigDecimal.valueOf(positiveExits).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(exits), 1, RoundingMode.HALF_UP);
        BigDecimal meanDays = exits == 0 ? null : BigDecimal.valueOf(pathwayDays).divide(BigDecimal.valueOf(exits), 1, RoundingMode.HALF_UP);
        BigDecimal meanSteps = followed == 0 ? null : BigDecimal.valueOf(steps).divide(BigDecimal.valueOf(followed), 2, RoundingMode.HALF_UP);
        return new CohortFigures(t[base + AT_START], t[base + AT_END], t[base + ENTRIES], exits, positiveExits, byReason, rate, objective, followed,
                meanDays, meanSteps);
    }

    EsfIndicators esf(int slice) {
        int base = slice * STRIDE + ESF;
        Map<EsfIndicator, GenderBreakdown> values = new EnumMap<>(EsfIndicator.class);
        int n = INDICATORS.length;
        for (EsfIndicator indicator : INDICATORS) {
            int i = indicator.ordinal();
            values.put(indicator, new GenderBreakdown(counts[base + Gender.WOMAN.ordinal() * n + i], counts[base + Gender.MAN.ordinal() * n + i],
                    counts[base + Gender.NON_BINARY.ordinal() * n + i]));
        }
        return new EsfIndicators(values);
    }

    SliceFigures slice(int slice, BigDecimal objective) {
        return new SliceFigures(figures(slice, objective), esf(slice));
    }
}
