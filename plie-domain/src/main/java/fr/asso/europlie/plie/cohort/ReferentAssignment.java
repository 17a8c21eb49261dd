package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;

/**
 * A referent in charge of a participant from a day on (affectation du référent). Reassignments add
 * a new assignment and keep the earlier ones.
 *
 * @param referent the referent, not null
 * @param from the first day in charge, not null
 * @param designatedBy the organisation that designated the referent (the Département for an RSA
 *        recipient, who decides the single referent), or null when the plan chose
 */
public record ReferentAssignment(ReferentId referent, LocalDate from, OrganisationId designatedBy) {

    /**
     * Checks the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the referent or the day is null
     */
    public ReferentAssignment {
        Checks checks = new Checks();
        checks.required(referent, "referents.referent");
        checks.required(from, "referents.from");
        checks.throwIfInvalid();
        referent = Canonical.REFERENTS.of(referent);
        from = Canonical.day(from);
        designatedBy = Canonical.ORGANISATIONS.of(designatedBy);
    }
}
