package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.GovernanceFixture;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vocabulary of offer scenarios: a 2026 call of the PLIE du Grand Périgueux in a transition
 * region, its operators, a well-formed operation, and programmings at each stage.
 */
public final class OfferFixture {

    /** The Département of Dordogne, which marks PTI complementarity. */
    public static final OrganisationId DEPARTMENT = OrganisationId.of("DEPT-24");
    /** The OI, funder of the FSE+ lines. */
    public static final OrganisationId OI = OrganisationId.of("OI-PERIGUEUX");
    /** The intercommunality, a co-funder. */
    public static final OrganisationId EPCI = OrganisationId.of("EPCI-200040392");
    /** A known operator. */
    public static final Operator ASSOCIATION = new Operator(OrganisationId.of("ASSO-INSERTION-24"), "Association Insertion 24");
    /** Another known operator. */
    public static final Operator SIAE = new Operator(OrganisationId.of("SIAE-CHANTIER"), "Chantier d’insertion du Périgord");
    /** The plan's operators. */
    public static final Operators OPERATORS = Operators.of(ASSOCIATION, SIAE);
    /** The call. */
    public static final CallId CALL = CallId.of("AAP-2026");
    /** The protocol's strategic axes. */
    public static final Set<StrategicAxisId> PROTOCOL_AXES = Set.of(StrategicAxisId.of("AXE-1"), StrategicAxisId.of("AXE-2"));

    private OfferFixture() {
    }

    /**
     * An instant, seconds after 1 March 2026.
     *
     * @param seconds the offset
     * @return the instant
     */
    public static Instant at(long seconds) {
        return Instant.parse("2026-03-01T09:00:00Z").plusSeconds(seconds);
    }

    /**
     * The 2026 call: accompaniment 100,000 euros, links with employers 50,000 euros, operations
     * within 2026-2027, closing on 31 January 2026, transition region (60 %).
     *
     * @return the call
     */
    public static CallForProposals aCall() {
        Map<ProgrammingAxis, Money> envelopes = new EnumMap<>(ProgrammingAxis.class);
        envelopes.put(ProgrammingAxis.ACCOMPANIMENT, Money.euros(100_000));
        envelopes.put(ProgrammingAxis.LINKS_WITH_EMPLOYERS, Money.euros(50_000));
        return new CallForProposals(CALL, ProtocolId.of("PLIE-GRAND-PERIGUEUX"), Year.of(2026),
                OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)), LocalDate.of(2026, 1, 31),
                RegionCategory.TRANSITION, envelopes);
    }

    /**
     * The mapping of the call's axes onto the protocol's.
     *
     * @return the mapping
     */
    public static AxisMapping aMapping() {
        return AxisMapping.of(Map.of(ProgrammingAxis.ACCOMPANIMENT, StrategicAxisId.of("AXE-1"),
                ProgrammingAxis.LINKS_WITH_EMPLOYERS, StrategicAxisId.of("AXE-2")), PROTOCOL_AXES);
    }

    /**
     * An admissible accompaniment operation: 40,000 euros of staff, indirect costs at 15 %
     * (6,000), 4,000 of other direct costs, 50,000 in all; FSE+ 30,000 (60 %), Département
     * 15,000, EPCI 5,000.
     *
     * @param id the operation's identifier
     * @return the operation
     */
    public static Operation anOperation(String id) {
        return new Operation(OperationId.of(id), CALL, ASSOCIATION.id(), ProgrammingAxis.ACCOMPANIMENT,
                "Accompagnement renforcé", "Accompagnement individuel de 60 participants vers l’emploi durable",
                OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)), new ForecastIndicators(60, 30),
                OperationCosts.withIndirectFlatRate(Money.euros(40_000), Money.euros(4_000), BigDecimal.valueOf(15)),
                FinancingPlan.of(Resource.of(FunderKind.ESF_PLUS, OI, Money.euros(30_000)),
                        Resource.of(FunderKind.DEPARTMENT, DEPARTMENT, Money.euros(15_000)),
                        Resource.of(FunderKind.EPCI, EPCI, Money.euros(5_000))));
    }

    /**
     * The submission context of the fixture call, on 15 January 2026.
     *
     * @return the context
     */
    public static AdmissibilityContext aContext() {
        return new AdmissibilityContext(aCall(), OPERATORS, OfferSettings.defaults(), LocalDate.of(2026, 1, 15));
    }

    /**
     * An open programming of the fixture call.
     *
     * @return the programming
     */
    public static Programming anOpenProgramming() {
        return Programming.open(aCall(), aMapping(), DEPARTMENT, GovernanceFixture.steeringCommittee());
    }

    /**
     * A closed programming with the given operations submitted.
     *
     * @param operations the operations
     * @return the programming
     */
    public static Programming aClosedProgrammingWith(List<Operation> operations) {
        Programming programming = anOpenProgramming();
        for (Operation operation : operations) {
            programming = programming.submit(operation, LocalDate.of(2026, 1, 15), OPERATORS, OfferSettings.defaults());
        }
        return programming.close();
    }

    /**
     * A closed programming whose operations are appraised (proposing their total cost) and marked
     * complementary.
     *
     * @param operations the operations
     * @return the programming
     */
    public static Programming aReviewedProgrammingWith(List<Operation> operations) {
        Programming programming = aClosedProgrammingWith(operations);
        for (Operation operation : operations) {
            programming = programming.appraise(anAppraisal(operation.id(), operation.costs().total()))
                    .mark(aMarking(operation.id()));
        }
        return programming;
    }

    /**
     * A favourable appraisal.
     *
     * @param operation the operation
     * @param amount the proposed amount
     * @return the appraisal
     */
    public static Appraisal anAppraisal(OperationId operation, Money amount) {
        return new Appraisal(operation, "instructeur.plie", Appraisal.Opinion.FAVOURABLE, amount, "Dossier solide", at(100));
    }

    /**
     * A complementary marking by the Département.
     *
     * @param operation the operation
     * @return the marking
     */
    public static PtiMarking aMarking(OperationId operation) {
        return new PtiMarking(operation, PtiMarking.Complementarity.COMPLEMENTARY,
                "Complète l’offre du PTI pour les publics BRSA", DEPARTMENT, "cheffe.insertion.24", at(200));
    }

    /**
     * A favourable opinion of the technical committee.
     *
     * @return the opinion
     */
    public static TechnicalOpinion aTechnicalOpinion() {
        return new TechnicalOpinion(Appraisal.Opinion.FAVOURABLE, "Programmation équilibrée", "COTECH 2026-03-02", "animatrice.plie", at(250));
    }

    /**
     * An approval.
     *
     * @param operation the operation
     * @param amount the amount
     * @return the decision
     */
    public static SteeringDecision anApproval(OperationId operation, Money amount) {
        return approval(operation, amount, "COPIL 2026-03-12", at(300));
    }

    /**
     * A decision of the fixture's steering committee, every member present (quorum met).
     *
     * @param <O> the type of outcome
     * @param outcome the outcome
     * @param reasons why; blank gives a default
     * @param reference the minutes' reference
     * @param at when
     * @return the decision
     */
    public static <O extends Enum<O>> Decision<O> copil(O outcome, String reasons, String reference, Instant at) {
        return GovernanceFixture.steeringCommittee().decide(GovernanceFixture.steeringMembers(), at, outcome,
                reasons == null || reasons.isBlank() ? "Délibéré en séance" : reasons, reference);
    }

    /**
     * An approval by the steering committee, recorded by the animation team.
     *
     * @param operation the operation
     * @param amount the amount
     * @param reference the minutes' reference
     * @param at when
     * @return the decision
     */
    public static SteeringDecision approval(OperationId operation, Money amount, String reference, Instant at) {
        return SteeringDecision.approve(operation, amount, Money.ZERO, copil(SteeringDecision.Outcome.APPROVED, "", reference, at),
                "animatrice.plie", at);
    }

    /**
     * An approval stating the FSE+ it approves.
     *
     * @param operation the operation
     * @param amount the amount
     * @param esf the FSE+ approved
     * @return the decision
     */
    public static SteeringDecision approvalWithEsf(OperationId operation, Money amount, Money esf) {
        return SteeringDecision.approve(operation, amount, esf, copil(SteeringDecision.Outcome.APPROVED, "", "COPIL 2026-03-12", at(300)),
                "animatrice.plie", at(300));
    }

    /**
     * A rejection or an adjournment by the steering committee.
     *
     * @param operation the operation
     * @param outcome REJECTED or ADJOURNED
     * @param reference the minutes' reference
     * @param at when
     * @param reason why
     * @return the decision
     */
    public static SteeringDecision refusal(OperationId operation, SteeringDecision.Outcome outcome, String reference, Instant at,
            String reason) {
        return SteeringDecision.refuse(operation, copil(outcome, reason, reference, at), "animatrice.plie", at);
    }

    /**
     * Any decision of the steering committee.
     *
     * @param operation the operation
     * @param outcome the outcome
     * @param amount the amount programmed
     * @param reference the minutes' reference
     * @param at when
     * @param reason why; blank gives a default
     * @return the decision
     */
    public static SteeringDecision decision(OperationId operation, SteeringDecision.Outcome outcome, Money amount, String reference,
            Instant at, String reason) {
        return new SteeringDecision(operation, amount, Money.ZERO, copil(outcome, reason, reference, at), "", "animatrice.plie", at);
    }

    /**
     * The adoption of the programming by the steering committee.
     *
     * @param reference the minutes' reference
     * @param at when
     * @return the adoption
     */
    public static Adoption anAdoption(String reference, Instant at) {
        return new Adoption(copil(AdoptionOutcome.ADOPT, "Programmation adoptée", reference, at), "animatrice.plie", at);
    }
}
