package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.internal.Steps;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.internal.EngineReason;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * At the end of the grace period, records the missing opinions as "no opinion" (sans avis) so
 * that the negotiation goes on. Used by the BPMN; not for applications.
 */
public final class RecordNoOpinion implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        for (OrganisationId party : Steps.partiesWithoutOpinion(execution)) {
            Steps.audit(execution, NegotiationStep.TECHNICAL_OPINION.name(), party, OpinionKind.NO_OPINION.name(),
                    EngineReason.of("reason.GRACE_PERIOD_OVER"), null);
        }
    }
}
