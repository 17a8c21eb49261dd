package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules of decision of the PLIE's committees, listed together: the decision belongs to the
 * committee, only its members count as present, and the quorum is met.
 */
public final class DecisionPolicies {

    /** The decision was taken by a committee of this kind ({@code PLIE-GOVERNANCE-011}). */
    public static final DecisionPolicy RIGHT_COMMITTEE = DecisionPolicies::rightCommittee;

    /** Every person recorded present is a member ({@code PLIE-GOVERNANCE-010}). */
    public static final DecisionPolicy ONLY_MEMBERS_PRESENT = DecisionPolicies::onlyMembersPresent;

    /**
     * The quorum rule is met: enough members present ({@code PLIE-GOVERNANCE-008}, with the
     * present and required counts) and the mandatory organisation present
     * ({@code PLIE-GOVERNANCE-009}).
     */
    public static final DecisionPolicy QUORUM = DecisionPolicies::quorum;

    /** Every rule, in the order they are checked. */
    public static final List<DecisionPolicy> ALL = List.of(RIGHT_COMMITTEE, ONLY_MEMBERS_PRESENT, QUORUM);

    private DecisionPolicies() {
    }

    /**
     * Checks a decision against every rule.
     *
     * @param committee the committee, not null
     * @param decision the decision, not null
     * @return every violation, empty when the decision could be taken
     */
    public static List<Violation> check(Committee committee, Decision<?> decision) {
        Objects.requireNonNull(committee, "committee");
        Objects.requireNonNull(decision, "decision");
        List<Violation> violations = new ArrayList<>();
        ALL.forEach(policy -> violations.addAll(policy.check(committee, decision)));
        return violations;
    }

    /**
     * Refuses a decision that breaks any rule.
     *
     * @param committee the committee, not null
     * @param decision the decision, not null
     * @throws RuleViolationException with every violation
     */
    public static void requireAll(Committee committee, Decision<?> decision) {
        List<Violation> violations = check(committee, decision);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    private static List<Violation> rightCommittee(Committee committee, Decision<?> decision) {
        return committee.kind() == decision.committee() ? List.of()
                : List.of(Violation.of(GovernanceError.WRONG_COMMITTEE, "committee", decision.committee(), committee.kind()));
    }

    private static List<Violation> onlyMembersPresent(Committee committee, Decision<?> decision) {
        List<Violation> violations = new ArrayList<>();
        List<Member> present = decision.present();
        for (int i = 0; i < present.size(); i++) {
            if (!committee.isMember(present.get(i))) {
                violations.add(Violation.of(GovernanceError.NOT_A_MEMBER, "present[" + i + "]", present.get(i), committee.kind()));
            }
        }
        return violations;
    }

    private static List<Violation> quorum(Committee committee, Decision<?> decision) {
        QuorumResult result = committee.evaluate(decision.present());
        List<Violation> violations = new ArrayList<>();
        if (!result.enoughMembers()) {
            violations.add(Violation.of(GovernanceError.NO_QUORUM, "present", result.present(), result.required(),
                    result.members(), committee.kind()));
        }
        result.missingOrganisation().ifPresent(org ->
                violations.add(Violation.of(GovernanceError.MANDATORY_ABSENT, "present", org, committee.kind())));
        return violations;
    }
}
