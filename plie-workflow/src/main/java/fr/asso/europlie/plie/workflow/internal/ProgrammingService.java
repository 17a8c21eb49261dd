package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.GlobalGrants;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Admissibility;
import fr.asso.europlie.plie.offer.Adoption;
import fr.asso.europlie.plie.offer.Application;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.CallForProposals;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.Programming;
import fr.asso.europlie.plie.offer.ProgrammingRecord;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.offer.PtiMarking;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.offer.TechnicalOpinion;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.programming.CallOpening;
import fr.asso.europlie.plie.workflow.programming.DecisionTerms;
import fr.asso.europlie.plie.workflow.programming.ProgrammingApproval;
import fr.asso.europlie.plie.workflow.programming.ProgrammingAuditEntry;
import fr.asso.europlie.plie.workflow.programming.ProgrammingEvent;
import fr.asso.europlie.plie.workflow.programming.ProgrammingProcess;
import fr.asso.europlie.plie.workflow.programming.ProgrammingProcess.Var;
import fr.asso.europlie.plie.workflow.programming.ProgrammingSettings;
import fr.asso.europlie.plie.workflow.programming.ProgrammingStatus;
import fr.asso.europlie.plie.workflow.programming.ProgrammingStep;
import fr.asso.europlie.plie.workflow.programming.ProgrammingTask;
import fr.asso.europlie.plie.workflow.programming.Submission;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.engine.runtime.ProcessInstanceBuilder;
import org.flowable.task.api.Task;

/**
 * The implementation of {@link ProgrammingApproval} on Flowable (internal), built like
 * {@link NegotiationService}: each typed command checks the actor first, then changes the
 * programming, the process and the audit trail in one engine transaction run by the
 * {@link CommandRunner}; events reach the plan's listeners after commit.
 */
public final class ProgrammingService implements ProgrammingApproval {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final PlieRuntime runtime;
    private final CommandRunner runner;
    private final PlanId plan;
    private final JdbcProgrammings programmings;
    /** Process C's ledger, read only, through its port. */
    private final GlobalGrants grants;

    /**
     * Creates the service (done by the engine facade).
     *
     * @param processEngine the Flowable engine
     * @param runtime the library's runtime in that engine
     * @param runner the command runner
     * @param plan the plan this service acts in
     */
    public ProgrammingService(ProcessEngine processEngine, PlieRuntime runtime, CommandRunner runner, PlanId plan) {
        this.runtimeService = processEngine.getRuntimeService();
        this.taskService = processEngine.getTaskService();
        this.runtime = runtime;
        this.runner = runner;
        this.plan = plan;
        this.programmings = new JdbcProgrammings(plan, runtime.clock());
        this.grants = new JdbcGlobalGrants(plan, runtime.clock());
    }

    // ---------------------------------------------------------------------------------- commands

    @Override
    public ProgrammingStatus openCall(Actor actor, CallOpening opening) {
        Objects.requireNonNull(actor, "actor");
        required(opening, "opening");
        CallId id = opening.call().id();
        Limits.identities(actor, fr.asso.europlie.plie.protocol.ProtocolId.of(id.value()));
        requirePlan(actor);
        requireRole(actor, Role.ANIMATION_TEAM, "OPEN_CALL");
        runner.run(actor, id.value(), () -> {
            Protocol protocol = runtime.protocols(plan).find(opening.call().protocol())
                    .orElseThrow(() -> new RuleViolationException(WorkflowError.PROTOCOL_NOT_IN_FORCE, "call.protocol",
                            opening.call().protocol(), "-"));
            OrganisationId animation = protocol.content().animationStructure().id();
            requireOrganisation(actor, animation, "OPEN_CALL");
            if (protocol.state() != ProtocolState.IN_FORCE) {
                throw new RuleViolationException(WorkflowError.PROTOCOL_NOT_IN_FORCE, "call.protocol", protocol.id(), protocol.state());
            }
            requireWithinBudget(protocol, opening);
            ProgrammingSettings settings = opening.settings().orElse(runtime.settings(plan).programming());
            requireWithinGlobalGrant(opening, settings);
            if (programmings.lock(id) || process(id).isPresent()) {
                throw new RuleViolationException(WorkflowError.PROGRAMMING_EXISTS, "call.id", id);
            }
            Programming programming = Programming.open(opening.call(), opening.mapping(), opening.department(),
                    protocol.content().governance().steeringCommittee());
            programmings.add(ProgrammingRecord.of(programming, opening.operators(), opening.offerSettings()));
            opening.globalGrant().ifPresent(grant -> programmings.recordGlobalGrant(id, grant));
            Map<String, Object> variables = new HashMap<>();
            variables.put(Var.PROGRAMMING_ID, id.value());
            variables.put(Var.PLAN_ID, plan.value());
            variables.put(Var.ANIMATION_STRUCTURE, animation.value());
            variables.put(Var.DEPARTMENT, opening.department().value());
            variables.put(Var.COMMITTEE, protocol.content().governance().steeringCommittee().convenedBy().value());
            variables.put(Var.CLOSING_AT, opening.call().closingDate().plusDays(1).atStartOfDay(runtime.clock().getZone())
                    .toInstant().toString());
            variables.put(Var.APPRAISAL_DEADLINE_DELAY, settings.appraisalDeadline().toString());
            variables.put(Var.APPRAISAL_REMINDER, settings.appraisalReminder().toString());
            variables.put(Var.PTI_REMINDER, settings.ptiReminder().toString());
            variables.put(Var.MAX_SESSIONS, settings.maxSteeringSessions());
            variables.put(Var.SESSION, 0);
            variables.put(Var.NEXT_SESSION, false);
            variables.put(Var.HAS_APPLICATIONS, false);
            EngineTransaction.changed();
            ProcessInstanceBuilder builder = runtimeService.createProcessInstanceBuilder().processDefinitionKey(ProgrammingProcess.KEY);
            if (!plan.isDefault()) {
                builder.tenantId(Tenants.of(plan)).fallbackToDefaultTenant().overrideProcessDefinitionTenantId(Tenants.of(plan));
            }
            ProcessInstance process = builder.businessKey(id.value()).variables(variables).start();
            ProgrammingAudit.append(plan, entry(actor, id, ProgrammingProcess.Audit.CALL_OPENED, "OPEN", null,
                    "closing " + opening.call().closingDate() + ", global grant "
                            + opening.globalGrant().map(GlobalGrantId::value).orElse("none"), 0), process.getId());
            event(id, ProgrammingEvent.Kind.CALL_OPENED, null, null, null);
            return null;
        });
        // Read in a command of its own: Flowable writes the process to the database only when a command ends.
        return status(actor, id);
    }

    /** The envelopes mapped onto each strategic axis stay within the protocol's planned expenses on it for the call's year. */
    private static void requireWithinBudget(Protocol protocol, CallOpening opening) {
        Map<fr.asso.europlie.plie.protocol.StrategicAxisId, Money> byTarget = new LinkedHashMap<>();
        opening.call().envelopes().forEach((axis, envelope) -> {
            var target = opening.mapping().targets().get(axis);
            if (target != null) {
                byTarget.merge(target, envelope, Money::plus);
            }
        });
        List<Violation> over = new ArrayList<>();
        byTarget.forEach((target, total) -> {
            Money planned = Money.sum(protocol.content().budget().plannedExpenses().stream()
                    .filter(e -> e.year().equals(opening.call().year()) && e.axis().equals(target))
                    .map(fr.asso.europlie.plie.budget.PlannedExpense::amount).toList());
            if (total.isGreaterThan(planned)) {
                over.add(Violation.of(WorkflowError.ENVELOPE_OVER_BUDGET, "call.envelopes", target, total, planned, opening.call().year()));
            }
        });
        if (!over.isEmpty()) {
            throw new RuleViolationException(over);
        }
    }

    /**
     * The FSE+ part of the envelopes (each at the co-financing rate of the call's region category,
     * the most FSE+ the round could programme) stays within what the OI's global grant named by the
     * call still has available for the call's year, read through the {@link GlobalGrants} port. A
     * call without a grant is refused unless the settings allow it.
     */
    private void requireWithinGlobalGrant(CallOpening opening, ProgrammingSettings settings) {
        CallForProposals call = opening.call();
        if (opening.globalGrant().isEmpty()) {
            if (settings.globalGrantRequired()) {
                throw new RuleViolationException(WorkflowError.NO_GLOBAL_GRANT, "globalGrant", call.id());
            }
            return;
        }
        GlobalGrantId grantId = opening.globalGrant().get();
        GlobalGrant grant = grants.find(grantId)
                .orElseThrow(() -> new RuleViolationException(WorkflowError.UNKNOWN_GLOBAL_GRANT, "globalGrant", grantId));
        BigDecimal rate = opening.offerSettings().operationCoFinancingRatePercent(call.regionCategory()).movePointLeft(2);
        Money fsePart = Money.sum(call.envelopes().values().stream().map(e -> e.multipliedBy(rate, RoundingMode.HALF_UP)).toList());
        Money available = Money.sum(grant.envelopes().keySet().stream().filter(k -> k.year().equals(call.year()))
                .map(k -> grant.balance(k).available()).toList());
        if (fsePart.isGreaterThan(available)) {
            throw new RuleViolationException(WorkflowError.ENVELOPES_OVER_GLOBAL_GRANT, "call.envelopes", fsePart, available, grantId,
                    call.year());
        }
    }

    @Override
    public Submission submit(Actor actor, CallId id, Operation operation) {
        required(operation, "operation");
        return act(actor, id, null, (process, record) -> {
            requireRole(actor, Role.OPERATOR, "SUBMIT");
            requireOwn(actor, operation);
            List<Violation> reasons = new ArrayList<>();
            Programming programming = record.programming();
            if (programming.state() != ProgrammingState.OPEN) {
                throw new RuleViolationException(fr.asso.europlie.plie.offer.OfferError.ILLEGAL_TRANSITION, "state",
                        programming.state(), "submit");
            }
            if (programming.application(operation.id()).isPresent()) {
                throw new RuleViolationException(fr.asso.europlie.plie.offer.OfferError.ALREADY_SUBMITTED, "operation.id", operation.id());
            }
            reasons.addAll(Admissibility.reasons(operation, record.context(runtime.today())));
            if (reasons.isEmpty()) {
                save(record, programming.submit(operation, runtime.today(), record.operators(), record.settings()));
            }
            String codes = String.join(", ", new TreeSet<>(reasons.stream().map(v -> v.code().code()).toList()));
            ProgrammingAudit.append(plan, entry(actor, id, ProgrammingProcess.Audit.SUBMISSION, reasons.isEmpty() ? "ADMISSIBLE" : "INADMISSIBLE",
                    reasons.isEmpty() ? null : truncate(codes), operation.id().value(), 0), process.getId());
            return new Submission(operation.id(), reasons);
        });
    }

    @Override
    public void closeCall(Actor actor, CallId id) {
        act(actor, id, ProgrammingStep.CLOSE_CALL, (process, record) -> {
            requireAnimationTeam(actor, process, "CLOSE_CALL");
            Task task = task(process, ProgrammingStep.CLOSE_CALL, null, id.value());
            Map<String, Object> variables = ProgrammingSteps.close(plan, record, actor.userId(), actor.organisation().value(),
                    "CLOSED_BY_HAND", process.getId());
            complete(task, actor, variables);
            return null;
        });
    }

    @Override
    public void assignInstructors(Actor actor, CallId id, Map<OperationId, String> instructors) {
        required(instructors, "instructors");
        act(actor, id, ProgrammingStep.ASSIGN_INSTRUCTORS, (process, record) -> {
            requireAnimationTeam(actor, process, "ASSIGN_INSTRUCTORS");
            Task task = task(process, ProgrammingStep.ASSIGN_INSTRUCTORS, null, id.value());
            List<String> operations = record.programming().applications().stream().map(a -> a.operation().id().value()).toList();
            List<String> wrong = new ArrayList<>();
            operations.stream().filter(o -> !instructors.containsKey(OperationId.of(o))).forEach(o -> wrong.add(o + " (missing)"));
            instructors.forEach((operation, user) -> {
                if (!operations.contains(operation.value())) {
                    wrong.add(operation.value() + " (unknown)");
                } else if (user == null || user.isBlank()) {
                    wrong.add(operation.value() + " (no instructor)");
                }
            });
            if (!wrong.isEmpty()) {
                throw new RuleViolationException(WorkflowError.ASSIGNMENT_INCOMPLETE, "instructors", String.join(", ", wrong), operations.size());
            }
            Map<String, String> byOperation = new LinkedHashMap<>();
            instructors.forEach((operation, user) -> {
                Limits.text(user, "instructors." + operation.value(), AuditEntry.MAX_USER_ID);
                byOperation.put(operation.value(), user);
            });
            ProgrammingAudit.append(plan, entry(actor, id, ProgrammingProcess.Audit.ASSIGNMENT, "ASSIGNED", null,
                    truncate(byOperation.toString()), 0), process.getId());
            Map<String, Object> variables = new HashMap<>();
            variables.put(Var.INSTRUCTORS, new HashMap<>(byOperation));
            String delay = (String) processVariable(process.getId(), Var.APPRAISAL_DEADLINE_DELAY);
            variables.put(Var.APPRAISAL_DEADLINE, runtime.now().plus(java.time.Duration.parse(delay)).toString());
            complete(task, actor, variables);
            return null;
        });
    }

    @Override
    public void appraise(Actor actor, CallId id, OperationId operation, Appraisal.Opinion opinion, Money proposedAmount, String remarks) {
        required(operation, "operation");
        required(opinion, "opinion");
        required(proposedAmount, "proposedAmount");
        Limits.reason(remarks, "remarks");
        act(actor, id, ProgrammingStep.APPRAISAL, (process, record) -> {
            requireAnimationTeam(actor, process, "APPRAISAL");
            Task task = task(process, ProgrammingStep.APPRAISAL, Var.OPERATION_ID, operation.value());
            if (!actor.userId().equals(task.getAssignee())) {
                throw new AccessDeniedException(WorkflowError.NOT_ASSIGNED, "actor.userId", actor.userId(), operation);
            }
            Appraisal appraisal = new Appraisal(operation, actor.userId(), opinion, proposedAmount, remarks == null ? "" : remarks,
                    runtime.now());
            save(record, record.programming().appraise(appraisal));
            ProgrammingAudit.append(plan, entry(actor, id, ProgrammingStep.APPRAISAL.name(), opinion.name(), blankToNull(remarks),
                    operation.value() + " " + proposedAmount, 0), process.getId());
            complete(task, actor, Map.of());
            return null;
        });
    }

    @Override
    public void markPti(Actor actor, CallId id, OperationId operation, PtiMarking.Complementarity complementarity, String justification) {
        required(operation, "operation");
        required(complementarity, "complementarity");
        Limits.reason(justification, "justification");
        act(actor, id, ProgrammingStep.PTI_MARKING, (process, record) -> {
            requireOrganisation(actor, record.programming().department(), "PTI_MARKING");
            Task task = task(process, ProgrammingStep.PTI_MARKING, Var.PTI_OPERATION_ID, operation.value());
            PtiMarking marking = new PtiMarking(operation, complementarity, justification, actor.organisation(), actor.userId(),
                    runtime.now());
            save(record, record.programming().mark(marking));
            ProgrammingAudit.append(plan, entry(actor, id, ProgrammingStep.PTI_MARKING.name(), complementarity.name(), justification,
                    operation.value(), 0), process.getId());
            complete(task, actor, Map.of());
            return null;
        });
    }

    @Override
    public void recordTechnicalOpinion(Actor actor, CallId id, Appraisal.Opinion opinion, String remarks, String reference) {
        required(opinion, "opinion");
        requiredText(reference, "reference");
        Limits.reason(remarks, "remarks");
        Limits.reference(reference, "reference");
        act(actor, id, ProgrammingStep.TECHNICAL_OPINION, (process, record) -> {
            requireAnimationTeam(actor, process, "TECHNICAL_OPINION");
            Task task = task(process, ProgrammingStep.TECHNICAL_OPINION, null, id.value());
            save(record, record.programming().recordTechnicalOpinion(new TechnicalOpinion(opinion, remarks == null ? "" : remarks,
                    reference, actor.userId(), runtime.now())));
            ProgrammingAudit.append(plan, entry(actor, id, ProgrammingStep.TECHNICAL_OPINION.name(), opinion.name(), blankToNull(remarks),
                    reference, 0), process.getId());
            complete(task, actor, Map.of(Var.SESSION, 1));
            return null;
        });
    }

    @Override
    public void decide(Actor actor, CallId id, OperationId operation, Decision<SteeringDecision.Outcome> decision, DecisionTerms terms) {
        required(operation, "operation");
        required(decision, "decision");
        required(terms, "terms");
        Limits.reason(decision.reasons(), "decision.reasons");
        terms.redundancyJustification().ifPresent(j -> Limits.reason(j, "terms.redundancyJustification"));
        decision.reference().ifPresent(r -> Limits.reference(r, "decision.reference"));
        act(actor, id, ProgrammingStep.STEERING_SESSION, (process, record) -> {
            requireCommittee(actor, process);
            task(process, ProgrammingStep.STEERING_SESSION, null, id.value());
            int session = session(process);
            String reference = decision.reference().orElse("COPIL session " + session);
            // The programming checks the decision against the plan's steering committee kept with it (members, quorum),
            // and the record its FSE+ against the co-financing rate stored with it times the approved amount.
            SteeringDecision steering = steeringDecision(actor, record, operation, decision, terms);
            Money fseBefore = record.programming().application(operation).map(Application::fseProgrammed).orElse(Money.ZERO);
            Programming decided = record.decide(steering);
            requireWithinGlobalGrant(id, decided, operation, fseBefore);
            save(record, decided);
            ProgrammingAudit.append(plan, entry(actor, id, "STEERING_DECISION", decision.outcome().name(), decision.reasons(),
                    truncate(operation.value() + " " + steering.approvedAmount() + " FSE+ " + steering.approvedEsf() + " " + reference),
                    session), process.getId());
            return null;
        });
    }

    /**
     * The decision recorded: the terms' FSE+, or by default the FSE+ asked capped at the
     * co-financing rate times the approved amount ({@link ProgrammingRecord#defaultApprovedEsf}).
     */
    private SteeringDecision steeringDecision(Actor actor, ProgrammingRecord record, OperationId operation,
            Decision<SteeringDecision.Outcome> decision, DecisionTerms terms) {
        Money esf = terms.approvedEsf().orElseGet(() -> decision.outcome() == SteeringDecision.Outcome.APPROVED
                ? record.defaultApprovedEsf(operation, terms.approvedAmount()) : Money.ZERO);
        return new SteeringDecision(operation, terms.approvedAmount(), esf, decision, terms.redundancyJustification().orElse(""),
                actor.userId(), runtime.now());
    }

    /**
     * When a decision raises the FSE+ programmed on an operation and the programming draws from the
     * OI's global grant (named when its call opened): the FSE+ approved in the programming beyond
     * what the grant already holds for each operation (reserved or committed on an envelope of the
     * year) stays within what the grant still has available for the programming's year, read
     * through the {@link GlobalGrants} port. A programming without a grant is not checked (whether
     * one is required is decided when the call opens, by the settings).
     */
    private void requireWithinGlobalGrant(CallId id, Programming changed, OperationId operation, Money fseBefore) {
        Application application = changed.application(operation).orElseThrow();
        if (!application.fseProgrammed().isGreaterThan(fseBefore)) {
            return;
        }
        Optional<GlobalGrantId> grantId = programmings.globalGrant(id);
        if (grantId.isEmpty()) {
            return;
        }
        GlobalGrant grant = grants.find(grantId.get())
                .orElseThrow(() -> new RuleViolationException(WorkflowError.UNKNOWN_GLOBAL_GRANT, "globalGrant", grantId.get()));
        java.time.Year year = changed.year();
        Money available = Money.sum(grant.envelopes().keySet().stream().filter(k -> k.year().equals(year))
                .map(k -> grant.balance(k).available()).toList());
        Money pending = Money.sum(changed.approved().stream().map(a -> {
            Money accounted = grant.account(a.operation().id()).filter(account -> account.envelope().year().equals(year))
                    .map(account -> account.reserved().plus(account.netCommitment())).orElse(Money.ZERO);
            Money beyond = a.fseProgrammed().minus(accounted);
            return beyond.isPositive() ? beyond : Money.ZERO;
        }).toList());
        if (pending.isGreaterThan(available)) {
            throw new RuleViolationException(WorkflowError.ESF_OVER_GLOBAL_GRANT, "decision.approvedEsf", operation, pending, available,
                    grantId.get(), year);
        }
    }

    @Override
    public ProgrammingStatus closeSession(Actor actor, CallId id, Decision<AdoptionOutcome> decision) {
        required(decision, "decision");
        Limits.reason(decision.reasons(), "decision.reasons");
        decision.reference().ifPresent(r -> Limits.reference(r, "decision.reference"));
        act(actor, id, ProgrammingStep.STEERING_SESSION, (process, record) -> {
            requireCommittee(actor, process);
            Task task = task(process, ProgrammingStep.STEERING_SESSION, null, id.value());
            record.programming().requireSteeringCommitteeDecision(decision, "decision");
            Programming programming = record.programming();
            List<OperationId> undecided = programming.applications().stream().filter(a -> a.decision() == null)
                    .map(a -> a.operation().id()).toList();
            if (!undecided.isEmpty()) {
                throw new RuleViolationException(fr.asso.europlie.plie.offer.OfferError.UNDECIDED_OPERATIONS, "applications", undecided);
            }
            boolean adjourned = programming.applications().stream()
                    .anyMatch(a -> a.decision().outcome() == SteeringDecision.Outcome.ADJOURNED);
            int session = session(process);
            int max = ((Number) processVariable(process.getId(), Var.MAX_SESSIONS)).intValue();
            String reference = decision.reference().orElse("COPIL session " + session);
            boolean adopt = decision.outcome() == AdoptionOutcome.ADOPT && (!adjourned || session >= max);
            if (!adopt && session >= max) {
                throw new RuleViolationException(WorkflowError.LAST_SESSION, "session", session);
            }
            Map<String, Object> variables = new HashMap<>();
            if (adopt) {
                save(record, programming.adopt(new Adoption(decision, actor.userId(), runtime.now())));
                ProgrammingAudit.append(plan, entry(actor, id, ProgrammingProcess.Audit.ADOPTION, "ADOPTED", decision.reasons(), reference,
                        session), process.getId());
                event(id, ProgrammingEvent.Kind.ADOPTED, null, null, null);
                variables.put(Var.NEXT_SESSION, false);
            } else {
                ProgrammingAudit.append(plan, entry(actor, id, "SESSION_CLOSED", "NEXT_SESSION", decision.reasons(), reference, session),
                        process.getId());
                variables.put(Var.NEXT_SESSION, true);
                variables.put(Var.SESSION, session + 1);
            }
            complete(task, actor, variables);
            return null;
        });
        return status(actor, id);
    }

    @Override
    public void amend(Actor actor, CallId id, OperationId operation, Decision<SteeringDecision.Outcome> decision, DecisionTerms terms,
            String reason) {
        Objects.requireNonNull(actor, "actor");
        required(id, "programmingId");
        required(operation, "operation");
        required(decision, "decision");
        required(terms, "terms");
        Money approvedAmount = terms.approvedAmount();
        requiredText(reason, "reason");
        Limits.reason(reason, "reason");
        Limits.reason(decision.reasons(), "decision.reasons");
        terms.redundancyJustification().ifPresent(j -> Limits.reason(j, "terms.redundancyJustification"));
        decision.reference().ifPresent(r -> Limits.reference(r, "decision.reference"));
        Limits.identities(actor, fr.asso.europlie.plie.protocol.ProtocolId.of(id.value()));
        requirePlan(actor);
        requireRole(actor, Role.STEERING_COMMITTEE, "AMENDMENT");
        runner.run(actor, id.value(), () -> {
            programmings.lock(id);
            ProgrammingRecord record = programmings.find(id).orElseThrow(
                    () -> new RuleViolationException(WorkflowError.NO_PROGRAMMING, "programmingId", id));
            Protocol protocol = runtime.protocols(plan).get(record.programming().call().protocol());
            requireOrganisation(actor, protocol.content().governance().steeringCommittee().convenedBy(), "AMENDMENT");
            String reference = decision.reference().orElse("COPIL");
            SteeringDecision steering = steeringDecision(actor, record, operation, decision, terms);
            Money fseBefore = record.programming().application(operation).map(Application::fseProgrammed).orElse(Money.ZERO);
            Programming amended = record.amend(steering, reason);
            requireWithinGlobalGrant(id, amended, operation, fseBefore);
            ProgrammingRecord saved = record.next(amended);
            programmings.update(saved, record.revision());
            ProgrammingAudit.append(plan, entry(actor, id, ProgrammingProcess.Audit.AMENDMENT, decision.outcome().name(), reason,
                    operation.value() + " " + approvedAmount + " " + reference, amended.amendments().size()), null);
            event(id, ProgrammingEvent.Kind.AMENDED, operation, null, null);
            if (amended.application(operation).orElseThrow().fseProgrammed().isGreaterThan(fseBefore)) {
                // Newly approved asking for FSE+: the commitment is requested as at publication; its FSE+
                // raised after the commitment was requested: the raise message reaches that commitment.
                if (fseBefore.isPositive()) {
                    ProgrammingSteps.requestFseIncrease(plan, saved, operation, actor.userId(), amended.amendments().size());
                } else {
                    ProgrammingSteps.requestFseCommitment(plan, saved, operation, null, actor.userId(), amended.amendments().size());
                }
            }
            return null;
        });
    }

    // ---------------------------------------------------------------------------------- reading

    @Override
    public List<ProgrammingTask> tasks(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        requirePlan(actor);
        return runner.run(actor, actor.userId(), () -> {
            List<ProgrammingTask> mine = new ArrayList<>();
            for (Task task : Tenants.in(taskService.createTaskQuery(), plan).processDefinitionKey(ProgrammingProcess.KEY)
                    .orderByTaskCreateTime().asc().list()) {
                ProgrammingStep step = ProgrammingStep.ofTask(task.getTaskDefinitionKey());
                String group = switch (step) {
                    case PTI_MARKING -> Var.DEPARTMENT;
                    case STEERING_SESSION -> Var.COMMITTEE;
                    default -> Var.ANIMATION_STRUCTURE;
                };
                boolean organisation = actor.organisation().value().equals(processVariable(task.getProcessInstanceId(), group));
                boolean assigned = step != ProgrammingStep.APPRAISAL || actor.userId().equals(task.getAssignee());
                if (actor.has(step.role()) && organisation && assigned) {
                    String operation = step == ProgrammingStep.APPRAISAL ? (String) taskService.getVariable(task.getId(), Var.OPERATION_ID)
                            : step == ProgrammingStep.PTI_MARKING ? (String) taskService.getVariable(task.getId(), Var.PTI_OPERATION_ID) : null;
                    String programming = (String) processVariable(task.getProcessInstanceId(), Var.PROGRAMMING_ID);
                    mine.add(new ProgrammingTask(CallId.of(programming), step, operation == null ? null : OperationId.of(operation),
                            task.getCreateTime().toInstant()));
                }
            }
            return mine;
        });
    }

    @Override
    public ProgrammingStatus status(Actor actor, CallId id) {
        Objects.requireNonNull(actor, "actor");
        required(id, "programmingId");
        requirePlan(actor);
        return runner.run(actor, id.value(), () -> currentStatus(actor, id));
    }

    @Override
    public Programming programming(Actor actor, CallId id) {
        Objects.requireNonNull(actor, "actor");
        required(id, "programmingId");
        requirePlan(actor);
        return runner.run(actor, id.value(), () -> seenWhole(actor, id).programming());
    }

    @Override
    public List<ProgrammingAuditEntry> history(Actor actor, CallId id) {
        Objects.requireNonNull(actor, "actor");
        required(id, "programmingId");
        requirePlan(actor);
        return runner.run(actor, id.value(), () -> {
            seenWhole(actor, id);
            return ProgrammingAudit.of(plan, id.value());
        });
    }

    // ---------------------------------------------------------------------------------- internals

    /** The stored programming, for an actor who sees all of it (refused when missing or when the actor has no part in all of it). */
    private ProgrammingRecord seenWhole(Actor actor, CallId id) {
        ProgrammingRecord record = programmings.find(id).orElseThrow(
                () -> new RuleViolationException(WorkflowError.NO_PROGRAMMING, "programmingId", id));
        if (!seesAll(actor, record)) {
            throw new AccessDeniedException(WorkflowError.NO_PART_IN_PROGRAMMING, "actor", actor.userId(), id);
        }
        return record;
    }

    private interface Body<T> {
        T apply(ProcessInstance process, ProgrammingRecord record);
    }

    private <T> T act(Actor actor, CallId id, ProgrammingStep step, Body<T> body) {
        Objects.requireNonNull(actor, "actor");
        required(id, "programmingId");
        Limits.identities(actor, fr.asso.europlie.plie.protocol.ProtocolId.of(id.value()));
        requirePlan(actor);
        if (step != null) {
            requireRole(actor, step.role(), step.name());
        }
        return runner.run(actor, id.value(), () -> {
            programmings.lock(id);
            ProcessInstance process = process(id).orElseThrow(
                    () -> new RuleViolationException(WorkflowError.NO_PROGRAMMING, "programmingId", id));
            ProgrammingRecord record = programmings.get(id);
            return body.apply(process, record);
        });
    }

    private ProgrammingStatus currentStatus(Actor actor, CallId id) {
        ProgrammingRecord record = programmings.find(id).orElseThrow(
                () -> new RuleViolationException(WorkflowError.NO_PROGRAMMING, "programmingId", id));
        Optional<ProcessInstance> process = process(id);
        List<Application> visible;
        if (seesAll(actor, record, process)) {
            visible = record.programming().applications();
        } else if (actor.has(Role.OPERATOR)) {
            visible = record.programming().applications().stream().filter(a -> actor.actsFor(a.operation().operator())).toList();
        } else {
            throw new AccessDeniedException(WorkflowError.NO_PART_IN_PROGRAMMING, "actor", actor.userId(), id);
        }
        List<ProgrammingStep> waiting = new ArrayList<>();
        int session = 0;
        if (process.isPresent()) {
            for (Task task : taskService.createTaskQuery().processInstanceId(process.get().getId()).orderByTaskCreateTime().asc().list()) {
                waiting.add(ProgrammingStep.ofTask(task.getTaskDefinitionKey()));
            }
            session = session(process.get());
        }
        return new ProgrammingStatus(id, record.programming().state(), process.isPresent(), session, waiting, visible);
    }

    /** The animation team, the Département and the committee's secretariat see the whole round. */
    private boolean seesAll(Actor actor, ProgrammingRecord record) {
        return seesAll(actor, record, process(record.id()));
    }

    /** The same, with the programming's running process already found in this command. */
    private boolean seesAll(Actor actor, ProgrammingRecord record, Optional<ProcessInstance> process) {
        String animation = null;
        String committee = null;
        if (process.isPresent()) {
            animation = (String) processVariable(process.get().getId(), Var.ANIMATION_STRUCTURE);
            committee = (String) processVariable(process.get().getId(), Var.COMMITTEE);
        } else {
            Protocol protocol = runtime.protocols(plan).get(record.programming().call().protocol());
            animation = protocol.content().animationStructure().id().value();
            committee = protocol.content().governance().steeringCommittee().convenedBy().value();
        }
        return actor.has(Role.ANIMATION_TEAM) && actor.organisation().value().equals(animation)
                || actor.has(Role.STEERING_COMMITTEE) && actor.organisation().value().equals(committee)
                || actor.has(Role.TECHNICAL_STAFF) && actor.actsFor(record.programming().department());
    }

    /**
     * A variable of a process instance, as {@code getVariable} gives it. The first read in a command
     * loads every variable of the instance in one statement (a serialised value's bytes only when
     * that variable is asked for), which Flowable keeps on the instance
     * for the rest of the command (its entity cache, updated by the command's own changes).
     */
    private Object processVariable(String processInstanceId, String name) {
        org.flowable.variable.api.persistence.entity.VariableInstance variable = runtimeService.getVariableInstances(processInstanceId).get(name);
        return variable == null ? null : variable.getValue();
    }

    private int session(ProcessInstance process) {
        Object value = processVariable(process.getId(), Var.SESSION);
        return value == null ? 0 : ((Number) value).intValue();
    }

    private Optional<ProcessInstance> process(CallId id) {
        return Optional.ofNullable(Tenants.in(runtimeService.createProcessInstanceQuery(), plan)
                .processDefinitionKey(ProgrammingProcess.KEY).processInstanceBusinessKey(id.value()).singleResult());
    }

    /** The open task of a step, for one operation when the step is per operation. */
    private Task task(ProcessInstance process, ProgrammingStep step, String operationVariable, String subject) {
        for (Task task : taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(step.taskKey()).list()) {
            if (operationVariable == null || subject.equals(taskVariable(task, operationVariable))) {
                return task;
            }
        }
        throw new RuleViolationException(WorkflowError.NO_PROGRAMMING_STEP, "step", subject, step);
    }

    /**
     * A variable as the task sees it ({@code taskService.getVariable}), read from the task's
     * execution entity that the command holds: the first read loads the variables of the task's
     * execution and of each parent it looks in, once, onto the entities, where Flowable finds them
     * again when it completes the task in the same command (instead of two queries by name for
     * each open task of the step: the task's own variable, then the execution's). The same value:
     * {@code getVariable} differs only by a task-local variable of that name first, which neither
     * the library nor its BPMN ever sets (the operation is the multi-instance element variable, on
     * the execution). Outside a command, or without an execution, {@code taskService} as before.
     */
    private Object taskVariable(Task task, String name) {
        if (org.flowable.common.engine.impl.context.Context.getCommandContext() != null && task.getExecutionId() != null) {
            ExecutionEntity execution = CommandContextUtil.getExecutionEntityManager().findById(task.getExecutionId());
            if (execution != null) {
                return execution.getVariable(name);
            }
        }
        return taskService.getVariable(task.getId(), name);
    }

    private void requireAnimationTeam(Actor actor, ProcessInstance process, String step) {
        requireOrganisation(actor, OrganisationId.of((String) processVariable(process.getId(), Var.ANIMATION_STRUCTURE)), step);
    }

    private void requireCommittee(Actor actor, ProcessInstance process) {
        requireOrganisation(actor, OrganisationId.of((String) processVariable(process.getId(), Var.COMMITTEE)),
                ProgrammingStep.STEERING_SESSION.name());
    }

    private static void requireOwn(Actor actor, Operation operation) {
        if (!actor.actsFor(operation.operator())) {
            throw new AccessDeniedException(WorkflowError.NOT_OWN_APPLICATION, "actor.organisation", actor.organisation(), operation.id(),
                    operation.operator());
        }
    }

    private void complete(Task task, Actor actor, Map<String, Object> variables) {
        Tasks.complete(taskService, task, actor, variables, Map.of());
    }

    private void save(ProgrammingRecord record, Programming changed) {
        programmings.update(record.next(changed), record.revision());
    }

    private AuditEntry entry(Actor actor, CallId id, String step, String outcome, String reason, String reference, int session) {
        return new AuditEntry(id.value(), runtime.now(), actor.userId(), actor.organisation().value(), step, outcome,
                blankToNull(reason), reference, session);
    }

    private void event(CallId id, ProgrammingEvent.Kind kind, OperationId operation, String detail, Money amount) {
        runtime.publishAfterCommit(plan, new ProgrammingEvent(id, kind, operation, detail, amount, runtime.now()));
    }

    private void requirePlan(Actor actor) {
        if (!actor.plan().equals(plan)) {
            throw new AccessDeniedException(WorkflowError.OTHER_PLAN, "actor.plan", actor.plan());
        }
    }

    private static void requireRole(Actor actor, Role role, String step) {
        if (!actor.has(role)) {
            throw new AccessDeniedException(WorkflowError.ROLE_REQUIRED, "actor.roles", actor.userId(), role, step);
        }
    }

    private static void requireOrganisation(Actor actor, OrganisationId organisation, String step) {
        if (!actor.actsFor(organisation)) {
            throw new AccessDeniedException(WorkflowError.WRONG_ORGANISATION, "actor.organisation", actor.organisation(), step,
                    organisation);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, field, null);
        }
    }

    private static void requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(WorkflowError.REQUIRED, field, value);
        }
    }

    private static String truncate(String text) {
        return text.length() <= AuditEntry.MAX_REFERENCE ? text : text.substring(0, AuditEntry.MAX_REFERENCE - 1) + "…";
    }
}
