package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.DecisionPolicies;
import fr.asso.europlie.plie.governance.SteeringCommittee;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PLIE protocol (protocole d'accord): the founding act of the plan, its negotiation, its
 * versions in force and its history. The aggregate root of the {@code protocol} package.
 *
 * <p>Immutable: every action returns a new {@code Protocol} with its {@link #revision()} raised by
 * one (for optimistic locking) and an event added to {@link #events()}, or throws a
 * {@link fr.asso.europlie.plie.error.PlieException} and nothing changes. Instants and actors are
 * passed in; nothing reads a clock.
 *
 * <p>Lifecycle: {@link ProtocolState}. A signed protocol changes only by amendment
 * ({@link #proposeAmendment}): the amendment is negotiated, adopted, deliberated and signed with
 * the same verbs while the protocol stays in force, and its entry into force adds version n+1 to
 * {@link #versions()}; earlier versions are never changed.
 */
public final class Protocol {

    private final ProtocolId id;
    private final ProtocolState state;
    private final long revision;
    private final List<ProtocolVersion> versions;
    private final Negotiation negotiation;
    private final List<ProtocolEvent> events;

    private Protocol(ProtocolId id, ProtocolState state, long revision, List<ProtocolVersion> versions,
                     Negotiation negotiation, List<ProtocolEvent> events) {
        this.id = id;
        this.state = state;
        this.revision = revision;
        this.versions = List.copyOf(versions);
        this.negotiation = negotiation;
        this.events = List.copyOf(events);
    }

    /**
     * A new draft protocol (projet de protocole), version 1, revision 1.
     *
     * @param id the protocol's id, not null
     * @param content the draft's content, not null
     * @param at when, not null
     * @param actor who drafts it, not blank
     * @return the draft
     * @throws InvalidValueException when an argument is missing
     */
    public static Protocol draft(ProtocolId id, ProtocolContent content, Instant at, String actor) {
        requireArgument(id, "protocolId");
        requireArgument(content, "content");
        requireArgument(at, "at");
        requireActor(actor);
        Negotiation first = new Negotiation(1, content, ProtocolState.DRAFT, 0, null, null, List.of(), List.of());
        Protocol empty = new Protocol(id, ProtocolState.DRAFT, 0, List.of(), first, List.of());
        return empty.next(ProtocolState.DRAFT, empty.versions, first, "ProtocolDrafted", at, actor, null, null);
    }

    /**
     * Rebuilds a protocol from stored parts (for stores and the JSON format), checking again every
     * invariant of the state it claims, as building it through its actions does: every version in
     * force and a signed text satisfy every {@link ProtocolPolicies rule} (the balanced budget
     * included), carry a valid adoption by the steering committee, an approval before each signature
     * and every signature; an adopted text satisfies the adoption rules; a draft or a text under
     * negotiation has no adoption, deliberation or signature. Violations are reported with the same
     * codes as the actions, under {@code versions[i]} or {@code negotiation}
     * ({@code versions[0].content.governance.steeringCommittee.convenedBy}).
     *
     * @param id the id
     * @param state the state
     * @param revision the revision
     * @param versions the versions in force
     * @param negotiation the negotiation in progress, or null
     * @param events the history
     * @return the protocol
     * @throws InvalidValueException when a part is missing
     * @throws RuleViolationException with every rule the claimed state breaks; {@code PLIE-PROTOCOL-034}
     *     when the negotiation's stage contradicts the state, or an adoption, deliberation or
     *     signature is recorded at a stage that cannot have it (or an adoption is missing)
     */
    public static Protocol restore(ProtocolId id, ProtocolState state, long revision, List<ProtocolVersion> versions,
                                   Negotiation negotiation, List<ProtocolEvent> events) {
        requireArgument(id, "protocolId");
        requireArgument(state, "state");
        boolean negotiating = state == ProtocolState.DRAFT || state == ProtocolState.UNDER_NEGOTIATION
                || state == ProtocolState.ADOPTED || state == ProtocolState.SIGNED;
        if (negotiating && negotiation == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "negotiation", null);
        }
        if (state == ProtocolState.IN_FORCE && (versions == null || versions.isEmpty())) {
            throw new InvalidValueException(ProtocolError.BLANK, "versions", "[]");
        }
        List<ProtocolVersion> inForce = versions == null ? List.of() : versions;
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < inForce.size(); i++) {
            ProtocolVersion v = inForce.get(i);
            checkAgreement(v.content(), ProtocolState.SIGNED, v.adoption(), v.deliberations(), v.signatures(),
                    "versions[" + i + "]", violations);
        }
        if (negotiation != null) {
            boolean amendment = state == ProtocolState.IN_FORCE;
            if (amendment != negotiation.isAmendment() || !amendment && negotiation.stage() != state) {
                violations.add(Violation.of(ProtocolError.STATE_NOT_SATISFIED, "negotiation.stage", negotiation.stage(), state));
            }
            checkAgreement(negotiation.content(), negotiation.stage(), negotiation.adoption(), negotiation.deliberations(),
                    negotiation.signatures(), "negotiation", violations);
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations.stream().distinct().toList());
        }
        return new Protocol(id, state, revision, inForce, negotiation, events == null ? List.of() : events);
    }

    /**
     * The rules that the actions enforce on the way to a stage, checked again on a text and its
     * agreement as a document claims them: adopted and signed stages hold the adoption rules and a
     * valid adoption by the steering committee; every signature follows an approval and requires
     * every rule, the balanced budget included; a signed stage has every signature; a draft or a
     * text under negotiation has no adoption, deliberation or signature yet.
     */
    private static void checkAgreement(ProtocolContent content, ProtocolState stage, Decision<AdoptionOutcome> adoption,
                                       List<Deliberation> deliberations, List<Signature> signatures, String at,
                                       List<Violation> violations) {
        if (content == null || stage == null) {
            return; // reported by the constructors
        }
        boolean adopted = stage == ProtocolState.ADOPTED || stage == ProtocolState.SIGNED;
        if (!adopted) {
            if (adoption != null || !deliberations.isEmpty() || !signatures.isEmpty()) {
                violations.add(Violation.of(ProtocolError.STATE_NOT_SATISFIED, at + ".adoption",
                        adoption == null ? deliberations.size() + signatures.size() : adoption.outcome(), stage));
            }
            return;
        }
        ProtocolPolicy.Moment moment = stage == ProtocolState.SIGNED || !signatures.isEmpty()
                ? ProtocolPolicy.Moment.SIGNATURE : ProtocolPolicy.Moment.ADOPTION;
        ProtocolPolicies.check(content, moment).forEach(v -> violations.add(v.under(at + ".content")));
        if (adoption == null) {
            violations.add(Violation.of(ProtocolError.STATE_NOT_SATISFIED, at + ".adoption", null, stage));
        } else if (adoption.outcome() != AdoptionOutcome.ADOPT) {
            violations.add(Violation.of(ProtocolError.ADOPTION_OUTCOME, at + ".adoption.outcome", adoption.outcome()));
        } else {
            DecisionPolicies.check(content.governance().steeringCommittee(), adoption)
                    .forEach(v -> violations.add(v.under(at + ".adoption")));
        }
        for (int j = 0; j < signatures.size(); j++) {
            OrganisationId signatory = signatures.get(j).signatory();
            String field = at + ".signatures[" + j + "].signatory";
            if (content.signatory(signatory).isEmpty()) {
                violations.add(Violation.of(ProtocolError.NOT_A_SIGNATORY, field, signatory));
            } else if (deliberations.stream().noneMatch(d -> d.signatory().equals(signatory)
                    && d.outcome() == DeliberationOutcome.APPROVED)) {
                violations.add(Violation.of(ProtocolError.DELIBERATION_MISSING, field, signatory));
            }
        }
        if (stage == ProtocolState.SIGNED) {
            content.signatories().stream().map(Signatory::id)
                    .filter(id -> signatures.stream().noneMatch(s -> s.signatory().equals(id)))
                    .forEach(id -> violations.add(Violation.of(ProtocolError.SIGNATURE_MISSING, at + ".signatures", id)));
        }
    }

    // ------------------------------------------------------------------------------------ queries

    /**
     * The protocol's id.
     *
     * @return the id
     */
    public ProtocolId id() {
        return id;
    }

    /**
     * The lifecycle state.
     *
     * @return the state
     */
    public ProtocolState state() {
        return state;
    }

    /**
     * The revision, raised by one at every change; stores use it for optimistic locking.
     *
     * @return the revision, from 1
     */
    public long revision() {
        return revision;
    }

    /**
     * The versions that entered into force, oldest first; never changed once recorded.
     *
     * @return the versions, empty before the first entry into force
     */
    public List<ProtocolVersion> versions() {
        return versions;
    }

    /**
     * The version in force.
     *
     * @return the latest version, or empty before entry into force
     */
    public Optional<ProtocolVersion> versionInForce() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /**
     * The version with a number.
     *
     * @param number the number, from 1
     * @return the version, or empty
     */
    public Optional<ProtocolVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /**
     * The negotiation in progress: of the initial text before entry into force, or of a pending
     * amendment afterwards.
     *
     * @return the negotiation, or empty
     */
    public Optional<Negotiation> negotiation() {
        return Optional.ofNullable(negotiation);
    }

    /**
     * The pending amendment of an in-force protocol.
     *
     * @return the amendment's negotiation, or empty
     */
    public Optional<Negotiation> pendingAmendment() {
        return negotiation != null && negotiation.isAmendment() ? Optional.of(negotiation) : Optional.empty();
    }

    /**
     * The current text: the one negotiated before entry into force, else the version in force.
     *
     * @return the content
     */
    public ProtocolContent content() {
        if (negotiation != null && !negotiation.isAmendment()) {
            return negotiation.content();
        }
        return versionInForce().map(ProtocolVersion::content)
                .orElseGet(() -> negotiation == null ? null : negotiation.content());
    }

    /**
     * The history, oldest first.
     *
     * @return every event since the draft
     */
    public List<ProtocolEvent> events() {
        return events;
    }

    /**
     * Whether an action is possible now (on the protocol, or on its pending amendment).
     *
     * @param action the action
     * @return true when it would not be refused for the state
     */
    public boolean allows(ProtocolAction action) {
        return stageFor(action) != null;
    }

    // ------------------------------------------------------------------------------------ actions

    /**
     * Replaces the text under negotiation (consolidation of the remarks).
     *
     * @param content the new text
     * @param at when
     * @param actor who
     * @return the revised protocol
     * @throws IllegalTransitionException when not a draft or under negotiation; when signed, with
     *     {@code PLIE-PROTOCOL-015} (changes only by amendment)
     */
    public Protocol revise(ProtocolContent content, Instant at, String actor) {
        Negotiation current = open(ProtocolAction.REVISE, at, actor);
        requireArgument(content, "content");
        Negotiation revised = current.with(content, current.stage(), current.round(), current.adoption(),
                current.deliberations(), current.signatures());
        return next(state, versions, revised, "ProtocolRevised", at, actor, null, null);
    }

    /**
     * Records the shared PTI-PLIE diagnostic in the text under negotiation.
     *
     * @param diagnostic the diagnostic
     * @param at when
     * @param actor who
     * @return the changed protocol
     * @throws IllegalTransitionException when not a draft or under negotiation
     */
    public Protocol recordDiagnostic(SharedDiagnostic diagnostic, Instant at, String actor) {
        Negotiation current = open(ProtocolAction.RECORD_DIAGNOSTIC, at, actor);
        requireArgument(diagnostic, "diagnostic");
        Negotiation revised = current.with(current.content().withDiagnostic(diagnostic), current.stage(), current.round(),
                current.adoption(), current.deliberations(), current.signatures());
        return next(state, versions, revised, "ProtocolRevised", at, actor, null, "diagnostic");
    }

    /**
     * Opens the negotiation of the draft with the parties (round 1).
     *
     * @param at when
     * @param actor who
     * @return the protocol under negotiation
     * @throws IllegalTransitionException when not a draft
     */
    public Protocol openNegotiation(Instant at, String actor) {
        Negotiation current = open(ProtocolAction.OPEN_NEGOTIATION, at, actor);
        Negotiation opened = current.with(current.content(), ProtocolState.UNDER_NEGOTIATION, 1, null, List.of(), List.of());
        return next(ProtocolState.UNDER_NEGOTIATION, versions, opened, "NegotiationOpened", at, actor, null, null);
    }

    /**
     * The steering committee adopts the text under negotiation, by a decision taken with quorum
     * (its {@link fr.asso.europlie.plie.governance.DecisionPolicies}), once the text satisfies every
     * {@link ProtocolPolicies adoption rule}. A decision to send back or abandon is recorded with
     * {@link #sendBack} or {@link #abandon}.
     *
     * @param adoption the steering committee's decision, outcome {@code ADOPT}, with the members present
     * @param at when it is recorded
     * @param actor who records it
     * @return the adopted protocol (or amendment)
     * @throws IllegalTransitionException when not under negotiation
     * @throws RuleViolationException with every broken rule: the protocol's, and the decision's
     *     (quorum {@code PLIE-GOVERNANCE-008}, Département absent {@code PLIE-GOVERNANCE-009}...)
     */
    public Protocol adopt(Decision<AdoptionOutcome> adoption, Instant at, String actor) {
        Negotiation current = open(ProtocolAction.ADOPT, at, actor);
        requireArgument(adoption, "adoption");
        if (adoption.outcome() != AdoptionOutcome.ADOPT) {
            throw new InvalidValueException(ProtocolError.ADOPTION_OUTCOME, "adoption.outcome", adoption.outcome());
        }
        List<Violation> violations = new ArrayList<>(ProtocolPolicies.check(current.content(), ProtocolPolicy.Moment.ADOPTION));
        SteeringCommittee committee = current.content().governance().steeringCommittee();
        DecisionPolicies.check(committee, adoption).forEach(v -> violations.add(v.under("adoption")));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Negotiation adopted = current.with(current.content(), ProtocolState.ADOPTED, current.round(), adoption, List.of(), List.of());
        return next(stateAfter(ProtocolState.ADOPTED), versions, adopted, "ProtocolAdopted", at, actor, null,
                adoption.reference().orElse(adoption.reasons()));
    }

    /**
     * Records the deliberation of a signatory's own body. An approval is kept until signature; a
     * rejection or a request for changes sends the text back to negotiation (next round).
     *
     * @param deliberation the deliberation
     * @param at when
     * @param actor who records it
     * @return the changed protocol
     * @throws IllegalTransitionException when not adopted
     * @throws RuleViolationException ({@code PLIE-PROTOCOL-024}) when the organisation does not sign
     *     the protocol, ({@code PLIE-PROTOCOL-007}) when it already approved
     */
    public Protocol deliberate(Deliberation deliberation, Instant at, String actor) {
        Negotiation current = open(ProtocolAction.DELIBERATE, at, actor);
        requireArgument(deliberation, "deliberation");
        requireSignatory(current, deliberation.signatory(), "deliberation.signatory");
        if (current.approvalOf(deliberation.signatory()).isPresent()) {
            throw new RuleViolationException(ProtocolError.DUPLICATE, "deliberations", deliberation.signatory());
        }
        String detail = deliberation.outcome() + " " + deliberation.reference() + " " + deliberation.date();
        if (deliberation.outcome() == DeliberationOutcome.APPROVED) {
            List<Deliberation> gathered = new ArrayList<>(current.deliberations());
            gathered.add(deliberation);
            Negotiation changed = current.with(current.content(), current.stage(), current.round(), current.adoption(),
                    gathered, current.signatures());
            return next(state, versions, changed, "DeliberationRecorded", at, actor, deliberation.signatory(), detail);
        }
        Protocol recorded = next(state, versions, current, "DeliberationRecorded", at, actor, deliberation.signatory(), detail);
        return recorded.backToNegotiation(current, deliberation.outcome() + ": " + deliberation.reasons(), at, actor);
    }

    /**
     * Sends the adopted text back to negotiation (consolidation), for a new round.
     *
     * @param reason why, not blank
     * @param at when
     * @param actor who
     * @return the protocol under negotiation
     * @throws IllegalTransitionException when not adopted
     */
    public Protocol sendBack(String reason, Instant at, String actor) {
        Negotiation current = open(ProtocolAction.SEND_BACK, at, actor);
        requireText(reason, "reason");
        return backToNegotiation(current, reason, at, actor);
    }

    private Protocol backToNegotiation(Negotiation current, String reason, Instant at, String actor) {
        Negotiation back = current.with(current.content(), ProtocolState.UNDER_NEGOTIATION, current.round() + 1, null,
                List.of(), List.of());
        return next(stateAfter(ProtocolState.UNDER_NEGOTIATION), versions, back, "ProtocolSentBack", at, actor, null, reason);
    }

    /**
     * A non-mandatory signatory withdraws from the protocol under negotiation or adopted; its
     * budget lines go with it. The Département, and any mandatory signatory, may not withdraw.
     *
     * @param signatory the signatory that withdraws
     * @param reason why, not blank
     * @param at when
     * @param actor who
     * @return the protocol without that signatory
     * @throws RuleViolationException ({@code PLIE-PROTOCOL-024}) when not a signatory,
     *     ({@code PLIE-PROTOCOL-027}) when mandatory
     */
    public Protocol withdraw(OrganisationId signatory, String reason, Instant at, String actor) {
        Negotiation current = open(ProtocolAction.WITHDRAW, at, actor);
        requireText(reason, "reason");
        Signatory leaving = requireSignatory(current, signatory, "signatory");
        if (leaving.mandatory()) {
            throw new RuleViolationException(ProtocolError.MANDATORY_CANNOT_WITHDRAW, "signatory", signatory, leaving.kind());
        }
        List<Deliberation> kept = current.deliberations().stream().filter(d -> !d.signatory().equals(signatory)).toList();
        Negotiation changed = current.with(current.content().withoutSignatory(signatory), current.stage(), current.round(),
                current.adoption(), kept, current.signatures());
        return next(state, versions, changed, "SignatoryWithdrew", at, actor, signatory, reason);
    }

    /**
     * One signatory signs, after its body approved and while the text satisfies every
     * {@link ProtocolPolicies rule}, the balanced budget included. When the last one signs, the
     * protocol (or amendment) is signed.
     *
     * @param signatory the signatory
     * @param date the date of signature
     * @param at when it is recorded
     * @param actor who signs for it
     * @return the changed protocol
     * @throws IllegalTransitionException when not adopted
     * @throws RuleViolationException ({@code PLIE-PROTOCOL-024}) not a signatory, ({@code -007})
     *     already signed, ({@code -028}) no approving deliberation, ({@code -014}) unbalanced budget...
     */
    public Protocol sign(OrganisationId signatory, LocalDate date, Instant at, String actor) {
        Negotiation current = open(ProtocolAction.SIGN, at, actor);
        requireArgument(date, "date");
        requireSignatory(current, signatory, "signatory");
        if (current.signatureOf(signatory).isPresent()) {
            throw new RuleViolationException(ProtocolError.DUPLICATE, "signatures", signatory);
        }
        List<Violation> violations = new ArrayList<>();
        if (current.approvalOf(signatory).isEmpty()) {
            violations.add(Violation.of(ProtocolError.DELIBERATION_MISSING, "signatory", signatory));
        }
        violations.addAll(ProtocolPolicies.check(current.content(), ProtocolPolicy.Moment.SIGNATURE));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        List<Signature> signatures = new ArrayList<>(current.signatures());
        signatures.add(new Signature(signatory, date, actor));
        Negotiation signing = current.with(current.content(), current.stage(), current.round(), current.adoption(),
                current.deliberations(), signatures);
        Protocol signed = next(state, versions, signing, "SignatureRecorded", at, actor, signatory, date.toString());
        if (!signing.missingSignatures().isEmpty()) {
            return signed;
        }
        Negotiation complete = signing.with(signing.content(), ProtocolState.SIGNED, signing.round(), signing.adoption(),
                signing.deliberations(), signing.signatures());
        return signed.next(signed.stateAfter(ProtocolState.SIGNED), versions, complete, "ProtocolSigned", at, actor, null, null);
    }

    /**
     * The signed protocol enters into force as version 1, or the signed amendment as version n+1.
     *
     * @param date the date of entry into force, not before the last signature
     * @param at when
     * @param actor who
     * @return the protocol in force
     * @throws IllegalTransitionException when not signed
     * @throws RuleViolationException ({@code PLIE-PROTOCOL-026}) when the date precedes a signature
     */
    public Protocol enterIntoForce(LocalDate date, Instant at, String actor) {
        Negotiation current = open(ProtocolAction.ENTER_INTO_FORCE, at, actor);
        requireArgument(date, "date");
        LocalDate lastSignature = current.signatures().stream().map(Signature::date).max(LocalDate::compareTo).orElse(date);
        if (date.isBefore(lastSignature)) {
            throw new RuleViolationException(ProtocolError.DATE_ORDER, "date", date, lastSignature);
        }
        List<ProtocolVersion> inForce = new ArrayList<>(versions);
        inForce.add(new ProtocolVersion(current.version(), current.content(), date, current.amendmentReason(),
                current.adoption(), current.deliberations(), current.signatures()));
        return next(ProtocolState.IN_FORCE, inForce, null, "ProtocolEnteredIntoForce", at, actor, null, date.toString());
    }

    /**
     * Proposes an amendment (avenant) of the in-force protocol: a new text negotiated as version
     * n+1 while version n stays in force.
     *
     * @param content the amended text
     * @param reason why, not blank
     * @param at when
     * @param actor who
     * @return the protocol with a pending amendment under negotiation
     * @throws IllegalTransitionException when not in force or an amendment is already pending
     */
    public Protocol proposeAmendment(ProtocolContent content, String reason, Instant at, String actor) {
        check(ProtocolAction.PROPOSE_AMENDMENT, at, actor);
        requireArgument(content, "content");
        requireText(reason, "reason");
        int number = versions.get(versions.size() - 1).number() + 1;
        Negotiation amendment = new Negotiation(number, content, ProtocolState.UNDER_NEGOTIATION, 1, reason, null,
                List.of(), List.of());
        return next(ProtocolState.IN_FORCE, versions, amendment, "AmendmentProposed", at, actor, null, reason);
    }

    /**
     * Abandons the negotiation (the protocol becomes {@code ABANDONED}) or the pending amendment
     * (the protocol stays in force, unchanged).
     *
     * @param reason why, not blank
     * @param at when
     * @param actor who
     * @return the changed protocol
     * @throws IllegalTransitionException when there is nothing to abandon
     */
    public Protocol abandon(String reason, Instant at, String actor) {
        Negotiation current = open(ProtocolAction.ABANDON, at, actor);
        requireText(reason, "reason");
        ProtocolState after = current.isAmendment() ? ProtocolState.IN_FORCE : ProtocolState.ABANDONED;
        return next(after, versions, null, "ProtocolAbandoned", at, actor, null, reason);
    }

    /**
     * The protocol reaches the end of its period.
     *
     * @param at when
     * @param actor who
     * @return the expired protocol
     * @throws IllegalTransitionException when not in force
     */
    public Protocol expire(Instant at, String actor) {
        check(ProtocolAction.EXPIRE, at, actor);
        return next(ProtocolState.EXPIRED, versions, null, "ProtocolExpired", at, actor, null, null);
    }

    /**
     * The signatories end the protocol early.
     *
     * @param reason why, not blank
     * @param at when
     * @param actor who
     * @return the terminated protocol
     * @throws IllegalTransitionException when not signed or in force
     */
    public Protocol terminate(String reason, Instant at, String actor) {
        check(ProtocolAction.TERMINATE, at, actor);
        requireText(reason, "reason");
        return next(ProtocolState.TERMINATED, versions, null, "ProtocolTerminated", at, actor, null, reason);
    }

    // ------------------------------------------------------------------------------------ internals

    /** The stage whose table governs the action, or null when refused. */
    private ProtocolState stageFor(ProtocolAction action) {
        if (state == ProtocolState.IN_FORCE && negotiation != null) {
            if (action == ProtocolAction.EXPIRE || action == ProtocolAction.TERMINATE) {
                return state;
            }
            return negotiation.stage().allows(action) ? negotiation.stage() : null;
        }
        return state.allows(action) ? state : null;
    }

    private void check(ProtocolAction action, Instant at, String actor) {
        requireArgument(at, "at");
        requireActor(actor);
        if (stageFor(action) == null) {
            boolean amendment = state == ProtocolState.IN_FORCE && negotiation != null;
            throw new IllegalTransitionException(id, amendment ? negotiation.stage() : state, action, amendment);
        }
    }

    private Negotiation open(ProtocolAction action, Instant at, String actor) {
        check(action, at, actor);
        return negotiation;
    }

    /** The protocol's state when the negotiation reaches a stage: unchanged for an amendment. */
    private ProtocolState stateAfter(ProtocolState stage) {
        return negotiation != null && negotiation.isAmendment() ? ProtocolState.IN_FORCE : stage;
    }

    private Protocol next(ProtocolState newState, List<ProtocolVersion> newVersions, Negotiation newNegotiation, String event,
                          Instant at, String actor, OrganisationId organisation, String detail) {
        List<ProtocolEvent> history = new ArrayList<>(events);
        int version = newNegotiation != null ? newNegotiation.version()
                : negotiation != null ? negotiation.version() : newVersions.isEmpty() ? 1 : newVersions.get(newVersions.size() - 1).number();
        history.add(ProtocolEvent.of(event, id.value() + "#" + (events.size() + 1), id, version, at, actor, organisation, detail));
        return new Protocol(id, newState, revision + 1, newVersions, newNegotiation, history);
    }

    private static Signatory requireSignatory(Negotiation current, OrganisationId signatory, String field) {
        requireArgument(signatory, field);
        return current.content().signatory(signatory)
                .orElseThrow(() -> new RuleViolationException(ProtocolError.NOT_A_SIGNATORY, field, signatory));
    }

    private static void requireArgument(Object value, String field) {
        if (value == null) {
            throw new InvalidValueException(ProtocolError.BLANK, field, null);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, field, value);
        }
    }

    private static void requireActor(String actor) {
        requireText(actor, "actor");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Protocol that && id.equals(that.id) && state == that.state && revision == that.revision
                && versions.equals(that.versions) && Objects.equals(negotiation, that.negotiation) && events.equals(that.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state, revision);
    }

    @Override
    public String toString() {
        return "Protocol[" + id + ", " + state + ", revision " + revision + ", versions " + versions.size()
                + (negotiation != null ? ", negotiating version " + negotiation.version() + " " + negotiation.stage() : "") + "]";
    }
}
