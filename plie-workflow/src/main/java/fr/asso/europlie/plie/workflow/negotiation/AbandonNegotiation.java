package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.internal.Steps;

import fr.asso.europlie.plie.protocol.Protocol;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Abandons the negotiation with the committee's reason (abandon): the protocol becomes
 * abandoned, or, for an amendment, stays in force unchanged. Used by the BPMN; not for
 * applications.
 */
public final class AbandonNegotiation implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        String reason = (String) execution.getVariable(NegotiationProcess.Var.ABANDON_REASON);
        Protocol before = Steps.load(execution);
        Protocol after = before.abandon(reason, Steps.runtime().now(), Steps.actor());
        Steps.save(execution, before, after);
        Steps.audit(execution, NegotiationProcess.Audit.ABANDONED, after.state().name(), reason, null);
    }
}
