package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.internal.Steps;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.DecisionPolicies;
import fr.asso.europlie.plie.governance.GovernanceError;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.Signatory;
import fr.asso.europlie.plie.workflow.internal.EngineReason;
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
    public static final String REFUSAL = "plie.committeeRefusal";

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        Decision<AdoptionOutcome> decision =
                (Decision<AdoptionOutcome>) execution.getTransientVariable(NegotiationProcess.Var.COMMITTEE_MEETING);
        String reference = decision.reference().orElse(null);
        Protocol before = Steps.load(execution);
        List<Violation> quorum = DecisionPolicies.QUORUM.check(
                Steps.negotiated(before).governance().steeringCommittee(), decision);
        if (!quorum.isEmpty()) {
            refuse(execution, new RuleViolationException(quorum), true, reference);
        }
        switch (decision.outcome()) {
            case ADOPT -> adopt(execution, before, decision);
            case SEND_BACK -> Steps.audit(execution, NegotiationProcess.Audit.COMMITTEE_RESULT, "SENT_BACK",
                    decision.reasons(), reference);
            case ABANDON -> {
                execution.setVariable(NegotiationProcess.Var.ABANDON_REASON, decision.reasons());
                Steps.audit(execution, NegotiationProcess.Audit.COMMITTEE_RESULT, "ABANDON", decision.reasons(), reference);
            }
        }
    }

    /** Whether a refusal is about the quorum (the committee meets again) rather than the text. */
    public static boolean isQuorum(RuleViolationException refusal) {
        return refusal.violations().stream().anyMatch(v -> v.code() == GovernanceError.NO_QUORUM
                || v.code() == GovernanceError.MANDATORY_ABSENT);
    }

    private static void refuse(DelegateExecution execution, RuleViolationException refused, boolean noQuorum,
            String reference) {
        Context.getCommandContext().addAttribute(REFUSAL, refused);
        Steps.audit(execution, NegotiationProcess.Audit.COMMITTEE_RESULT, noQuorum ? "NO_QUORUM" : "REFUSED",
                EngineReason.ofRefusal(refused), reference);
        throw new BpmnError(noQuorum ? NegotiationProcess.Errors.NO_QUORUM : NegotiationProcess.Errors.ADOPTION_REFUSED,
                refused.getMessage());
    }

    private static void adopt(DelegateExecution execution, Protocol before, Decision<AdoptionOutcome> decision) {
        String reference = decision.reference().orElse(null);
        Protocol adopted = null;
        try {
            adopted = before.adopt(decision, Steps.runtime().now(), Steps.actor());
        } catch (RuleViolationException refused) {
            refuse(execution, refused, isQuorum(refused), reference);
        }
        Steps.save(execution, before, adopted);
        List<String> signatories = new ArrayList<>();
        Steps.negotiated(adopted).signatories().stream().map(Signatory::id).forEach(id -> signatories.add(id.value()));
        execution.setVariable(NegotiationProcess.Var.DELIBERATORS, new ArrayList<>(signatories));
        execution.setVariable(NegotiationProcess.Var.SIGNERS, new ArrayList<>(signatories));
        execution.setVariable(NegotiationProcess.Var.DELIBERATION_SEND_BACK, false);
        Steps.audit(execution, NegotiationProcess.Audit.COMMITTEE_RESULT, "ADOPTED", decision.reasons(), reference);
    }
}
