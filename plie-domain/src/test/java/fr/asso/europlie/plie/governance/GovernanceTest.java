package fr.asso.europlie.plie.governance;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the governance of a PLIE")
class GovernanceTest {

    @Test
    @DisplayName("with a separate funders' committee, each kind of committee is its own")
    void separateFunders() {
        Governance governance = GovernanceFixture.governance();
        assertThat(governance.fundersCommitteeMerged()).isFalse();
        assertThat(governance.committee(CommitteeKind.FUNDERS)).isEqualTo(GovernanceFixture.fundersCommittee());
        assertThat(governance.committees()).extracting(Committee::kind)
                .containsExactly(CommitteeKind.STEERING, CommitteeKind.TECHNICAL, CommitteeKind.FUNDERS, CommitteeKind.ENTRY);
    }

    @Test
    @DisplayName("with the funders' committee merged, the steering committee sits for the funders")
    void mergedFunders() {
        Governance governance = GovernanceFixture.governanceWithMergedFunders();
        assertThat(governance.fundersCommitteeMerged()).isTrue();
        assertThat(governance.committee(CommitteeKind.FUNDERS)).isSameAs(governance.steeringCommittee());
        assertThat(governance.committees()).hasSize(3);
    }

    @Test
    @DisplayName("the technical committee seats the animation structure and the intermediate body")
    void technicalCommittee() {
        assertThat(GovernanceFixture.technicalCommittee().members()).extracting(Member::organisation)
                .contains(GovernanceFixture.ANIMATION_STRUCTURE, GovernanceFixture.INTERMEDIATE_BODY);
    }

    @Test
    @DisplayName("the steering committee represents the Département and the State but not the intermediate body")
    void represents() {
        SteeringCommittee copil = GovernanceFixture.steeringCommittee();
        assertThat(copil.represents(GovernanceFixture.DEPARTMENT)).isTrue();
        assertThat(copil.represents(GovernanceFixture.INTERMEDIATE_BODY)).isFalse();
        assertThat(copil.represents(null)).isFalse();
        assertThat(copil.organisations()).containsExactly(GovernanceFixture.EPCI, GovernanceFixture.DEPARTMENT,
                GovernanceFixture.STATE, GovernanceFixture.REGION, GovernanceFixture.FRANCE_TRAVAIL);
    }

    @Test
    @DisplayName("a governance without its committees is refused naming each")
    void missingCommittees() {
        PlieException error = assertRefused(() -> new Governance(null, null, Optional.empty(), null),
                GovernanceError.REQUIRED, "steeringCommittee", "null");
        assertThat(error.violations()).extracting(v -> v.field())
                .containsExactly("steeringCommittee", "technicalCommittee", "entryCommission");
    }
}
