package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.internal.Steps;

import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Closes a consultation round and tells whether an opinion was unfavourable (évaluation des
 * avis). Used by the BPMN; not for applications.
 */
public final class EvaluateOpinions implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        int round = Steps.round(execution);
        long unfavourable = 0;
        long total = 0;
        for (AuditEntry entry : Steps.auditOfProcess(execution)) {
            if (entry.round() == round && NegotiationStep.TECHNICAL_OPINION.name().equals(entry.step())) {
                total++;
                if (OpinionKind.UNFAVOURABLE.name().equals(entry.outcome())) {
                    unfavourable++;
                }
            }
        }
        execution.setVariable(NegotiationProcess.Var.UNFAVOURABLE, unfavourable > 0);
        Steps.audit(execution, NegotiationProcess.Audit.OPINIONS_EVALUATED,
                unfavourable > 0 ? OpinionKind.UNFAVOURABLE.name() : OpinionKind.FAVOURABLE.name(),
                unfavourable + " unfavourable of " + total, null);
    }
}
