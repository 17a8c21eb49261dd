package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;

/**
 * A participant's exit from an accompaniment period (sortie), with its reason and the FSE+ data
 * collected upon leaving.
 *
 * @param exitedOn the exit date: the participant is no longer in the caseload from that day, not null
 * @param reason the reason, not null
 * @param data the FSE+ data upon leaving, or null while not collected
 */
public record Exit(LocalDate exitedOn, ExitReason reason, EsfExitData data) {

    /**
     * Checks the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the date or the reason is null
     */
    public Exit {
        Checks checks = new Checks();
        checks.required(exitedOn, "exit.exitedOn");
        checks.required(reason, "exit.reason");
        checks.throwIfInvalid();
        exitedOn = Canonical.day(exitedOn);
        data = Canonical.EXIT_DATA.of(data);
    }

    /**
     * Whether this is a positive exit.
     *
     * @return the reason's positivity
     */
    public boolean isPositive() {
        return reason.isPositive();
    }
}
