package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.protocol.Adoption;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolError;
import fr.asso.europlie.plie.protocol.Signatory;
import java.util.ArrayList;
import java.util.List;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.engine.delegate.BpmnError;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * Records the steering committee's decision (enregistrement de la décision): an adoption goes
 * through the protocol's adoption rules, the quorum included; a refusal becomes BPMN error
 * {@value NegotiationProcess.Errors#NO_QUORUM} (the committee meets again) or
 * {@value NegotiationProcess.Errors#ADOPTION_REFUSED} (back to consolidation). Used by the BPMN;
 * not for applications.
 */
public final class RecordCommitteeDecision implements JavaDelegate {

    /** The command-context attribute through which a refusal reaches the facade. */
    static final String REFUSAL = "plie.committeeRefusal";

    @Override
    public void execute(DelegateExecution execution) {
        String verdict = (String) execution.getVariable(NegotiationProcess.Var.COMMITTEE_VERDICT);
        Adoption meeting = (Adoption) execution.getTransientVariable(NegotiationProcess.Var.COMMITTEE_MEETING);
        String reference = meeting == null ? null : meeting.reference();
        String reasons = meeting == null ? null : meeting.reasons();
        switch (verdict) {
            case NegotiationProcess.Values.ADOPT -> adopt(execution, meeting);
            case NegotiationProcess.Values.SEND_BACK ->
                    Steps.audit(execution, NegotiationProcess.Audit.COMMITTEE_RESULT, "SENT_BACK", reasons, reference);
            case NegotiationProcess.Values.ABANDON -> {
                execution.setVariable(NegotiationProcess.Var.ABANDON_REASON, reasons);
                Steps.audit(execution, NegotiationProcess.Audit.COMMITTEE_RESULT, "ABANDON", reasons, reference);
            }
            default -> throw new IllegalStateException("unknown committee verdict " + verdict);
        }
    }

    private static void adopt(DelegateExecution execution, Adoption meeting) {
        Protocol before = Steps.load(execution);
        Protocol adopted;
        try {
            adopted = before.adopt(meeting, Steps.runtime().now(), Steps.actor());
        } catch (RuleViolationException refused) {
            Context.getCommandContext().addAttribute(REFUSAL, refused);
            boolean noQuorum = refused.violations().stream().anyMatch(v -> v.code() == ProtocolError.NO_QUORUM);
            Steps.audit(execution, NegotiationProcess.Audit.COMMITTEE_RESULT, noQuorum ? "NO_QUORUM" : "REFUSED",
                    refused.getMessage(), meeting.reference());
            throw new BpmnError(noQuorum ? NegotiationProcess.Errors.NO_QUORUM : NegotiationProcess.Errors.ADOPTION_REFUSED,
                    refused.getMessage());
        }
        Steps.save(before, adopted);
        List<String> signatories = new ArrayList<>();
        Steps.negotiated(adopted).signatories().stream().map(Signatory::id).forEach(id -> signatories.add(id.value()));
        execution.setVariable(NegotiationProcess.Var.DELIBERATORS, new ArrayList<>(signatories));
        execution.setVariable(NegotiationProcess.Var.SIGNERS, new ArrayList<>(signatories));
        execution.setVariable(NegotiationProcess.Var.DELIBERATION_SEND_BACK, false);
        Steps.audit(execution, NegotiationProcess.Audit.COMMITTEE_RESULT, "ADOPTED", meeting.reasons(), meeting.reference());
    }
}
