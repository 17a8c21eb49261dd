package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.protocol.Adoption;
import fr.asso.europlie.plie.workflow.WorkflowError;

/**
 * A steering committee decision (décision du comité de pilotage): the verdict and the meeting
 * that took it (date, members present for the quorum, reference of the minutes, reasons).
 *
 * @param verdict adopt, send back or abandon; not null
 * @param meeting the meeting, not null; its reasons are required to send back or abandon
 */
public record CommitteeDecision(CommitteeVerdict verdict, Adoption meeting) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) when a component is missing, or
     *     the reasons of a send-back or an abandonment are blank
     */
    public CommitteeDecision {
        if (verdict == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "decision.verdict", null);
        }
        if (meeting == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "decision.meeting", null);
        }
        if (verdict != CommitteeVerdict.ADOPT && meeting.reasons().isBlank()) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "decision.meeting.reasons", meeting.reasons());
        }
    }
}
