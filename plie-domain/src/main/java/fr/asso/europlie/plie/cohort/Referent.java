package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.money.Decimals;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A pathway referent (référent de parcours): the single adviser who follows participants, employed
 * by an organisation, full-time or part-time. Its caseload cap is the plan's cap for a full-time
 * referent times its full-time equivalent, rounded down.
 *
 * @param id the identifier, not null
 * @param employer the organisation that employs the referent, not null
 * @param fullTimeEquivalent the working time as a fraction of full time, in ]0, 1]
 */
public record Referent(ReferentId id, OrganisationId employer, BigDecimal fullTimeEquivalent) {

    /**
     * Checks the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when one is missing or the equivalent is out of range
     */
    public Referent {
        Checks checks = new Checks();
        checks.required(id, "referent.id");
        checks.required(employer, "referent.employer");
        if (checks.required(fullTimeEquivalent, "referent.fullTimeEquivalent")) {
            fullTimeEquivalent = Decimals.check("referent.fullTimeEquivalent", fullTimeEquivalent).stripTrailingZeros();
            checks.check(fullTimeEquivalent.signum() > 0 && fullTimeEquivalent.compareTo(BigDecimal.ONE) <= 0, CohortError.OUT_OF_RANGE,
                    "referent.fullTimeEquivalent", fullTimeEquivalent.toPlainString(), 0, 1);
        }
        checks.throwIfInvalid();
    }

    /**
     * A full-time referent.
     *
     * @param id the identifier
     * @param employer the employer
     * @return the referent
     */
    public static Referent fullTime(ReferentId id, OrganisationId employer) {
        return new Referent(id, employer, BigDecimal.ONE);
    }

    /**
     * This referent's caseload cap.
     *
     * @param fullTimeCap the plan's cap for a full-time referent
     * @return the cap, rounded down, at least 1
     */
    public int cap(int fullTimeCap) {
        return Math.max(1, BigDecimal.valueOf(fullTimeCap).multiply(fullTimeEquivalent).setScale(0, RoundingMode.DOWN).intValueExact());
    }
}
