package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.internal.Steps;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.Reminder;
import java.util.List;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Reminds the signatories whose body has not deliberated yet (relance). Used by the BPMN; not
 * for applications.
 */
public final class SendDeliberationReminder implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<OrganisationId> late = Steps.signatoriesWithoutDeliberation(execution, Steps.load(execution));
        Steps.audit(execution, NegotiationProcess.Audit.REMINDER, NegotiationStep.DELIBERATION.name(),
                "deliberation reminder", Steps.names(late));
        Steps.remind(execution, new Reminder(Steps.protocolId(execution), NegotiationStep.DELIBERATION.name(),
                late, Steps.runtime().now()));
    }
}
