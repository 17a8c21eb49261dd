package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.util.Set;

/**
 * A person's situation when referred (situation à l'orientation), against which the eligibility
 * rules of the protocol's target publics are checked. Age comes from the birth date in the
 * personal data.
 *
 * @param status the administrative status at referral, not null
 * @param unemployedSince since when the person is unemployed, or null when not unemployed
 * @param minimumIncomes the minimum incomes received, copied, never null
 * @param recognisedDisability whether a disability is recognised (RQTH, BOE)
 * @param qpvResident whether the person lives in a priority neighbourhood (QPV)
 * @param isced the highest education level attained, or null when unknown
 */
public record ApplicantSituation(ParticipantStatus status, LocalDate unemployedSince, Set<MinimumIncome> minimumIncomes,
        boolean recognisedDisability, boolean qpvResident, IscedLevel isced) {

    /**
     * Checks and copies the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the status is null
     */
    public ApplicantSituation {
        Checks checks = new Checks();
        checks.required(status, "situation.status");
        checks.throwIfInvalid();
        minimumIncomes = minimumIncomes == null ? Set.of() : Set.copyOf(minimumIncomes);
    }

    /**
     * Whether the person receives the RSA.
     *
     * @return true when the RSA is among the minimum incomes or the status is RSA recipient
     */
    public boolean receivesRsa() {
        return status == ParticipantStatus.RSA_RECIPIENT || minimumIncomes.contains(MinimumIncome.RSA);
    }
}
