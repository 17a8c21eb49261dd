package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.time.Period;

/**
 * What eligibility criteria look at: a person's situation and age on the day of the check.
 *
 * @param situation the situation, not null
 * @param age the age in whole years on the day
 * @param on the day of the check, not null
 */
public record EligibilityFacts(ApplicantSituation situation, int age, LocalDate on) {

    /**
     * The length of continuous unemployment on the day.
     *
     * @return whole months, or -1 when the person is not unemployed
     */
    public long unemploymentMonths() {
        return situation.unemployedSince() == null ? -1 : Period.between(situation.unemployedSince(), on).toTotalMonths();
    }
}
