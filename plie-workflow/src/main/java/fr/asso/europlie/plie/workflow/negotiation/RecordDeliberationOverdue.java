package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.internal.Steps;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.internal.EngineReason;
import fr.asso.europlie.plie.protocol.Protocol;
import java.util.List;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * At the deliberation deadline, sends the adopted text back to consolidation, naming the
 * signatories whose body did not deliberate (délibérations hors délai). Used by the BPMN; not for
 * applications.
 */
public final class RecordDeliberationOverdue implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Protocol before = Steps.load(execution);
        List<OrganisationId> late = Steps.signatoriesWithoutDeliberation(execution, before);
        String reason = EngineReason.of("reason.DELIBERATION_OVERDUE", Steps.names(late));
        Steps.save(execution, before, before.sendBack(EngineReason.render(reason, Messages.FRENCH), Steps.runtime().now(), Steps.actor()));
        Steps.audit(execution, NegotiationProcess.Audit.DELIBERATION_OVERDUE, "SENT_BACK", reason, Steps.names(late));
    }
}
