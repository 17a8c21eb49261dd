package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;

/**
 * The voluntary adhesion (adhésion volontaire, contrat d'engagement) signed by the participant, the
 * referent and the plan. The participant enters the plan on the day of the last signature.
 *
 * @param participantSignedOn the day the participant signed, not null
 * @param referent the referent who signs and takes the participant in charge, not null
 * @param referentSignedOn the day the referent signed, not null
 * @param plan the organisation that signs for the plan (the animation structure), not null
 * @param planSignedOn the day the plan signed, not null
 */
public record Adhesion(LocalDate participantSignedOn, ReferentId referent, LocalDate referentSignedOn,
        OrganisationId plan, LocalDate planSignedOn) {

    /**
     * Checks the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a component is null
     */
    public Adhesion {
        Checks checks = new Checks();
        checks.required(participantSignedOn, "adhesion.participantSignedOn");
        checks.required(referent, "adhesion.referent");
        checks.required(referentSignedOn, "adhesion.referentSignedOn");
        checks.required(plan, "adhesion.plan");
        checks.required(planSignedOn, "adhesion.planSignedOn");
        checks.throwIfInvalid();
        participantSignedOn = Canonical.day(participantSignedOn);
        referent = Canonical.REFERENTS.of(referent);
        referentSignedOn = Canonical.day(referentSignedOn);
        plan = Canonical.ORGANISATIONS.of(plan);
        planSignedOn = Canonical.day(planSignedOn);
    }

    /**
     * An adhesion signed by all three on the same day.
     *
     * @param day the day
     * @param referent the referent
     * @param plan the plan's organisation
     * @return the adhesion
     */
    public static Adhesion signedOn(LocalDate day, ReferentId referent, OrganisationId plan) {
        return new Adhesion(day, referent, day, plan, day);
    }

    /**
     * The entry date: the day of the last of the three signatures.
     *
     * @return the entry date
     */
    public LocalDate entryDate() {
        if (referentSignedOn == participantSignedOn && planSignedOn == participantSignedOn) {
            return participantSignedOn; // signed the same day: the days are one shared instance (Canonical)
        }
        LocalDate last = participantSignedOn;
        if (referentSignedOn.isAfter(last)) {
            last = referentSignedOn;
        }
        return planSignedOn.isAfter(last) ? planSignedOn : last;
    }
}
