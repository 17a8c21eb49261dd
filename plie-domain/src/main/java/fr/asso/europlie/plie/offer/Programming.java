package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.DecisionPolicies;
import fr.asso.europlie.plie.governance.Member;
import fr.asso.europlie.plie.governance.SteeringCommittee;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The annual programming of a PLIE (programmation annuelle), PROCESSES.md B: the call for
 * proposals, the admissible applications with their appraisal, PTI complementarity marking and
 * steering committee decision, the technical committee's opinion, the adoption, and the amendments
 * during the year.
 *
 * <p>Immutable: every command returns a new programming, and a refused command throws before
 * anything is built, so nothing half-applied can be seen. Invariants: only admissible applications
 * enter; each approved operation has been appraised and marked; the approved total of each axis
 * never exceeds its envelope; once adopted, decisions change only by amendment; every decision on an
 * operation and the adoption are decisions of the plan's steering committee (taken from the
 * protocol when the call opens and kept with the programming), with members present and quorum,
 * checked by {@link DecisionPolicies} as {@link fr.asso.europlie.plie.protocol.Protocol#adopt}
 * checks the protocol's adoption: the intermediate body's programming committee never decides here.
 */
public final class Programming {

    /**
     * The admissibility policies checked again when a programming is rebuilt: those that need
     * neither the plan's operators nor the settings in force when the application was submitted
     * (the context's operators and settings are placeholders none of them reads).
     */
    private static final List<AdmissibilityPolicy> RESTORE_POLICIES = List.of(AdmissibilityPolicies.COMPLETE,
            AdmissibilityPolicies.SAME_CALL, AdmissibilityPolicies.SUBMITTED_IN_TIME, AdmissibilityPolicies.AXIS_OPEN,
            AdmissibilityPolicies.PERIOD_WITHIN_CALL, AdmissibilityPolicies.NOT_COMPLETED_BEFORE_SUBMISSION,
            AdmissibilityPolicies.FINANCING_PLAN_BALANCED);

    private final CallForProposals call;
    private final AxisMapping mapping;
    private final OrganisationId department;
    private final SteeringCommittee steeringCommittee;
    private final ProgrammingState state;
    private final Map<OperationId, Application> applications;
    private final TechnicalOpinion technicalOpinion;
    private final Adoption adoption;
    private final List<ProgrammingAmendment> amendments;

    private Programming(CallForProposals call, AxisMapping mapping, OrganisationId department, SteeringCommittee steeringCommittee,
            ProgrammingState state, Map<OperationId, Application> applications, TechnicalOpinion technicalOpinion, Adoption adoption,
            List<ProgrammingAmendment> amendments) {
        this.call = call;
        this.mapping = mapping;
        this.department = department;
        this.steeringCommittee = steeringCommittee;
        this.state = state;
        this.applications = Collections.unmodifiableMap(new LinkedHashMap<>(applications));
        this.technicalOpinion = technicalOpinion;
        this.adoption = adoption;
        this.amendments = List.copyOf(amendments);
    }

    /**
     * Opens the programming of a year on a call for proposals.
     *
     * @param call the call, not null
     * @param mapping the mapping of programming axes onto the protocol's strategic axes, covering
     *     every axis the call opens, not null
     * @param department the Département that marks PTI complementarity, not null
     * @param steeringCommittee the plan's steering committee (the in-force protocol's), which decides
     *     on the operations and adopts the programming, not null
     * @return the open programming
     * @throws InvalidValueException {@code PLIE-OFFER-001} for a missing argument,
     *     {@code PLIE-OFFER-008} naming every open axis not mapped
     */
    public static Programming open(CallForProposals call, AxisMapping mapping, OrganisationId department,
            SteeringCommittee steeringCommittee) {
        if (call == null || mapping == null || department == null || steeringCommittee == null) {
            throw new InvalidValueException(OfferError.BLANK, call == null ? "call" : mapping == null ? "axisMapping"
                    : department == null ? "department" : "steeringCommittee", null);
        }
        List<Violation> unmapped = mapping.unmappedAxesOf(call);
        if (!unmapped.isEmpty()) {
            throw new InvalidValueException(unmapped);
        }
        return new Programming(call, mapping, department, steeringCommittee, ProgrammingState.OPEN, Map.of(), null, null, List.of());
    }

    /**
     * Rebuilds a programming from its stored parts (JSON, database), checking every invariant.
     *
     * @param call the call
     * @param mapping the axis mapping
     * @param department the Département
     * @param steeringCommittee the plan's steering committee
     * @param state the state
     * @param applications the applications
     * @param technicalOpinion the technical committee's opinion, null before it
     * @param adoption the adoption, null unless adopted
     * @param amendments the amendments, empty unless adopted
     * @return the programming
     * @throws InvalidValueException when the parts break an invariant, among them every
     *     admissibility reason that needs neither operators nor settings (complete, same call, in
     *     time, open axis, period within the call, not completed before submission, balanced plan), under {@code applications[i]},
     *     ({@code PLIE-OFFER-021}) an appraisal, marking or decision in a programming still open, and
     *     every decision or adoption the steering committee could not have taken (the governance
     *     codes, {@code PLIE-OFFER-037}, {@code PLIE-OFFER-038}), an approval of an operation marked
     *     redundant without its justification ({@code PLIE-OFFER-031}) or of more FSE+ than asked
     *     ({@code PLIE-OFFER-039})
     */
    public static Programming restore(CallForProposals call, AxisMapping mapping, OrganisationId department,
            SteeringCommittee steeringCommittee, ProgrammingState state, List<Application> applications, TechnicalOpinion technicalOpinion,
            Adoption adoption, List<ProgrammingAmendment> amendments) {
        open(call, mapping, department, steeringCommittee); // checks the call, the mapping, the Département and the committee
        List<Violation> violations = new ArrayList<>();
        if (state == null) {
            throw new InvalidValueException(OfferError.BLANK, "state", null);
        }
        Map<OperationId, Application> byId = new LinkedHashMap<>();
        for (int i = 0; i < applications.size(); i++) {
            Application a = applications.get(i);
            if (byId.put(a.operation().id(), a) != null) {
                violations.add(Violation.of(OfferError.DUPLICATE, "applications[" + i + "].operation.id", a.operation().id()));
            }
            final String at = "applications[" + i + "]";
            AdmissibilityContext context = new AdmissibilityContext(call, Operators.of(), OfferSettings.defaults(), a.submittedOn());
            for (AdmissibilityPolicy policy : RESTORE_POLICIES) {
                policy.check(a.operation(), context).forEach(v -> violations.add(v.under(at)));
            }
            if (state == ProgrammingState.OPEN) {
                if (a.appraisal() != null) {
                    violations.add(Violation.of(OfferError.ILLEGAL_TRANSITION, at + ".appraisal", state, "appraise"));
                }
                if (a.marking() != null) {
                    violations.add(Violation.of(OfferError.ILLEGAL_TRANSITION, at + ".marking", state, "mark"));
                }
                if (a.decision() != null) {
                    violations.add(Violation.of(OfferError.ILLEGAL_TRANSITION, at + ".decision", state, "decide"));
                }
            }
            if (a.marking() != null && !a.marking().markedBy().equals(department)) {
                violations.add(Violation.of(OfferError.NOT_THE_DEPARTMENT, "applications[" + i + "].marking.markedBy",
                        a.marking().markedBy(), department));
            }
            if (a.decision() != null && a.decision().approvedAmount().isGreaterThan(a.operation().costs().total())) {
                violations.add(Violation.of(OfferError.AMOUNT_OVER_COST, "applications[" + i + "].decision.approvedAmount",
                        a.decision().approvedAmount(), a.operation().costs().total()));
            }
            if (a.decision() != null && redundantWithoutJustification(a.marking(), a.decision())) {
                violations.add(Violation.of(OfferError.REDUNDANT_WITHOUT_JUSTIFICATION, at + ".decision.redundancyJustification",
                        a.operation().id()));
            }
            if (a.decision() != null) {
                esfOverAsked(a, a.decision()).forEach(v -> violations.add(v.under(at)));
            }
            if (a.decision() != null) {
                violations.addAll(committeeViolations(steeringCommittee, a.decision().decision(), at + ".decision.decision"));
            }
            if (a.decision() != null && (a.appraisal() == null || a.marking() == null)) {
                violations.add(Violation.of(a.appraisal() == null ? OfferError.NOT_APPRAISED : OfferError.NOT_MARKED,
                        "applications[" + i + "].decision", a.operation().id()));
            }
        }
        if ((state == ProgrammingState.ADOPTED) != (adoption != null) || state != ProgrammingState.ADOPTED && !amendments.isEmpty()
                || state == ProgrammingState.OPEN && technicalOpinion != null) {
            violations.add(Violation.of(OfferError.ILLEGAL_TRANSITION, "state", state, "restore"));
        }
        if (state == ProgrammingState.ADOPTED && technicalOpinion == null) {
            violations.add(Violation.of(OfferError.NO_TECHNICAL_OPINION, "technicalOpinion", null));
        }
        if (adoption != null) {
            violations.addAll(adoptionViolations(steeringCommittee, adoption));
        }
        for (int i = 0; i < amendments.size(); i++) {
            violations.addAll(committeeViolations(steeringCommittee, amendments.get(i).decision().decision(),
                    "amendments[" + i + "].decision.decision"));
        }
        checkAmendments(byId, amendments, violations);
        Programming restored = new Programming(call, mapping, department, steeringCommittee, state, byId, technicalOpinion, adoption,
                amendments);
        for (ProgrammingAxis axis : ProgrammingAxis.values()) {
            restored.overProgrammed(axis).forEach(v -> violations.add(v.under("call")));
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
        return restored;
    }

    /**
     * Checks a rebuilt amendment history: numbered 1, 2..., each on a known operation, each starting
     * from the decision the operation's previous amendment gave, the last one giving the decision in
     * force.
     */
    private static void checkAmendments(Map<OperationId, Application> applications, List<ProgrammingAmendment> amendments,
            List<Violation> violations) {
        Map<OperationId, SteeringDecision> last = new LinkedHashMap<>();
        Map<OperationId, Integer> lastIndex = new LinkedHashMap<>();
        for (int i = 0; i < amendments.size(); i++) {
            ProgrammingAmendment amendment = amendments.get(i);
            OperationId operation = amendment.decision().operation();
            if (amendment.number() != i + 1) {
                violations.add(Violation.of(OfferError.NEGATIVE_COUNT, "amendments[" + i + "].number", amendment.number()));
            }
            if (!applications.containsKey(operation)) {
                violations.add(Violation.of(OfferError.UNKNOWN_OPERATION, "amendments[" + i + "].decision.operation", operation));
                continue;
            }
            if (last.containsKey(operation) && !last.get(operation).equals(amendment.previous())) {
                violations.add(Violation.of(OfferError.AMENDMENT_MISMATCH, "amendments[" + i + "].previous", operation, i + 1));
            }
            last.put(operation, amendment.decision());
            lastIndex.put(operation, i);
        }
        last.forEach((operation, decision) -> {
            if (!decision.equals(applications.get(operation).decision())) {
                int i = lastIndex.get(operation);
                violations.add(Violation.of(OfferError.AMENDMENT_MISMATCH, "amendments[" + i + "].decision", operation, i + 1));
            }
        });
    }

    // ------------------------------------------------------------------------------ commands

    /**
     * Submits an application: it enters the round only when admissible.
     *
     * @param operation the operation applied for, not null
     * @param submittedOn the day of submission, not null
     * @param operators the operators the plan knows, not null
     * @param settings the offer settings, not null
     * @return the programming with the application
     * @throws RuleViolationException {@code PLIE-OFFER-021} when the call is not open,
     *     {@code PLIE-OFFER-020} when the operation was already submitted, otherwise every
     *     admissibility reason at once
     */
    public Programming submit(Operation operation, LocalDate submittedOn, Operators operators, OfferSettings settings) {
        requireState(ProgrammingState.OPEN, "submit");
        if (applications.containsKey(operation.id())) {
            throw new RuleViolationException(OfferError.ALREADY_SUBMITTED, "operation.id", operation.id());
        }
        Admissibility.requireAdmissible(operation, new AdmissibilityContext(call, operators, settings, submittedOn));
        return with(new Application(operation, submittedOn, null, null, null));
    }

    /**
     * Closes the call: no more applications; appraisal and decisions may start.
     *
     * @return the closed programming
     * @throws RuleViolationException ({@code PLIE-OFFER-021}) unless open
     */
    public Programming close() {
        requireState(ProgrammingState.OPEN, "close");
        return new Programming(call, mapping, department, steeringCommittee, ProgrammingState.CLOSED, applications, null, null, amendments);
    }

    /**
     * Records the appraisal of an application (replacing an earlier one).
     *
     * @param appraisal not null
     * @return the programming with the appraisal
     * @throws RuleViolationException {@code PLIE-OFFER-021} when the programming is still open,
     *     {@code PLIE-OFFER-019} for an unknown operation, {@code PLIE-OFFER-027} when the proposed
     *     amount exceeds the operation's total cost
     */
    public Programming appraise(Appraisal appraisal) {
        requireNotOpen("appraise");
        Application application = application(appraisal.operation(), "appraisal.operation");
        Money cost = application.operation().costs().total();
        if (appraisal.proposedAmount().isGreaterThan(cost)) {
            throw new RuleViolationException(OfferError.AMOUNT_OVER_COST, "appraisal.proposedAmount", appraisal.proposedAmount(), cost);
        }
        return with(application.withAppraisal(appraisal));
    }

    /**
     * Records the Département's PTI complementarity marking of an application.
     *
     * @param marking not null
     * @return the programming with the marking
     * @throws RuleViolationException {@code PLIE-OFFER-021} when still open, {@code PLIE-OFFER-019}
     *     for an unknown operation, {@code PLIE-OFFER-024} when marked by another organisation
     */
    public Programming mark(PtiMarking marking) {
        requireNotOpen("mark");
        Application application = application(marking.operation(), "ptiMarking.operation");
        if (!marking.markedBy().equals(department)) {
            throw new RuleViolationException(OfferError.NOT_THE_DEPARTMENT, "ptiMarking.markedBy", marking.markedBy(), department);
        }
        if (application.decision() != null && redundantWithoutJustification(marking, application.decision())) {
            // an approval already recorded without justification would stand against the new marking
            throw new RuleViolationException(OfferError.REDUNDANT_WITHOUT_JUSTIFICATION, "ptiMarking.complementarity",
                    marking.operation());
        }
        return with(application.withMarking(marking));
    }

    /**
     * Records the steering committee's decision on an operation before adoption.
     *
     * @param decision not null
     * @return the programming with the decision
     * @throws RuleViolationException {@code PLIE-OFFER-021} unless closed, {@code PLIE-OFFER-035}
     *     when the operation is already approved or rejected (only an adjourned operation comes
     *     back), otherwise every reason among {@code PLIE-OFFER-019}, {@code -022}, {@code -023},
     *     {@code -027}, {@code -025}, {@code -031} (an operation marked redundant approved without
     *     {@link SteeringDecision#redundancyJustification()}), {@code -039} (more FSE+ approved than
     *     asked), {@code PLIE-OFFER-038} when none of the persons present sits on
     *     the plan's steering committee (the intermediate body's programming committee), and the
     *     governance codes of a decision the committee could not take (non-members present
     *     {@code PLIE-GOVERNANCE-010}, no quorum {@code -008}, Département absent {@code -009},
     *     another committee {@code -011})
     */
    public Programming decide(SteeringDecision decision) {
        requireState(ProgrammingState.CLOSED, "decide");
        SteeringDecision earlier = application(decision.operation(), "decision.operation").decision();
        if (earlier != null && earlier.outcome() != SteeringDecision.Outcome.ADJOURNED) {
            // Approved or rejected: final until the programming is adopted and amended.
            throw new RuleViolationException(OfferError.ALREADY_DECIDED, "decision.operation", decision.operation(), earlier.outcome());
        }
        return withDecision(decision);
    }

    /**
     * Records the technical committee's opinion on the draft programming as a whole (PROCESSES.md
     * B step 6), replacing an earlier one.
     *
     * @param opinion not null
     * @return the programming with the opinion
     * @throws RuleViolationException ({@code PLIE-OFFER-021}) unless closed
     */
    public Programming recordTechnicalOpinion(TechnicalOpinion opinion) {
        requireState(ProgrammingState.CLOSED, "recordTechnicalOpinion");
        return new Programming(call, mapping, department, steeringCommittee, state, applications,
                Objects.requireNonNull(opinion, "opinion"), adoption, amendments);
    }

    /**
     * Adopts the programming: every application must have a decision, and the technical committee
     * must have given its opinion.
     *
     * @param value the adoption, a decision {@code ADOPT} of the plan's steering committee, not null
     * @return the adopted programming
     * @throws RuleViolationException {@code PLIE-OFFER-021} unless closed, otherwise every reason
     *     among {@code PLIE-OFFER-026} naming the operations without decision,
     *     {@code PLIE-OFFER-029} without the technical committee's opinion, {@code PLIE-OFFER-037}
     *     for another outcome than {@code ADOPT}, {@code PLIE-OFFER-038} when none of the persons
     *     present sits on the steering committee (the intermediate body's programming committee),
     *     and the governance codes of a decision the committee could not take (persons not members
     *     {@code PLIE-GOVERNANCE-010}, no quorum {@code -008}, Département absent {@code -009})
     */
    public Programming adopt(Adoption value) {
        requireState(ProgrammingState.CLOSED, "adopt");
        Objects.requireNonNull(value, "adoption");
        List<Violation> violations = new ArrayList<>(adoptionViolations(steeringCommittee, value));
        List<OperationId> undecided = applications.values().stream().filter(a -> a.decision() == null)
                .map(a -> a.operation().id()).toList();
        if (!undecided.isEmpty()) {
            violations.add(Violation.of(OfferError.UNDECIDED_OPERATIONS, "applications", undecided));
        }
        if (technicalOpinion == null) {
            violations.add(Violation.of(OfferError.NO_TECHNICAL_OPINION, "technicalOpinion", null));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return new Programming(call, mapping, department, steeringCommittee, ProgrammingState.ADOPTED, applications, technicalOpinion, value,
                amendments);
    }

    /**
     * Amends the adopted programming: a new decision on one operation (for instance approving an
     * adjourned operation, or changing an approved amount), under the same rules as a decision.
     *
     * @param decision the new decision, not null
     * @param reason why, not blank
     * @return the amended programming
     * @throws RuleViolationException {@code PLIE-OFFER-021} unless adopted, otherwise as
     *     {@link #decide(SteeringDecision)}
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) for a blank reason
     */
    public Programming amend(SteeringDecision decision, String reason) {
        requireState(ProgrammingState.ADOPTED, "amend");
        ProgrammingAmendment amendment = new ProgrammingAmendment(amendments.size() + 1, decision,
                applications.containsKey(decision.operation()) ? applications.get(decision.operation()).decision() : null, reason);
        Programming amended = withDecision(decision);
        List<ProgrammingAmendment> all = new ArrayList<>(amendments);
        all.add(amendment);
        return new Programming(call, mapping, department, steeringCommittee, state, amended.applications, technicalOpinion, adoption, all);
    }

    private Programming withDecision(SteeringDecision decision) {
        Application application = application(decision.operation(), "decision.operation");
        List<Violation> violations = new ArrayList<>(committeeViolations(steeringCommittee, decision.decision(), "decision.decision"));
        if (application.appraisal() == null) {
            violations.add(Violation.of(OfferError.NOT_APPRAISED, "decision.operation", decision.operation()));
        }
        if (application.marking() == null) {
            violations.add(Violation.of(OfferError.NOT_MARKED, "decision.operation", decision.operation()));
        }
        if (redundantWithoutJustification(application.marking(), decision)) {
            violations.add(Violation.of(OfferError.REDUNDANT_WITHOUT_JUSTIFICATION, "decision.redundancyJustification",
                    decision.operation()));
        }
        violations.addAll(esfOverAsked(application, decision));
        Money cost = application.operation().costs().total();
        if (decision.approvedAmount().isGreaterThan(cost)) {
            violations.add(Violation.of(OfferError.AMOUNT_OVER_COST, "decision.approvedAmount", decision.approvedAmount(), cost));
        }
        Programming next = with(application.withDecision(decision));
        violations.addAll(next.overProgrammed(application.operation().axis()));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return next;
    }

    /**
     * Refuses a decision the plan's steering committee could not have taken, such as a session's
     * decision not to adopt yet: the same checks as {@link #decide} and {@link #adopt} make.
     *
     * @param decision the committee's decision, not null
     * @param field the field reported, not null
     * @throws RuleViolationException ({@code PLIE-OFFER-038}) when none of the persons present
     *     sits on the committee, otherwise with every broken governance rule (members, quorum)
     */
    public void requireSteeringCommitteeDecision(Decision<?> decision, String field) {
        List<Violation> violations = committeeViolations(steeringCommittee, Objects.requireNonNull(decision, "decision"), field);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /**
     * What makes a decision one the plan's steering committee could not have taken: persons none of
     * whom sits on it ({@code PLIE-OFFER-038}, such as the intermediate body's programming
     * committee), otherwise every broken {@link DecisionPolicies decision rule}, under {@code field}.
     */
    private static List<Violation> committeeViolations(SteeringCommittee committee, Decision<?> decision, String field) {
        List<Member> present = decision.present();
        if (!present.isEmpty() && present.stream().noneMatch(committee::isMember)) {
            return List.of(Violation.of(OfferError.NOT_THE_STEERING_COMMITTEE, field + ".present",
                    present.stream().map(m -> m.name() + " (" + m.organisation().value() + ")").toList(), committee.convenedBy()));
        }
        List<Violation> violations = new ArrayList<>();
        DecisionPolicies.check(committee, decision).forEach(v -> violations.add(v.under(field)));
        return violations;
    }

    /** What makes an adoption one the steering committee could not have taken ({@code PLIE-OFFER-037}, then as a decision). */
    private static List<Violation> adoptionViolations(SteeringCommittee committee, Adoption adoption) {
        List<Violation> violations = new ArrayList<>();
        if (adoption.decision().outcome() != AdoptionOutcome.ADOPT) {
            violations.add(Violation.of(OfferError.ADOPTION_OUTCOME, "adoption.decision.outcome", adoption.decision().outcome()));
        }
        violations.addAll(committeeViolations(committee, adoption.decision(), "adoption.decision"));
        return violations;
    }

    /**
     * Whether a decision approves an operation the Département marked redundant with the PTI
     * without the steering committee's justification of that redundancy
     * ({@link SteeringDecision#redundancyJustification()}; the decision's reasons do not count: they
     * say why the operation is approved, not why its redundancy with the PTI is accepted).
     */
    private static boolean redundantWithoutJustification(PtiMarking marking, SteeringDecision decision) {
        return marking != null && marking.complementarity() == PtiMarking.Complementarity.REDUNDANT
                && decision.outcome() == SteeringDecision.Outcome.APPROVED && !decision.justifiesRedundancy();
    }

    /** An approval of more FSE+ than the operation's financing plan asks ({@code PLIE-OFFER-039}). */
    private static List<Violation> esfOverAsked(Application application, SteeringDecision decision) {
        Money asked = application.operation().financingPlan().esfShare();
        return decision.approvedEsf().isGreaterThan(asked)
                ? List.of(Violation.of(OfferError.ESF_OVER_ASKED, "decision.approvedEsf", decision.approvedEsf(), asked))
                : List.of();
    }

    private List<Violation> overProgrammed(ProgrammingAxis axis) {
        Money total = approvedTotal(axis);
        Money envelope = call.envelope(axis).orElse(Money.ZERO);
        return total.isGreaterThan(envelope)
                ? List.of(Violation.of(OfferError.AXIS_OVER_PROGRAMMED, "envelopes." + axis, total, envelope, total.minus(envelope)))
                : List.of();
    }

    private Programming with(Application application) {
        Map<OperationId, Application> copy = new LinkedHashMap<>(applications);
        copy.put(application.operation().id(), application);
        return new Programming(call, mapping, department, steeringCommittee, state, copy, technicalOpinion, adoption, amendments);
    }

    private Application application(OperationId id, String field) {
        Application application = applications.get(id);
        if (application == null) {
            throw new RuleViolationException(OfferError.UNKNOWN_OPERATION, field, id);
        }
        return application;
    }

    private void requireState(ProgrammingState expected, String action) {
        if (state != expected) {
            throw new RuleViolationException(OfferError.ILLEGAL_TRANSITION, "state", state, action);
        }
    }

    private void requireNotOpen(String action) {
        if (state == ProgrammingState.OPEN) {
            throw new RuleViolationException(OfferError.ILLEGAL_TRANSITION, "state", state, action);
        }
    }

    // ------------------------------------------------------------------------------ queries

    /**
     * The sum of the amounts approved on an axis.
     *
     * @param axis not null
     * @return the approved total, zero when none
     */
    public Money approvedTotal(ProgrammingAxis axis) {
        return Money.sum(applications.values().stream().filter(a -> a.isApproved() && a.operation().axis() == axis)
                .map(a -> a.decision().approvedAmount()).toList());
    }

    /**
     * What is left of an axis's envelope.
     *
     * @param axis not null
     * @return envelope minus approved total; zero for an axis the call does not open
     */
    public Money remaining(ProgrammingAxis axis) {
        return call.envelope(axis).orElse(Money.ZERO).minus(approvedTotal(axis));
    }

    /**
     * The approved operations, in the order of submission.
     *
     * @return the approved applications
     */
    public List<Application> approved() {
        return applications.values().stream().filter(Application::isApproved).toList();
    }

    /**
     * The approved operations with FSE+ programmed ({@link Application#fseProgrammed()} positive:
     * their financing plan asks for FSE+ and the committee approved some): each starts an OI
     * commitment once the programming is adopted (PROCESSES.md B step 8). An operation approved
     * with no FSE+ (financed by its other funders) starts none.
     *
     * @return the approved applications with FSE+ programmed, in the order of submission
     */
    public List<Application> approvedAskingEsf() {
        return approved().stream().filter(a -> a.fseProgrammed().isPositive()).toList();
    }

    /**
     * The application of an operation.
     *
     * @param id not null
     * @return the application, if submitted and admissible
     */
    public Optional<Application> application(OperationId id) {
        return Optional.ofNullable(applications.get(id));
    }

    /**
     * The applications, in the order of submission.
     *
     * @return the applications
     */
    public List<Application> applications() {
        return List.copyOf(applications.values());
    }

    /**
     * The call for proposals.
     *
     * @return the call
     */
    public CallForProposals call() {
        return call;
    }

    /**
     * The year programmed.
     *
     * @return the call's year
     */
    public Year year() {
        return call.year();
    }

    /**
     * The mapping of programming axes onto the protocol's strategic axes.
     *
     * @return the mapping
     */
    public AxisMapping mapping() {
        return mapping;
    }

    /**
     * The Département that marks PTI complementarity.
     *
     * @return the Département
     */
    public OrganisationId department() {
        return department;
    }

    /**
     * The plan's steering committee, which decides on the operations and adopts the programming.
     *
     * @return the committee kept with the programming since its call opened
     */
    public SteeringCommittee steeringCommittee() {
        return steeringCommittee;
    }

    /**
     * The state.
     *
     * @return the state
     */
    public ProgrammingState state() {
        return state;
    }

    /**
     * The technical committee's opinion on the draft programming.
     *
     * @return the opinion, once recorded
     */
    public Optional<TechnicalOpinion> technicalOpinion() {
        return Optional.ofNullable(technicalOpinion);
    }

    /**
     * The adoption.
     *
     * @return the adoption, when adopted
     */
    public Optional<Adoption> adoption() {
        return Optional.ofNullable(adoption);
    }

    /**
     * The amendments, oldest first.
     *
     * @return the amendments
     */
    public List<ProgrammingAmendment> amendments() {
        return amendments;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Programming that && call.equals(that.call) && mapping.equals(that.mapping)
                && department.equals(that.department) && steeringCommittee.equals(that.steeringCommittee) && state == that.state
                && List.copyOf(applications.values()).equals(List.copyOf(that.applications.values()))
                && Objects.equals(technicalOpinion, that.technicalOpinion) && Objects.equals(adoption, that.adoption)
                && amendments.equals(that.amendments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(call, mapping, department, steeringCommittee, state, applications, technicalOpinion, adoption, amendments);
    }

    @Override
    public String toString() {
        return "Programming[" + call.id() + " " + call.year() + " " + state + ", " + applications.size() + " applications]";
    }
}
