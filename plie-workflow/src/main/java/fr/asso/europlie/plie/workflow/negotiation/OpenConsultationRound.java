package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.internal.Steps;

import fr.asso.europlie.plie.protocol.IntermediateBody;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.Signatory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Opens a round of technical consultation (ouverture d'un tour de consultation): every
 * signatory (the Département included), the current and future intermediate bodies and the
 * animation structure are asked for their opinion. Used by the BPMN; not for applications.
 */
public final class OpenConsultationRound implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        int round = Steps.round(execution) + 1;
        ProtocolContent content = Steps.negotiated(Steps.load(execution));
        Set<String> parties = new LinkedHashSet<>();
        content.signatories().stream().map(Signatory::id).forEach(id -> parties.add(id.value()));
        content.intermediateBodies().stream().map(IntermediateBody::id).forEach(id -> parties.add(id.value()));
        parties.add(content.animationStructure().id().value());
        execution.setVariable(NegotiationProcess.Var.ROUND, round);
        execution.setVariable(NegotiationProcess.Var.PARTIES, new ArrayList<>(parties));
        execution.setVariable(NegotiationProcess.Var.UNFAVOURABLE, false);
        Steps.audit(execution, NegotiationProcess.Audit.CONSULTATION_OPENED, "OPENED", null, String.join(", ", parties));
    }
}
