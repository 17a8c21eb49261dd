package fr.asso.europlie.plie.governance;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static fr.asso.europlie.plie.governance.GovernanceFixture.DEPARTMENT_VICE_PRESIDENT;
import static fr.asso.europlie.plie.governance.GovernanceFixture.EPCI_PRESIDENT;
import static fr.asso.europlie.plie.governance.GovernanceFixture.EPCI_VICE_PRESIDENT;
import static fr.asso.europlie.plie.governance.GovernanceFixture.FRANCE_TRAVAIL_DIRECTOR;
import static fr.asso.europlie.plie.governance.GovernanceFixture.REGIONAL_COUNCILLOR;
import static fr.asso.europlie.plie.governance.GovernanceFixture.SUB_PREFECT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a committee's decision")
class DecisionTest {

    private static final Instant SITTING = Instant.parse("2022-03-15T17:00:00Z");
    private static final String REASONS = "Protocole 2022-2027 conforme au diagnostic partagé";

    private final SteeringCommittee copil = GovernanceFixture.steeringCommittee();

    @Test
    @DisplayName("the steering committee adopts the protocol with quorum, recording who, when, what and why")
    void adoptedWithQuorum() {
        List<Member> present = List.of(EPCI_PRESIDENT, DEPARTMENT_VICE_PRESIDENT, SUB_PREFECT, REGIONAL_COUNCILLOR);
        Decision<AdoptionOutcome> decision = copil.decide(present, SITTING, AdoptionOutcome.ADOPT, REASONS, "COPIL-2022-01");
        assertThat(decision.committee()).isEqualTo(CommitteeKind.STEERING);
        assertThat(decision.present()).containsExactlyElementsOf(present);
        assertThat(decision.decidedAt()).isEqualTo(SITTING);
        assertThat(decision.outcome()).isEqualTo(AdoptionOutcome.ADOPT);
        assertThat(decision.reasons()).isEqualTo(REASONS);
        assertThat(decision.reference()).contains("COPIL-2022-01");
    }

    @Test
    @DisplayName("a decision without quorum is refused, the message giving present and required counts")
    void noQuorum() {
        PlieException error = assertRefused(() -> copil.decide(List.of(EPCI_PRESIDENT, DEPARTMENT_VICE_PRESIDENT, SUB_PREFECT),
                SITTING, AdoptionOutcome.ADOPT, REASONS, null), GovernanceError.NO_QUORUM, "present", "3");
        assertThat(error).isInstanceOf(RuleViolationException.class);
        assertThat(error.getMessage(Messages.ENGLISH)).contains("3 member(s) present out of 6, 4 required");
        assertThat(error.getMessage(Messages.FRENCH)).contains("3 membre(s) présent(s) sur 6, 4 requis");
    }

    @Test
    @DisplayName("a decision with the Département absent is refused naming the Département")
    void departmentAbsent() {
        PlieException error = assertRefused(() -> copil.decide(
                        List.of(EPCI_PRESIDENT, EPCI_VICE_PRESIDENT, SUB_PREFECT, REGIONAL_COUNCILLOR, FRANCE_TRAVAIL_DIRECTOR),
                        SITTING, AdoptionOutcome.ADOPT, REASONS, null),
                GovernanceError.MANDATORY_ABSENT, "present", "DEPT-24");
        assertThat(error.violations()).hasSize(1);
    }

    @Test
    @DisplayName("a guest recorded present is reported and does not make the quorum")
    void guestPresent() {
        Member guest = Member.technical("Invité", OrganisationId.of("PRESSE"));
        PlieException error = assertRefused(() -> copil.decide(
                        List.of(EPCI_PRESIDENT, DEPARTMENT_VICE_PRESIDENT, SUB_PREFECT, guest),
                        SITTING, AdoptionOutcome.SEND_BACK, REASONS, null),
                GovernanceError.NOT_A_MEMBER, "present[3]", "Invité (PRESSE)");
        assertViolation(error, GovernanceError.NO_QUORUM, "present", "3");
    }

    @Test
    @DisplayName("a technical committee's decision checked against the steering committee breaks the right-committee rule")
    void wrongCommittee() {
        Decision<AdoptionOutcome> decision = new Decision<>(CommitteeKind.TECHNICAL,
                List.of(EPCI_PRESIDENT, DEPARTMENT_VICE_PRESIDENT, SUB_PREFECT, REGIONAL_COUNCILLOR), SITTING,
                AdoptionOutcome.ADOPT, REASONS, Optional.empty());
        List<Violation> violations = DecisionPolicies.check(copil, decision);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(GovernanceError.WRONG_COMMITTEE);
            assertThat(v.field()).isEqualTo("committee");
            assertThat(v.value()).isEqualTo("TECHNICAL");
        });
        assertThat(DecisionPolicies.QUORUM.check(copil, decision)).isEmpty();
        assertThat(DecisionPolicies.ONLY_MEMBERS_PRESENT.check(copil, decision)).isEmpty();
    }

    @Test
    @DisplayName("each policy alone says nothing about a decision taken with quorum by members")
    void policiesHold() {
        Decision<AdoptionOutcome> decision = new Decision<>(CommitteeKind.STEERING,
                List.of(EPCI_PRESIDENT, DEPARTMENT_VICE_PRESIDENT, SUB_PREFECT, REGIONAL_COUNCILLOR), SITTING,
                AdoptionOutcome.ABANDON, REASONS, null);
        assertThat(DecisionPolicies.ALL).hasSize(3)
                .allSatisfy(policy -> assertThat(policy.check(copil, decision)).isEmpty());
        assertThat(decision.reference()).isEmpty();
        assertThat(decision.withReference("DEL-2022-045").reference()).contains("DEL-2022-045");
    }

    @Test
    @DisplayName("the same merged steering committee decides for the funders")
    void mergedFunders() {
        Committee funders = GovernanceFixture.governanceWithMergedFunders().committee(CommitteeKind.FUNDERS);
        Decision<AdoptionOutcome> decision = funders.decide(
                List.of(EPCI_PRESIDENT, DEPARTMENT_VICE_PRESIDENT, SUB_PREFECT, REGIONAL_COUNCILLOR),
                SITTING, AdoptionOutcome.ADOPT, REASONS, null);
        assertThat(decision.committee()).isEqualTo(CommitteeKind.STEERING);
    }

    @Test
    @DisplayName("a decision without reasons, date or outcome is refused with every gap")
    void incompleteDecision() {
        PlieException error = assertRefused(() -> new Decision<AdoptionOutcome>(CommitteeKind.STEERING, List.of(EPCI_PRESIDENT),
                null, null, " ", Optional.of("")), GovernanceError.REQUIRED, "reasons", " ");
        assertViolation(error, GovernanceError.REQUIRED, "decidedAt", "null");
        assertViolation(error, GovernanceError.REQUIRED, "outcome", "null");
        assertViolation(error, GovernanceError.REQUIRED, "reference", "");
    }

    @Test
    @DisplayName("a person recorded present twice is refused")
    void presentTwice() {
        assertRefused(() -> new Decision<>(CommitteeKind.STEERING, List.of(EPCI_PRESIDENT, EPCI_PRESIDENT), SITTING,
                AdoptionOutcome.ADOPT, REASONS, null), GovernanceError.DUPLICATE_MEMBER, "present[1]", "Claire Lacombe (EPCI-200040392)");
    }

    @Test
    @DisplayName("a person recorded present twice under a disguised name (no-break space, zero-width space, capitals) is refused")
    void presentTwiceInDisguise() {
        for (String disguised : List.of("Claire\u00A0Lacombe", "Claire La\u200Bcombe", "CLAIRE LACOMBE")) {
            Member twin = new Member(disguised, EPCI_PRESIDENT.organisation(), EPCI_PRESIDENT.level(), EPCI_PRESIDENT.role());
            assertRefused(() -> new Decision<>(CommitteeKind.STEERING, List.of(EPCI_PRESIDENT, twin), SITTING,
                    AdoptionOutcome.ADOPT, REASONS, null), GovernanceError.DUPLICATE_MEMBER, "present[1]", twin.toString());
        }
    }
}
