package fr.asso.europlie.plie.protocol;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.budget.Contribution;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.error.ViolationAssertions;
import fr.asso.europlie.plie.money.Money;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the rules of the protocol, each broken alone")
class ProtocolPoliciesTest {

    private static final ProtocolContent VALID = ProtocolFixture.grandPerigueux();

    private static Violation single(ProtocolPolicy policy, ProtocolContent content) {
        List<Violation> violations = policy.check(content);
        assertThat(violations).hasSize(1);
        ViolationAssertions.assertMessages(violations.get(0));
        return violations.get(0);
    }

    @Test
    @DisplayName("the Grand Périgueux protocol satisfies every rule, at adoption and at signature")
    void fixtureSatisfiesEveryRule() {
        assertThat(ProtocolPolicies.check(VALID, ProtocolPolicy.Moment.SIGNATURE)).isEmpty();
        assertThat(VALID.territory().municipalities()).hasSize(43);
        assertThat(VALID.budget().totalResources()).isEqualTo(Money.euros(4_200_000));
    }

    @Test
    @DisplayName("a protocol without the Département among its signatories cannot be adopted")
    void departmentMustSign() {
        ProtocolContent withoutDepartment = VALID.withBudget(VALID.budget().withoutFunder(ProtocolFixture.DEPARTMENT))
                .withSignatories(VALID.signatories().stream().filter(s -> s.kind() != SignatoryKind.DEPARTMENT).toList());
        Violation v = single(ProtocolPolicies.DEPARTMENT_SIGNS, withoutDepartment);
        assertThat(v.code()).isEqualTo(ProtocolError.DEPARTMENT_MUST_SIGN);
        assertThat(v.field()).isEqualTo("signatories");
        Protocol draft = Protocol.draft(ProtocolFixture.ID, withoutDepartment, ProtocolFixture.at(0), ProtocolFixture.ACTOR)
                .openNegotiation(ProtocolFixture.at(1), ProtocolFixture.ACTOR);
        PlieException error = assertRefused(() -> draft.adopt(ProtocolFixture.adoptionWithQuorum(), ProtocolFixture.at(2), ProtocolFixture.ACTOR),
                ProtocolError.DEPARTMENT_MUST_SIGN, "signatories", v.value());
        assertThat(error.getMessage()).contains("Département");
        assertThat(draft.state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
    }

    @Test
    @DisplayName("a Département absent from the steering committee breaks mutual representation")
    void departmentOnSteeringCommittee() {
        var fixture = VALID.governance();
        var members = fixture.steeringCommittee().members().stream().filter(m -> !m.organisation().equals(ProtocolFixture.DEPARTMENT)).toList();
        var committee = new fr.asso.europlie.plie.governance.SteeringCommittee(members, fixture.steeringCommittee().chair(),
                fr.asso.europlie.plie.governance.QuorumRule.majority(), ProtocolFixture.EPCI);
        ProtocolContent content = VALID.withGovernance(new fr.asso.europlie.plie.governance.Governance(committee,
                fixture.technicalCommittee(), fixture.fundersCommittee(), fixture.entryCommission()));
        Violation v = single(ProtocolPolicies.DEPARTMENT_ON_STEERING_COMMITTEE, content);
        assertThat(v.code()).isEqualTo(ProtocolError.DEPARTMENT_ON_STEERING_COMMITTEE);
        assertThat(v.value()).isEqualTo("DEPT-24");
    }

    @Test
    @DisplayName("the OI cannot stand in for the steering committee")
    void oiDoesNotSteer() {
        var fixture = VALID.governance();
        var steering = fixture.steeringCommittee();
        var convenedByOi = new fr.asso.europlie.plie.governance.SteeringCommittee(steering.members(), steering.chair(), steering.quorum(),
                ProtocolFixture.OI);
        ProtocolContent content = VALID.withGovernance(new fr.asso.europlie.plie.governance.Governance(convenedByOi,
                fixture.technicalCommittee(), fixture.fundersCommittee(), fixture.entryCommission()));
        Violation v = single(ProtocolPolicies.OI_DOES_NOT_STEER, content);
        assertThat(v.code()).isEqualTo(ProtocolError.OI_NOT_STEERING_COMMITTEE);
        assertThat(v.field()).isEqualTo("governance.steeringCommittee.convenedBy");
        assertThat(v.value()).isEqualTo(ProtocolFixture.OI.value());
    }

    @Test
    @DisplayName("a PLIE axis placed in an axis the PTI does not have is refused, naming the axis")
    void axesWithinPti() {
        List<StrategicAxis> axes = new ArrayList<>(VALID.strategicAxes());
        axes.set(2, new StrategicAxis(StrategicAxisId.of("AXE-3"), "Relation entreprises", "PTI-9"));
        Violation v = single(ProtocolPolicies.AXES_WITHIN_PTI, VALID.withStrategicAxes(axes));
        assertThat(v.code()).isEqualTo(ProtocolError.AXIS_OUTSIDE_PTI);
        assertThat(v.field()).isEqualTo("strategicAxes[2].ptiAxis");
        assertThat(v.value()).isEqualTo("AXE-3");
        assertThat(v.message(fr.asso.europlie.plie.error.Messages.FRENCH)).contains("PTI-9");
    }

    @Test
    @DisplayName("the PTI of another Département than the territory's is refused")
    void ptiOfTheTerritory() {
        TerritorialInsertionPact gironde = new TerritorialInsertionPact("33", "PTI de la Gironde", VALID.pti().axes(),
                VALID.pti().governanceBody());
        Violation v = single(ProtocolPolicies.PTI_OF_THE_TERRITORY, VALID.withPti(gironde));
        assertThat(v.code()).isEqualTo(ProtocolError.PTI_OF_ANOTHER_DEPARTMENT);
        assertThat(v.value()).isEqualTo("33");
    }

    @Test
    @DisplayName("a PTI whose governance body does not include the PLIE's animation structure breaks mutual representation")
    void plieInPtiGovernance() {
        TerritorialInsertionPact pti = new TerritorialInsertionPact("24", VALID.pti().name(), VALID.pti().axes(),
                List.of(ProtocolFixture.DEPARTMENT, ProtocolFixture.STATE));
        Violation v = single(ProtocolPolicies.PLIE_IN_PTI_GOVERNANCE, VALID.withPti(pti));
        assertThat(v.code()).isEqualTo(ProtocolError.PLIE_NOT_IN_PTI_GOVERNANCE);
        assertThat(v.value()).isEqualTo(ProtocolFixture.ANIMATION.value());
    }

    @Test
    @DisplayName("a diagnostic missing an item cannot be adopted: each missing item is named")
    void diagnosticComplete() {
        SharedDiagnostic partial = new SharedDiagnostic(VALID.diagnostic().items()).with(DiagnosticItem.GAPS_IN_OFFER, " ");
        Violation v = single(ProtocolPolicies.DIAGNOSTIC_COMPLETE, VALID.withDiagnostic(partial));
        assertThat(v.code()).isEqualTo(ProtocolError.DIAGNOSTIC_INCOMPLETE);
        assertThat(v.value()).isEqualTo("GAPS_IN_OFFER");
        assertThat(ProtocolPolicies.DIAGNOSTIC_COMPLETE.check(VALID.withDiagnostic(SharedDiagnostic.EMPTY))).hasSize(6);
    }

    @Test
    @DisplayName("an animation team without engineering breaks the three inseparable pillars")
    void animationPillars() {
        AnimationStructure structure = new AnimationStructure(ProtocolFixture.ANIMATION, "Association PLIE",
                AnimationStructure.Form.ASSOCIATION, EnumSet.of(AnimationMission.PATHWAY_MANAGEMENT, AnimationMission.ECONOMIC_ACTORS));
        Violation v = single(ProtocolPolicies.ANIMATION_PILLARS, VALID.withAnimationStructure(structure));
        assertThat(v.code()).isEqualTo(ProtocolError.ANIMATION_PILLAR_MISSING);
        assertThat(v.value()).isEqualTo("ENGINEERING");
    }

    @Test
    @DisplayName("a protocol needs target publics and strategic axes")
    void publicsAndAxes() {
        assertThat(single(ProtocolPolicies.HAS_TARGET_PUBLICS, VALID.withTargetPublics(List.of())).code())
                .isEqualTo(ProtocolError.NO_TARGET_PUBLIC);
        ProtocolContent noAxes = VALID.withBudget(new fr.asso.europlie.plie.budget.ProtocolBudget(VALID.budget().contributions(), List.of()))
                .withStrategicAxes(List.of());
        assertThat(single(ProtocolPolicies.HAS_STRATEGIC_AXES, noAxes).code()).isEqualTo(ProtocolError.NO_STRATEGIC_AXIS);
    }

    @Test
    @DisplayName("an unbalanced budget at signature is refused with the difference, and nothing is signed")
    void budgetBalancedAtSignature() {
        Protocol adopted = ProtocolFixture.adoptedAndApprovedByAllButFranceTravail();
        // The Région lowers its 2027 contribution during the deliberations; the text is revised only by
        // going back to negotiation, so build the unbalanced case from a revised draft.
        ProtocolContent short1000 = VALID.withBudget(VALID.budget().withContribution(
                new Contribution(ProtocolFixture.REGION, Year.of(2027), Money.euros(39_000))));
        Violation v = single(ProtocolPolicies.BUDGET_BALANCED, short1000);
        assertThat(v.value()).isEqualTo("-1000.00");
        Protocol unbalanced = Protocol.draft(ProtocolFixture.ID, short1000, ProtocolFixture.at(0), ProtocolFixture.ACTOR)
                .openNegotiation(ProtocolFixture.at(1), ProtocolFixture.ACTOR)
                .adopt(ProtocolFixture.adoptionWithQuorum(), ProtocolFixture.at(2), ProtocolFixture.ACTOR)
                .deliberate(ProtocolFixture.approval(ProtocolFixture.DEPARTMENT), ProtocolFixture.at(3), ProtocolFixture.ACTOR);
        PlieException error = assertRefused(() -> unbalanced.sign(ProtocolFixture.DEPARTMENT, LocalDate.of(2022, 2, 20),
                ProtocolFixture.at(4), ProtocolFixture.ACTOR), ProtocolError.BUDGET_UNBALANCED, "budget", "-1000.00");
        assertThat(error.getMessage()).contains("4199000.00").contains("4200000.00");
        assertThat(unbalanced.negotiation().orElseThrow().signatures()).isEmpty();
        assertThat(adopted.state()).isEqualTo(ProtocolState.ADOPTED);
    }

    @Test
    @DisplayName("a signed protocol changes only by amendment")
    void signedChangesOnlyByAmendment() {
        Protocol inForce = ProtocolFixture.inForce();
        PlieException error = assertRefused(() -> inForce.revise(VALID.withName("Nouveau nom"), ProtocolFixture.at(500), ProtocolFixture.ACTOR),
                ProtocolError.SIGNED_CHANGES_BY_AMENDMENT, "state", ProtocolFixture.ID.value());
        assertThat(error.getMessage(fr.asso.europlie.plie.error.Messages.ENGLISH)).contains("amendment");
        Protocol amended = inForce.proposeAmendment(VALID.withName("Nouveau nom"), "Changement de dénomination",
                ProtocolFixture.at(500), ProtocolFixture.ACTOR);
        assertThat(amended.pendingAmendment()).isPresent();
        assertThat(amended.content().name()).isEqualTo("PLIE du Grand Périgueux");
    }

    @Test
    @DisplayName("an adoption without the Département present has no quorum, and the protocol stays under negotiation")
    void noQuorumWithoutDepartment() {
        Protocol negotiating = ProtocolFixture.underNegotiation();
        assertRefused(() -> negotiating.adopt(ProtocolFixture.adoptionWithoutDepartment(), ProtocolFixture.at(30),
                ProtocolFixture.ACTOR), fr.asso.europlie.plie.governance.GovernanceError.MANDATORY_ABSENT, "adoption.present", "DEPT-24");
        assertThat(negotiating.state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
    }

    @Test
    @DisplayName("a decision to send back cannot be recorded as an adoption")
    void adoptionNeedsAnAdoptDecision() {
        Protocol negotiating = ProtocolFixture.underNegotiation();
        var sendBack = ProtocolFixture.governance().steeringCommittee().decide(ProtocolFixture.governance().steeringCommittee().members(),
                ProtocolFixture.at(30), fr.asso.europlie.plie.governance.AdoptionOutcome.SEND_BACK, "Revoir le budget", null);
        assertRefused(() -> negotiating.adopt(sendBack, ProtocolFixture.at(31), ProtocolFixture.ACTOR),
                ProtocolError.ADOPTION_OUTCOME, "adoption.outcome", "SEND_BACK");
    }

    @Test
    @DisplayName("the Département cannot withdraw; France Travail can, and its budget lines go with it")
    void withdrawals() {
        Protocol adopted = ProtocolFixture.adopted();
        assertRefused(() -> adopted.withdraw(ProtocolFixture.DEPARTMENT, "désaccord", ProtocolFixture.at(30), ProtocolFixture.ACTOR),
                ProtocolError.MANDATORY_CANNOT_WITHDRAW, "signatory", "DEPT-24");
        Protocol without = adopted.withdraw(ProtocolFixture.FRANCE_TRAVAIL, "ne cofinance plus", ProtocolFixture.at(30), ProtocolFixture.ACTOR);
        assertThat(without.content().signatory(ProtocolFixture.FRANCE_TRAVAIL)).isEmpty();
        assertThat(without.content().budget().contributionOf(ProtocolFixture.FRANCE_TRAVAIL)).isEqualTo(Money.ZERO);
        assertThat(without.content().budget().balance()).isEqualTo(Money.euros(-120_000));
    }

    @Test
    @DisplayName("a signatory signs only after its body approved, once, and only for itself")
    void signatureRules() {
        Protocol adopted = ProtocolFixture.adopted();
        assertRefused(() -> adopted.sign(ProtocolFixture.EPCI, LocalDate.of(2022, 2, 1), ProtocolFixture.at(30), ProtocolFixture.ACTOR),
                ProtocolError.DELIBERATION_MISSING, "signatory", "EPCI-200040392");
        assertRefused(() -> adopted.sign(fr.asso.europlie.plie.organisation.OrganisationId.of("CCI-24"), LocalDate.of(2022, 2, 1),
                ProtocolFixture.at(30), ProtocolFixture.ACTOR), ProtocolError.NOT_A_SIGNATORY, "signatory", "CCI-24");
        Protocol once = ProtocolFixture.adoptedAndApprovedByAllButFranceTravail()
                .sign(ProtocolFixture.EPCI, LocalDate.of(2022, 2, 1), ProtocolFixture.at(40), ProtocolFixture.ACTOR);
        assertRefused(() -> once.sign(ProtocolFixture.EPCI, LocalDate.of(2022, 2, 2), ProtocolFixture.at(41), ProtocolFixture.ACTOR),
                ProtocolError.DUPLICATE, "signatures", "EPCI-200040392");
    }

    @Test
    @DisplayName("a rejection by a signatory's body sends the protocol back to negotiation for a new round")
    void rejectionSendsBack() {
        Protocol adopted = ProtocolFixture.adopted();
        Protocol back = adopted.deliberate(new Deliberation(ProtocolFixture.REGION, DeliberationOutcome.CHANGES_REQUESTED, "CP-R-2022-12",
                LocalDate.of(2022, 1, 25), "Préciser l’axe 2"), ProtocolFixture.at(40), ProtocolFixture.ACTOR);
        assertThat(back.state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(back.negotiation().orElseThrow().round()).isEqualTo(2);
        assertThat(back.events()).extracting(ProtocolEvent::type).endsWith("DeliberationRecorded", "ProtocolSentBack");
    }

    @Test
    @DisplayName("the whole negotiation to entry into force records who did what")
    void happyPathHistory() {
        Protocol inForce = ProtocolFixture.inForce();
        assertThat(inForce.state()).isEqualTo(ProtocolState.IN_FORCE);
        assertThat(inForce.versions()).hasSize(1);
        assertThat(inForce.versionInForce().orElseThrow().signatures()).hasSize(5);
        assertThat(inForce.events()).extracting(ProtocolEvent::type)
                .startsWith("ProtocolDrafted", "NegotiationOpened", "ProtocolAdopted")
                .endsWith("ProtocolSigned", "ProtocolEnteredIntoForce");
        assertThat(inForce.events()).filteredOn(e -> e instanceof ProtocolEvent.SignatureRecorded).hasSize(5)
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("signataire." + e.organisation().value()));
        assertThat(inForce.events()).extracting(ProtocolEvent::id).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a draft is held to every rule it can already satisfy: all but the diagnostic and the budget's balance")
    void draftRules() {
        assertThat(ProtocolPolicies.onDraft()).doesNotContain(ProtocolPolicies.DIAGNOSTIC_COMPLETE,
                ProtocolPolicies.BUDGET_BALANCED).contains(ProtocolPolicies.OI_DOES_NOT_STEER,
                ProtocolPolicies.DEPARTMENT_SIGNS, ProtocolPolicies.HAS_TARGET_PUBLICS);
        var steering = VALID.governance().steeringCommittee();
        var convenedByOi = new fr.asso.europlie.plie.governance.SteeringCommittee(steering.members(), steering.chair(),
                steering.quorum(), ProtocolFixture.OI);
        ProtocolContent draft = VALID.withGovernance(new fr.asso.europlie.plie.governance.Governance(convenedByOi,
                VALID.governance().technicalCommittee(), VALID.governance().fundersCommittee(),
                VALID.governance().entryCommission())).withTargetPublics(List.of()).withDiagnostic(SharedDiagnostic.EMPTY);
        assertThat(ProtocolPolicies.checkDraft(draft)).extracting(Violation::code)
                .containsExactly(ProtocolError.NO_TARGET_PUBLIC, ProtocolError.OI_NOT_STEERING_COMMITTEE);
        assertThat(ProtocolPolicies.checkDraft(VALID.withDiagnostic(SharedDiagnostic.EMPTY))).isEmpty();
    }
}
