package fr.asso.europlie.plie.indicators;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The FSE+ common indicators of a report, each broken down by gender (indicateurs FSE+).
 *
 * @param values every indicator, copied
 */
public record EsfIndicators(Map<EsfIndicator, GenderBreakdown> values) {

    /**
     * Copies the values, filling absent indicators with zero.
     *
     * @throws NullPointerException when null
     */
    public EsfIndicators {
        EnumMap<EsfIndicator, GenderBreakdown> copy = new EnumMap<>(EsfIndicator.class);
        for (EsfIndicator indicator : EsfIndicator.values()) {
            copy.put(indicator, values.getOrDefault(indicator, GenderBreakdown.ZERO));
        }
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * One indicator.
     *
     * @param indicator the indicator
     * @return its breakdown by gender
     */
    public GenderBreakdown get(EsfIndicator indicator) {
        return values.get(indicator);
    }

    /**
     * One indicator's total.
     *
     * @param indicator the indicator
     * @return the total over genders
     */
    public int total(EsfIndicator indicator) {
        return values.get(indicator).total();
    }
}
