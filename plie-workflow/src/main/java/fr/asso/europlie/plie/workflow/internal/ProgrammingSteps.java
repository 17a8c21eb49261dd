package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Application;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.ProgrammingRecord;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.programming.ProgrammingEvent;
import fr.asso.europlie.plie.workflow.programming.ProgrammingProcess;
import fr.asso.europlie.plie.workflow.programming.ProgrammingProcess.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.eventsubscription.api.EventSubscription;

/**
 * What the programming approval's steps share (internal plumbing for its thin delegates and its
 * facade): the plan's store, closing the call, the audit trail, events, and the FSE+ message.
 */
public final class ProgrammingSteps {

    private ProgrammingSteps() {
    }

    /** The plan of a process instance (its tenant). */
    public static PlanId plan(DelegateExecution execution) {
        return Tenants.plan(execution.getTenantId());
    }

    /** The programming's id. */
    public static CallId id(DelegateExecution execution) {
        return CallId.of((String) execution.getVariable(Var.PROGRAMMING_ID));
    }

    /** The plan's programmings on the engine's transaction. */
    public static JdbcProgrammings store(PlanId plan) {
        return new JdbcProgrammings(plan, PlieRuntime.current().clock());
    }

    /** The stored programming, locked. */
    public static ProgrammingRecord load(DelegateExecution execution) {
        JdbcProgrammings store = store(plan(execution));
        store.lock(id(execution));
        return store.get(id(execution));
    }

    /**
     * Closes the call (by hand or at the closing date): the programming no longer takes
     * applications; returns the variables the process goes on with (the operations to appraise).
     */
    static Map<String, Object> close(PlanId plan, ProgrammingRecord record, String user, String organisation, String outcome,
            String processInstanceId) {
        ProgrammingRecord closed = record;
        if (record.programming().state() == ProgrammingState.OPEN) {
            closed = record.next(record.programming().close());
            store(plan).update(closed, record.revision());
        }
        List<String> operations = new ArrayList<>();
        closed.programming().applications().forEach(a -> operations.add(a.operation().id().value()));
        PlieRuntime runtime = PlieRuntime.current();
        ProgrammingAudit.append(plan, new AuditEntry(record.id().value(), runtime.now(), user, organisation,
                ProgrammingProcess.Audit.CALL_CLOSED, outcome, null, operations.size() + " application(s)", 0), processInstanceId);
        runtime.publishAfterCommit(plan, new ProgrammingEvent(record.id(), ProgrammingEvent.Kind.CALL_CLOSED, null, null, null,
                runtime.now()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.OPERATIONS, operations);
        variables.put(Var.HAS_APPLICATIONS, !operations.isEmpty());
        return variables;
    }

    /** Closes the call at its closing date (timer). */
    public static void closeAtDeadline(DelegateExecution execution) {
        Map<String, Object> variables = close(plan(execution), load(execution), actor(), null, "CLOSING_DATE_PASSED",
                execution.getProcessInstanceId());
        variables.forEach(execution::setVariable);
    }

    /** Who acts: the authenticated user, or the engine itself (timers). */
    public static String actor() {
        String user = Authentication.getAuthenticatedUserId();
        return user == null ? AuditEntry.SYSTEM : user;
    }

    /** Writes an entry of the engine's own in the programming's audit trail. */
    public static void audit(DelegateExecution execution, String step, String outcome, String reason, String reference) {
        Object session = execution.getVariable(Var.SESSION);
        ProgrammingAudit.append(plan(execution), new AuditEntry(id(execution).value(), PlieRuntime.current().now(), actor(), null, step,
                outcome, reason, reference, session == null ? 0 : ((Number) session).intValue()), execution.getProcessInstanceId());
    }

    /** Tells the plan's listeners after commit. */
    public static void event(DelegateExecution execution, ProgrammingEvent.Kind kind, OperationId operation, String detail, Money amount) {
        PlieRuntime runtime = PlieRuntime.current();
        runtime.publishAfterCommit(plan(execution), new ProgrammingEvent(id(execution), kind, operation, detail, amount, runtime.now()));
    }

    /** The approved operations asking for FSE+, for the publication's messages. */
    public static List<String> fseOperations(ProgrammingRecord record) {
        return record.programming().approvedAskingEsf().stream().map(a -> a.operation().id().value()).toList();
    }

    /**
     * Sends the FSE+ commitment message for one approved operation: every process of the plan
     * (or of the library's default deployment) that starts on {@link ProgrammingProcess#FSE_COMMITMENT_MESSAGE}
     * starts with the payload; the request is in the audit trail and told to the listeners either way.
     *
     * @return the number of processes started
     */
    public static int requestFseCommitment(DelegateExecution execution, OperationId operation) {
        Object session = execution.getVariable(Var.SESSION);
        return requestFseCommitment(plan(execution), store(plan(execution)).get(id(execution)), operation,
                execution.getProcessInstanceId(), actor(), session == null ? 0 : ((Number) session).intValue());
    }

    /**
     * Sends the FSE+ commitment message for one approved operation of a stored programming (at
     * publication, or when an amendment approves it or raises its FSE+), audits and tells the
     * listeners. The payload's FSE+ amount is the FSE+ programmed ({@link Application#fseProgrammed()}).
     *
     * @return the number of processes started
     */
    static int requestFseCommitment(PlanId plan, ProgrammingRecord record, OperationId operation, String processInstanceId, String user,
            int session) {
        return requestFse(plan, record, operation, processInstanceId, user, session, false);
    }

    /**
     * Sends the FSE+ raise message {@link fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.Increase#MESSAGE}
     * for an approved operation whose FSE+ an amendment raised after its commitment was requested:
     * the raise reaches the operation's commitment as an increase (process C's raise, which goes
     * back through reservation), not as a second commitment. Payload, audit and listeners as
     * {@link #requestFseCommitment(PlanId, ProgrammingRecord, OperationId, String, String, int)}.
     *
     * @return the number of processes started
     */
    static int requestFseIncrease(PlanId plan, ProgrammingRecord record, OperationId operation, String user, int session) {
        return requestFse(plan, record, operation, null, user, session, true);
    }

    private static int requestFse(PlanId plan, ProgrammingRecord record, OperationId operation, String processInstanceId, String user,
            int session, boolean increase) {
        String message = increase ? fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.Increase.MESSAGE
                : ProgrammingProcess.FSE_COMMITMENT_MESSAGE;
        Application application = record.programming().application(operation).orElseThrow();
        Money fse = application.fseProgrammed();
        Map<String, Object> payload = new HashMap<>();
        payload.put(Var.PLAN_ID, plan.value());
        payload.put(Var.PROGRAMMING_ID, record.id().value());
        payload.put(Var.OPERATION_ID, operation.value());
        payload.put(Var.AXIS, application.operation().axis().name());
        payload.put(Var.FSE_AMOUNT, fse.amount().toPlainString());
        RuntimeService runtimeService = CommandContextUtil.getProcessEngineConfiguration().getRuntimeService();
        String tenant = Tenants.of(plan);
        int started = 0;
        List<EventSubscription> starts = runtimeService.createEventSubscriptionQuery().eventType("message")
                .eventName(message).list();
        boolean own = starts.stream().anyMatch(s -> s.getExecutionId() == null && tenant.equals(s.getTenantId() == null ? ""
                : s.getTenantId()));
        // A plan without a copy of its own runs the library's process C (deployed without tenant), in the plan.
        boolean shared = !tenant.isEmpty() && starts.stream().anyMatch(s -> s.getExecutionId() == null
                && (s.getTenantId() == null || s.getTenantId().isEmpty()));
        if (own || shared) {
            var builder = runtimeService.createProcessInstanceBuilder()
                    .businessKey(record.id().value() + "/" + operation.value() + (increase ? "/increase/" + session : ""))
                    .variables(payload);
            if (own) {
                builder.messageName(message);
                if (!tenant.isEmpty()) {
                    builder.tenantId(tenant);
                }
            } else {
                // Flowable starts by message only within the message's tenant: start the shared
                // definition that subscribes to it, in the plan's tenant, with the same payload.
                String definition = starts.stream().filter(s -> s.getExecutionId() == null
                        && (s.getTenantId() == null || s.getTenantId().isEmpty())).findFirst().orElseThrow()
                        .getProcessDefinitionId();
                builder.processDefinitionId(definition).overrideProcessDefinitionTenantId(tenant);
            }
            EngineTransaction.changed();
            builder.start();
            started++;
        }
        PlieRuntime runtime = PlieRuntime.current();
        ProgrammingAudit.append(plan, new AuditEntry(record.id().value(), runtime.now(), user, null, ProgrammingProcess.Audit.FSE_COMMITMENT,
                started > 0 ? (increase ? "INCREASE_MESSAGE_SENT" : "MESSAGE_SENT") : "NO_SUBSCRIBER", null,
                operation.value() + " " + application.operation().axis().name() + " " + fse, session), processInstanceId);
        runtime.publishAfterCommit(plan, new ProgrammingEvent(record.id(), ProgrammingEvent.Kind.FSE_COMMITMENT_REQUESTED, operation,
                application.operation().axis().name(), fse, runtime.now()));
        return started;
    }
}
