package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.negotiation.NegotiationProcess;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStep;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.Negotiation;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.Reminder;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.internal.AuditLog;
import fr.asso.europlie.plie.workflow.internal.PlieRuntime;
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
public final class Steps {

    private Steps() {
    }

    public static PlieRuntime runtime() {
        return PlieRuntime.current();
    }

    public static ProtocolId protocolId(DelegateExecution execution) {
        return ProtocolId.of((String) execution.getVariable(NegotiationProcess.Var.PROTOCOL_ID));
    }

    public static int round(DelegateExecution execution) {
        Object round = execution.getVariable(NegotiationProcess.Var.ROUND);
        return round == null ? 0 : ((Number) round).intValue();
    }

    /** The plan the process instance belongs to (its tenant). */
    public static PlanId plan(DelegateExecution execution) {
        return Tenants.plan(execution.getTenantId());
    }

    public static Protocol load(DelegateExecution execution) {
        ProtocolId id = protocolId(execution);
        JdbcProtocols protocols = runtime().protocols(plan(execution));
        protocols.lock(id);
        return protocols.get(id);
    }

    public static void save(DelegateExecution execution, Protocol before, Protocol after) {
        runtime().protocols(plan(execution)).update(after, before.revision());
    }

    /** The entries of the audit trail written in this process instance, oldest first. */
    public static List<AuditEntry> auditOfProcess(DelegateExecution execution) {
        return AuditLog.ofProcess(plan(execution), protocolId(execution).value(), execution.getProcessInstanceId());
    }

    /** Sends a reminder to the plan's listeners once the transaction has committed. */
    public static void remind(DelegateExecution execution, Reminder reminder) {
        runtime().remindAfterCommit(plan(execution), reminder);
    }

    /** The text under negotiation (of the protocol, or of its pending amendment). */
    public static ProtocolContent negotiated(Protocol protocol) {
        return protocol.negotiation().map(Negotiation::content).orElse(protocol.content());
    }

    /** Who acts: the authenticated user of the command, or the engine itself (timers). */
    public static String actor() {
        String user = Authentication.getAuthenticatedUserId();
        return user == null ? AuditEntry.SYSTEM : user;
    }

    public static void audit(DelegateExecution execution, String step, String outcome, String reason, String reference) {
        audit(execution, step, null, outcome, reason, reference);
    }

    public static void audit(DelegateExecution execution, String step, OrganisationId organisation, String outcome, String reason,
            String reference) {
        AuditLog.append(plan(execution), new AuditEntry(protocolId(execution).value(), runtime().now(), actor(),
                organisation == null ? null : organisation.value(), step, outcome, reason, reference, round(execution)),
                execution.getProcessInstanceId());
    }

    @SuppressWarnings("unchecked")
    public static List<String> list(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value == null ? List.of() : List.copyOf((List<String>) value);
    }

    /** The parties of the current round that have not given an opinion yet. */
    public static List<OrganisationId> partiesWithoutOpinion(DelegateExecution execution) {
        Set<String> answered = new LinkedHashSet<>();
        int round = round(execution);
        for (AuditEntry entry : auditOfProcess(execution)) {
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
    public static List<OrganisationId> signatoriesWithoutDeliberation(DelegateExecution execution, Protocol protocol) {
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

    public static String names(List<OrganisationId> organisations) {
        return String.join(", ", organisations.stream().map(OrganisationId::value).toList());
    }
}
