package fr.asso.europlie.plie.governance;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static fr.asso.europlie.plie.governance.GovernanceFixture.DEPARTMENT;
import static fr.asso.europlie.plie.governance.GovernanceFixture.EPCI;
import static fr.asso.europlie.plie.governance.GovernanceFixture.EPCI_PRESIDENT;
import static fr.asso.europlie.plie.governance.GovernanceFixture.EPCI_VICE_PRESIDENT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a committee's members")
class CommitteeTest {

    @Test
    @DisplayName("the Grand Périgueux steering committee has six members chaired by the EPCI's president")
    void fixture() {
        SteeringCommittee copil = GovernanceFixture.steeringCommittee();
        assertThat(copil.members()).hasSize(6);
        assertThat(copil.chair().role()).contains("présidente");
        assertThat(copil.convenedBy()).isEqualTo(EPCI);
        assertThat(copil.kind()).isEqualTo(CommitteeKind.STEERING);
        assertThat(copil.members()).filteredOn(m -> m.level() == Level.ELECTED).hasSize(4);
    }

    @Test
    @DisplayName("a chair who is not a member is refused")
    void chairNotMember() {
        Member outsider = Member.elected("Jean Étranger", DEPARTMENT);
        assertRefused(() -> new SteeringCommittee(List.of(EPCI_PRESIDENT, GovernanceFixture.DEPARTMENT_VICE_PRESIDENT), outsider,
                QuorumRule.majorityWith(DEPARTMENT), EPCI), GovernanceError.CHAIR_NOT_MEMBER, "chair", "Jean Étranger (DEPT-24)");
    }

    @Test
    @DisplayName("the same person twice is refused, even with another role")
    void duplicateMember() {
        assertRefused(() -> TechnicalCommittee.of(List.of(EPCI_PRESIDENT, EPCI_VICE_PRESIDENT, EPCI_PRESIDENT.withRole("trésorière"))),
                GovernanceError.DUPLICATE_MEMBER, "members[2]", "Claire Lacombe (EPCI-200040392)");
    }

    @Test
    @DisplayName("an empty committee is refused, with its missing chair and convener")
    void emptyCommittee() {
        PlieException error = assertRefused(() -> new SteeringCommittee(List.of(), null, QuorumRule.majority(), null),
                GovernanceError.EMPTY_COMMITTEE, "members", "[]");
        assertViolation(error, GovernanceError.REQUIRED, "chair", "null");
        assertViolation(error, GovernanceError.REQUIRED, "convenedBy", "null");
        assertThat(error.violations()).hasSize(3);
    }

    @Test
    @DisplayName("a quorum requiring the Département is refused on a committee where it has no member")
    void mandatoryOrganisationWithoutMember() {
        assertRefused(() -> new FundersCommittee(List.of(EPCI_PRESIDENT), QuorumRule.majorityWith(DEPARTMENT)),
                GovernanceError.MANDATORY_NOT_MEMBER, "quorum.mandatoryOrganisation", "DEPT-24");
    }

    @Test
    @DisplayName("a missing member in the list is named by its position")
    void nullMember() {
        assertRefused(() -> EntryCommission.of(Arrays.asList(EPCI_PRESIDENT, null)), GovernanceError.REQUIRED, "members[1]", "null");
    }

    @Test
    @DisplayName("a member without a name, organisation or level is refused with every gap")
    void blankMember() {
        PlieException error = assertRefused(() -> new Member(" ", null, null, null), GovernanceError.REQUIRED, "member.name", " ");
        assertThat(error.violations()).hasSize(3);
    }

    @Test
    @DisplayName("the same person is recognised whatever the role")
    void samePerson() {
        assertThat(EPCI_PRESIDENT.samePerson(EPCI_PRESIDENT.withRole("autre"))).isTrue();
        assertThat(EPCI_PRESIDENT.samePerson(EPCI_VICE_PRESIDENT)).isFalse();
        assertThat(GovernanceFixture.steeringCommittee().isMember(EPCI_PRESIDENT.withRole("autre"))).isTrue();
    }
}
