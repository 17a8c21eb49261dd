package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;

/**
 * The referral of a person to the plan by a partner (orientation par un prescripteur).
 *
 * @param referrer the partner that refers the person (France Travail, the Département, a mission locale...), not null
 * @param referredOn the day of the referral, not null
 * @param otherPtiScheme the other PTI accompaniment scheme in which the person is declared followed, or
 *        null when none (no double accompaniment)
 */
public record Referral(OrganisationId referrer, LocalDate referredOn, String otherPtiScheme) {

    /**
     * Checks the components; a blank scheme means none.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the referrer or the day is null
     */
    public Referral {
        Checks checks = new Checks();
        checks.required(referrer, "referral.referrer");
        checks.required(referredOn, "referral.referredOn");
        checks.throwIfInvalid();
        if (otherPtiScheme != null && otherPtiScheme.isBlank()) {
            otherPtiScheme = null;
        }
        referrer = Canonical.ORGANISATIONS.of(referrer);
        referredOn = Canonical.day(referredOn);
    }

    /**
     * A referral of a person followed in no other scheme.
     *
     * @param referrer the referrer
     * @param referredOn the day
     * @return the referral
     */
    public static Referral of(OrganisationId referrer, LocalDate referredOn) {
        return new Referral(referrer, referredOn, null);
    }
}
