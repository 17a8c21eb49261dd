package fr.asso.europlie.plie.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("quorum properties")
class QuorumPropertiesTest {

    private static final List<OrganisationId> ORGANISATIONS = List.of(GovernanceFixture.DEPARTMENT, GovernanceFixture.EPCI,
            GovernanceFixture.STATE, GovernanceFixture.REGION, GovernanceFixture.FRANCE_TRAVAIL);

    /** A sitting: a committee's members, each with its organisation and whether it attends. */
    record Sitting(List<Member> members, List<Member> present) {
    }

    /** Committees of 1 to 30 members from five organisations, each member present or not. */
    private static Gen<Sitting> sittings() {
        Gen<List<Integer>> organisations = lists().of(integers().between(0, ORGANISATIONS.size() - 1)).ofSizeBetween(1, 30);
        Gen<List<Boolean>> attendance = lists().of(booleans().all()).ofSize(30);
        return organisations.zip(attendance, (orgs, attends) -> {
            List<Member> members = new ArrayList<>();
            List<Member> present = new ArrayList<>();
            for (int i = 0; i < orgs.size(); i++) {
                Member member = Member.elected("Membre " + i, ORGANISATIONS.get(orgs.get(i)));
                members.add(member);
                if (attends.get(i)) {
                    present.add(member);
                }
            }
            return new Sitting(members, present);
        });
    }

    @Test
    @DisplayName("the majority rule is met exactly when more than half are present and the Département is among them")
    void majorityWithDepartment() {
        QuorumRule rule = QuorumRule.majorityWith(GovernanceFixture.DEPARTMENT);
        qt().withExamples(300).forAll(sittings()).checkAssert(sitting -> {
            QuorumResult result = rule.evaluate(sitting.members(), sitting.present());
            boolean departmentPresent = sitting.present().stream()
                    .anyMatch(m -> m.organisation().equals(GovernanceFixture.DEPARTMENT));
            int present = sitting.present().size();
            assertThat(result.met()).isEqualTo(present * 2 > sitting.members().size() && departmentPresent);
            assertThat(result.present()).isEqualTo(present);
            assertThat(result.missingOrganisation().isPresent()).isEqualTo(!departmentPresent);
        });
    }

    @Test
    @DisplayName("an at-least-two-thirds rule is met exactly when present x 3 >= members x 2, with one member at least")
    void twoThirds() {
        QuorumRule rule = QuorumRule.atLeast(2, 3);
        qt().withExamples(300).forAll(sittings()).checkAssert(sitting -> {
            int present = sitting.present().size();
            assertThat(rule.evaluate(sitting.members(), sitting.present()).met())
                    .isEqualTo(present * 3 >= sitting.members().size() * 2 && present >= 1);
        });
    }
}
