package fr.asso.europlie.plie.governance;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static fr.asso.europlie.plie.governance.GovernanceFixture.DEPARTMENT;
import static fr.asso.europlie.plie.governance.GovernanceFixture.DEPARTMENT_VICE_PRESIDENT;
import static fr.asso.europlie.plie.governance.GovernanceFixture.EPCI_PRESIDENT;
import static fr.asso.europlie.plie.governance.GovernanceFixture.EPCI_VICE_PRESIDENT;
import static fr.asso.europlie.plie.governance.GovernanceFixture.FRANCE_TRAVAIL_DIRECTOR;
import static fr.asso.europlie.plie.governance.GovernanceFixture.REGIONAL_COUNCILLOR;
import static fr.asso.europlie.plie.governance.GovernanceFixture.SUB_PREFECT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the quorum of the steering committee (majority, the Département present)")
class QuorumRuleTest {

    private final SteeringCommittee copil = GovernanceFixture.steeringCommittee();

    @Test
    @DisplayName("four of six members with the Département present meet the quorum")
    void met() {
        QuorumResult result = copil.evaluate(List.of(EPCI_PRESIDENT, DEPARTMENT_VICE_PRESIDENT, SUB_PREFECT, REGIONAL_COUNCILLOR));
        assertThat(result).isEqualTo(new QuorumResult(true, 4, 4, 6, Optional.empty()));
    }

    @Test
    @DisplayName("three of six members are not a majority")
    void halfIsNotAMajority() {
        QuorumResult result = copil.evaluate(List.of(EPCI_PRESIDENT, DEPARTMENT_VICE_PRESIDENT, SUB_PREFECT));
        assertThat(result.met()).isFalse();
        assertThat(result.enoughMembers()).isFalse();
        assertThat(result.present()).isEqualTo(3);
        assertThat(result.required()).isEqualTo(4);
        assertThat(result.missingOrganisation()).isEmpty();
    }

    @Test
    @DisplayName("with the Département absent the quorum fails even when every other member is there")
    void departmentAbsent() {
        QuorumResult result = copil.evaluate(
                List.of(EPCI_PRESIDENT, EPCI_VICE_PRESIDENT, SUB_PREFECT, REGIONAL_COUNCILLOR, FRANCE_TRAVAIL_DIRECTOR));
        assertThat(result.met()).isFalse();
        assertThat(result.enoughMembers()).isTrue();
        assertThat(result.missingOrganisation()).contains(DEPARTMENT);
    }

    @Test
    @DisplayName("guests and persons named twice do not add to the count")
    void guestsDoNotCount() {
        Member guest = Member.technical("Invité", OrganisationId.of("PRESSE"));
        QuorumResult result = copil.evaluate(List.of(EPCI_PRESIDENT, EPCI_PRESIDENT.withRole("autre"), guest,
                DEPARTMENT_VICE_PRESIDENT, SUB_PREFECT));
        assertThat(result.present()).isEqualTo(3);
        assertThat(result.met()).isFalse();
    }

    @Test
    @DisplayName("at least two thirds of nine members means six")
    void twoThirds() {
        QuorumRule rule = QuorumRule.atLeast(2, 3);
        assertThat(rule.required(9)).isEqualTo(6);
        assertThat(rule.required(10)).isEqualTo(7);
        assertThat(rule.required(0)).isEqualTo(1);
    }

    @Test
    @DisplayName("more than a third, a minimum count of five, or any attendance: each is a setting")
    void settings() {
        assertThat(QuorumRule.moreThan(1, 3).required(9)).isEqualTo(4);
        assertThat(QuorumRule.majority().withMinimumPresent(5).required(6)).isEqualTo(5);
        assertThat(QuorumRule.majority().withMinimumPresent(8).required(6)).isEqualTo(8);
        assertThat(QuorumRule.anyPresent().required(12)).isEqualTo(1);
        assertThat(QuorumRule.majority().required(7)).isEqualTo(4);
    }

    @Test
    @DisplayName("a fraction above one, unreachable or with a zero denominator is refused, with a negative minimum")
    void badFraction() {
        assertRefused(() -> QuorumRule.atLeast(3, 2), GovernanceError.QUORUM_FRACTION, "quorum.fraction", ">= 3/2");
        assertRefused(() -> QuorumRule.moreThan(1, 1), GovernanceError.QUORUM_FRACTION, "quorum.fraction", "> 1/1");
        assertRefused(() -> QuorumRule.atLeast(0, 0), GovernanceError.QUORUM_FRACTION, "quorum.fraction", ">= 0/0");
        PlieException error = assertRefused(() -> new QuorumRule(-1, 2, true, -1, null),
                GovernanceError.QUORUM_FRACTION, "quorum.fraction", "> -1/2");
        assertViolation(error, GovernanceError.NEGATIVE_MINIMUM, "quorum.minimumPresent", "-1");
    }
}
