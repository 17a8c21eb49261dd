package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.Negotiation;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.audit.AuditLog;
import fr.asso.europlie.plie.workflow.engine.PlieRuntime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.delegate.DelegateExecution;

/**
 * What the negotiation's steps share: reading typed variables, loading and saving the protocol,
 * writing the audit trail. Package-private plumbing for the thin delegates.
 */
final class Steps {

    private Steps() {
    }

    static PlieRuntime runtime() {
        return PlieRuntime.current();
    }

    static ProtocolId protocolId(DelegateExecution execution) {
        return ProtocolId.of((String) execution.getVariable(NegotiationProcess.Var.PROTOCOL_ID));
    }

    static int round(DelegateExecution execution) {
        Object round = execution.getVariable(NegotiationProcess.Var.ROUND);
        return round == null ? 0 : ((Number) round).intValue();
    }

    static Protocol load(DelegateExecution execution) {
        ProtocolId id = protocolId(execution);
        runtime().protocols().lock(id);
        return runtime().protocols().get(id);
    }

    static void save(Protocol before, Protocol after) {
        runtime().protocols().update(after, before.revision());
    }

    /** The text under negotiation (of the protocol, or of its pending amendment). */
    static ProtocolContent negotiated(Protocol protocol) {
        return protocol.negotiation().map(Negotiation::content).orElse(protocol.content());
    }

    /** Who acts: the authenticated user of the command, or the engine itself (timers). */
    static String actor() {
        String user = Authentication.getAuthenticatedUserId();
        return user == null ? AuditEntry.SYSTEM : user;
    }

    static void audit(DelegateExecution execution, String step, String outcome, String reason, String reference) {
        audit(execution, step, null, outcome, reason, reference);
    }

    static void audit(DelegateExecution execution, String step, OrganisationId organisation, String outcome, String reason,
            String reference) {
        AuditLog.append(new AuditEntry(protocolId(execution).value(), runtime().now(), actor(),
                organisation == null ? null : organisation.value(), step, outcome, reason, reference, round(execution)),
                execution.getProcessInstanceId());
    }

    @SuppressWarnings("unchecked")
    static List<String> list(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value == null ? List.of() : List.copyOf((List<String>) value);
    }

    /** The parties of the current round that have not given an opinion yet. */
    static List<OrganisationId> partiesWithoutOpinion(DelegateExecution execution) {
        Set<String> answered = new LinkedHashSet<>();
        int round = round(execution);
        for (AuditEntry entry : AuditLog.ofProcess(protocolId(execution).value(), execution.getProcessInstanceId())) {
            if (entry.round() == round && NegotiationStep.TECHNICAL_OPINION.name().equals(entry.step())) {
                answered.add(entry.organisation());
            }
        }
        List<OrganisationId> late = new ArrayList<>();
        for (String party : list(execution, NegotiationProcess.Var.PARTIES)) {
            if (!answered.contains(party)) {
                late.add(OrganisationId.of(party));
            }
        }
        return late;
    }

    /** The signatories asked to deliberate whose body has not approved yet. */
    static List<OrganisationId> signatoriesWithoutDeliberation(DelegateExecution execution, Protocol protocol) {
        Negotiation negotiation = protocol.negotiation().orElseThrow();
        List<OrganisationId> late = new ArrayList<>();
        for (String signatory : list(execution, NegotiationProcess.Var.DELIBERATORS)) {
            OrganisationId id = OrganisationId.of(signatory);
            if (negotiation.content().signatory(id).isPresent() && negotiation.approvalOf(id).isEmpty()) {
                late.add(id);
            }
        }
        return late;
    }

    static String names(List<OrganisationId> organisations) {
        return String.join(", ", organisations.stream().map(OrganisationId::value).toList());
    }
}
