package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;

/**
 * The record of an erasure request carried out (effacement): the identity is gone; the
 * pseudonymous FSE+ data stays until the retention date, then is purged.
 *
 * @param participant the participant, not null
 * @param erasedOn the day the identity was erased, not null
 * @param retainedUntil the last day the FSE+ audit data is kept, not before the erasure
 */
public record Erasure(ParticipantId participant, LocalDate erasedOn, LocalDate retainedUntil) {

    /**
     * Checks the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when one is missing or the retention ends before the erasure
     */
    public Erasure {
        Checks checks = new Checks();
        checks.required(participant, "erasure.participant");
        checks.required(erasedOn, "erasure.erasedOn");
        if (checks.required(retainedUntil, "erasure.retainedUntil") && erasedOn != null) {
            checks.check(!retainedUntil.isBefore(erasedOn), CohortError.DATE_ORDER, "erasure.retainedUntil", retainedUntil, "erasure.erasedOn", erasedOn);
        }
        checks.throwIfInvalid();
    }
}
