package fr.asso.europlie.plie.workflow.negotiation;


import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.SharedDiagnostic;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ConflictException;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;

/**
 * The negotiation of a protocol or of an amendment (négociation du protocole, PROCESSES.md A),
 * one typed method per step. Every method names who acts; the actor is checked (first that its
 * organisation is a party of the protocol, with the same refusal {@code PLIE-WORKFLOW-030} for an
 * outsider and for a protocol that does not exist; then role, organisation, and that a signatory
 * acts only for itself) before anything changes, and a refusal throws a
 * {@link fr.asso.europlie.plie.error.PlieException} with nothing changed.
 *
 * <p>Each method runs in one transaction: the protocol's change, the process step and the audit
 * entry commit together or not at all. Concurrent changes are retried, then reported with
 * {@link ConflictException}. Obtained from {@link fr.asso.europlie.plie.workflow.PlieEngine#protocolNegotiation()};
 * applications do not implement it.
 */
public interface ProtocolNegotiation {

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
    NegotiationStatus start(Actor actor, ProtocolId id, ProtocolContent draft);

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
    NegotiationStatus startAmendment(Actor actor, ProtocolId id, ProtocolContent amended, String reason);

    /**
     * The animation team records the shared PTI-PLIE diagnostic, with its six items.
     *
     * @param actor the animation team of the animation structure
     * @param id the protocol
     * @param diagnostic the diagnostic, complete
     * @throws RuleViolationException ({@code PLIE-PROTOCOL-017}) for each missing item
     */
    void recordDiagnostic(Actor actor, ProtocolId id, SharedDiagnostic diagnostic);

    /**
     * A party's technical staff gives its opinion on the draft, for its own organisation.
     *
     * @param actor the technical staff of a consulted party
     * @param id the protocol
     * @param opinion the opinion, not null
     * @throws AccessDeniedException when the actor's organisation is not consulted or lacks the role
     * @throws RuleViolationException ({@code PLIE-WORKFLOW-003}) when the organisation already answered
     */
    void giveOpinion(Actor actor, ProtocolId id, Opinion opinion);

    /**
     * The animation team consolidates the remarks, revising the text or not. After an
     * unfavourable opinion the parties are consulted again, up to the round limit.
     *
     * @param actor the animation team
     * @param id the protocol
     * @param revised the revised text, or null to keep it
     * @param note what was integrated, may be null
     */
    void consolidate(Actor actor, ProtocolId id, ProtocolContent revised, String note);

    /**
     * The steering committee decides, once the consultation rounds are used up with an opinion
     * still unfavourable, whether to go on (to the budget) or abandon.
     *
     * @param actor the steering committee's secretariat
     * @param id the protocol
     * @param decision go on or abandon, not null
     * @param reason why, not blank
     */
    void decideAfterRoundLimit(Actor actor, ProtocolId id, RoundLimitDecision decision, String reason);

    /**
     * A funder confirms its contribution per year; the budget lines of those years are set to
     * the confirmed amounts. Once every funder confirmed, the budget must balance, else the text
     * goes back to consolidation.
     *
     * @param actor the funder's budget officer
     * @param id the protocol
     * @param amounts the contribution per year, not empty
     */
    void confirmContribution(Actor actor, ProtocolId id, Map<Year, Money> amounts);

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
    CommitteeOutcome decideInCommittee(Actor actor, ProtocolId id, Decision<AdoptionOutcome> decision);

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
    void deliberate(Actor actor, ProtocolId id, DeliberationOutcome outcome, String reference, LocalDate date,
            String reasons);

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
    void withdraw(Actor actor, ProtocolId id, String reason);

    /**
     * A signatory signs the adopted text, for its own organisation only, after its body approved.
     * When the last one signs, the protocol (or amendment) enters into force.
     *
     * @param actor the signatory's legal representative
     * @param id the protocol
     * @param date the date of signature, not null
     */
    void sign(Actor actor, ProtocolId id, LocalDate date);

    /**
     * Completes a step that an application added to its customised copy of the process (a legal
     * review...), which the library has no typed command for. The actor must hold one of the
     * roles that the step's candidate groups name, and act for one of the organisations they
     * name; when they name none, for the organisation that convenes the steering committee if
     * they name {@link fr.asso.europlie.plie.workflow.Role#STEERING_COMMITTEE}, else for the
     * animation structure. The outcome is audited with the reason, and left to the process in
     * the variable {@link NegotiationProcess.Var#stepOutcome(String)} for its gateways; the
     * step, the audit entry and what follows in the process commit together.
     *
     * @param actor who does the step, not null
     * @param id the protocol, not null
     * @param taskKey the step's user task id in the BPMN, not blank
     * @param outcome the outcome, such as {@code FAVOURABLE}, not blank, at most
     *     {@link AuditEntry#MAX_OUTCOME} characters
     * @param reason why, may be null
     * @throws fr.asso.europlie.plie.error.InvalidValueException ({@code PLIE-WORKFLOW-020}) for a
     *     library step, which has its own command; ({@code -008}, {@code -011}) for a missing or
     *     over-long value
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-001}) when the actor holds none of the
     *     step's roles, ({@code -002}) when it acts for another organisation, ({@code -021}) when
     *     the step names no role at all
     * @throws RuleViolationException ({@code PLIE-WORKFLOW-004}) when no negotiation runs,
     *     ({@code -003}) when the step is not open
     */
    void completeStep(Actor actor, ProtocolId id, String taskKey, String outcome, String reason);

    /**
     * The steps waiting for this actor: those of its organisation for which it has the role, and
     * the steering committee's if it has that role and acts for the organisation that convenes
     * that protocol's committee; and the steps a customised process added that the actor may
     * complete with {@link #completeStep}.
     *
     * @param actor the actor, not null
     * @return the open steps, oldest first
     */
    List<WorkItem> tasks(Actor actor);

    /**
     * Where the negotiation of a protocol stands, for a party of it (see docs/workflow.md, "Who may
     * know about a protocol").
     *
     * @param actor who asks, not null
     * @param id the protocol, not null
     * @return the status; the steps waiting include those a customised process added
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-030}) when the protocol does not exist
     *     or the actor's organisation is not a party of it: the same refusal for both
     */
    NegotiationStatus status(Actor actor, ProtocolId id);

    /**
     * The protocol's history, for a party of it: every step taken on it, by whom, when, with which
     * outcome and why.
     *
     * @param actor who asks, not null
     * @param id the protocol, not null
     * @return the audit entries, oldest first
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-030}) when the protocol does not exist
     *     or the actor's organisation is not a party of it: the same refusal for both
     */
    List<AuditEntry> history(Actor actor, ProtocolId id);

    /**
     * The settings the negotiation runs with.
     *
     * @return the settings
     */
    WorkflowSettings settings();
}
