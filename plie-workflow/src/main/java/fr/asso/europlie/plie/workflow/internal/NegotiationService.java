package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.negotiation.CommitteeOutcome;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationProcess;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStatus;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStep;
import fr.asso.europlie.plie.workflow.negotiation.Opinion;
import fr.asso.europlie.plie.workflow.negotiation.ProtocolNegotiation;
import fr.asso.europlie.plie.workflow.negotiation.RecordCommitteeDecision;
import fr.asso.europlie.plie.workflow.negotiation.RoundLimitDecision;
import fr.asso.europlie.plie.workflow.negotiation.WorkItem;

import fr.asso.europlie.plie.workflow.internal.Steps;

import fr.asso.europlie.plie.budget.Contribution;
import fr.asso.europlie.plie.budget.ProtocolBudget;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.workflow.internal.EngineReason;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.DecisionPolicies;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.Identifiers;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.Deliberation;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.protocol.DiagnosticItem;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolError;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolPolicies;
import fr.asso.europlie.plie.protocol.SharedDiagnostic;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.ConflictException;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.internal.AuditLog;
import fr.asso.europlie.plie.workflow.internal.CommandRunner;
import fr.asso.europlie.plie.workflow.internal.PlieRuntime;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.function.BiFunction;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.engine.runtime.ProcessInstanceBuilder;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;

/**
 * The implementation of {@link ProtocolNegotiation} on Flowable (internal): each typed command
 * checks the actor, then changes the protocol, the process and the audit trail in one engine
 * transaction run by the {@link CommandRunner}.
 */
public final class NegotiationService implements ProtocolNegotiation {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final PlieRuntime runtime;
    private final CommandRunner runner;
    private final PlanId plan;
    private final JdbcProtocols protocols;
    /**
     * The negotiation process last seen running for each recently used protocol (protocol id to
     * process instance id), see {@link #actorsTask}: a hint, checked on each use, never trusted.
     */
    private final Map<String, String> processes = RecentlyUsed.map(PROCESSES_KEPT);

    /** How many protocols' process instance ids are kept (a few kB). */
    private static final int PROCESSES_KEPT = 256;

    /**
     * Creates the service (done by the engine facade).
     *
     * @param processEngine the Flowable engine
     * @param runtime the library's runtime in that engine
     * @param runner the command runner
     * @param plan the plan this service acts in
     */
    public NegotiationService(ProcessEngine processEngine, PlieRuntime runtime, CommandRunner runner, PlanId plan) {
        this.runtimeService = processEngine.getRuntimeService();
        this.taskService = processEngine.getTaskService();
        this.runtime = runtime;
        this.runner = runner;
        this.plan = plan;
        this.protocols = runtime.protocols(plan);
    }

    // ---------------------------------------------------------------------------------- start

    /**
     * The animation team starts the negotiation of a draft protocol: the draft is stored (or,
     * when a draft with this id exists, revised), the negotiation opened, and the shared
     * diagnostic is the first step.
     *
     * @param actor who starts it: the animation team of the draft's animation structure
     * @param id the protocol's id, not null
     * @param draft the draft's content, not null
     * @return the status: waiting for the shared diagnostic
     * @throws AccessDeniedException when the actor is not that animation team, or not the stored
     *     draft's; ({@code PLIE-WORKFLOW-031}) when the id is that of a protocol the actor's
     *     organisation is not a party of
     * @throws RuleViolationException ({@code PLIE-WORKFLOW-005}) when a negotiation runs already,
     *     ({@code PLIE-WORKFLOW-032}) when the stored protocol is closed without a text, a domain
     *     refusal when it is no longer a draft, and every violation of the rules a draft must
     *     satisfy ({@link fr.asso.europlie.plie.protocol.ProtocolPolicies#onDraft()})
     */
    @Override
    public NegotiationStatus start(Actor actor, ProtocolId id, ProtocolContent draft) {
        Objects.requireNonNull(actor, "actor");
        required(id, "protocolId");
        required(draft, "draft");
        Limits.identities(actor, id);
        requirePlan(actor);
        return runner.run(actor, id.value(), () -> {
            requireRole(actor, Role.ANIMATION_TEAM, "START");
            requireOrganisation(actor, draft.animationStructure().id(), "START");
            protocols.lock(id);
            Optional<Protocol> existing = protocols.find(id);
            if (existing.isPresent() && !Visibility.knows(actor, existing.get())) {
                // Neither who holds the id nor in which state: only that it is taken.
                throw new AccessDeniedException(WorkflowError.ID_TAKEN, "protocolId", id);
            }
            if (existing.isPresent()) {
                // A stored draft belongs to its own animation team: another may not take it over by
                // naming itself in the new text.
                requireOrganisation(actor, requireText(existing.get()).animationStructure().id(), "START");
            }
            requireNoProcess(id);
            requireDraftRules(draft);
            Protocol drafted;
            if (existing.isPresent()) {
                drafted = existing.get().revise(draft, runtime.now(), actor.userId());
                protocols.update(drafted, existing.get().revision());
            } else {
                drafted = Protocol.draft(id, draft, runtime.now(), actor.userId());
                protocols.add(drafted);
            }
            Protocol opened = drafted.openNegotiation(runtime.now(), actor.userId());
            protocols.update(opened, drafted.revision());
            ProcessInstance process = startProcess(actor, opened, false, NegotiationProcess.Audit.STARTED, null);
            return currentStatus(id, process.getId());
        });
    }

    /**
     * The animation team starts the negotiation of an amendment of an in-force protocol: the
     * shorter path without diagnostic, producing version n+1 when it enters into force.
     *
     * @param actor the animation team of the protocol's animation structure
     * @param id the in-force protocol, not null
     * @param amended the amended text, not null
     * @param reason why, not blank
     * @return the status: consultation of the parties
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-030}) when the protocol is unknown or
     *     not the actor's organisation's to know; when the actor is not that animation team
     * @throws RuleViolationException when a negotiation runs already, the protocol is closed
     *     without a text ({@code PLIE-WORKFLOW-032}) or not in force, and every violation of the
     *     rules the amended text must satisfy
     */
    @Override
    public NegotiationStatus startAmendment(Actor actor, ProtocolId id, ProtocolContent amended, String reason) {
        Objects.requireNonNull(actor, "actor");
        required(id, "protocolId");
        required(amended, "amended");
        requiredText(reason, "reason");
        Limits.identities(actor, id);
        Limits.reason(reason, "reason");
        requirePlan(actor);
        return runner.run(actor, id.value(), () -> {
            protocols.lock(id);
            Protocol inForce = Visibility.require(runtime, actor, id);
            requireRole(actor, Role.ANIMATION_TEAM, "START_AMENDMENT");
            requireOrganisation(actor, requireText(inForce).animationStructure().id(), "START_AMENDMENT");
            requireNoProcess(id);
            requireDraftRules(amended);
            Protocol proposed = inForce.proposeAmendment(amended, reason, runtime.now(), actor.userId());
            protocols.update(proposed, inForce.revision());
            ProcessInstance process = startProcess(actor, proposed, true, NegotiationProcess.Audit.AMENDMENT_STARTED, reason);
            return currentStatus(id, process.getId());
        });
    }

    // ---------------------------------------------------------------------------------- steps

    /**
     * The animation team records the shared PTI-PLIE diagnostic, with its six items.
     *
     * @param actor the animation team of the animation structure
     * @param id the protocol
     * @param diagnostic the diagnostic, complete
     * @throws RuleViolationException ({@code PLIE-PROTOCOL-017}) for each missing item
     */
    @Override
    public void recordDiagnostic(Actor actor, ProtocolId id, SharedDiagnostic diagnostic) {
        required(diagnostic, "diagnostic");
        act(actor, id, NegotiationStep.SHARED_DIAGNOSTIC, (task, protocol) -> {
            List<Violation> missing = new ArrayList<>();
            for (DiagnosticItem item : diagnostic.missing()) {
                missing.add(Violation.of(ProtocolError.DIAGNOSTIC_INCOMPLETE, "diagnostic.items", item));
            }
            if (!missing.isEmpty()) {
                throw new RuleViolationException(missing);
            }
            save(protocol, protocol.recordDiagnostic(diagnostic, runtime.now(), actor.userId()));
            audit(actor, id, task, NegotiationStep.SHARED_DIAGNOSTIC, "COMPLETED", null, null);
            complete(task, actor, Map.of(), Map.of());
            return null;
        });
    }

    /**
     * A party's technical staff gives its opinion on the draft, for its own organisation.
     *
     * @param actor the technical staff of a consulted party
     * @param id the protocol
     * @param opinion the opinion, not null
     * @throws AccessDeniedException when the actor's organisation is not consulted or lacks the role
     * @throws RuleViolationException ({@code PLIE-WORKFLOW-003}) when the organisation already answered
     */
    @Override
    public void giveOpinion(Actor actor, ProtocolId id, Opinion opinion) {
        required(opinion, "opinion");
        Limits.reason(opinion.remarks(), "opinion.remarks");
        act(actor, id, NegotiationStep.TECHNICAL_OPINION, (task, protocol) -> {
            audit(actor, id, task, NegotiationStep.TECHNICAL_OPINION, opinion.kind().name(), opinion.remarks(), null);
            complete(task, actor, Map.of(), Map.of());
            return null;
        });
    }

    /**
     * The animation team consolidates the remarks, revising the text or not. After an
     * unfavourable opinion the parties are consulted again, up to the round limit.
     *
     * @param actor the animation team
     * @param id the protocol
     * @param revised the revised text, or null to keep it
     * @param note what was integrated, may be null
     */
    @Override
    public void consolidate(Actor actor, ProtocolId id, ProtocolContent revised, String note) {
        Limits.reason(note, "note");
        act(actor, id, NegotiationStep.CONSOLIDATION, (task, protocol) -> {
            Protocol after = protocol;
            if (revised != null) {
                requireDraftRules(revised);
                after = protocol.revise(revised, runtime.now(), actor.userId());
                save(protocol, after);
            }
            List<String> funders = new ArrayList<>();
            Steps.negotiated(after).budget().funders().forEach(funder -> funders.add(funder.value()));
            audit(actor, id, task, NegotiationStep.CONSOLIDATION, revised == null ? "UNCHANGED" : "REVISED", note, null);
            complete(task, actor, Map.of(NegotiationProcess.Var.FUNDERS, funders), Map.of());
            return null;
        });
    }

    /**
     * The steering committee decides, once the consultation rounds are used up with an opinion
     * still unfavourable, whether to go on (to the budget) or abandon.
     *
     * @param actor the steering committee's secretariat
     * @param id the protocol
     * @param decision go on or abandon, not null
     * @param reason why, not blank
     */
    @Override
    public void decideAfterRoundLimit(Actor actor, ProtocolId id, RoundLimitDecision decision, String reason) {
        required(decision, "decision");
        requiredText(reason, "reason");
        Limits.reason(reason, "reason");
        act(actor, id, NegotiationStep.ROUND_LIMIT_DECISION, (task, protocol) -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put(NegotiationProcess.Var.ROUND_LIMIT_DECISION, decision.name());
            variables.put(NegotiationProcess.Var.UNFAVOURABLE, false);
            variables.put(NegotiationProcess.Var.ABANDON_REASON, reason);
            audit(actor, id, task, NegotiationStep.ROUND_LIMIT_DECISION, decision.name(), reason, null);
            complete(task, actor, variables, Map.of());
            return null;
        });
    }

    /**
     * A funder confirms its contribution per year; the budget lines of those years are set to
     * the confirmed amounts. Once every funder confirmed, the budget must balance, else the text
     * goes back to consolidation.
     *
     * @param actor the funder's budget officer
     * @param id the protocol
     * @param amounts the contribution per year, not empty
     */
    @Override
    public void confirmContribution(Actor actor, ProtocolId id, Map<Year, Money> amounts) {
        if (amounts == null || amounts.isEmpty()) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "amounts", amounts);
        }
        for (Map.Entry<Year, Money> line : amounts.entrySet()) {
            if (line.getKey() == null || line.getValue() == null) {
                throw new InvalidValueException(WorkflowError.REQUIRED, "amounts", amounts);
            }
        }
        SortedMap<Year, Money> confirmed = new TreeMap<>(amounts);
        Limits.reference(confirmed.toString(), "amounts");
        act(actor, id, NegotiationStep.CONTRIBUTION, (task, protocol) -> {
            ProtocolContent content = Steps.negotiated(protocol);
            ProtocolBudget budget = content.budget();
            for (Map.Entry<Year, Money> line : confirmed.entrySet()) {
                budget = budget.withContribution(new Contribution(actor.organisation(), line.getKey(), line.getValue()));
            }
            save(protocol, protocol.revise(content.withBudget(budget), runtime.now(), actor.userId()));
            audit(actor, id, task, NegotiationStep.CONTRIBUTION, "CONFIRMED", null, confirmed.toString());
            complete(task, actor, Map.of(), Map.of());
            return null;
        });
    }

    /**
     * The steering committee's decision on the negotiated text: adopt (with quorum and the
     * adoption rules), send back to consolidation, or abandon, each taken with quorum.
     *
     * @param actor the steering committee's secretariat
     * @param id the protocol
     * @param decision the decision: outcome, members present, date, reasons, minutes' reference
     * @return what became of it: a decision without quorum does not count and the committee meets
     *     again; an adoption refused by the protocol's rules sends the text back to consolidation
     * @throws RuleViolationException when the decision is not the steering committee's or names
     *     people who are not members ({@code PLIE-GOVERNANCE-011}, {@code -010}): nothing changes
     */
    @Override
    public CommitteeOutcome decideInCommittee(Actor actor, ProtocolId id, Decision<AdoptionOutcome> decision) {
        required(decision, "decision");
        Limits.reason(decision.reasons(), "decision.reasons");
        Limits.reference(decision.reference().orElse(null), "decision.reference");
        return act(actor, id, NegotiationStep.COMMITTEE_DECISION, (task, protocol) -> {
            var committee = Steps.negotiated(protocol).governance().steeringCommittee();
            List<Violation> invalid = new ArrayList<>();
            invalid.addAll(DecisionPolicies.RIGHT_COMMITTEE.check(committee, decision));
            invalid.addAll(DecisionPolicies.ONLY_MEMBERS_PRESENT.check(committee, decision));
            if (!invalid.isEmpty()) {
                throw new RuleViolationException(invalid);
            }
            audit(actor, id, task, NegotiationStep.COMMITTEE_DECISION, decision.outcome().name(), decision.reasons(),
                    decision.reference().orElse(null));
            complete(task, actor, Map.of(NegotiationProcess.Var.COMMITTEE_VERDICT, decision.outcome().name()),
                    Map.of(NegotiationProcess.Var.COMMITTEE_MEETING, decision));
            Object refusal = Context.getCommandContext().getAttribute(RecordCommitteeDecision.REFUSAL);
            if (refusal instanceof RuleViolationException refused) {
                return new CommitteeOutcome(RecordCommitteeDecision.isQuorum(refused) ? CommitteeOutcome.Result.NO_QUORUM
                        : CommitteeOutcome.Result.REFUSED, refused.violations());
            }
            return new CommitteeOutcome(switch (decision.outcome()) {
                case ADOPT -> CommitteeOutcome.Result.ADOPTED;
                case SEND_BACK -> CommitteeOutcome.Result.SENT_BACK;
                case ABANDON -> CommitteeOutcome.Result.ABANDONED;
            }, List.of());
        });
    }

    /**
     * A signatory's body deliberates on the adopted text, for its own organisation only. A
     * rejection or a request for changes sends the text back to consolidation.
     *
     * @param actor the signatory's deliberating body
     * @param id the protocol
     * @param outcome approve, reject or ask for changes, not null
     * @param reference the deliberation's reference, not blank
     * @param date the deliberation's date, not null
     * @param reasons the reasons, may be null
     */
    @Override
    public void deliberate(Actor actor, ProtocolId id, DeliberationOutcome outcome, String reference, LocalDate date,
            String reasons) {
        required(outcome, "outcome");
        // The audit trail keeps the reference followed by the date (" 2026-11-30").
        Limits.text(reference, "reference", AuditEntry.MAX_REFERENCE - 11);
        Limits.reason(reasons, "reasons");
        act(actor, id, NegotiationStep.DELIBERATION, (task, protocol) -> {
            Deliberation deliberation = new Deliberation(actor.organisation(), outcome, reference, date, reasons);
            save(protocol, protocol.deliberate(deliberation, runtime.now(), actor.userId()));
            if (outcome != DeliberationOutcome.APPROVED) {
                runtimeService.setVariable(task.getProcessInstanceId(), NegotiationProcess.Var.DELIBERATION_SEND_BACK, true);
            }
            audit(actor, id, task, NegotiationStep.DELIBERATION, outcome.name(), reasons, reference + " " + date);
            complete(task, actor, Map.of(), Map.of());
            return null;
        });
    }

    /**
     * A non-mandatory signatory withdraws from the protocol while its body deliberates; its
     * budget lines go with it, and if the budget no longer balances the text goes back to
     * consolidation. The Département and any mandatory signatory may not withdraw.
     *
     * @param actor the signatory's deliberating body
     * @param id the protocol
     * @param reason why, not blank
     * @throws RuleViolationException ({@code PLIE-PROTOCOL-027}) for a mandatory signatory
     */
    @Override
    public void withdraw(Actor actor, ProtocolId id, String reason) {
        requiredText(reason, "reason");
        Limits.reason(reason, "reason");
        act(actor, id, NegotiationStep.DELIBERATION, (task, protocol) -> {
            Protocol without = protocol.withdraw(actor.organisation(), reason, runtime.now(), actor.userId());
            List<String> signers = new ArrayList<>(stringList(task.getProcessInstanceId(), NegotiationProcess.Var.SIGNERS));
            signers.remove(actor.organisation().value());
            EngineTransaction.changed();
            runtimeService.setVariable(task.getProcessInstanceId(), NegotiationProcess.Var.SIGNERS, signers);
            audit(actor, id, task, NegotiationStep.DELIBERATION, NegotiationProcess.Audit.WITHDRAWAL, reason, null);
            ProtocolBudget budget = Steps.negotiated(without).budget();
            if (!budget.isBalanced()) {
                // Its budget lines left with it: the plan no longer balances, so it cannot be signed.
                String why = EngineReason.of("reason.UNBALANCED_AFTER_WITHDRAWAL", actor.organisation(), budget.totalResources(),
                        budget.totalExpenses());
                without = without.sendBack(EngineReason.render(why, Messages.FRENCH), runtime.now(), actor.userId());
                runtimeService.setVariable(task.getProcessInstanceId(), NegotiationProcess.Var.DELIBERATION_SEND_BACK, true);
                audit(actor, id, task, NegotiationStep.DELIBERATION, "SENT_BACK", why, null);
            }
            save(protocol, without);
            complete(task, actor, Map.of(), Map.of());
            return null;
        });
    }

    /**
     * A signatory signs the adopted text, for its own organisation only, after its body approved.
     * When the last one signs, the protocol (or amendment) enters into force.
     *
     * @param actor the signatory's legal representative
     * @param id the protocol
     * @param date the date of signature, not null
     */
    @Override
    public void sign(Actor actor, ProtocolId id, LocalDate date) {
        required(date, "date");
        act(actor, id, NegotiationStep.SIGNATURE, (task, protocol) -> {
            save(protocol, protocol.sign(actor.organisation(), date, runtime.now(), actor.userId()));
            audit(actor, id, task, NegotiationStep.SIGNATURE, "SIGNED", null, date.toString());
            complete(task, actor, Map.of(), Map.of());
            return null;
        });
    }

    /**
     * Completes a step that an application added to its customised copy of the process (see
     * {@link ProtocolNegotiation#completeStep}).
     *
     * @param actor who does the step
     * @param id the protocol
     * @param taskKey the step's user task id in the BPMN
     * @param outcome the outcome
     * @param reason why, may be null
     */
    @Override
    public void completeStep(Actor actor, ProtocolId id, String taskKey, String outcome, String reason) {
        Objects.requireNonNull(actor, "actor");
        required(id, "protocolId");
        requiredText(taskKey, "taskKey");
        requiredText(outcome, "outcome");
        Limits.identities(actor, id);
        Limits.text(taskKey, "taskKey", AuditEntry.MAX_STEP);
        Limits.text(outcome, "outcome", AuditEntry.MAX_OUTCOME);
        Limits.reason(reason, "reason");
        requirePlan(actor);
        Optional<NegotiationStep> known = NegotiationStep.forTask(taskKey);
        if (known.isPresent()) {
            throw new InvalidValueException(WorkflowError.LIBRARY_STEP, "taskKey", taskKey, known.get());
        }
        runner.run(actor, id.value(), () -> {
            protocols.lock(id);
            // As for every step: first whether the actor may know about the protocol at all.
            Protocol protocol = Visibility.require(runtime, actor, id);
            ProcessInstance process = process(id).orElseThrow(
                    () -> new RuleViolationException(WorkflowError.NO_NEGOTIATION, "protocolId", id));
            List<Task> open = taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(taskKey)
                    .orderByTaskCreateTime().asc().list();
            if (open.isEmpty()) {
                throw new RuleViolationException(WorkflowError.NO_SUCH_TASK, "step", actor.organisation(), taskKey,
                        process.getBusinessKey());
            }
            PlieException refusal = null;
            for (Task task : open) {
                PlieException why = refusalOfAddedStep(actor, task, candidates(task), protocol);
                if (why == null) {
                    AuditLog.append(plan, new AuditEntry(id.value(), runtime.now(), actor.userId(), actor.organisation().value(),
                            taskKey, outcome, reason == null || reason.isBlank() ? null : reason, null, round(task)),
                            task.getProcessInstanceId());
                    complete(task, actor, Map.of(NegotiationProcess.Var.stepOutcome(taskKey), outcome), Map.of());
                    return null;
                }
                refusal = refusal == null ? why : refusal;
            }
            throw refusal;
        });
    }

    // ---------------------------------------------------------------------------------- reading

    /**
     * The steps waiting for this actor: those of its organisation for which it has the role, and
     * the steering committee's if it has that role and acts for the organisation that convenes
     * that protocol's committee; and the steps a customised process added that the actor may
     * complete with {@link #completeStep}.
     *
     * @param actor the actor, not null
     * @return the open steps, oldest first
     */
    @Override
    public List<WorkItem> tasks(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        requirePlan(actor);
        return runner.run(actor, actor.userId(), () -> {
            List<WorkItem> items = new ArrayList<>();
            // Library steps name the organisation or the steering committee; steps a customised process
            // added may name only a role.
            Set<String> groups = new TreeSet<>(List.of(actor.organisation().value(), Role.STEERING_COMMITTEE.name()));
            actor.roles().forEach(role -> groups.add(role.name()));
            List<Task> candidates = Tenants.in(taskService.createTaskQuery(), plan).processDefinitionKey(NegotiationProcess.KEY)
                    .taskCandidateGroupIn(List.copyOf(groups)).orderByTaskCreateTime().asc().list();
            for (Task task : candidates) {
                WorkItem item = item(task);
                if (item.step() == null) {
                    if (refusalOfAddedStep(actor, task, candidates(task), protocols.get(item.protocolId())) == null) {
                        items.add(item);
                    }
                    continue;
                }
                boolean organisationMatches = item.organisation() == null
                        ? actor.actsFor(committeeOrganisation(protocols.get(item.protocolId())))
                        : actor.actsFor(item.organisation());
                if (actor.has(item.step().role()) && organisationMatches) {
                    items.add(item);
                }
            }
            items.sort(OLDEST_FIRST);
            return items;
        });
    }

    /**
     * Where the negotiation of a protocol stands, for a party of it.
     *
     * @param actor who asks, not null
     * @param id the protocol, not null
     * @return the status; the steps waiting include those a customised process added
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-030}) when the protocol is unknown or
     *     not the actor's organisation's to know, alike
     */
    @Override
    public NegotiationStatus status(Actor actor, ProtocolId id) {
        Objects.requireNonNull(actor, "actor");
        required(id, "protocolId");
        requirePlan(actor);
        return runner.run(actor, id.value(), () -> {
            Visibility.require(runtime, actor, id);
            return currentStatus(id);
        });
    }

    /**
     * The protocol's history, for a party of it: every step taken on it, by whom, when, with which
     * outcome and why.
     *
     * @param actor who asks, not null
     * @param id the protocol, not null
     * @return the audit entries, oldest first
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-030}) when the protocol is unknown or
     *     not the actor's organisation's to know, alike
     */
    @Override
    public List<AuditEntry> history(Actor actor, ProtocolId id) {
        Objects.requireNonNull(actor, "actor");
        required(id, "protocolId");
        requirePlan(actor);
        return runner.run(actor, id.value(), () -> {
            Visibility.require(runtime, actor, id);
            return AuditLog.of(plan, id.value());
        });
    }

    /**
     * The settings the negotiation runs with.
     *
     * @return the settings
     */
    @Override
    public WorkflowSettings settings() {
        return runtime.settings(plan);
    }

    // ---------------------------------------------------------------------------------- internals

    private <T> T act(Actor actor, ProtocolId id, NegotiationStep step, BiFunction<Task, Protocol, T> body) {
        Objects.requireNonNull(actor, "actor");
        required(id, "protocolId");
        Limits.identities(actor, id);
        requirePlan(actor);
        return runner.run(actor, id.value(), () -> {
            protocols.lock(id);
            // First whether the actor may know about the protocol at all: an outsider learns
            // neither whether it exists, nor where it stands, nor who must act.
            Protocol protocol = Visibility.require(runtime, actor, id);
            Task task = actorsTask(id, step, actor, protocol);
            if (task == null) {
                // Not the actor's step (or not now): the checks one by one, in their order, for the refusal.
                ProcessInstance process = process(id).orElseThrow(
                        () -> new RuleViolationException(WorkflowError.NO_NEGOTIATION, "protocolId", id));
                requireRole(actor, step.role(), step.name());
                if (step.organisationVariable() == null) {
                    // The steering committee's steps: only the organisation that convenes this committee.
                    requireOrganisation(actor, committeeOrganisation(protocol), step.name());
                }
                task = taskFor(process, step, actor);
            }
            return body.apply(task, protocol);
        });
    }

    /** The organisation that convenes the protocol's steering committee (its secretariat). */
    private static OrganisationId committeeOrganisation(Protocol protocol) {
        return Steps.negotiated(protocol).governance().steeringCommittee().convenedBy();
    }

    /**
     * The actor's open task of a step, asked of Flowable directly: the tasks of the step in the
     * protocol's negotiation whose candidate group is the actor's organisation (the BPMN makes it
     * the group of every library step but the steering committee's), the one whose organisation
     * variable names the actor's organisation, as {@link #taskFor} checks it. Null whenever the
     * actor may not do the step now, or the candidate groups say otherwise than the variables: the
     * caller then runs every check in turn, which finds the task or gives the refusal. So the
     * result and the refusals are those of the checks, with one task query and one variable read
     * instead of a process query, a task query and a variable read per open task.
     *
     * <p>The tasks are first asked of the process instance last seen running for the protocol
     * ({@link #processes}), the query bare Flowable would send (by process instance, step and
     * candidate group): a query on an indexed column instead of the query by business key,
     * tenant and process definition, which joins the process instances and definitions. (Its
     * parse on H2 was first blamed; docs/PERFORMANCE.md section 27 found that H2 re-parsed it
     * because the library's statements overflowed H2's 8-entry cache of parsed statements, which
     * the library's own H2 URLs now raise to 64.) A task found there is taken only when its process instance, which the command holds,
     * is still a negotiation of this plan with the protocol's id as business key: exactly what the
     * query by business key asks. When the hint is missing, stale (the process ended, a new
     * negotiation started, another node started it) or finds nothing, the query by business key
     * runs as before, and its task's process becomes the hint.
     */
    private Task actorsTask(ProtocolId id, NegotiationStep step, Actor actor, Protocol protocol) {
        if (!actor.has(step.role())) {
            return null;
        }
        if (step.organisationVariable() == null && !actor.actsFor(committeeOrganisation(protocol))) {
            // The steering committee's steps: only the organisation that convenes this committee.
            return null;
        }
        String hint = processes.get(id.value());
        if (hint != null) {
            Task task = actorsTask(taskService.createTaskQuery().processInstanceId(hint), step, actor);
            if (task != null && isNegotiationOf(task.getProcessInstanceId(), id)) {
                return task;
            }
        }
        Task task = actorsTask(Tenants.in(taskService.createTaskQuery(), plan).processDefinitionKey(NegotiationProcess.KEY)
                .processInstanceBusinessKey(id.value()), step, actor);
        if (task != null) {
            processes.put(id.value(), task.getProcessInstanceId());
        }
        return task;
    }

    /** The actor's task among those of a query (restricted to the step, and to the actor's group for a party's step). */
    private static Task actorsTask(TaskQuery query, NegotiationStep step, Actor actor) {
        query.taskDefinitionKey(step.taskKey());
        if (step.organisationVariable() == null) {
            List<Task> open = query.list();
            return open.isEmpty() ? null : open.get(0);
        }
        for (Task task : query.taskCandidateGroup(actor.organisation().value()).list()) {
            if (actor.organisation().value().equals(executionVariable(task.getExecutionId(), step.organisationVariable()))) {
                return task;
            }
        }
        return null;
    }

    /**
     * Whether a process instance is a running negotiation of this plan whose business key is the
     * protocol's id, read from the entity the command holds (loaded with the task's variables, or
     * by id): what the query by business key, tenant and process definition asks of it.
     */
    private boolean isNegotiationOf(String processInstanceId, ProtocolId id) {
        ExecutionEntity instance = CommandContextUtil.getExecutionEntityManager().findById(processInstanceId);
        return instance != null && instance.isProcessInstanceType() && !instance.isEnded() && !instance.isDeleted()
                && id.value().equals(instance.getBusinessKey())
                && Tenants.plan(instance.getTenantId()).equals(plan)
                && NegotiationProcess.KEY.equals(ProcessDefinitionUtil.getProcessDefinition(instance.getProcessDefinitionId()).getKey());
    }

    private Task taskFor(ProcessInstance process, NegotiationStep step, Actor actor) {
        if (NegotiationProcess.Var.ANIMATION_STRUCTURE.equals(step.organisationVariable())) {
            Object animation = runtimeService.getVariable(process.getId(), NegotiationProcess.Var.ANIMATION_STRUCTURE);
            if (!actor.organisation().value().equals(animation)) {
                throw new AccessDeniedException(WorkflowError.WRONG_ORGANISATION, "actor.organisation", actor.organisation(),
                        step);
            }
        }
        List<Task> open = taskService.createTaskQuery().processInstanceId(process.getId())
                .taskDefinitionKey(step.taskKey()).list();
        if (open.isEmpty()) {
            throw new RuleViolationException(WorkflowError.NO_SUCH_TASK, "step", actor.organisation(), step,
                    process.getBusinessKey());
        }
        if (step.organisationVariable() == null) {
            return open.get(0);
        }
        for (Task task : open) {
            String organisation = (String) taskService.getVariable(task.getId(), step.organisationVariable());
            if (actor.organisation().value().equals(organisation)) {
                return task;
            }
        }
        if (isExpected(process, step, actor.organisation())) {
            throw new RuleViolationException(WorkflowError.NO_SUCH_TASK, "step", actor.organisation(), step,
                    process.getBusinessKey());
        }
        // Who must still act is not the refused actor's business.
        throw new AccessDeniedException(WorkflowError.WRONG_ORGANISATION, "actor.organisation", actor.organisation(), step);
    }

    /** Whether the organisation takes part in the step at all (it may have done it already). */
    private boolean isExpected(ProcessInstance process, NegotiationStep step, OrganisationId organisation) {
        String collection = switch (step) {
            case TECHNICAL_OPINION -> NegotiationProcess.Var.PARTIES;
            case CONTRIBUTION -> NegotiationProcess.Var.FUNDERS;
            case DELIBERATION -> NegotiationProcess.Var.DELIBERATORS;
            case SIGNATURE -> NegotiationProcess.Var.SIGNERS;
            default -> null;
        };
        if (collection == null) {
            return organisation.value().equals(runtimeService.getVariable(process.getId(),
                    NegotiationProcess.Var.ANIMATION_STRUCTURE));
        }
        return stringList(process.getId(), collection).contains(organisation.value());
    }

    @SuppressWarnings("unchecked")
    private List<String> stringList(String processInstanceId, String variable) {
        Object value = runtimeService.getVariable(processInstanceId, variable);
        return value == null ? List.of() : (List<String>) value;
    }

    private ProcessInstance startProcess(Actor actor, Protocol protocol, boolean amendment, String auditStep, String reason) {
        WorkflowSettings settings = runtime.settings(plan);
        Map<String, Object> variables = new HashMap<>();
        variables.put(NegotiationProcess.Var.PROTOCOL_ID, protocol.id().value());
        variables.put(NegotiationProcess.Var.AMENDMENT, amendment);
        variables.put(NegotiationProcess.Var.ANIMATION_STRUCTURE,
                Steps.negotiated(protocol).animationStructure().id().value());
        variables.put(NegotiationProcess.Var.ROUND, 0);
        variables.put(NegotiationProcess.Var.MAX_ROUNDS, settings.maxConsultationRounds());
        variables.put(NegotiationProcess.Var.UNFAVOURABLE, false);
        variables.put(NegotiationProcess.Var.DELIBERATION_SEND_BACK, false);
        variables.put(NegotiationProcess.Var.FUNDERS, new ArrayList<String>());
        variables.put(NegotiationProcess.Var.CONSULTATION_DEADLINE, settings.consultationDeadline().toString());
        variables.put(NegotiationProcess.Var.CONSULTATION_CUT_OFF,
                settings.consultationDeadline().plus(settings.consultationGrace()).toString());
        variables.put(NegotiationProcess.Var.DELIBERATION_REMINDER, settings.deliberationReminderCycle());
        variables.put(NegotiationProcess.Var.DELIBERATION_DEADLINE, settings.deliberationDeadline().toString());
        EngineTransaction.changed();
        ProcessInstanceBuilder builder = runtimeService.createProcessInstanceBuilder()
                .processDefinitionKey(NegotiationProcess.KEY);
        if (!plan.isDefault()) {
            // The plan's own copy of the process when it deployed one, else the library's, run in the plan.
            builder.tenantId(Tenants.of(plan)).fallbackToDefaultTenant().overrideProcessDefinitionTenantId(Tenants.of(plan));
        }
        ProcessInstance process = builder
                .businessKey(protocol.id().value())
                .variables(variables)
                .start();
        processes.put(protocol.id().value(), process.getId());
        AuditLog.append(plan, new AuditEntry(protocol.id().value(), runtime.now(), actor.userId(), actor.organisation().value(),
                auditStep, protocol.state().name(), reason, "version " + protocol.negotiation().orElseThrow().version(), 0),
                process.getId());
        return process;
    }

    private Optional<ProcessInstance> process(ProtocolId id) {
        return Optional.ofNullable(Tenants.in(runtimeService.createProcessInstanceQuery(), plan)
                .processDefinitionKey(NegotiationProcess.KEY)
                .processInstanceBusinessKey(id.value()).singleResult());
    }

    private void requireNoProcess(ProtocolId id) {
        if (process(id).isPresent()) {
            throw new RuleViolationException(WorkflowError.ALREADY_RUNNING, "protocolId", id);
        }
    }

    private NegotiationStatus currentStatus(ProtocolId id) {
        return currentStatus(id, process(id).map(ProcessInstance::getId).orElse(null));
    }

    /**
     * The status as the caller sees it once the command committed, even from inside the command
     * that started the process: its tasks are read through the command's own session (which
     * holds what Flowable has not flushed yet), not with a query on the database.
     */
    private NegotiationStatus currentStatus(ProtocolId id, String processInstanceId) {
        Protocol protocol = protocols.get(id);
        List<WorkItem> waiting = new ArrayList<>();
        int round = 0;
        if (processInstanceId != null) {
            for (Task task : CommandContextUtil.getTaskService().findTasksByProcessInstanceId(processInstanceId)) {
                waiting.add(item(task));
            }
            waiting.sort(OLDEST_FIRST);
            Object value = runtimeService.getVariable(processInstanceId, NegotiationProcess.Var.ROUND);
            round = value == null ? 0 : ((Number) value).intValue();
        }
        return new NegotiationStatus(id, protocol.state(), processInstanceId != null, round, waiting,
                protocol.versions().size());
    }

    /** Oldest first; steps opened together in the order of their task and organisation, so that every read agrees. */
    private static final Comparator<WorkItem> OLDEST_FIRST = Comparator.comparing(WorkItem::since)
            .thenComparing(WorkItem::taskKey)
            .thenComparing(item -> item.organisation() == null ? "" : item.organisation().value());

    private WorkItem item(Task task) {
        String protocolId = (String) taskService.getVariable(task.getId(), NegotiationProcess.Var.PROTOCOL_ID);
        Optional<NegotiationStep> known = NegotiationStep.forTask(task.getTaskDefinitionKey());
        if (known.isPresent()) {
            NegotiationStep step = known.get();
            String organisation = step.organisationVariable() == null ? null
                    : (String) taskService.getVariable(task.getId(), step.organisationVariable());
            return new WorkItem(ProtocolId.of(protocolId), step.taskKey(), task.getName(), step, Set.of(step.role()),
                    organisation == null ? null : OrganisationId.of(organisation), task.getCreateTime().toInstant());
        }
        Candidates candidates = candidates(task);
        OrganisationId organisation = candidates.organisations().size() == 1
                ? candidates.organisations().iterator().next() : null;
        return new WorkItem(ProtocolId.of(protocolId), task.getTaskDefinitionKey(), task.getName(), null,
                candidates.roles(), organisation, task.getCreateTime().toInstant());
    }

    /**
     * What the candidate groups of a step that a customised process added name: the groups that
     * are the name of a {@link Role}, and the others, taken as organisation ids.
     */
    private record Candidates(Set<Role> roles, Set<OrganisationId> organisations, List<String> groups) {
    }

    private Candidates candidates(Task task) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<OrganisationId> organisations = new TreeSet<>(Comparator.comparing(OrganisationId::value));
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                    && !link.getGroupId().isBlank()) {
                String group = link.getGroupId().trim();
                groups.add(group);
                Optional<Role> role = java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(group)).findFirst();
                if (role.isPresent()) {
                    roles.add(role.get());
                } else {
                    organisations.add(OrganisationId.of(group));
                }
            }
        }
        groups.sort(null);
        return new Candidates(roles, organisations, groups);
    }

    /**
     * Why the actor may not do a step that a customised process added, or null when it may: it
     * must hold one of the roles the candidate groups name, and act for one of the organisations
     * they name (none named: the committee's organisation for a steering committee step, else the
     * animation structure).
     */
    private PlieException refusalOfAddedStep(Actor actor, Task task, Candidates candidates, Protocol protocol) {
        if (candidates.roles().isEmpty()) {
            return new AccessDeniedException(WorkflowError.STEP_WITHOUT_ROLE, "taskKey", task.getTaskDefinitionKey(),
                    String.join(", ", candidates.groups()));
        }
        if (candidates.roles().stream().noneMatch(actor::has)) {
            return new AccessDeniedException(WorkflowError.ROLE_REQUIRED, "actor.roles", actor.userId(),
                    candidates.roles().stream().map(Role::name).sorted().collect(Collectors.joining(" / ")),
                    task.getTaskDefinitionKey());
        }
        Set<OrganisationId> allowed = candidates.organisations();
        if (allowed.isEmpty()) {
            allowed = Set.of(candidates.roles().contains(Role.STEERING_COMMITTEE) ? committeeOrganisation(protocol)
                    : Steps.negotiated(protocol).animationStructure().id());
        }
        if (!allowed.contains(actor.organisation())) {
            return new AccessDeniedException(WorkflowError.WRONG_ORGANISATION, "actor.organisation", actor.organisation(),
                    task.getTaskDefinitionKey(),
                    allowed.stream().map(OrganisationId::value).sorted().collect(Collectors.joining(", ")));
        }
        return null;
    }

    private void complete(Task task, Actor actor, Map<String, Object> variables, Map<String, Object> transientVariables) {
        Tasks.complete(taskService, task, actor, variables, transientVariables);
    }

    private void save(Protocol before, Protocol after) {
        protocols.update(after, before.revision());
    }

    private void audit(Actor actor, ProtocolId id, Task task, NegotiationStep step, String outcome, String reason,
            String reference) {
        AuditLog.append(plan, new AuditEntry(id.value(), runtime.now(), actor.userId(), actor.organisation().value(), step.name(),
                outcome, reason == null || reason.isBlank() ? null : reason, reference, round(task)),
                task.getProcessInstanceId());
    }

    private int round(Task task) {
        Object round = executionVariable(task.getProcessInstanceId(), NegotiationProcess.Var.ROUND);
        return round == null ? 0 : ((Number) round).intValue();
    }

    /**
     * A variable as an execution of this command sees it: its own, else its parents' (what
     * {@code runtimeService.getVariable} answers), read from the execution entity that the command
     * holds, with all the variables of each execution it looks in. Flowable loads those variables
     * in the same command when it completes a task of the execution (to end or continue it), and
     * keeps them on the same entity: read this way, they are read once instead of once by name here
     * and again there. Inside an engine command only.
     */
    private static Object executionVariable(String executionId, String name) {
        ExecutionEntity execution = CommandContextUtil.getExecutionEntityManager().findById(executionId);
        return execution == null ? null : execution.getVariable(name);
    }

    /** An actor of another plan learns nothing of this one: refused before anything is read. */
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
            throw new AccessDeniedException(WorkflowError.WRONG_ORGANISATION, "actor.organisation", actor.organisation(),
                    step);
        }
    }

    /** The text under negotiation, or the refusal for a closed protocol that has none (abandoned...). */
    private static ProtocolContent requireText(Protocol protocol) {
        ProtocolContent content = Steps.negotiated(protocol);
        if (content == null) {
            throw new RuleViolationException(WorkflowError.CLOSED, "protocolId", protocol.id(), protocol.state());
        }
        return content;
    }

    /** Every rule a draft can already satisfy, all violations at once, before anything changes. */
    private static void requireDraftRules(ProtocolContent content) {
        List<Violation> violations = ProtocolPolicies.checkDraft(content);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, field, null);
        }
    }

    private static void requiredText(String value, String field) {
        if (Identifiers.looksBlank(value)) {
            throw new InvalidValueException(WorkflowError.REQUIRED, field, value);
        }
    }
}
