package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.funds.ExecutionReportSchedule;
import fr.asso.europlie.plie.funds.AgreementVersion;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.FundsSettings;
import fr.asso.europlie.plie.funds.GrantAgreement;
import fr.asso.europlie.plie.funds.GrantAgreementId;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.funds.LedgerCommand;
import fr.asso.europlie.plie.funds.LedgerResult;
import fr.asso.europlie.plie.funds.OperationAccount;
import fr.asso.europlie.plie.funds.PaymentKind;
import fr.asso.europlie.plie.funds.ServiceDoneCheck;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.OperationPeriod;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.commitment.Appraisal;
import fr.asso.europlie.plie.workflow.commitment.CommitmentProcess;
import fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.Task;
import fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.Execution;
import fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.Var;
import fr.asso.europlie.plie.workflow.commitment.CommitmentSettings;
import fr.asso.europlie.plie.workflow.commitment.ExecutionView;
import fr.asso.europlie.plie.workflow.commitment.CommitmentState;
import fr.asso.europlie.plie.workflow.commitment.CommitmentStatus;
import fr.asso.europlie.plie.workflow.commitment.CommitmentView;
import fr.asso.europlie.plie.workflow.commitment.CommitteeOpinion;
import fr.asso.europlie.plie.workflow.commitment.FseCommitment;
import fr.asso.europlie.plie.workflow.commitment.WhenUncovered;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.engine.runtime.ProcessInstanceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The implementation of {@link FseCommitment} on Flowable (internal), built as the negotiation's:
 * each step checks the actor before anything is read, then changes the process, the ledger
 * ({@link CommitmentLedger}) and the operation's status in one engine transaction run by the
 * {@link CommandRunner}; listeners hear the new status after the commit.
 */
public final class FseCommitmentService implements FseCommitment {

    private static final Logger LOG = LoggerFactory.getLogger(FseCommitmentService.class);

    private final PlanId plan;
    private final PlieRuntime runtime;
    private final CommandRunner runner;
    private final CommitmentLedger ledger;
    private final JdbcGlobalGrants grants;
    private final JdbcFseCommitments commitments;
    private final JdbcGrantAgreements agreements;
    private final List<Consumer<CommitmentStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile CommitmentSettings settings = CommitmentSettings.defaults();

    /**
     * Creates the service (done by the plan).
     *
     * @param plan the plan it acts in
     * @param runtime the library's runtime in the engine
     * @param runner the command runner
     */
    public FseCommitmentService(PlanId plan, PlieRuntime runtime, CommandRunner runner) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.ledger = new CommitmentLedger(plan, runtime.clock(), runner);
        this.grants = new JdbcGlobalGrants(plan, runtime.clock());
        this.commitments = new JdbcFseCommitments(plan);
        this.agreements = new JdbcGrantAgreements(plan, runtime.clock());
    }

    @Override
    public void openGlobalGrant(Actor manager, GlobalGrant grant) {
        required(grant, "grant");
        check(manager, Role.OI_MANAGER, "OPEN_GLOBAL_GRANT");
        requireOi(manager, grant.intermediateBody());
        runner.run(manager, grant.id().value(), () -> {
            grants.add(grant);
            return null;
        });
    }

    @Override
    public Optional<GlobalGrant> globalGrant(Actor actor, GlobalGrantId id) {
        required(id, "grantId");
        checkOi(actor, "GLOBAL_GRANT");
        return runner.run(actor, id.value(), () -> {
            Optional<GlobalGrant> grant = grants.find(id);
            grant.ifPresent(found -> requireOi(actor, found.intermediateBody()));
            return grant;
        });
    }

    @Override
    public CommitmentView start(Actor actor, OperationId operation, OrganisationId operator, Money fseAmount) {
        required(operation, "operationId");
        required(operator, "operator");
        required(fseAmount, "fseAmount");
        checkOi(actor, "START");
        runner.run(actor, operation.value(), () -> {
            if (process(operation).isPresent()) {
                throw new RuleViolationException(WorkflowError.COMMITMENT_RUNNING, "operationId", operation);
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(Var.PLAN_ID, plan.value());
            variables.put(Var.OPERATION_ID, operation.value());
            variables.put(Var.OPERATOR, operator.value());
            variables.put(Var.FSE_AMOUNT, fseAmount.amount().toPlainString());
            EngineTransaction.changed();
            ProcessInstanceBuilder builder = runtimeService().createProcessInstanceBuilder().processDefinitionKey(CommitmentProcess.KEY);
            if (!plan.isDefault()) {
                builder.tenantId(Tenants.of(plan)).fallbackToDefaultTenant().overrideProcessDefinitionTenantId(Tenants.of(plan));
            }
            ProcessInstance started = builder.businessKey(operation.value()).variables(variables).start();
            audit(actor, operation, Audit.START, "STARTED", null, fseAmount.toString(), 0, started.getId());
            return null;
        });
        return runner.run(actor, operation.value(), () -> view(operation));
    }

    @Override
    public CommitmentView appraise(Actor instructor, OperationId operation, Appraisal appraisal) {
        required(appraisal, "appraisal");
        Limits.reference(appraisal.simplifiedCostOptions(), "appraisal.simplifiedCostOptions");
        check(instructor, Role.OI_INSTRUCTOR, Task.APPRAISAL);
        return act(instructor, operation, Task.APPRAISAL, task -> {
            // read before the lock, which is held until the transaction ends
            int round = appraisals(task.getProcessInstanceId());
            // the grant's row lock first, which the reservation takes anyway: the grant is then read once, with the lock
            if (!grants.lock(appraisal.grant())) {
                throw new RuleViolationException(fr.asso.europlie.plie.funds.FundsError.NOT_FOUND, "grantId", appraisal.grant());
            }
            GlobalGrant grant = grants.get(appraisal.grant());
            requireOi(instructor, grant.intermediateBody());
            // the co-financing rate, checked before any reservation (an unknown priority is the ledger's refusal)
            fr.asso.europlie.plie.offer.RegionCategory category = grant.priorities().get(appraisal.envelope().priority());
            if (category != null) {
                GrantAgreement.overRate("appraisal.fseAmount", appraisal.fseAmount(), appraisal.eligibleCost(), category)
                        .ifPresent(violation -> {
                            throw new RuleViolationException(List.of(violation));
                        });
            }
            CommitmentStatus status = ledger.reserve(appraisal.grant(), operation, appraisal.envelope(), appraisal.fseAmount(),
                    instructor.userId(), appraisal.whenUncovered(), key(operation, "reserve", round));
            published(status);
            Map<String, Object> variables = new HashMap<>();
            variables.put(Var.INSTRUCTOR, instructor.userId());
            variables.put(Var.GRANT_ID, appraisal.grant().value());
            variables.put(Var.ELIGIBLE_COST, appraisal.eligibleCost().amount().toPlainString());
            variables.put(Var.SIMPLIFIED_COST_OPTIONS, appraisal.simplifiedCostOptions());
            variables.put(Var.OPERATOR, appraisal.operator().value());
            variables.put(Var.RESERVATION, status.state().name());
            variables.put("appraisals", round + 1);
            audit(instructor, operation, Task.APPRAISAL, status.state().name(), status.reason(),
                    appraisal.grant().value() + " ; options de coûts simplifiés : " + appraisal.simplifiedCostOptions(), round + 1,
                    task.getProcessInstanceId());
            complete(task, instructor, variables);
        });
    }

    @Override
    public CommitmentView recordCommitteeOpinion(Actor actor, OperationId operation, CommitteeOpinion opinion, String reason) {
        required(opinion, "opinion");
        requiredText(reason, "reason");
        Limits.reason(reason, "reason");
        checkOi(actor, Task.COMMITTEE);
        return act(actor, operation, Task.COMMITTEE, task -> {
            GlobalGrantId grant = GlobalGrantId.of((String) variable(task, Var.GRANT_ID));
            requireOi(actor, grants.get(grant).intermediateBody());
            int round = appraisals(task.getProcessInstanceId());
            audit(actor, operation, Task.COMMITTEE, opinion.name(), reason, null, round, task.getProcessInstanceId());
            if (opinion == CommitteeOpinion.UNFAVOURABLE) {
                published(ledger.release(grant, operation, CommitmentState.REFUSED, actor.userId(),
                        "avis défavorable du comité de programmation : " + reason, key(operation, "unfavourable", round)));
                takeUpWaiting(grant, actor);
            } else if (opinion == CommitteeOpinion.ADJOURNED) {
                // back to the instructor: the reservation is released and asked again at the next appraisal
                published(ledger.release(grant, operation, CommitmentState.RELEASED, actor.userId(),
                        "ajourné par le comité de programmation : " + reason, key(operation, "adjourned", round)));
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(Var.OPINION, opinion.name());
            complete(task, actor, variables);
        });
    }

    @Override
    public CommitmentView decide(Actor manager, OperationId operation) {
        check(manager, Role.OI_MANAGER, Task.DECISION);
        return act(manager, operation, Task.DECISION, task -> {
            String instructor = (String) variable(task, Var.INSTRUCTOR);
            requireNotAnAppraiser(manager, operation, instructor, grantOfOi(manager, task));
            audit(manager, operation, Task.DECISION, "DECIDED", null, instructor, appraisals(task.getProcessInstanceId()),
                    task.getProcessInstanceId());
            Map<String, Object> variables = new HashMap<>();
            variables.put(Var.MANAGER, manager.userId());
            variables.put(Var.AGREEMENT_DEADLINE, settings.agreementDeadline().toString());
            variables.put(Var.AGREEMENT_REMINDER, settings.agreementReminder().toString());
            variables.put(Var.AGREEMENT_REMINDERS, 0);
            complete(task, manager, variables);
        });
    }

    @Override
    public CommitmentView signAgreement(Actor operator, OperationId operation, OperationPeriod period) {
        required(period, "period");
        return signAgreement(operator, operation, ExecutionReportSchedule.standard(period, FundsSettings.defaults()));
    }

    @Override
    public CommitmentView signAgreement(Actor operator, OperationId operation, ExecutionReportSchedule agreed) {
        required(agreed, "schedule");
        ExecutionReportSchedule schedule = ExecutionReportSchedule.of(agreed.period(), agreed.interimDueDates(), agreed.finalDueDate(),
                FundsSettings.defaults());
        OperationPeriod period = schedule.period();
        check(operator, Role.OPERATOR, Task.AGREEMENT);
        return act(operator, operation, Task.AGREEMENT, task -> {
            requireOperator(operator, operation, task.getProcessInstanceId());
            GlobalGrantId grant = GlobalGrantId.of((String) variable(task, Var.GRANT_ID));
            String manager = (String) variable(task, Var.MANAGER);
            Money eligibleCost = Money.of(new java.math.BigDecimal((String) variable(task, Var.ELIGIBLE_COST)));
            String organisation = (String) variable(task, Var.OPERATOR);
            String options = (String) variable(task, Var.SIMPLIFIED_COST_OPTIONS);
            int round = appraisals(task.getProcessInstanceId());
            // The process steps first, the ledger last: the grant's row lock, which serialises every reservation and
            // commitment on the grant, is then held from the commitment to the end of the transaction only, not also
            // while Flowable completes the task and starts the execution (in memory: their rows are written when the
            // command ends, as before, and a refusal below still rolls back the whole command). Neither step reads the
            // ledger, the agreement or the audit trail. Inside the application's transaction, the ledger's refusals are
            // checked first on the grant as stored, without the lock, so that they are still given before anything
            // changes (a refusal there leaves that transaction alone); the commitment checks again under the lock. In
            // the runner's own transaction a refusal rolls back the task's completion with the rest.
            if (!CommandRunner.ownTransaction()) {
                ledger.checkCommit(grant, operation, eligibleCost, manager, key(operation, "commit", 0));
            }
            complete(task, operator, new HashMap<>());
            startExecution(operation, grant, organisation, schedule);
            // the grant's row lock first, which the commitment takes anyway: the grant is then read once, with the lock
            grants.lock(grant);
            Money reserved = grants.get(grant).account(operation).orElseThrow().reserved();
            CommitmentStatus committed = ledger.commit(grant, operation, reserved, eligibleCost, manager, key(operation, "commit", 0));
            // the agreement, checked against the ledger it is signed on (rate of its eligible cost, commitment), stored with it,
            // stating the simplified cost options of the last appraisal
            GlobalGrant after = grants.get(grant);
            OperationAccount account = after.account(operation).orElseThrow();
            agreements.add(GrantAgreement.sign(agreementId(operation), operation, OrganisationId.of(organisation), after.intermediateBody(),
                    account.netCommitment(), eligibleCost, period, today(), options == null ? "" : options, category(after, account),
                    account));
            published(committed);
            audit(operator, operation, Task.AGREEMENT, "SIGNED", committed.reason(), committed.amount() + " € " + period, round,
                    task.getProcessInstanceId());
        });
    }

    @Override
    public Optional<GrantAgreement> agreement(Actor actor, OperationId operation) {
        required(operation, "operationId");
        Objects.requireNonNull(actor, "actor");
        requirePlan(actor);
        boolean oi = actor.has(Role.OI_INSTRUCTOR) || actor.has(Role.OI_MANAGER);
        if (!oi && !actor.has(Role.OPERATOR)) {
            throw new AccessDeniedException(WorkflowError.OI_ROLE_REQUIRED, "actor.roles", actor.userId(), "AGREEMENT");
        }
        return runner.run(actor, operation.value(), () -> {
            requireReader(actor, oi, operation);
            return agreements.ofOperation(operation);
        });
    }

    @Override
    public GrantAgreement amendAgreement(Actor manager, OperationId operation, Money esfAmount, Money eligibleCost, OperationPeriod period,
            String reason, IdempotencyKey key) {
        required(operation, "operationId");
        required(esfAmount, "esfAmount");
        required(eligibleCost, "eligibleCost");
        required(period, "period");
        required(key, "key");
        requiredText(reason, "reason");
        Limits.reason(reason, "reason");
        check(manager, Role.OI_MANAGER, Audit.AMENDMENT);
        return runner.run(manager, operation.value(), () -> {
            CommitmentStatus status = commitments.find(operation)
                    .orElseThrow(() -> new RuleViolationException(WorkflowError.NO_COMMITMENT, "operationId", operation, Audit.AMENDMENT));
            GlobalGrant grant = grants.get(status.grant());
            requireOi(manager, grant.intermediateBody());
            agreements.lock(operation);
            GrantAgreement agreement = agreements.ofOperation(operation)
                    .orElseThrow(() -> new RuleViolationException(FundsError.AGREEMENT_NOT_FOUND, "operationId", operation));
            AgreementVersion current = agreement.current();
            if (current.number() > 1 && current.esfAmount().equals(esfAmount) && current.eligibleCost().equals(eligibleCost)
                    && current.period().equals(period) && current.reason().equals(reason)) {
                return agreement; // a retry of the amendment just recorded: recorded once
            }
            OperationAccount account = grant.account(operation).orElseThrow();
            Money lower = account.netCommitment().minus(esfAmount);
            boolean decommitted = false;
            if (lower.isPositive() && !esfAmount.isLessThan(account.paid())) {
                // a lower FSE+ amount gives the difference back to the envelope
                LedgerResult result = ledger.apply(status.grant(), new LedgerCommand.Decommit(key, operation, lower, manager.userId(),
                        runtime.now(), "avenant en baisse : " + reason));
                grant = result.grant();
                account = grant.account(operation).orElseThrow();
                decommitted = !result.replayed();
            }
            GrantAgreement amended = agreement.amend(esfAmount, eligibleCost, period, today(), reason, category(grant, account), account);
            agreements.update(amended, agreement.versions().size());
            if (decommitted) {
                commitments.record(new CommitmentStatus(operation, status.grant(), CommitmentState.COMMITTED, account.netCommitment(),
                        "avenant en baisse : " + reason, runtime.now()));
            }
            audit(manager, operation, Audit.AMENDMENT, "AMENDED", reason,
                    "version " + amended.versions().size() + " : " + esfAmount + " € sur " + eligibleCost + " €", 0, null);
            if (decommitted) {
                takeUpWaiting(status.grant(), manager);
            }
            return amended;
        });
    }

    @Override
    public CommitmentView requestIncrease(Actor actor, OperationId operation, Money fseAmount) {
        required(operation, "operationId");
        required(fseAmount, "fseAmount");
        checkOi(actor, Audit.INCREASE);
        runner.run(actor, operation.value(), () -> {
            if (process(CommitmentProcess.Increase.KEY, operation).isPresent()) {
                throw new RuleViolationException(WorkflowError.COMMITMENT_RUNNING, "operationId", operation);
            }
            CommitmentStatus status = commitments.find(operation)
                    .orElseThrow(() -> new RuleViolationException(WorkflowError.NO_COMMITMENT, "operationId", operation, Audit.INCREASE));
            requireOi(actor, grants.get(status.grant()).intermediateBody());
            if (agreements.ofOperation(operation).isEmpty()) {
                throw new RuleViolationException(FundsError.AGREEMENT_NOT_FOUND, "operationId", operation);
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(Var.PLAN_ID, plan.value());
            variables.put(Var.OPERATION_ID, operation.value());
            variables.put(Var.FSE_AMOUNT, fseAmount.amount().toPlainString());
            EngineTransaction.changed();
            ProcessInstanceBuilder builder = runtimeService().createProcessInstanceBuilder()
                    .processDefinitionKey(CommitmentProcess.Increase.KEY);
            if (!plan.isDefault()) {
                builder.tenantId(Tenants.of(plan)).fallbackToDefaultTenant().overrideProcessDefinitionTenantId(Tenants.of(plan));
            }
            ProcessInstance started = builder.businessKey(operation.value() + "/increase").variables(variables).start();
            audit(actor, operation, Audit.INCREASE, "REQUESTED", null, fseAmount.toString(), 0, started.getId());
            return null;
        });
        return runner.run(actor, operation.value(), () -> view(operation));
    }

    @Override
    public CommitmentView appraiseIncrease(Actor instructor, OperationId operation, Money fseAmount, Money eligibleCost,
            WhenUncovered whenUncovered) {
        required(fseAmount, "fseAmount");
        required(eligibleCost, "eligibleCost");
        required(whenUncovered, "whenUncovered");
        if (fseAmount.isGreaterThan(eligibleCost)) {
            throw new InvalidValueException(FundsError.AMOUNT_OVER_COST, "fseAmount", fseAmount, eligibleCost);
        }
        check(instructor, Role.OI_INSTRUCTOR, CommitmentProcess.Increase.APPRAISAL);
        return act(CommitmentProcess.Increase.KEY, instructor, operation, CommitmentProcess.Increase.APPRAISAL, task -> {
            CommitmentStatus status = commitments.find(operation).orElseThrow(
                    () -> new RuleViolationException(WorkflowError.NO_COMMITMENT, "operationId", operation, Audit.INCREASE));
            GlobalGrant grant = grants.get(status.grant());
            requireOi(instructor, grant.intermediateBody());
            if (agreements.ofOperation(operation).isEmpty()) {
                throw new RuleViolationException(FundsError.AGREEMENT_NOT_FOUND, "operationId", operation);
            }
            Optional<OperationAccount> account = grant.account(operation);
            if (account.isPresent()) {
                // the new total within the co-financing rate of the new eligible cost, checked before any reservation
                GrantAgreement.overRate("fseAmount", fseAmount, eligibleCost, category(grant, account.get())).ifPresent(violation -> {
                    throw new RuleViolationException(List.of(violation));
                });
            }
            Money committed = account.map(OperationAccount::netCommitment).orElse(Money.ZERO);
            Money difference = fseAmount.minus(committed);
            if (!difference.isPositive()) {
                throw new RuleViolationException(WorkflowError.NOT_A_RAISE, "fseAmount", fseAmount, committed);
            }
            String id = task.getProcessInstanceId();
            Object count = processVariable(id, "increaseAppraisals");
            int round = count == null ? 0 : ((Number) count).intValue();
            CommitmentStatus after = ledger.topUp(status.grant(), operation, difference, instructor.userId(), whenUncovered,
                    IdempotencyKey.of(operation.value() + "/top-up/" + id + "/" + round));
            published(after);
            String outcome = after.state() == CommitmentState.COMMITTED ? CommitmentState.REFUSED.name() : after.state().name();
            Map<String, Object> variables = new HashMap<>();
            variables.put(Var.INSTRUCTOR, instructor.userId());
            variables.put(Var.GRANT_ID, status.grant().value());
            variables.put(Var.ELIGIBLE_COST, eligibleCost.amount().toPlainString());
            variables.put(Var.RESERVATION, outcome);
            variables.put(CommitmentProcess.Increase.DIFFERENCE, after.amount().amount().toPlainString());
            variables.put("increaseAppraisals", round + 1);
            audit(instructor, operation, CommitmentProcess.Increase.APPRAISAL, outcome, after.reason(), difference + " €", round + 1, id);
            complete(task, instructor, variables);
        });
    }

    @Override
    public CommitmentView decideIncrease(Actor manager, OperationId operation, boolean commit, String reason) {
        requiredText(reason, "reason");
        Limits.reason(reason, "reason");
        check(manager, Role.OI_MANAGER, CommitmentProcess.Increase.DECISION);
        return act(CommitmentProcess.Increase.KEY, manager, operation, CommitmentProcess.Increase.DECISION, task -> {
            String instructor = (String) variable(task, Var.INSTRUCTOR);
            GlobalGrant checked = grantOfOi(manager, task);
            GlobalGrantId grant = checked == null ? null : checked.id();
            requireNotAnAppraiser(manager, operation, instructor, checked);
            String id = task.getProcessInstanceId();
            Map<String, Object> variables = new HashMap<>();
            if (commit) {
                Money reserved = grants.get(grant).account(operation).orElseThrow().reserved();
                Money eligibleCost = Money.of(new java.math.BigDecimal((String) variable(task, Var.ELIGIBLE_COST)));
                CommitmentStatus committed = ledger.commit(grant, operation, reserved, eligibleCost, manager.userId(),
                        IdempotencyKey.of(operation.value() + "/top-up-commit/" + id));
                GlobalGrant after = grants.get(grant);
                OperationAccount account = after.account(operation).orElseThrow();
                agreements.lock(operation);
                GrantAgreement agreement = agreements.ofOperation(operation)
                        .orElseThrow(() -> new RuleViolationException(FundsError.AGREEMENT_NOT_FOUND, "operationId", operation));
                // the amendment that raises the agreement, checked against the ledger that now commits the raise
                GrantAgreement amended = agreement.amend(account.netCommitment(), eligibleCost, agreement.current().period(), today(),
                        "hausse : " + reason, category(after, account), account);
                agreements.update(amended, agreement.versions().size());
                published(committed);
                audit(manager, operation, CommitmentProcess.Increase.DECISION, "COMMITTED", reason,
                        reserved + " € ; convention version " + amended.versions().size(), 0, id);
                variables.put(CommitmentProcess.Increase.DECISION_VAR, "COMMIT");
            } else {
                published(ledger.release(grant, operation, CommitmentState.COMMITTED, manager.userId(),
                        "hausse refusée par le gestionnaire : " + reason, IdempotencyKey.of(operation.value() + "/top-up-release/" + id)));
                takeUpWaiting(grant, manager);
                audit(manager, operation, CommitmentProcess.Increase.DECISION, "DECLINED", reason, null, 0, id);
                variables.put(CommitmentProcess.Increase.DECISION_VAR, "DECLINE");
            }
            variables.put(Var.MANAGER, manager.userId());
            complete(task, manager, variables);
        });
    }

    /** The identifier of an operation's grant agreement in its plan: one agreement per operation. */
    private static GrantAgreementId agreementId(OperationId operation) {
        return GrantAgreementId.of(operation.value());
    }

    /** The region category of an account's priority, which sets the co-financing rate of its agreement. */
    private static fr.asso.europlie.plie.offer.RegionCategory category(GlobalGrant grant, OperationAccount account) {
        return grant.priorities().get(account.envelope().priority());
    }

    /** The day the engine's clock is at (UTC): the signature date of an agreement or amendment. */
    private java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(runtime.now(), java.time.ZoneOffset.UTC);
    }

    @Override
    public CommitmentView decideOverdueAgreement(Actor manager, OperationId operation, Period extension, String reason) {
        requiredText(reason, "reason");
        Limits.reason(reason, "reason");
        check(manager, Role.OI_MANAGER, Task.AGREEMENT_OVERDUE);
        if (extension != null && (extension.isNegative() || extension.isZero() || tooLong(extension))) {
            throw new InvalidValueException(WorkflowError.AGREEMENT_EXTENSION, "extension", extension, settings.maxAgreementExtension());
        }
        return act(manager, operation, Task.AGREEMENT_OVERDUE, task -> {
            requireGrantOi(manager, task);
            Map<String, Object> variables = new HashMap<>();
            int round = appraisals(task.getProcessInstanceId());
            audit(manager, operation, Task.AGREEMENT_OVERDUE, extension == null ? "CANCELLED" : "EXTENDED", reason,
                    extension == null ? null : extension.toString(), round, task.getProcessInstanceId());
            if (extension == null) {
                GlobalGrantId grant = GlobalGrantId.of((String) variable(task, Var.GRANT_ID));
                published(ledger.release(grant, operation, CommitmentState.RELEASED, manager.userId(),
                        "convention non signée, engagement annulé : " + reason, key(operation, "cancel", 0)));
                takeUpWaiting(grant, manager);
                variables.put(Var.AGREEMENT_DECISION, "CANCEL");
            } else {
                variables.put(Var.AGREEMENT_DECISION, "EXTEND");
                variables.put(Var.AGREEMENT_DEADLINE, extension.toString());
            }
            complete(task, manager, variables);
        });
    }

    @Override
    public CommitmentView takeUp(Actor instructor, OperationId operation) {
        check(instructor, Role.OI_INSTRUCTOR, Task.WAITING_LIST);
        return act(instructor, operation, Task.WAITING_LIST, task -> {
            requireGrantOi(instructor, task);
            audit(instructor, operation, Task.WAITING_LIST, "TAKEN_UP", null, null, appraisals(task.getProcessInstanceId()),
                    task.getProcessInstanceId());
            complete(task, instructor, new HashMap<>());
        });
    }

    @Override
    public OperationAccount recordServiceDone(Actor actor, ServiceDoneCheck check, IdempotencyKey key) {
        required(check, "check");
        required(key, "key");
        checkOi(actor, Execution.SERVICE_DONE);
        LedgerCommand command = new LedgerCommand.RecordServiceDone(key, check, "contrôle de service fait enregistré par " + actor.userId());
        return atStep(actor, check.operation(), Execution.SERVICE_DONE, command, task -> {
            audit(actor, check.operation(), Execution.SERVICE_DONE, "ACCEPTED " + check.accepted(), rejections(check), key.value(),
                    reportNumber(task), task.getProcessInstanceId());
            return new HashMap<>(Map.of(Execution.REJECTED, !check.rejections().isEmpty()));
        });
    }

    @Override
    public OperationAccount pay(Actor manager, OperationId operation, PaymentKind kind, Money amount, String reason,
            IdempotencyKey key) {
        required(operation, "operationId");
        required(kind, "kind");
        required(amount, "amount");
        required(key, "key");
        requiredText(reason, "reason");
        Limits.reason(reason, "reason");
        check(manager, Role.OI_MANAGER, "PAYMENT");
        LedgerCommand.Pay command = new LedgerCommand.Pay(key, operation, kind, amount, manager.userId(), runtime.now(), reason);
        if (kind == PaymentKind.ADVANCE) {
            return onLedger(manager, operation, Audit.PAYMENT, kind.name(), key, grant -> ledger.apply(grant, command),
                    amount + " € : " + reason);
        }
        return atStep(manager, operation, Execution.PAYMENT, command, task -> {
            boolean last = Boolean.TRUE.equals(variable(task, Execution.FINAL_REPORT));
            int number = reportNumber(task);
            if (last != (kind == PaymentKind.BALANCE)) {
                throw new RuleViolationException(WorkflowError.PAYMENT_KIND, "kind", kind, number, operation,
                        last ? PaymentKind.BALANCE : PaymentKind.INTERIM);
            }
            audit(manager, operation, Audit.PAYMENT, kind.name(), amount + " € : " + reason, key.value(), number,
                    task.getProcessInstanceId());
            Map<String, Object> variables = new HashMap<>();
            variables.put(Execution.BALANCE_PAID, last);
            if (!last) {
                variables.putAll(report(reportDates((String) variable(task, Execution.REPORT_DATES)), number + 1));
            }
            return variables;
        });
    }

    @Override
    public OperationAccount decommit(Actor manager, OperationId operation, Money amount, String reason, IdempotencyKey key) {
        required(operation, "operationId");
        required(amount, "amount");
        required(key, "key");
        requiredText(reason, "reason");
        Limits.reason(reason, "reason");
        check(manager, Role.OI_MANAGER, "DECOMMITMENT");
        return onLedger(manager, operation, Audit.DECOMMITMENT, "DECOMMITTED", key, grant -> {
            LedgerResult result = ledger.apply(grant,
                    new LedgerCommand.Decommit(key, operation, amount, manager.userId(), runtime.now(), reason));
            if (!result.replayed()) {
                takeUpWaiting(grant, manager);
            }
            return result;
        }, amount + " € : " + reason);
    }

    @Override
    public Optional<OperationAccount> account(Actor actor, OperationId operation) {
        required(operation, "operationId");
        Objects.requireNonNull(actor, "actor");
        requirePlan(actor);
        boolean oi = actor.has(Role.OI_INSTRUCTOR) || actor.has(Role.OI_MANAGER);
        if (!oi && !actor.has(Role.OPERATOR)) {
            throw new AccessDeniedException(WorkflowError.OI_ROLE_REQUIRED, "actor.roles", actor.userId(), "ACCOUNT");
        }
        return runner.run(actor, operation.value(), () -> {
            requireReader(actor, oi, operation);
            return commitments.find(operation).flatMap(status -> grants.find(status.grant()))
                    .flatMap(grant -> grant.account(operation));
        });
    }

    /**
     * A ledger command that is a step of the execution: under the grant's OI, on the waiting task,
     * which it completes with the variables the body returns (after the body's checks and audit).
     * A retry under the same key once the step is done is applied once: its account is returned.
     */
    private OperationAccount atStep(Actor actor, OperationId operation, String taskKey, LedgerCommand command,
            java.util.function.Function<org.flowable.task.api.Task, Map<String, Object>> body) {
        return runner.run(actor, operation.value(), () -> {
            CommitmentStatus status = commitments.find(operation)
                    .orElseThrow(() -> new RuleViolationException(WorkflowError.NO_COMMITMENT, "operationId", operation, taskKey));
            GlobalGrant grant = grants.get(status.grant());
            requireOi(actor, grant.intermediateBody());
            Optional<org.flowable.task.api.Task> task = waitingTask(Execution.KEY, operation, taskKey);
            if (task.isEmpty()) {
                boolean retry = grant.journal().stream().anyMatch(earlier -> earlier.key().equals(command.key())
                        && earlier.sameRequestAs(command));
                if (!retry) {
                    throw new RuleViolationException(WorkflowError.NO_COMMITMENT, "operationId", operation, taskKey);
                }
                return grant.account(operation).orElseThrow();
            }
            Map<String, Object> variables = body.apply(task.get());
            LedgerResult result = ledger.apply(status.grant(), command);
            complete(task.get(), actor, variables);
            return result.grant().account(operation).orElseThrow();
        });
    }

    /** A ledger command on the grant of an operation, checked against the grant's OI, in one transaction. */
    private OperationAccount onLedger(Actor actor, OperationId operation, String step, String outcome, IdempotencyKey key,
            java.util.function.Function<GlobalGrantId, LedgerResult> command, String reason) {
        return runner.run(actor, operation.value(), () -> {
            CommitmentStatus status = commitments.find(operation)
                    .orElseThrow(() -> new RuleViolationException(WorkflowError.NO_COMMITMENT, "operationId", operation, step));
            requireOi(actor, grants.get(status.grant()).intermediateBody());
            LedgerResult result = command.apply(status.grant());
            if (!result.replayed()) {
                // a retry under the same key was applied once, and is audited once
                audit(actor, operation, step, outcome, reason, key.value(), 0, null);
            }
            return result.grant().account(operation).orElseThrow();
        });
    }

    @Override
    public List<AuditEntry> history(Actor actor, OperationId operation) {
        required(operation, "operationId");
        Objects.requireNonNull(actor, "actor");
        requirePlan(actor);
        boolean oi = actor.has(Role.OI_INSTRUCTOR) || actor.has(Role.OI_MANAGER);
        if (!oi && !actor.has(Role.OPERATOR)) {
            throw new AccessDeniedException(WorkflowError.OI_ROLE_REQUIRED, "actor.roles", actor.userId(), "HISTORY");
        }
        return runner.run(actor, operation.value(), () -> {
            requireReader(actor, oi, operation);
            return CommitmentAudit.of(plan, operation.value());
        });
    }

    /**
     * Who may read an operation's commitment: the OI of its grant (any OI role while no grant is
     * chosen yet), or the operation's own operator, while the process runs and after it ended.
     */
    private void requireReader(Actor actor, boolean oi, OperationId operation) {
        if (oi) {
            Optional<CommitmentStatus> status = commitments.find(operation);
            if (status.isPresent()) {
                requireOi(actor, grants.get(status.get().grant()).intermediateBody());
            }
            return;
        }
        String operator = operatorOf(operation);
        if (operator == null || !actor.actsFor(OrganisationId.of(operator))) {
            throw new AccessDeniedException(WorkflowError.NOT_THE_OPERATOR, "actor.organisation", actor.organisation(), operation);
        }
    }

    /** The operator of an operation's commitment: of the running process, else of the last one that ended. */
    private String operatorOf(OperationId operation) {
        Optional<ProcessInstance> running = process(operation);
        if (running.isPresent()) {
            return (String) processVariable(running.get().getId(), Var.OPERATOR);
        }
        org.flowable.engine.HistoryService history = CommandContextUtil.getProcessEngineConfiguration().getHistoryService();
        org.flowable.engine.history.HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CommitmentProcess.KEY).variableValueEquals(Var.OPERATION_ID, operation.value());
        query = plan.isDefault() ? query.processInstanceWithoutTenantId() : query.processInstanceTenantId(plan.value());
        List<org.flowable.engine.history.HistoricProcessInstance> ended = query.orderByProcessInstanceEndTime().desc().listPage(0, 1);
        if (ended.isEmpty()) {
            return null;
        }
        org.flowable.variable.api.history.HistoricVariableInstance operator = history.createHistoricVariableInstanceQuery()
                .processInstanceId(ended.get(0).getId()).variableName(Var.OPERATOR).singleResult();
        return operator == null ? null : (String) operator.getValue();
    }

    /** The grant's OI only, once the appraisal chose the grant. */
    /** The grant of the task's process, checked as {@link #requireGrantOi}: null when the process names none. */
    private GlobalGrant grantOfOi(Actor actor, org.flowable.task.api.Task task) {
        Object grant = variable(task, Var.GRANT_ID);
        if (grant == null) {
            return null;
        }
        GlobalGrant found = grants.get(GlobalGrantId.of((String) grant));
        requireOi(actor, found.intermediateBody());
        return found;
    }

    /**
     * Separation of functions: the manager who decides a commitment (or a raise) is none of the
     * persons who appraised the operation, whatever the spelling of the name: neither the last
     * instructor nor any instructor whose reservation the ledger recorded on its account (an
     * earlier appraisal before an adjournment, a raise's), whom the ledger's commitment would
     * refuse anyway ({@code PLIE-FUNDS-009}) at the operator's signature.
     */
    private static void requireNotAnAppraiser(Actor manager, OperationId operation, String instructor, GlobalGrant grant) {
        java.util.Set<String> appraisers = new java.util.TreeSet<>();
        if (instructor != null) {
            appraisers.add(instructor);
        }
        if (grant != null) {
            grant.account(operation).ifPresent(account -> appraisers.addAll(account.appraisers()));
        }
        for (String appraiser : appraisers) {
            if (fr.asso.europlie.plie.organisation.Identifiers.samePerson(appraiser, manager.userId())) {
                throw new AccessDeniedException(WorkflowError.SAME_PERSON, "actor.userId", manager.userId(), operation);
            }
        }
    }

    private GlobalGrantId requireGrantOi(Actor actor, org.flowable.task.api.Task task) {
        Object grant = variable(task, Var.GRANT_ID);
        if (grant == null) {
            return null;
        }
        GlobalGrantId id = GlobalGrantId.of((String) grant);
        requireOi(actor, grants.get(id).intermediateBody());
        return id;
    }

    private boolean tooLong(Period extension) {
        return CommitmentSettings.days(extension) > CommitmentSettings.days(settings.maxAgreementExtension());
    }

    private static String rejections(ServiceDoneCheck check) {
        StringBuilder text = new StringBuilder("déclaré " + check.declared() + " €, accepté " + check.accepted() + " €");
        for (ServiceDoneCheck.Rejection rejection : check.rejections()) {
            text.append(" ; rejeté ").append(rejection.amount()).append(" € : ").append(rejection.reason());
        }
        return text.length() <= AuditEntry.MAX_REASON ? text.toString() : text.substring(0, AuditEntry.MAX_REASON - 1) + "…";
    }

    /** Appends a line to the operation's audit trail, in the command's transaction. */
    private void audit(Actor actor, OperationId operation, String step, String outcome, String reason, String reference, int round,
            String processInstanceId) {
        CommitmentAudit.append(plan, new AuditEntry(operation.value(), runtime.now(), actor.userId(), actor.organisation().value(), step,
                outcome, reason, reference == null ? null : clip(reference, AuditEntry.MAX_REFERENCE), round), processInstanceId);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The steps of the audit trail that are not user tasks. */
    private static final class Audit {
        static final String START = "START";
        static final String SERVICE_DONE = "SERVICE_DONE";
        static final String PAYMENT = "PAYMENT";
        static final String DECOMMITMENT = "DECOMMITMENT";
        static final String TAKEN_UP = "TAKEN_UP";
        static final String AMENDMENT = "AMENDMENT";
        static final String INCREASE = "INCREASE";
    }

    /**
     * Money was released to a grant: the operations waiting for money on it go back to their
     * appraisal, the longest waiting first, where the instructor reserves again.
     */
    private void takeUpWaiting(GlobalGrantId grant, Actor actor) {
        for (CommitmentStatus waiting : commitments.waiting(grant)) {
            // a first reservation waiting, or the raise of a committed operation
            Optional<ProcessInstance> process = process(waiting.operation());
            String waitingList = Task.WAITING_LIST;
            if (process.isEmpty()) {
                process = process(CommitmentProcess.Increase.KEY, waiting.operation());
                waitingList = CommitmentProcess.Increase.WAITING_LIST;
            }
            if (process.isEmpty()) {
                continue;
            }
            org.flowable.task.api.Task task = taskService().createTaskQuery().processInstanceId(process.get().getId())
                    .taskDefinitionKey(waitingList).singleResult();
            if (task != null) {
                audit(actor, waiting.operation(), Audit.TAKEN_UP, "TAKEN_UP", "argent libéré sur la subvention " + grant.value(), null,
                        appraisals(process.get().getId()), process.get().getId());
                complete(task, actor, new HashMap<>());
            }
        }
    }

    @Override
    public CommitmentView view(Actor actor, OperationId operation) {
        required(operation, "operationId");
        Objects.requireNonNull(actor, "actor");
        requirePlan(actor);
        boolean oi = actor.has(Role.OI_INSTRUCTOR) || actor.has(Role.OI_MANAGER);
        if (!oi && !actor.has(Role.OPERATOR)) {
            throw new AccessDeniedException(WorkflowError.OI_ROLE_REQUIRED, "actor.roles", actor.userId(), "VIEW");
        }
        return runner.run(actor, operation.value(), () -> {
            requireReader(actor, oi, operation);
            return view(operation);
        });
    }

    @Override
    public List<CommitmentView> commitments(Actor actor, GlobalGrantId grant) {
        required(grant, "grantId");
        checkOi(actor, "COMMITMENTS");
        return runner.run(actor, grant.value(), () -> {
            Optional<GlobalGrant> found = grants.find(grant);
            if (found.isEmpty()) {
                return List.<CommitmentView>of();
            }
            requireOi(actor, found.get().intermediateBody());
            return commitments.onGrant(grant).stream().map(status -> view(status.operation())).toList();
        });
    }

    @Override
    public void addListener(Consumer<CommitmentStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // ---------------------------------------------------------------------------------- helpers

    private interface Step {
        void run(org.flowable.task.api.Task task);
    }

    private CommitmentView act(Actor actor, OperationId operation, String taskKey, Step step) {
        return act(CommitmentProcess.KEY, actor, operation, taskKey, step);
    }

    private CommitmentView act(String processKey, Actor actor, OperationId operation, String taskKey, Step step) {
        required(operation, "operationId");
        runner.run(actor, operation.value(), () -> {
            step.run(waitingTask(processKey, operation, taskKey)
                    .orElseThrow(() -> new RuleViolationException(WorkflowError.NO_COMMITMENT, "operationId", operation, taskKey)));
            return null;
        });
        // read after the command: Flowable flushes the completed task and the next one at its end
        return runner.run(actor, operation.value(), () -> view(operation));
    }

    /** The task of a process of the operation (commitment or execution) that waits at a step, if any. */
    private Optional<org.flowable.task.api.Task> waitingTask(String processKey, OperationId operation, String taskKey) {
        return process(processKey, operation).map(process -> taskService().createTaskQuery().processInstanceId(process.getId())
                .taskDefinitionKey(taskKey).singleResult());
    }

    // ------------------------------------------------------------------ the execution (follow-on process)

    /** Starts the execution of a committed operation with the agreement's report schedule. */
    private void startExecution(OperationId operation, GlobalGrantId grant, String operator, ExecutionReportSchedule schedule) {
        List<java.time.LocalDate> dates = new java.util.ArrayList<>(schedule.interimDueDates());
        dates.add(schedule.finalDueDate());
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.PLAN_ID, plan.value());
        variables.put(Var.OPERATION_ID, operation.value());
        variables.put(Var.OPERATOR, operator);
        variables.put(Var.GRANT_ID, grant.value());
        variables.put(Execution.REPORT_DATES, String.join(",", dates.stream().map(Object::toString).toList()));
        variables.put(Execution.REPORT_REMINDERS, 0);
        variables.put(Execution.REPORTS_LATE, 0);
        variables.put(Execution.ANSWER_DEADLINE, settings.answerDeadline().toString());
        variables.putAll(report(dates, 1));
        EngineTransaction.changed();
        ProcessInstanceBuilder builder = runtimeService().createProcessInstanceBuilder().processDefinitionKey(Execution.KEY);
        if (!plan.isDefault()) {
            builder.tenantId(Tenants.of(plan)).fallbackToDefaultTenant().overrideProcessDefinitionTenantId(Tenants.of(plan));
        }
        builder.businessKey(operation.value()).variables(variables).start();
    }

    /** The variables of the awaited report: its number, due instant, reminder instant, and whether it is the final one. */
    private Map<String, Object> report(List<java.time.LocalDate> dates, int number) {
        java.time.Instant due = dates.get(number - 1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        java.time.Instant reminder = dates.get(number - 1).minus(settings.reportReminder()).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        Map<String, Object> variables = new HashMap<>();
        variables.put(Execution.REPORT_NUMBER, number);
        variables.put(Execution.REPORT_DUE, due.toString());
        variables.put(Execution.REPORT_REMINDER_AT, reminder.toString());
        variables.put(Execution.FINAL_REPORT, number == dates.size());
        return variables;
    }

    private static List<java.time.LocalDate> reportDates(String text) {
        return java.util.Arrays.stream(text.split(",")).map(java.time.LocalDate::parse).toList();
    }

    @Override
    public ExecutionView submitReport(Actor operator, OperationId operation, Money declared, String summary) {
        required(operation, "operationId");
        required(declared, "declared");
        requiredText(summary, "summary");
        Limits.reason(summary, "summary");
        if (declared.isNegative()) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "declared", declared);
        }
        check(operator, Role.OPERATOR, Execution.REPORT);
        return onExecution(operator, operation, Execution.REPORT, task -> {
            requireOperator(operator, operation, task.getProcessInstanceId());
            int number = ((Number) variable(task, Execution.REPORT_NUMBER)).intValue();
            int count = reportDates((String) variable(task, Execution.REPORT_DATES)).size();
            audit(operator, operation, Execution.REPORT, "SUBMITTED", summary, "rapport " + number + "/" + count + " : " + declared + " €",
                    number, task.getProcessInstanceId());
            complete(task, operator, new HashMap<>(Map.of(Execution.DECLARED, declared.amount().toPlainString())));
            return null;
        }).view();
    }

    @Override
    public ExecutionView answerContradictory(Actor operator, OperationId operation, String answer) {
        required(operation, "operationId");
        requiredText(answer, "answer");
        Limits.reason(answer, "answer");
        check(operator, Role.OPERATOR, Execution.ANSWER);
        return onExecution(operator, operation, Execution.ANSWER, task -> {
            requireOperator(operator, operation, task.getProcessInstanceId());
            audit(operator, operation, Execution.ANSWER, "ANSWERED", answer, null, reportNumber(task), task.getProcessInstanceId());
            complete(task, operator, new HashMap<>());
            return null;
        }).view();
    }

    @Override
    public OperationAccount concludeContradictory(Actor actor, OperationId operation, Money reinstated, String reason, IdempotencyKey key) {
        required(operation, "operationId");
        required(reinstated, "reinstated");
        required(key, "key");
        requiredText(reason, "reason");
        Limits.reason(reason, "reason");
        if (reinstated.isNegative()) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "reinstated", reinstated);
        }
        checkOi(actor, Execution.CONCLUSION);
        return onExecution(actor, operation, Execution.CONCLUSION, task -> {
            GlobalGrantId grant = requireGrantOi(actor, task);
            OperationAccount account = grants.get(grant).account(operation).orElseThrow();
            if (reinstated.isPositive()) {
                account = ledger.apply(grant, new LedgerCommand.RecordServiceDone(key, new ServiceDoneCheck(operation, actor.userId(),
                        runtime.now(), reinstated, List.of(), 0, 0), "procédure contradictoire : " + reason)).grant().account(operation)
                        .orElseThrow();
            }
            audit(actor, operation, Execution.CONCLUSION, "REINSTATED " + reinstated, reason, key.value(), reportNumber(task),
                    task.getProcessInstanceId());
            complete(task, actor, new HashMap<>());
            return account;
        }).result();
    }

    @Override
    public OperationAccount close(Actor manager, OperationId operation, String reason, IdempotencyKey key) {
        required(operation, "operationId");
        required(key, "key");
        requiredText(reason, "reason");
        Limits.reason(reason, "reason");
        check(manager, Role.OI_MANAGER, Execution.CLOSURE);
        return onExecution(manager, operation, Execution.CLOSURE, task -> {
            GlobalGrantId grant = requireGrantOi(manager, task);
            OperationAccount account = grants.get(grant).account(operation).orElseThrow();
            Money rest = account.decommittable();
            if (rest.isPositive()) {
                account = ledger.apply(grant, new LedgerCommand.Decommit(key, operation, rest, manager.userId(), runtime.now(),
                        "clôture : " + reason)).grant().account(operation).orElseThrow();
            }
            audit(manager, operation, Execution.CLOSURE, "CLOSED", reason, rest + " € dégagés", reportNumber(task), task.getProcessInstanceId());
            complete(task, manager, new HashMap<>());
            if (rest.isPositive()) {
                takeUpWaiting(grant, manager);
            }
            return account;
        }).result();
    }

    @Override
    public ExecutionView execution(Actor actor, OperationId operation) {
        required(operation, "operationId");
        Objects.requireNonNull(actor, "actor");
        requirePlan(actor);
        boolean oi = actor.has(Role.OI_INSTRUCTOR) || actor.has(Role.OI_MANAGER);
        if (!oi && !actor.has(Role.OPERATOR)) {
            throw new AccessDeniedException(WorkflowError.OI_ROLE_REQUIRED, "actor.roles", actor.userId(), "EXECUTION");
        }
        return runner.run(actor, operation.value(), () -> {
            requireReader(actor, oi, operation);
            return executionView(operation);
        });
    }

    @Override
    public void useSettings(Actor manager, CommitmentSettings settings) {
        required(settings, "settings");
        check(manager, Role.OI_MANAGER, "SETTINGS");
        this.settings = settings;
        LOG.info("FSE+ commitment settings of plan {} set by {}: {}", plan, manager.userId(), settings);
    }

    @Override
    public CommitmentSettings settings() {
        return settings;
    }

    private ExecutionView executionView(OperationId operation) {
        Optional<ProcessInstance> process = process(Execution.KEY, operation);
        if (process.isEmpty()) {
            return new ExecutionView(operation, false, null, 0, 0, null, 0, 0);
        }
        String id = process.get().getId();
        List<org.flowable.task.api.Task> tasks = taskService().createTaskQuery().processInstanceId(id).list();
        Map<String, Object> variables = runtimeService().getVariables(id);
        return new ExecutionView(operation, true, tasks.isEmpty() ? null : tasks.get(0).getTaskDefinitionKey(),
                ((Number) variables.get(Execution.REPORT_NUMBER)).intValue(), reportDates((String) variables.get(Execution.REPORT_DATES)).size(),
                java.time.Instant.parse((String) variables.get(Execution.REPORT_DUE)),
                ((Number) variables.get(Execution.REPORT_REMINDERS)).intValue(), ((Number) variables.get(Execution.REPORTS_LATE)).intValue());
    }

    private int reportNumber(org.flowable.task.api.Task task) {
        return ((Number) variable(task, Execution.REPORT_NUMBER)).intValue();
    }

    /** What a step of the execution returns: its result, and the execution's view after the command. */
    private record Done<T>(T result, ExecutionView view) {
    }

    private interface ExecutionStep<T> {
        T run(org.flowable.task.api.Task task);
    }

    /** Runs a step of the execution on its waiting task, then reads the view after the command. */
    private <T> Done<T> onExecution(Actor actor, OperationId operation, String taskKey, ExecutionStep<T> step) {
        T result = runner.run(actor, operation.value(), () -> step.run(waitingTask(Execution.KEY, operation, taskKey)
                .orElseThrow(() -> new RuleViolationException(WorkflowError.NO_COMMITMENT, "operationId", operation, taskKey))));
        return new Done<>(result, runner.run(actor, operation.value(), () -> executionView(operation)));
    }

    private CommitmentView view(OperationId operation) {
        Optional<ProcessInstance> commitment = process(operation);
        Optional<ProcessInstance> process = commitment.or(() -> process(CommitmentProcess.Increase.KEY, operation));
        String waiting = null;
        int reminders = 0;
        if (process.isPresent()) {
            List<org.flowable.task.api.Task> tasks = taskService().createTaskQuery().processInstanceId(process.get().getId()).list();
            waiting = tasks.isEmpty() ? null : tasks.get(0).getTaskDefinitionKey();
            Object count = processVariable(process.get().getId(), Var.AGREEMENT_REMINDERS);
            reminders = count == null ? 0 : ((Number) count).intValue();
        }
        // the commitment process ended (or never ran): its last run's variables, read once
        Map<String, Object> ended = commitment.isEmpty() ? endedVariables(operation) : Map.of();
        // the FSE+ amount asked: of the running process (commitment or raise), else of the last commitment that ended
        Object asked = process.isPresent() ? processVariable(process.get().getId(), Var.FSE_AMOUNT) : ended.get(Var.FSE_AMOUNT);
        // the simplified cost options: of the commitment's last appraisal, running or ended
        Object options = commitment.isPresent() ? processVariable(commitment.get().getId(), Var.SIMPLIFIED_COST_OPTIONS)
                : ended.get(Var.SIMPLIFIED_COST_OPTIONS);
        return new CommitmentView(operation, process.isPresent(), waiting, commitments.find(operation).orElse(null), reminders,
                asked == null ? null : Money.of(new java.math.BigDecimal(asked.toString())), options == null ? null : options.toString());
    }

    /** The variables of the last commitment process of the operation that ended, by name; empty when none ran. */
    private Map<String, Object> endedVariables(OperationId operation) {
        org.flowable.engine.HistoryService history = CommandContextUtil.getProcessEngineConfiguration().getHistoryService();
        org.flowable.engine.history.HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CommitmentProcess.KEY).variableValueEquals(Var.OPERATION_ID, operation.value());
        query = plan.isDefault() ? query.processInstanceWithoutTenantId() : query.processInstanceTenantId(plan.value());
        List<org.flowable.engine.history.HistoricProcessInstance> ended = query.orderByProcessInstanceEndTime().desc().listPage(0, 1);
        if (ended.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> variables = new HashMap<>();
        for (org.flowable.variable.api.history.HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(ended.get(0).getId()).list()) {
            if (variable.getValue() != null) {
                variables.put(variable.getVariableName(), variable.getValue());
            }
        }
        return variables;
    }

    private Optional<ProcessInstance> process(OperationId operation) {
        return process(CommitmentProcess.KEY, operation);
    }

    private Optional<ProcessInstance> process(String processKey, OperationId operation) {
        return Optional.ofNullable(Tenants.in(runtimeService().createProcessInstanceQuery(), plan)
                .processDefinitionKey(processKey)
                .variableValueEquals(Var.OPERATION_ID, operation.value()).singleResult());
    }

    private int appraisals(String processInstanceId) {
        Object count = processVariable(processInstanceId, "appraisals");
        return count == null ? 0 : ((Number) count).intValue();
    }

    /**
     * A variable of a process instance, as {@code getVariable} gives it. The first read in a command
     * loads every variable of the instance in one statement (a serialised value's bytes only when
     * that variable is asked for), which Flowable keeps on the instance
     * for the rest of the command (its entity cache, updated by the command's own changes): the
     * facade reads several variables a step, each by name in a statement of its own otherwise.
     */
    private static Object processVariable(String processInstanceId, String name) {
        org.flowable.variable.api.persistence.entity.VariableInstance variable = runtimeService().getVariableInstances(processInstanceId).get(name);
        return variable == null ? null : variable.getValue();
    }

    private Object variable(org.flowable.task.api.Task task, String name) {
        return processVariable(task.getProcessInstanceId(), name);
    }

    private void requireOperator(Actor actor, OperationId operation, String processInstanceId) {
        Object operator = processVariable(processInstanceId, Var.OPERATOR);
        if (operator == null || !actor.actsFor(OrganisationId.of((String) operator))) {
            throw new AccessDeniedException(WorkflowError.NOT_THE_OPERATOR, "actor.organisation", actor.organisation(), operation);
        }
    }

    private IdempotencyKey key(OperationId operation, String step, int round) {
        return IdempotencyKey.of(operation.value() + "/" + step + "/" + round);
    }

    private void complete(org.flowable.task.api.Task task, Actor actor, Map<String, Object> variables) {
        Tasks.complete(taskService(), task, actor, variables, Map.of());
    }

    private void published(CommitmentStatus status) {
        EngineTransaction.afterCommit(() -> {
            for (Consumer<CommitmentStatus> listener : listeners) {
                try {
                    listener.accept(status);
                } catch (RuntimeException e) {
                    LOG.warn("a commitment listener failed on {}: {}", status.operation(), e.toString());
                }
            }
        });
    }

    private static RuntimeService runtimeService() {
        return CommandContextUtil.getProcessEngineConfiguration().getRuntimeService();
    }

    private static TaskService taskService() {
        return CommandContextUtil.getProcessEngineConfiguration().getTaskService();
    }

    private void check(Actor actor, Role role, String step) {
        Objects.requireNonNull(actor, "actor");
        requirePlan(actor);
        if (!actor.has(role)) {
            throw new AccessDeniedException(WorkflowError.ROLE_REQUIRED, "actor.roles", actor.userId(), role, step);
        }
    }

    private void checkOi(Actor actor, String step) {
        Objects.requireNonNull(actor, "actor");
        requirePlan(actor);
        if (!actor.has(Role.OI_INSTRUCTOR) && !actor.has(Role.OI_MANAGER)) {
            throw new AccessDeniedException(WorkflowError.OI_ROLE_REQUIRED, "actor.roles", actor.userId(), step);
        }
    }

    private static void requireOi(Actor actor, OrganisationId intermediateBody) {
        if (!actor.actsFor(intermediateBody)) {
            throw new AccessDeniedException(WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", actor.organisation(),
                    intermediateBody);
        }
    }

    private void requirePlan(Actor actor) {
        if (!actor.plan().equals(plan)) {
            throw new AccessDeniedException(WorkflowError.OTHER_PLAN, "actor.plan", actor.plan());
        }
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
}
