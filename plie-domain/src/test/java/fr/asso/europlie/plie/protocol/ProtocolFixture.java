package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.budget.Contribution;
import fr.asso.europlie.plie.budget.PlannedExpense;
import fr.asso.europlie.plie.budget.ProtocolBudget;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.Governance;
import fr.asso.europlie.plie.governance.GovernanceFixture;
import fr.asso.europlie.plie.governance.Member;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.territory.DepartmentCode;
import fr.asso.europlie.plie.territory.TerritoryFixture;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Protocols for tests, modelled on a real plan: the PLIE of the CA Le Grand Périgueux (SIREN
 * 200040392, 43 communes in Dordogne), 2022-2027, signed by the EPCI, the Département, the State,
 * the Région and France Travail; 1,000 participants, 50 % positive exits, four axes placed in PTI
 * axes, a balanced budget. Amounts and names of people are illustrative.
 */
public final class ProtocolFixture {

    /** The protocol's id. */
    public static final ProtocolId ID = ProtocolId.of("PLIE-GRAND-PERIGUEUX-2022");
    /** Who acts in the tests (the animation team's coordinator). */
    public static final String ACTOR = "coordination.plie";
    /** The CA Le Grand Périgueux. */
    public static final OrganisationId EPCI = GovernanceFixture.EPCI;
    /** The Département de la Dordogne. */
    public static final OrganisationId DEPARTMENT = GovernanceFixture.DEPARTMENT;
    /** The State (prefect of Dordogne). */
    public static final OrganisationId STATE = GovernanceFixture.STATE;
    /** The Région Nouvelle-Aquitaine. */
    public static final OrganisationId REGION = GovernanceFixture.REGION;
    /** France Travail. */
    public static final OrganisationId FRANCE_TRAVAIL = GovernanceFixture.FRANCE_TRAVAIL;
    /** The intermediate body managing the FSE+. */
    public static final OrganisationId OI = GovernanceFixture.INTERMEDIATE_BODY;
    /** The animation structure. */
    public static final OrganisationId ANIMATION = GovernanceFixture.ANIMATION_STRUCTURE;

    private static final Instant EPOCH = Instant.parse("2021-09-01T08:00:00Z");

    private ProtocolFixture() {
    }

    /**
     * An instant some minutes after the fixture's start, so that histories are ordered.
     *
     * @param minutes minutes after 2021-09-01T08:00Z
     * @return the instant
     */
    public static Instant at(long minutes) {
        return EPOCH.plusSeconds(minutes * 60);
    }

    /**
     * The signatories: EPCI, Département (insertion lead), State, Région, France Travail (which
     * may withdraw).
     *
     * @return the five signatories
     */
    public static List<Signatory> signatories() {
        return List.of(
                Signatory.of(EPCI, SignatoryKind.EPCI, "Communauté d’agglomération Le Grand Périgueux", "Conseil communautaire"),
                Signatory.department(DEPARTMENT, DepartmentCode.of("24"), "Département de la Dordogne", "Commission permanente du Conseil départemental"),
                Signatory.of(STATE, SignatoryKind.STATE, "État (Préfecture de la Dordogne)", "Préfet de la Dordogne"),
                Signatory.of(REGION, SignatoryKind.REGION, "Région Nouvelle-Aquitaine", "Commission permanente du Conseil régional"),
                Signatory.of(FRANCE_TRAVAIL, SignatoryKind.FRANCE_TRAVAIL, "France Travail Nouvelle-Aquitaine", "Direction régionale").optional());
    }

    /**
     * The Département's PTI with four axes.
     *
     * @return the PTI
     */
    public static TerritorialInsertionPact pti() {
        return new TerritorialInsertionPact("24", "Pacte territorial pour l’insertion de la Dordogne 2022-2027", List.of(
                new PtiAxis("PTI-1", "Accompagner vers l’emploi les publics les plus éloignés"),
                new PtiAxis("PTI-2", "Lever les freins périphériques à l’emploi"),
                new PtiAxis("PTI-3", "Mobiliser les entreprises et les clauses sociales"),
                new PtiAxis("PTI-4", "Coordonner les acteurs et les parcours")),
                List.of(DEPARTMENT, EPCI, STATE, FRANCE_TRAVAIL, ANIMATION));
    }

    /**
     * The four strategic axes, each in a PTI axis.
     *
     * @return the axes
     */
    public static List<StrategicAxis> axes() {
        return List.of(
                new StrategicAxis(StrategicAxisId.of("AXE-1"), "Accompagnement renforcé vers et dans l’emploi", "PTI-1"),
                new StrategicAxis(StrategicAxisId.of("AXE-2"), "Levée des freins et soutien à la formation et à la mobilité", "PTI-2"),
                new StrategicAxis(StrategicAxisId.of("AXE-3"), "Relation entreprises et clauses d’insertion", "PTI-3"),
                new StrategicAxis(StrategicAxisId.of("AXE-4"), "Animation, coordination et ingénierie du PLIE", "PTI-4"));
    }

    /**
     * A balanced budget: per year 2022-2027, EPCI 150,000, Département 120,000, State 30,000,
     * Région 40,000, France Travail 20,000, FSE+ (through the OI) 340,000; expenses 700,000 a year
     * split 300,000 / 150,000 / 100,000 / 150,000 over the four axes.
     *
     * @return the budget, 4,200,000.00 on each side
     */
    public static ProtocolBudget balancedBudget() {
        List<Contribution> resources = new ArrayList<>();
        List<PlannedExpense> uses = new ArrayList<>();
        for (int year = 2022; year <= 2027; year++) {
            Year y = Year.of(year);
            resources.add(new Contribution(EPCI, y, Money.euros(150_000)));
            resources.add(new Contribution(DEPARTMENT, y, Money.euros(120_000)));
            resources.add(new Contribution(STATE, y, Money.euros(30_000)));
            resources.add(new Contribution(REGION, y, Money.euros(40_000)));
            resources.add(new Contribution(FRANCE_TRAVAIL, y, Money.euros(20_000)));
            resources.add(new Contribution(OI, y, Money.euros(340_000)));
            uses.add(new PlannedExpense(y, StrategicAxisId.of("AXE-1"), Money.euros(300_000)));
            uses.add(new PlannedExpense(y, StrategicAxisId.of("AXE-2"), Money.euros(150_000)));
            uses.add(new PlannedExpense(y, StrategicAxisId.of("AXE-3"), Money.euros(100_000)));
            uses.add(new PlannedExpense(y, StrategicAxisId.of("AXE-4"), Money.euros(150_000)));
        }
        return new ProtocolBudget(resources, uses);
    }

    /**
     * The six items of the shared PTI-PLIE diagnostic, filled.
     *
     * @return the complete diagnostic
     */
    public static SharedDiagnostic completeDiagnostic() {
        return new SharedDiagnostic(Map.of(
                DiagnosticItem.TARGET_PUBLICS, "DELD, allocataires du RSA, jeunes peu qualifiés, habitants des QPV",
                DiagnosticItem.NEEDS_ANALYSIS, "Accompagnement renforcé et levée des freins à la mobilité",
                DiagnosticItem.EXISTING_OFFER, "Référents RSA, France Travail, SIAE du territoire",
                DiagnosticItem.CONDITIONS_OF_MOBILISATION, "Orientation par les prescripteurs, commission d’entrée mensuelle",
                DiagnosticItem.GAPS_IN_OFFER, "Mobilité en zone rurale, garde d’enfants en horaires décalés",
                DiagnosticItem.PROJECTS_TO_BUILD, "Plateforme mobilité, clauses sociales du programme de rénovation urbaine"));
    }

    /**
     * The content of the Grand Périgueux protocol, valid for adoption and signature.
     *
     * @return the content
     */
    public static ProtocolContent grandPerigueux() {
        ProtocolPeriod period = ProtocolPeriod.from(2022, 2027);
        return new ProtocolContent(
                "PLIE du Grand Périgueux",
                TerritoryFixture.grandPerigueux(),
                period,
                signatories(),
                List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.RSA_RECIPIENTS, TargetPublic.LOW_QUALIFIED_YOUNG,
                        TargetPublic.QPV_RESIDENTS),
                Objectives.of(1000, 400, period, new BigDecimal("50")),
                axes(),
                pti(),
                balancedBudget(),
                governance(),
                new AnimationStructure(ANIMATION, "Association PLIE du Grand Périgueux", AnimationStructure.Form.ASSOCIATION,
                        EnumSet.of(AnimationMission.TECHNICAL_COORDINATION, AnimationMission.PATHWAY_MANAGEMENT,
                                AnimationMission.ECONOMIC_ACTORS, AnimationMission.ENGINEERING, AnimationMission.INSERTION_CLAUSE)),
                List.of(new IntermediateBody(OI, "Association de gestion du FSE+ du Périgord", true)),
                completeDiagnostic());
    }

    /**
     * The governance of the Grand Périgueux plan.
     *
     * @return the committees
     */
    public static Governance governance() {
        return GovernanceFixture.governance();
    }

    /**
     * Members present at a steering committee with quorum (every member).
     *
     * @return the adoption
     */
    public static Decision<AdoptionOutcome> adoptionWithQuorum() {
        return governance().steeringCommittee().decide(governance().steeringCommittee().members(), Instant.parse("2021-12-10T14:00:00Z"),
                AdoptionOutcome.ADOPT, "Adopté à l’unanimité des présents", "COPIL-2021-04");
    }

    /**
     * Members present at a steering committee without the Département.
     *
     * @return the adoption
     */
    public static Decision<AdoptionOutcome> adoptionWithoutDepartment() {
        List<Member> present = governance().steeringCommittee().members().stream()
                .filter(m -> !m.organisation().equals(DEPARTMENT)).toList();
        return new Decision<>(CommitteeKind.STEERING, present, Instant.parse("2021-12-10T14:00:00Z"), AdoptionOutcome.ADOPT,
                "Adopté", Optional.of("COPIL-2021-04"));
    }

    /**
     * An approving deliberation of a signatory's body.
     *
     * @param signatory the signatory
     * @return the deliberation
     */
    public static Deliberation approval(OrganisationId signatory) {
        return new Deliberation(signatory, DeliberationOutcome.APPROVED, "DEL-" + signatory.value() + "-2022", LocalDate.of(2022, 1, 20), "");
    }

    /**
     * A draft of the Grand Périgueux protocol.
     *
     * @return the draft, revision 1
     */
    public static Protocol aDraft() {
        return Protocol.draft(ID, grandPerigueux(), at(0), ACTOR);
    }

    /**
     * The protocol under negotiation, round 1.
     *
     * @return the protocol
     */
    public static Protocol underNegotiation() {
        return aDraft().openNegotiation(at(10), ACTOR);
    }

    /**
     * The adopted protocol, before any deliberation.
     *
     * @return the protocol
     */
    public static Protocol adopted() {
        return underNegotiation().adopt(adoptionWithQuorum(), at(20), ACTOR);
    }

    /**
     * The adopted protocol approved by every signatory's body but France Travail's.
     *
     * @return the protocol
     */
    public static Protocol adoptedAndApprovedByAllButFranceTravail() {
        Protocol p = adopted();
        int minute = 30;
        for (Signatory s : signatories()) {
            if (!s.id().equals(FRANCE_TRAVAIL)) {
                p = p.deliberate(approval(s.id()), at(minute++), ACTOR);
            }
        }
        return p;
    }

    /**
     * The protocol signed by all.
     *
     * @return the signed protocol
     */
    public static Protocol signed() {
        return signAll(adoptedAndApprovedByAllButFranceTravail().deliberate(approval(FRANCE_TRAVAIL), at(40), ACTOR), 50);
    }

    private static Protocol signAll(Protocol p, int minute) {
        Protocol signing = p;
        for (Signatory s : signatories()) {
            signing = signing.sign(s.id(), LocalDate.of(2022, 2, 20), at(minute++), "signataire." + s.id().value());
        }
        return signing;
    }

    /**
     * The protocol in force since 1 March 2022 (version 1).
     *
     * @return the protocol
     */
    public static Protocol inForce() {
        return signed().enterIntoForce(LocalDate.of(2022, 3, 1), at(60), ACTOR);
    }

    /**
     * The in-force protocol with an amendment at a stage.
     *
     * @param stage UNDER_NEGOTIATION, ADOPTED (approved by all but France Travail) or SIGNED
     * @return the protocol
     */
    public static Protocol inForceWithAmendment(ProtocolState stage) {
        Protocol p = inForce().proposeAmendment(grandPerigueux().withName("PLIE du Grand Périgueux, avenant n° 1"),
                "Extension aux nouveaux quartiers prioritaires", at(100), ACTOR);
        if (stage == ProtocolState.UNDER_NEGOTIATION) {
            return p;
        }
        p = p.adopt(adoptionWithQuorum(), at(110), ACTOR);
        int minute = 120;
        for (Signatory s : signatories()) {
            if (!s.id().equals(FRANCE_TRAVAIL)) {
                p = p.deliberate(approval(s.id()), at(minute++), ACTOR);
            }
        }
        if (stage == ProtocolState.ADOPTED) {
            return p;
        }
        p = p.deliberate(approval(FRANCE_TRAVAIL), at(130), ACTOR);
        Protocol signing = p;
        for (Signatory s : signatories()) {
            signing = signing.sign(s.id(), LocalDate.of(2023, 6, 1), at(minute++ + 20), "signataire." + s.id().value());
        }
        return signing;
    }
}
