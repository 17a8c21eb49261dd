package fr.asso.europlie.plie.cohort;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The positive-exit rules of a plan (règles de sortie positive), each a setting whose default is
 * the one RULES.md gives.
 *
 * @param employmentMonths continuous months of employment (or business activity) needed, default 6
 * @param minimumWorkingTime the fraction of full time each job must reach, default {@code 0.5} (half-time)
 * @param allowedGapDays days without work tolerated between two consecutive jobs (temping missions), default 0: no break
 * @param qualifyingContracts the contracts that count, default all: CDI, CDD, temping, subsidised, apprenticeship, professionalisation
 * @param longTrainingMonths a qualifying training planned for more than this many months counts before its end, default 9
 * @param longTrainingCountsAfterMonths ...once followed for this many months, default 6
 */
public record ExitRules(int employmentMonths, BigDecimal minimumWorkingTime, int allowedGapDays,
        Set<ContractType> qualifyingContracts, int longTrainingMonths, int longTrainingCountsAfterMonths) {

    /**
     * Checks the settings.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a number is out of range or the
     *         contract set is missing
     */
    public ExitRules {
        Checks checks = new Checks();
        checks.check(employmentMonths >= 1 && employmentMonths <= 60, CohortError.OUT_OF_RANGE, "exitRules.employmentMonths", employmentMonths, 1, 60);
        if (checks.required(minimumWorkingTime, "exitRules.minimumWorkingTime")) {
            checks.check(minimumWorkingTime.signum() > 0 && minimumWorkingTime.compareTo(BigDecimal.ONE) <= 0,
                    CohortError.OUT_OF_RANGE, "exitRules.minimumWorkingTime", minimumWorkingTime, 0, 1);
        }
        checks.check(allowedGapDays >= 0 && allowedGapDays <= 31, CohortError.OUT_OF_RANGE, "exitRules.allowedGapDays", allowedGapDays, 0, 31);
        checks.required(qualifyingContracts, "exitRules.qualifyingContracts");
        checks.check(longTrainingMonths >= 1 && longTrainingMonths <= 60, CohortError.OUT_OF_RANGE, "exitRules.longTrainingMonths", longTrainingMonths, 1, 60);
        checks.check(longTrainingCountsAfterMonths >= 1 && longTrainingCountsAfterMonths <= longTrainingMonths, CohortError.OUT_OF_RANGE,
                "exitRules.longTrainingCountsAfterMonths", longTrainingCountsAfterMonths, 1, longTrainingMonths);
        checks.throwIfInvalid();
        qualifyingContracts = Set.copyOf(qualifyingContracts);
    }

    /**
     * The defaults of RULES.md: 6 continuous months at least half-time, no break, every contract,
     * training of more than 9 months counted after 6.
     *
     * @return the default rules
     */
    public static ExitRules defaults() {
        return new ExitRules(6, new BigDecimal("0.5"), 0, EnumSet.allOf(ContractType.class), 9, 6);
    }

    /**
     * A copy tolerating a gap between consecutive jobs.
     *
     * @param days the tolerated gap in days
     * @return the rules
     */
    public ExitRules withAllowedGapDays(int days) {
        return new ExitRules(employmentMonths, minimumWorkingTime, days, qualifyingContracts, longTrainingMonths, longTrainingCountsAfterMonths);
    }

    /**
     * A copy with another required employment length.
     *
     * @param months the continuous months required
     * @return the rules
     */
    public ExitRules withEmploymentMonths(int months) {
        return new ExitRules(months, minimumWorkingTime, allowedGapDays, qualifyingContracts, longTrainingMonths, longTrainingCountsAfterMonths);
    }
}
