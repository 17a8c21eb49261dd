package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;

/**
 * The in-work follow-up (suivi dans l'emploi): the referent keeps following a participant who has
 * found a job, usually for six months. Completed, it turns into a positive exit; interrupted (the
 * job ended early), the pathway goes on.
 *
 * @param startedOn the first day of the follow-up, not null
 * @param endedOn the last day, null while under way
 * @param completed true when it ended with a positive exit; requires an end
 */
public record InWorkFollowUp(LocalDate startedOn, LocalDate endedOn, boolean completed) {

    /**
     * Checks the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the start is null, the end precedes
     *         it, or a follow-up under way is said completed
     */
    public InWorkFollowUp {
        Checks checks = new Checks();
        if (checks.required(startedOn, "followUps.startedOn") && endedOn != null) {
            checks.check(!endedOn.isBefore(startedOn), CohortError.DATE_ORDER, "followUps.endedOn", endedOn, "followUps.startedOn", startedOn);
        }
        checks.check(!completed || endedOn != null, CohortError.INCOMPATIBLE, "followUps.completed", completed, "followUps.endedOn", endedOn);
        checks.throwIfInvalid();
        startedOn = Canonical.day(startedOn);
        endedOn = Canonical.day(endedOn);
    }

    /**
     * Whether the follow-up is under way.
     *
     * @return true when it has no end
     */
    public boolean isOpen() {
        return endedOn == null;
    }
}
