package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;

/**
 * A participant's status from a day on (changement de statut); the pathway goes on unbroken.
 *
 * @param since the first day of the status, not null
 * @param status the status, not null
 */
public record StatusChange(LocalDate since, ParticipantStatus status) {

    /**
     * Checks the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when one is null
     */
    public StatusChange {
        Checks checks = new Checks();
        checks.required(since, "status.since");
        checks.required(status, "status.status");
        checks.throwIfInvalid();
        since = Canonical.day(since);
    }
}
