package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.internal.Steps;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.Reminder;
import fr.asso.europlie.plie.workflow.internal.EngineReason;
import java.util.List;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * At the opinion deadline, reminds the parties that have not answered (relance). Used by the
 * BPMN; not for applications.
 */
public final class SendConsultationReminder implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<OrganisationId> late = Steps.partiesWithoutOpinion(execution);
        Steps.audit(execution, NegotiationProcess.Audit.REMINDER, NegotiationStep.TECHNICAL_OPINION.name(),
                EngineReason.of("reason.OPINION_DEADLINE_PASSED", Steps.names(late)), Steps.names(late));
        Steps.remind(execution, new Reminder(Steps.protocolId(execution),
                NegotiationStep.TECHNICAL_OPINION.name(), late, Steps.runtime().now()));
    }
}
