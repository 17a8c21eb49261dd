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

    /** The FSE+ counts, indicator by indicator then gender by gender, in one array (one block of memory to update). */
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
            for (long bits = c.indicators; bits != 0; bits &= bits - 1) {
                esf[Long.numberOfTrailingZeros(bits) * GENDERS.length + c.gender]++;
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
        for (EsfIndicator indicator : INDICATORS) {
            int row = indicator.ordinal() * GENDERS.length;
            values.put(indicator, new GenderBreakdown(esf[row + Gender.WOMAN.ordinal()], esf[row + Gender.MAN.ordinal()],
                    esf[row + Gender.NON_BINARY.ordinal()]));
        }
        return new EsfIndicators(values);
    }

    SliceFigures slice(BigDecimal objective) {
        return new SliceFigures(figures(objective), esf());
    }
}
