package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.Gender;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The running counts of one slice during the single pass of a report.
 */
final class Tally {

    private static final EsfIndicator[] INDICATORS = EsfIndicator.values();
    private static final ExitReason[] REASONS = ExitReason.values();
    private static final Gender[] GENDERS = Gender.values();

    /**
     * The FSE+ counts, gender by gender then indicator by indicator, in one array: a period has one
     * gender, so its indicators land in one stretch of 23 ints (two cache lines rather than the
     * whole array's five).
     */
    private final int[] esf = new int[INDICATORS.length * GENDERS.length];
    private final int[] exitsByReason = new int[REASONS.length];
    private int caseloadAtStart;
    private int caseloadAtEnd;
    private int entries;
    private int exits;
    private int positiveExits;
    private int followed;
    private long pathwayDays;
    private long steps;
    /** The serial number of the last period added by {@link #addOnce}. */
    private int stamp;

    void add(Contribution c) {
        if (!c.counted) {
            return;
        }
        caseloadAtStart += c.atStart ? 1 : 0;
        caseloadAtEnd += c.atEnd ? 1 : 0;
        entries += c.entry ? 1 : 0;
        if (c.exit) {
            exits++;
            exitsByReason[c.reason.ordinal()]++;
            positiveExits += c.positive ? 1 : 0;
            pathwayDays += c.pathwayDays;
        }
        if (c.followed) {
            followed++;
            steps += c.steps;
        }
        if (c.gender >= 0) {
            int row = c.gender * INDICATORS.length;
            for (long bits = c.indicators; bits != 0; bits &= bits - 1) {
                esf[row + Long.numberOfTrailingZeros(bits)]++;
            }
        }
    }

    /** Adds a period's contribution unless this tally already has it (same serial number). */
    void addOnce(Contribution c, int serial) {
        if (stamp != serial) {
            stamp = serial;
            add(c);
        }
    }

    CohortFigures figures(BigDecimal objective) {
        Map<ExitReason, Integer> byReason = new EnumMap<>(ExitReason.class);
        for (ExitReason reason : REASONS) {
            byReason.put(reason, exitsByReason[reason.ordinal()]);
        }
        BigDecimal rate = exits == 0 ? null
                : BigDecimal.valueOf(positiveExits).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(exits), 1, RoundingMode.HALF_UP);
        BigDecimal meanDays = exits == 0 ? null : BigDecimal.valueOf(pathwayDays).divide(BigDecimal.valueOf(exits), 1, RoundingMode.HALF_UP);
        BigDecimal meanSteps = followed == 0 ? null : BigDecimal.valueOf(steps).divide(BigDecimal.valueOf(followed), 2, RoundingMode.HALF_UP);
        return new CohortFigures(caseloadAtStart, caseloadAtEnd, entries, exits, positiveExits, byReason, rate, objective, followed, meanDays, meanSteps);
    }

    EsfIndicators esf() {
        Map<EsfIndicator, GenderBreakdown> values = new EnumMap<>(EsfIndicator.class);
        int n = INDICATORS.length;
        for (EsfIndicator indicator : INDICATORS) {
            int i = indicator.ordinal();
            values.put(indicator, new GenderBreakdown(esf[Gender.WOMAN.ordinal() * n + i], esf[Gender.MAN.ordinal() * n + i],
                    esf[Gender.NON_BINARY.ordinal() * n + i]));
        }
        return new EsfIndicators(values);
    }

    SliceFigures slice(BigDecimal objective) {
        return new SliceFigures(figures(objective), esf());
    }
}
