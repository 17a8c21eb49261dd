package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.cohort.ExitReason;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The cohort's own figures over a report period (chiffres de la cohorte). Counts are of
 * participations (accompaniment periods): a person who re-enters counts once per period.
 *
 * <p>{@code caseloadAtEnd - caseloadAtStart = entries - exits} always holds.
 *
 * @param caseloadAtStart participants active on the eve of the period (the day before its first day)
 * @param caseloadAtEnd participants active on the period's last day
 * @param entries participations whose entry date lies in the period
 * @param exits participations whose exit date lies in the period
 * @param positiveExits those of the exits that are positive
 * @param exitsByReason the exits by reason, every reason present
 * @param positiveExitRate positive exits over exits, in percent with one decimal, or null when nobody left
 * @param positiveExitObjective the protocol's objective, in percent
 * @param followed participations active on at least one day of the period
 * @param averagePathwayDays the mean days from entry to exit of the exits, one decimal, or null when nobody left
 * @param stepsPerParticipant the mean number of steps started by the period's end, over the followed participations, two decimals, or null
 */
public record CohortFigures(
        int caseloadAtStart,
        int caseloadAtEnd,
        int entries,
        int exits,
        int positiveExits,
        Map<ExitReason, Integer> exitsByReason,
        BigDecimal positiveExitRate,
        BigDecimal positiveExitObjective,
        int followed,
        BigDecimal averagePathwayDays,
        BigDecimal stepsPerParticipant) {

    /**
     * Copies the map, filling absent reasons with zero.
     *
     * @throws NullPointerException when the map is null
     */
    public CohortFigures {
        EnumMap<ExitReason, Integer> copy = new EnumMap<>(ExitReason.class);
        for (ExitReason reason : ExitReason.values()) {
            copy.put(reason, exitsByReason.getOrDefault(reason, 0));
        }
        exitsByReason = Collections.unmodifiableMap(copy);
    }

    /**
     * Whether the positive-exit rate reaches the objective.
     *
     * <p>Compared exactly ({@code positiveExits * 100 >= objective * exits}), not on the rate rounded
     * to one decimal: 1,249 positive exits out of 2,500 (49.96 %, shown as 50.0) do not reach 50 %.
     *
     * @return true when some left and the rate is at least the objective
     */
    public boolean meetsObjective() {
        return exits > 0 && BigDecimal.valueOf(positiveExits).multiply(BigDecimal.valueOf(100))
                .compareTo(positiveExitObjective.multiply(BigDecimal.valueOf(exits))) >= 0;
    }
}
