package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.funds.LedgerCommand;
import fr.asso.europlie.plie.funds.LedgerResult;
import fr.asso.europlie.plie.funds.OperationAccount;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.commitment.CommitmentState;
import fr.asso.europlie.plie.workflow.commitment.CommitmentStatus;
import fr.asso.europlie.plie.workflow.commitment.WhenUncovered;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ledger steps of the FSE+ commitment of one plan (PROCESSES.md C steps 2, 3, 5 and 6): each
 * runs in one engine transaction through the {@link CommandRunner}, takes the grant's row lock
 * first, applies one ledger command to the stored {@link GlobalGrant} and records where the
 * operation stands ({@link JdbcFseCommitments}) in the same transaction, so that operations
 * reserving the last euros of an envelope at once, on one node or several, run one after the
 * other and never over-commit. A ledger refusal changes nothing and is thrown as the domain's
 * {@link RuleViolationException}. Access checks are the caller's (the facade's), made before.
 */
public final class CommitmentLedger {

    private final PlanId plan;
    private final Clock clock;
    private final CommandRunner runner;
    private final JdbcGlobalGrants grants;
    private final JdbcFseCommitments commitments;

    /**
     * Creates the steps of a plan.
     *
     * @param plan the plan, not null
     * @param clock the engine's clock, not null
     * @param runner the command runner, not null
     */
    public CommitmentLedger(PlanId plan, Clock clock, CommandRunner runner) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.grants = new JdbcGlobalGrants(plan, clock);
        this.commitments = new JdbcFseCommitments(plan);
    }

    /**
     * The plan.
     *
     * @return the plan
     */
    public PlanId plan() {
        return plan;
    }

    /**
     * Stores a new global grant.
     *
     * @param grant not null
     * @throws RuleViolationException ({@code PLIE-FUNDS-028}) when the plan has a grant with this id
     */
    public void addGrant(GlobalGrant grant) {
        runner.run(null, grant.id().value(), () -> {
            grants.add(grant);
            return null;
        });
    }

    /**
     * A stored grant, as it stands.
     *
     * @param id not null
     * @return the grant, if stored
     */
    public Optional<GlobalGrant> grant(GlobalGrantId id) {
        return runner.run(null, id.value(), () -> grants.find(id));
    }

    /**
     * Where an operation stands.
     *
     * @param operation not null
     * @return its status, if it was ever reserved, put on the list or refused
     */
    public Optional<CommitmentStatus> status(OperationId operation) {
        return runner.run(null, operation.value(), () -> commitments.find(operation));
    }

    /**
     * Every operation's status on a grant.
     *
     * @param grant not null
     * @return the statuses, by operation
     */
    public List<CommitmentStatus> statuses(GlobalGrantId grant) {
        return runner.run(null, grant.value(), () -> commitments.onGrant(grant));
    }

    /**
     * Reserves an operation's FSE+ amount in its envelope, atomically (step 2). When the envelope
     * cannot cover it, the instructor's choice applies: reduce to what is left (the waiting list
     * when nothing is), wait, or propose refusal; the outcome and its reason are recorded.
     *
     * @param grant the global grant
     * @param operation the operation
     * @param envelope its envelope
     * @param amount the FSE+ amount asked, above zero
     * @param instructor the OI instructor who appraised it
     * @param whenUncovered what to do when the envelope cannot cover it
     * @param key the idempotency key of the reservation
     * @return the operation's status after it
     * @throws RuleViolationException when the ledger refuses (unknown grant or envelope, already committed ...)
     */
    public CommitmentStatus reserve(GlobalGrantId grant, OperationId operation, EnvelopeKey envelope, Money amount, String instructor,
            WhenUncovered whenUncovered, IdempotencyKey key) {
        return locked(grant, stored -> {
            Instant now = clock.instant();
            Money available = stored.balance(envelope).available();
            Optional<LedgerCommand> earlier = stored.journal().stream().filter(c -> c.key().equals(key)).findFirst();
            if (earlier.isPresent() && earlier.get() instanceof LedgerCommand.Reserve same && same.operation().equals(operation)
                    && same.envelope().equals(envelope) && same.actor().equals(instructor)) {
                // a retry of a reservation made (perhaps reduced) earlier: applied once, its outcome told again
                stored.apply(same);
                return recorded(new CommitmentStatus(operation, grant, CommitmentState.RESERVED, same.amount(), same.reason(), now));
            }
            Money reserved = amount;
            String reason = "réservation de " + amount + " € sur l’enveloppe " + envelope;
            if (earlier.isEmpty() && amount.isGreaterThan(available)) {
                String uncovered = "l’enveloppe " + envelope + " ne couvre pas les " + amount + " € demandés (" + available
                        + " € disponibles)";
                if (whenUncovered == WhenUncovered.PROPOSE_REFUSAL) {
                    return recorded(new CommitmentStatus(operation, grant, CommitmentState.REFUSED, Money.ZERO,
                            uncovered + " : refus proposé par " + instructor, now));
                }
                if (whenUncovered == WhenUncovered.WAIT || !available.isPositive()) {
                    return recorded(new CommitmentStatus(operation, grant, CommitmentState.WAITING, Money.ZERO,
                            uncovered + " : liste d’attente", now));
                }
                reserved = available;
                reason = uncovered + " : montant réduit à " + available + " €";
            }
            LedgerResult result = stored.apply(new LedgerCommand.Reserve(key, operation, envelope, reserved, instructor, now, reason));
            if (!result.replayed()) {
                grants.update(result.grant(), stored.revision());
            }
            return recorded(new CommitmentStatus(operation, grant, CommitmentState.RESERVED, reserved, reason, now));
        });
    }

    /**
     * Commits an operation's FSE+ amount (steps 4 and 6): what is reserved beyond it is released.
     *
     * @param grant the global grant
     * @param operation the operation
     * @param amount the amount committed, at most the reservation
     * @param eligibleCost the operation's eligible cost, on which the priority's co-financing rate is
     *     checked (Regulation (EU) 2021/1060 art. 112)
     * @param manager the OI manager, not the instructor
     * @param key the idempotency key
     * @return the operation's status after it
     * @throws RuleViolationException when the ledger refuses ({@code PLIE-FUNDS-009} for the instructor ...)
     */
    public CommitmentStatus commit(GlobalGrantId grant, OperationId operation, Money amount, Money eligibleCost, String manager,
            IdempotencyKey key) {
        return locked(grant, stored -> {
            Instant now = clock.instant();
            String reason = "engagement de " + amount + " € décidé par " + manager;
            LedgerResult result = stored.apply(new LedgerCommand.Commit(key, operation, amount, eligibleCost, manager, now, reason));
            if (!result.replayed()) {
                grants.update(result.grant(), stored.revision());
            }
            // the whole commitment: the amount of a first commitment, the raised one after a top-up
            Money committed = result.grant().account(operation).map(OperationAccount::netCommitment).orElse(amount);
            return recorded(new CommitmentStatus(operation, grant, CommitmentState.COMMITTED, committed, reason, now));
        });
    }

    /**
     * Checks, without the grant's row lock and without writing anything, that {@link #commit} with
     * the same arguments would be accepted by the grant as it is stored now: every refusal the
     * ledger would give is thrown here, before the caller changes anything. The commitment itself,
     * under the lock, checks again (another commitment may have been made meanwhile).
     *
     * @param grant the global grant
     * @param operation the operation
     * @param eligibleCost the operation's eligible cost
     * @param manager the OI manager
     * @param key the idempotency key
     * @return the amount the commitment would commit: the operation's reservation
     * @throws RuleViolationException when the ledger would refuse; ({@code PLIE-FUNDS-029}) an unknown grant
     */
    public Money checkCommit(GlobalGrantId grant, OperationId operation, Money eligibleCost, String manager, IdempotencyKey key) {
        return runner.run(null, grant.value(), () -> {
            GlobalGrant stored = grants.find(grant).orElseThrow(() -> new RuleViolationException(FundsError.NOT_FOUND, "globalGrantId", grant));
            Money reserved = stored.account(operation)
                    .orElseThrow(() -> new RuleViolationException(FundsError.UNKNOWN_OPERATION, "operation", operation)).reserved();
            stored.apply(new LedgerCommand.Commit(key, operation, reserved, eligibleCost, manager, clock.instant(), "vérification"));
            return reserved;
        });
    }

    /**
     * Releases an operation's whole reservation (unfavourable opinion, agreement cancelled, a raise
     * declined) and records it as refused or released, or as still committed at its amount.
     *
     * @param grant the global grant
     * @param operation the operation
     * @param state {@link CommitmentState#REFUSED} or {@link CommitmentState#RELEASED}, or
     *     {@link CommitmentState#COMMITTED} for a raise declined
     * @param actor who
     * @param reason why, not blank
     * @param key the idempotency key
     * @return the operation's status after it
     */
    public CommitmentStatus release(GlobalGrantId grant, OperationId operation, CommitmentState state, String actor, String reason,
            IdempotencyKey key) {
        return locked(grant, stored -> {
            Instant now = clock.instant();
            OperationAccount account = stored.account(operation)
                    .orElseThrow(() -> new RuleViolationException(FundsError.UNKNOWN_OPERATION, "operation", operation));
            Money reserved = account.reserved();
            if (reserved.isPositive()) {
                LedgerResult result = stored.apply(new LedgerCommand.Release(key, operation, reserved, actor, now, reason));
                if (!result.replayed()) {
                    grants.update(result.grant(), stored.revision());
                }
            }
            Money kept = state == CommitmentState.COMMITTED ? account.netCommitment() : Money.ZERO;
            return recorded(new CommitmentStatus(operation, grant, state, kept, reason, now));
        });
    }

    /**
     * Reserves the raise of a committed operation's FSE+ amount in its envelope, atomically (a
     * {@link LedgerCommand.TopUp}): the raise goes back through reservation, with the outcomes of a
     * first reservation when the envelope cannot cover it: reduced to what is left (the waiting list
     * when nothing is), waiting, or refusal proposed. A refused raise leaves the operation committed
     * at its amount.
     *
     * @param grant the global grant
     * @param operation the operation, committed
     * @param difference the raise asked, above zero
     * @param instructor the OI instructor who appraised the raise
     * @param whenUncovered what to do when the envelope cannot cover it
     * @param key the idempotency key of the top-up
     * @return the operation's status after it: {@link CommitmentState#RESERVED} with the raise
     *     reserved, {@link CommitmentState#WAITING}, or {@link CommitmentState#COMMITTED} at its
     *     unchanged amount for a refusal proposed
     * @throws RuleViolationException when the ledger refuses (not committed, balance paid ...)
     */
    public CommitmentStatus topUp(GlobalGrantId grant, OperationId operation, Money difference, String instructor,
            WhenUncovered whenUncovered, IdempotencyKey key) {
        return locked(grant, stored -> {
            Instant now = clock.instant();
            OperationAccount account = stored.account(operation)
                    .orElseThrow(() -> new RuleViolationException(FundsError.UNKNOWN_OPERATION, "operation", operation));
            Optional<LedgerCommand> earlier = stored.journal().stream().filter(c -> c.key().equals(key)).findFirst();
            if (earlier.isPresent() && earlier.get() instanceof LedgerCommand.TopUp same && same.operation().equals(operation)
                    && same.actor().equals(instructor)) {
                // a retry of a raise reserved (perhaps reduced) earlier: applied once, its outcome told again
                stored.apply(same);
                return recorded(new CommitmentStatus(operation, grant, CommitmentState.RESERVED, same.amount(), same.reason(), now));
            }
            Money available = stored.balance(account.envelope()).available();
            Money reserved = difference;
            String reason = "hausse de " + difference + " € réservée sur l’enveloppe " + account.envelope();
            if (earlier.isEmpty() && difference.isGreaterThan(available)) {
                String uncovered = "l’enveloppe " + account.envelope() + " ne couvre pas la hausse de " + difference + " € demandée ("
                        + available + " € disponibles)";
                if (whenUncovered == WhenUncovered.PROPOSE_REFUSAL) {
                    return recorded(new CommitmentStatus(operation, grant, CommitmentState.COMMITTED, account.netCommitment(),
                            uncovered + " : hausse refusée sur proposition de " + instructor + ", engagement inchangé", now));
                }
                if (whenUncovered == WhenUncovered.WAIT || !available.isPositive()) {
                    return recorded(new CommitmentStatus(operation, grant, CommitmentState.WAITING, Money.ZERO,
                            uncovered + " : hausse en liste d’attente", now));
                }
                reserved = available;
                reason = uncovered + " : hausse réduite à " + available + " €";
            }
            LedgerResult result = stored.apply(new LedgerCommand.TopUp(key, operation, reserved, instructor, now, reason));
            if (!result.replayed()) {
                grants.update(result.grant(), stored.revision());
            }
            return recorded(new CommitmentStatus(operation, grant, CommitmentState.RESERVED, reserved, reason, now));
        });
    }

    /**
     * Applies one ledger command to a stored grant (service-done check, payment, decommitment):
     * under the grant's row lock, once per idempotency key.
     *
     * @param grant the global grant
     * @param command the command
     * @return the result; for a retry, the earlier movements
     * @throws RuleViolationException when the ledger refuses, nothing changed
     */
    public LedgerResult apply(GlobalGrantId grant, LedgerCommand command) {
        return locked(grant, stored -> {
            LedgerResult result = stored.apply(command);
            if (!result.replayed()) {
                grants.update(result.grant(), stored.revision());
            }
            return result;
        });
    }

    private CommitmentStatus recorded(CommitmentStatus status) {
        commitments.record(status);
        return status;
    }

    private <T> T locked(GlobalGrantId grant, Function<GlobalGrant, T> body) {
        return runner.run(null, grant.value(), () -> {
            if (!grants.lock(grant)) {
                throw new RuleViolationException(FundsError.NOT_FOUND, "globalGrantId", grant);
            }
            return body.apply(grants.get(grant));
        });
    }
}
