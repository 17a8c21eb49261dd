package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.PtiMarking;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import java.util.List;
import java.util.Map;

/**
 * The annual programming approval (process B of PROCESSES.md), one plan's, as typed commands:
 * the animation team opens a call under the plan's in-force protocol; operators submit
 * applications, each checked for admissibility at once with every reason, until the animation team
 * or the closing date closes the call; the animation team assigns an instructor to each
 * application, who appraises it before a deadline (with a reminder); the Département marks each
 * application's PTI complementarity; the animation team records the technical committee's opinion;
 * the steering committee's secretariat records the committee's decision on each operation
 * (approved within its axis's envelope, rejected or adjourned), taken with quorum, and closes each
 * session; adjourned operations come back at the next session, up to the sessions allowed; the
 * last session adopts the programming, which is published: for each approved operation asking for
 * FSE+, the message {@link ProgrammingProcess#FSE_COMMITMENT_MESSAGE} starts the OI commitment.
 *
 * <p>Every command names its actor, who is checked before anything changes
 * ({@link AccessDeniedException}, nothing changed): operators act on their own applications only;
 * instructors appraise only what they were assigned; only the Département marks PTI
 * complementarity; only the steering committee's secretariat (of the organisation that convenes the
 * committee) records its decisions; the OI holds no role here. Each command runs in one engine
 * transaction (programming, process and audit trail together), and the events are told to the
 * plan's listeners after commit. Obtained from {@link fr.asso.europlie.plie.workflow.Plan#programmingApproval()}.
 */
public interface ProgrammingApproval {

    /**
     * The animation team of the protocol's animation structure opens a call: the programming is
     * stored with its operators, settings and the plan's steering committee (the protocol's), and
     * its process starts (applications come in), with the call's settings or else the plan's
     * ({@link fr.asso.europlie.plie.workflow.WorkflowSettings#programming()}).
     *
     * @param actor the animation team
     * @param opening the call, mapping, Département, operators, settings and global grant
     * @return the status: open, waiting for the call to close
     * @throws RuleViolationException ({@code PLIE-WORKFLOW-051}) when the call has a programming,
     *     ({@code PLIE-WORKFLOW-052}) when the protocol is not in force in this plan,
     *     ({@code PLIE-WORKFLOW-058}) envelopes over the protocol's budget, ({@code PLIE-WORKFLOW-060})
     *     their FSE+ part over what the OI's global grant has available for the year,
     *     ({@code PLIE-WORKFLOW-061}) an unknown grant, ({@code PLIE-WORKFLOW-062}) no grant while the
     *     settings require one
     */
    ProgrammingStatus openCall(Actor actor, CallOpening opening);

    /**
     * An operator submits an application for one of its operations: admitted when admissible,
     * otherwise refused with every reason (recorded in the history, the programming unchanged).
     *
     * @param actor an operator acting for the operation's operator
     * @param id the programming
     * @param operation the operation
     * @return the admissibility outcome
     */
    Submission submit(Actor actor, CallId id, Operation operation);

    /**
     * The animation team closes the call before its closing date.
     *
     * @param actor the animation team
     * @param id the programming
     */
    void closeCall(Actor actor, CallId id);

    /**
     * The animation team assigns an instructor (a user of the animation team) to every application.
     *
     * @param actor the animation team
     * @param id the programming
     * @param instructors the instructor's user id for each operation, every application once
     * @throws RuleViolationException ({@code PLIE-WORKFLOW-056}) naming each operation missing or unknown
     */
    void assignInstructors(Actor actor, CallId id, Map<OperationId, String> instructors);

    /**
     * The instructor assigned to an application appraises it.
     *
     * @param actor the assigned instructor (animation team)
     * @param id the programming
     * @param operation the operation
     * @param opinion the opinion
     * @param proposedAmount the amount proposed
     * @param remarks remarks, may be empty
     */
    void appraise(Actor actor, CallId id, OperationId operation, Appraisal.Opinion opinion, Money proposedAmount, String remarks);

    /**
     * The Département's technical staff marks an application's PTI complementarity.
     *
     * @param actor the Département's technical staff
     * @param id the programming
     * @param operation the operation
     * @param complementarity complementary or redundant
     * @param justification why
     */
    void markPti(Actor actor, CallId id, OperationId operation, PtiMarking.Complementarity complementarity, String justification);

    /**
     * The animation team records the technical committee's opinion on the draft programming.
     *
     * @param actor the animation team
     * @param id the programming
     * @param opinion the opinion
     * @param remarks remarks, may be empty
     * @param reference the committee meeting's reference
     */
    void recordTechnicalOpinion(Actor actor, CallId id, Appraisal.Opinion opinion, String remarks, String reference);

    /**
     * The steering committee's secretariat records the committee's decision on one operation,
     * taken with quorum: approved with an amount within what is left of its axis's envelope (and
     * its FSE+ share still within the co-financing rate), rejected, or adjourned.
     *
     * @param actor the secretariat, acting for the organisation that convenes the committee
     * @param id the programming
     * @param operation the operation
     * @param decision the committee's decision: members present, outcome, reasons, minutes
     * @param approvedAmount the amount programmed; zero unless approved
     * @throws RuleViolationException ({@code PLIE-OFFER-025}) over the envelope, the governance
     *     codes without quorum or with non-members present, ({@code PLIE-OFFER-038}) a decision of
     *     persons none of whom sits on the plan's steering committee (the OI's programming
     *     committee), ({@code PLIE-OFFER-035}) on an operation already approved or rejected
     */
    default void decide(Actor actor, CallId id, OperationId operation, Decision<SteeringDecision.Outcome> decision, Money approvedAmount) {
        decide(actor, id, operation, decision, DecisionTerms.of(approvedAmount));
    }

    /**
     * The steering committee's secretariat records the committee's decision on one operation with
     * its terms: the amount approved within what is left of its axis's envelope, the FSE+ approved
     * on it (by default the FSE+ asked capped at the co-financing rate times that amount), and the
     * committee's justification when the Département marked the operation redundant with the PTI.
     * When the programming draws from the OI's global grant, the FSE+ its approvals add beyond what
     * the grant already accounts for stays within what the grant has available for the year.
     *
     * @param actor the secretariat, acting for the organisation that convenes the committee
     * @param id the programming
     * @param operation the operation
     * @param decision the committee's decision: members present, outcome, reasons, minutes
     * @param terms the amount, the FSE+ and the justification of a redundancy
     * @throws RuleViolationException as {@link #decide(Actor, CallId, OperationId, Decision, Money)},
     *     ({@code PLIE-OFFER-039}) more FSE+ than asked, ({@code PLIE-OFFER-040}) more FSE+ than the
     *     co-financing rate times the amount, ({@code PLIE-OFFER-031}) an operation marked redundant
     *     approved without a justification of the redundancy, ({@code PLIE-WORKFLOW-063}) the FSE+
     *     approved over what the global grant has available; nothing changed
     */
    void decide(Actor actor, CallId id, OperationId operation, Decision<SteeringDecision.Outcome> decision, DecisionTerms terms);

    /**
     * The steering committee's secretariat closes a session. Adjourned operations come back at the
     * next session while sessions are left; otherwise an {@code ADOPT} decision (with quorum)
     * adopts the programming, which is then published.
     *
     * @param actor the secretariat
     * @param id the programming
     * @param decision the committee's decision on the programming as a whole
     * @return the status after the session
     * @throws RuleViolationException ({@code PLIE-OFFER-026}) with operations undecided,
     *     ({@code PLIE-WORKFLOW-057}) when the last session does not adopt
     */
    ProgrammingStatus closeSession(Actor actor, CallId id, Decision<AdoptionOutcome> decision);

    /**
     * The steering committee's secretariat records an amendment of the adopted programming: a new
     * decision on one operation, taken with quorum, under the same rules as a decision (envelope,
     * co-financing rate). When it approves an operation asking for FSE+, or raises the FSE+
     * programmed on one ({@link fr.asso.europlie.plie.offer.Application#fseProgrammed()}), the message
     * {@link ProgrammingProcess#FSE_COMMITMENT_MESSAGE} is sent for it as at publication, with the new amount.
     *
     * @param actor the secretariat
     * @param id the programming, adopted
     * @param operation the operation
     * @param decision the committee's decision
     * @param approvedAmount the amount programmed; zero unless approved
     * @param reason why the programming is amended, not blank
     * @throws RuleViolationException ({@code PLIE-OFFER-021}) unless adopted, otherwise as {@link #decide}
     */
    default void amend(Actor actor, CallId id, OperationId operation, Decision<SteeringDecision.Outcome> decision, Money approvedAmount,
            String reason) {
        amend(actor, id, operation, decision, DecisionTerms.of(approvedAmount), reason);
    }

    /**
     * The steering committee's secretariat records an amendment of the adopted programming with the
     * decision's terms, under the same rules as
     * {@link #decide(Actor, CallId, OperationId, Decision, DecisionTerms)} (the global grant checked
     * when the amendment approves an operation or raises its FSE+).
     *
     * @param actor the secretariat
     * @param id the programming, adopted
     * @param operation the operation
     * @param decision the committee's decision
     * @param terms the amount, the FSE+ and the justification of a redundancy
     * @param reason why the programming is amended, not blank
     * @throws RuleViolationException ({@code PLIE-OFFER-021}) unless adopted, otherwise as
     *     {@link #decide(Actor, CallId, OperationId, Decision, DecisionTerms)}
     */
    void amend(Actor actor, CallId id, OperationId operation, Decision<SteeringDecision.Outcome> decision, DecisionTerms terms,
            String reason);

    /**
     * The steps of this plan's rounds waiting for an actor: an instructor's own appraisals, the
     * Département's markings, the animation team's and the secretariat's steps; an operator has none.
     *
     * @param actor the actor
     * @return the open steps, oldest first
     */
    List<ProgrammingTask> tasks(Actor actor);

    /**
     * Where the round stands, as the actor may see it (an operator: its own applications only).
     *
     * @param actor any actor with a role in the round
     * @param id the programming
     * @return the status
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-059}) for an actor with no part in it
     */
    ProgrammingStatus status(Actor actor, CallId id);

    /**
     * The round's history, for the animation team, the Département and the committee's secretariat.
     *
     * @param actor the actor
     * @param id the programming
     * @return the programming's audit trail, oldest first
     */
    List<ProgrammingAuditEntry> history(Actor actor, CallId id);

    /**
     * The programming itself (the domain's {@code Programming}: the call, the applications with their
     * appraisals, markings and decisions, the technical opinion, the adoption and the amendments),
     * in whatever state it stands: once adopted, the adopted programming, whose
     * {@code approvedTotal(axis)}, {@code approved()} and {@code approvedAskingEsf()} give what
     * the steering committee programmed. For those who see the whole round: the animation team, the
     * committee's secretariat and the Département's technical staff.
     *
     * @param actor the actor, not null
     * @param id the programming (its call), not null
     * @return the programming
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-059}) for an actor who sees only part of the
     *     round (an operator) or none of it
     */
    fr.asso.europlie.plie.offer.Programming programming(Actor actor, CallId id);
}
