package fr.asso.europlie.plie.workflow.commitment;

import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.funds.OperationAccount;
import fr.asso.europlie.plie.funds.PaymentKind;
import fr.asso.europlie.plie.funds.ServiceDoneCheck;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import java.time.Period;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The OI's commitment of FSE+ funds for one operation (PROCESSES.md C), one method per step, on
 * the BPMN process {@code fse-commitment.bpmn20.xml}. Every method checks its actor before
 * anything is read or changed ({@link AccessDeniedException}: OI roles only, an operator only for
 * its own operation, plan roles never commit), then changes the process, the ledger (the
 * plan's {@link GlobalGrant}s, stored in the engine's database) and the operation's status in one
 * transaction; listeners hear the new status once it has committed.
 */
public interface FseCommitment {

    /**
     * The OI manager stores a new global grant of its OI.
     *
     * @param manager an {@code OI_MANAGER} of the grant's intermediate body
     * @param grant the grant with its envelopes, not null
     */
    void openGlobalGrant(Actor manager, GlobalGrant grant);

    /**
     * A global grant as it stands (OI roles only).
     *
     * @param actor an OI instructor or manager
     * @param id the grant
     * @return the grant, if stored in this plan
     */
    Optional<GlobalGrant> globalGrant(Actor actor, GlobalGrantId id);

    /**
     * The OI starts the commitment of an operation by hand (without process B's message).
     *
     * @param actor an OI instructor or manager
     * @param operation the operation
     * @param operator its operator
     * @param fseAmount the FSE+ amount asked
     * @return the view: waiting for the appraisal
     * @throws fr.asso.europlie.plie.error.RuleViolationException ({@code PLIE-WORKFLOW-073}) when a commitment of it runs
     */
    CommitmentView start(Actor actor, OperationId operation, OrganisationId operator, Money fseAmount);

    /**
     * The instructor appraises the operation and reserves its FSE+ amount, atomically: when the
     * envelope cannot cover it, the appraisal's choice applies (reduce, waiting list, propose refusal).
     * The appraisal's simplified cost options are kept with the process (variable
     * {@link CommitmentProcess.Var#SIMPLIFIED_COST_OPTIONS}), in the appraisal's audit reference,
     * and on the view ({@link CommitmentView#simplifiedCostOptions()}).
     *
     * @param instructor an {@code OI_INSTRUCTOR} of the grant's OI
     * @param operation the operation
     * @param appraisal what the instructor established
     * @return the view after it
     * @throws fr.asso.europlie.plie.error.InvalidValueException ({@code PLIE-WORKFLOW-011}) for
     *     simplified cost options longer than 400 characters, before anything changes
     * @throws fr.asso.europlie.plie.error.RuleViolationException ({@code PLIE-FUNDS-033}, field
     *     {@code appraisal.fseAmount}) when the FSE+ amount exceeds the co-financing rate of the
     *     priority's region category of its eligible cost: nothing reserved, audited or completed
     */
    CommitmentView appraise(Actor instructor, OperationId operation, Appraisal appraisal);

    /**
     * The OI records the programming committee's opinion: unfavourable releases the reservation,
     * adjourned sends the operation back to the instructor.
     *
     * @param actor an OI instructor or manager
     * @param operation the operation
     * @param opinion the opinion
     * @param reason why (the committee's questions when adjourned), not blank
     * @return the view after it
     */
    CommitmentView recordCommitteeOpinion(Actor actor, OperationId operation, CommitteeOpinion opinion, String reason);

    /**
     * The OI manager decides the commitment: someone other than the operation's instructor
     * (names compared without case nor surrounding spaces). The operator then has 60 days to
     * sign the agreement.
     *
     * @param manager an {@code OI_MANAGER}
     * @param operation the operation
     * @return the view: waiting for the signature
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-071}) when the manager is the instructor
     */
    CommitmentView decide(Actor manager, OperationId operation);

    /**
     * The operator signs the grant agreement: the commitment is recorded in the ledger, its event
     * published, and the follow-on execution process ({@link CommitmentProcess.Execution}) starts
     * in the same transaction with the agreement's standard execution-report schedule (RULES.md
     * section 4: interim reports by length, the final report at most 6 months after the end).
     *
     * @param operator an {@code OPERATOR} of the operation's operator
     * @param operation the operation
     * @param period the operation's period as the agreement states it, not null
     * @return the view: committed
     */
    CommitmentView signAgreement(Actor operator, OperationId operation, fr.asso.europlie.plie.offer.OperationPeriod period);

    /**
     * The operator signs the grant agreement with the execution-report schedule it states (for
     * instance one interim report for an operation of 13 to 24 months, where the standard schedule
     * has none): as {@link #signAgreement(Actor, OperationId, fr.asso.europlie.plie.offer.OperationPeriod)},
     * the schedule checked first against the rules of RULES.md section 4
     * ({@link fr.asso.europlie.plie.funds.ExecutionReportSchedule#of}), nothing changed when it breaks one.
     *
     * @param operator an {@code OPERATOR} of the operation's operator
     * @param operation the operation
     * @param schedule the agreement's schedule, its period the operation's, not null
     * @return the view: committed
     * @throws fr.asso.europlie.plie.error.RuleViolationException ({@code PLIE-FUNDS-024}, {@code -020},
     *     {@code -025}, {@code -027}) when the schedule breaks a rule
     */
    CommitmentView signAgreement(Actor operator, OperationId operation, fr.asso.europlie.plie.funds.ExecutionReportSchedule schedule);

    /**
     * The grant agreement of an operation as stored (every version): for the OI of its grant, or
     * for the operation's own operator.
     *
     * @param actor an OI instructor or manager, or the operation's operator
     * @param operation the operation
     * @return the agreement, once the operator signed it
     * @throws AccessDeniedException for any other actor (another operator, another OI, a plan role)
     */
    Optional<fr.asso.europlie.plie.funds.GrantAgreement> agreement(Actor actor, OperationId operation);

    /**
     * The OI manager records an amendment of an operation's grant agreement (avenant) that does not
     * raise its FSE+ amount above what the ledger committed: checked against the ledger (the
     * co-financing rate of its eligible cost, {@code PLIE-FUNDS-033}; the commitment,
     * {@code PLIE-FUNDS-034}; what was paid, {@code PLIE-FUNDS-022}) and stored; a lower FSE+ amount
     * decommits the difference, released to the envelope (the waiting list is then taken up). A
     * raise is refused ({@code PLIE-FUNDS-034}): it goes back through reservation with
     * {@link #requestIncrease}.
     *
     * @param manager an {@code OI_MANAGER} of the grant's OI
     * @param operation the operation, with a signed agreement
     * @param esfAmount the new FSE+ amount
     * @param eligibleCost the new eligible cost
     * @param period the new period
     * @param reason why, not blank
     * @param key the idempotency key of the decommitment a lower amount makes
     * @return the amended agreement
     */
    fr.asso.europlie.plie.funds.GrantAgreement amendAgreement(Actor manager, OperationId operation, Money esfAmount, Money eligibleCost,
            fr.asso.europlie.plie.offer.OperationPeriod period, String reason, IdempotencyKey key);

    /**
     * The OI asks by hand to raise a committed operation's FSE+ amount (process
     * {@link CommitmentProcess.Increase}, also started by its message): the raise waits for its
     * appraisal.
     *
     * @param actor an OI instructor or manager
     * @param operation the operation, committed with a signed agreement
     * @param fseAmount the new total FSE+ amount asked
     * @return the view: waiting for the appraisal of the raise
     * @throws fr.asso.europlie.plie.error.RuleViolationException ({@code PLIE-WORKFLOW-073}) when a raise of it runs
     */
    CommitmentView requestIncrease(Actor actor, OperationId operation, Money fseAmount);

    /**
     * The instructor appraises a raise and reserves the difference between the new FSE+ amount and
     * the commitment in the operation's envelope (a top-up of the ledger), atomically: when the
     * envelope cannot cover it, the choice applies as for a first reservation (reduce to what is
     * left, waiting list, propose refusal: the commitment then stays as it is).
     *
     * @param instructor an {@code OI_INSTRUCTOR} of the grant's OI
     * @param operation the operation
     * @param fseAmount the new total FSE+ amount, above the commitment
     * @param eligibleCost the new eligible cost, at least the FSE+ amount
     * @param whenUncovered what to do when the envelope cannot cover the difference
     * @return the view after it
     */
    CommitmentView appraiseIncrease(Actor instructor, OperationId operation, Money fseAmount, Money eligibleCost,
            WhenUncovered whenUncovered);

    /**
     * An OI manager who is not the raise's instructor decides it: commit the difference reserved
     * (the agreement is amended in the same transaction, checked against the ledger) or decline it
     * (the reservation is released and the waiting list taken up).
     *
     * @param manager an {@code OI_MANAGER} of the grant's OI
     * @param operation the operation
     * @param commit true to commit, false to decline
     * @param reason why, not blank
     * @return the view after it
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-071}) when the manager is the instructor
     */
    CommitmentView decideIncrease(Actor manager, OperationId operation, boolean commit, String reason);

    /**
     * The agreement was not signed in time: the OI manager cancels (the reservation is released)
     * or extends the deadline.
     *
     * @param manager an {@code OI_MANAGER}
     * @param operation the operation
     * @param extension the new deadline from now, or null to cancel; at most
     *     {@link CommitmentSettings#maxAgreementExtension()}
     * @param reason why, not blank
     * @return the view after it
     * @throws fr.asso.europlie.plie.error.InvalidValueException ({@code PLIE-WORKFLOW-076}) for an
     *     extension of zero, negative or beyond the limit, before anything changes
     */
    CommitmentView decideOverdueAgreement(Actor manager, OperationId operation, Period extension, String reason);

    /**
     * The instructor takes an operation off the waiting list, back to the appraisal, once money
     * is released to its envelope.
     *
     * @param instructor an {@code OI_INSTRUCTOR}
     * @param operation the operation
     * @return the view: waiting for the appraisal
     */
    CommitmentView takeUp(Actor instructor, OperationId operation);

    /**
     * The operator submits the execution report awaited (rapport d'exécution): the execution then
     * waits for its service-done check.
     *
     * @param operator an {@code OPERATOR} of the operation's operator
     * @param operation the operation
     * @param declared the expenditure the report declares, zero or more
     * @param summary what was done, not blank, at most {@link fr.asso.europlie.plie.workflow.audit.AuditEntry#MAX_REASON} characters
     * @return the execution's view: waiting for the service-done check
     * @throws fr.asso.europlie.plie.error.RuleViolationException ({@code PLIE-WORKFLOW-070}) when no report is awaited
     */
    ExecutionView submitReport(Actor operator, OperationId operation, Money declared, String summary);

    /**
     * The operator answers the amounts a service-done check rejected (procédure contradictoire),
     * before the answer deadline ({@link CommitmentSettings#answerDeadline()}); past it, the OI
     * concludes without the answer.
     *
     * @param operator an {@code OPERATOR} of the operation's operator
     * @param operation the operation
     * @param answer the operator's observations, not blank, at most {@link fr.asso.europlie.plie.workflow.audit.AuditEntry#MAX_REASON} characters
     * @return the execution's view: waiting for the conclusion
     */
    ExecutionView answerContradictory(Actor operator, OperationId operation, String answer);

    /**
     * The OI concludes the contradictory procedure: what it now accepts of the rejected amounts
     * (zero to keep every rejection) is recorded in the ledger as accepted; the execution then
     * waits for the payment.
     *
     * @param actor an OI instructor or manager of the grant's OI
     * @param operation the operation
     * @param reinstated the amount of the rejections now accepted, zero or more
     * @param reason why, not blank
     * @param key the idempotency key of the ledger command
     * @return the operation's account after it
     */
    OperationAccount concludeContradictory(Actor actor, OperationId operation, Money reinstated, String reason, IdempotencyKey key);

    /**
     * The OI manager closes the operation after its balance: what will not be spent (the net
     * commitment less what was paid) is decommitted and released to the envelope, the operations
     * waiting for money on the grant are taken up, and the execution ends.
     *
     * @param manager an {@code OI_MANAGER} of the grant's OI
     * @param operation the operation
     * @param reason why, not blank
     * @param key the idempotency key of the decommitment
     * @return the operation's account after it
     */
    OperationAccount close(Actor manager, OperationId operation, String reason, IdempotencyKey key);

    /**
     * Where the execution of a committed operation stands: for the grant's OI or the operation's own operator.
     *
     * @param actor an OI instructor or manager, or the operation's operator
     * @param operation the operation
     * @return the view
     */
    ExecutionView execution(Actor actor, OperationId operation);

    /**
     * Sets the deadlines and reminders that the steps started from now on use (the processes
     * already waiting keep theirs), on this engine: an application sets them at start-up on each
     * of its nodes.
     *
     * @param manager an {@code OI_MANAGER} of the plan
     * @param settings the settings, checked against their limits when built
     */
    void useSettings(Actor manager, CommitmentSettings settings);

    /**
     * The settings the steps use.
     *
     * @return the settings
     */
    CommitmentSettings settings();

    /**
     * The OI records the service-done check of the execution report awaited (contrôle de service
     * fait): the amounts accepted, and those rejected with their reasons. When amounts are
     * rejected the operator may answer them (contradictory procedure); otherwise the execution
     * waits for the payment.
     *
     * @param actor an OI instructor or manager of the grant's OI
     * @param check the check, for a committed operation whose report was submitted
     * @param key the idempotency key: a retry under it is applied once
     * @return the operation's account after it
     * @throws fr.asso.europlie.plie.error.RuleViolationException ({@code PLIE-WORKFLOW-070}) when no
     *     submitted report waits for its check (and the key was not used for this check)
     */
    OperationAccount recordServiceDone(Actor actor, ServiceDoneCheck check, IdempotencyKey key);

    /**
     * The OI manager pays an operation, within what is committed and, beyond the advance, what the
     * checks accepted: the advance while the execution runs and before its first check; an
     * interim payment at the payment step of an interim report, the balance at the payment step
     * of the final report (the step is then done: the next report is awaited, or the closure).
     *
     * @param manager an {@code OI_MANAGER} of the grant's OI
     * @param operation the operation
     * @param kind the kind of payment
     * @param amount the amount
     * @param reason why, not blank
     * @param key the idempotency key: a retry under it is applied once
     * @return the operation's account after it
     * @throws fr.asso.europlie.plie.error.RuleViolationException ({@code PLIE-WORKFLOW-078}) for an
     *     interim payment at the final report or a balance before it, ({@code PLIE-WORKFLOW-070})
     *     for an interim payment or a balance when no payment step waits
     */
    OperationAccount pay(Actor manager, OperationId operation, PaymentKind kind, Money amount, String reason, IdempotencyKey key);

    /**
     * The OI manager decommits what an operation will not spend: released to its envelope, and
     * the operations waiting for money on the grant are taken up again (back to their appraisal).
     *
     * @param manager an {@code OI_MANAGER} of the grant's OI
     * @param operation the operation
     * @param amount the amount, at most what is left to pay
     * @param reason why, not blank
     * @param key the idempotency key: a retry under it is applied once
     * @return the operation's account after it
     */
    OperationAccount decommit(Actor manager, OperationId operation, Money amount, String reason, IdempotencyKey key);

    /**
     * An operation's account in the ledger (reserved, committed, accepted, paid): for the OI, or
     * for the operation's own operator while its commitment runs.
     *
     * @param actor an OI instructor or manager, or the operation's operator
     * @param operation the operation
     * @return the account, once the operation has a reservation
     */
    Optional<OperationAccount> account(Actor actor, OperationId operation);

    /**
     * Where an operation's commitment stands: for the OI, or for the operation's own operator.
     *
     * @param actor an OI instructor or manager, or the operation's operator
     * @param operation the operation
     * @return the view
     */
    CommitmentView view(Actor actor, OperationId operation);

    /**
     * The audit trail of an operation's commitment (piste d'audit): every step done, who did it,
     * when, with which outcome and why (start, appraisal and reservation, committee opinion,
     * decision, signature, overdue agreement, take-up, service-done checks, payments,
     * decommitments), oldest first. A refused command writes nothing; a retry under the same
     * idempotency key is recorded once.
     *
     * @param actor an OI instructor or manager of the operation's grant, or the operation's own operator
     * @param operation the operation
     * @return the entries, each naming the operation as its {@code protocolId} and the appraisal
     *     round as its {@code round}
     * @throws AccessDeniedException for any other actor
     */
    java.util.List<fr.asso.europlie.plie.workflow.audit.AuditEntry> history(Actor actor, OperationId operation);

    /**
     * Hears every new status of an operation once its transaction has committed.
     *
     * @param listener not null
     */
    void addListener(Consumer<CommitmentStatus> listener);

    /**
     * The commitments on a global grant (engagements d'une subvention globale): one view per
     * operation with a reservation on the grant, sorted by operation id, as {@link #view} gives it
     * (the amount asked included). For the grant's OI only; an unknown grant has none.
     *
     * @param actor an OI instructor or manager of the grant's intermediate body, not null
     * @param grant the global grant, not null
     * @return the views
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-075}) for an actor without an OI role, or
     *     another refusal for the OI of another grant
     */
    java.util.List<CommitmentView> commitments(Actor actor, GlobalGrantId grant);
}
