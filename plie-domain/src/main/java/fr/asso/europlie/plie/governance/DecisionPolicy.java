package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.Violation;
import java.util.List;

/**
 * A rule a committee's decision must follow (règle de décision), such as the quorum. A policy
 * returns what is broken rather than throwing, so that every broken rule is reported at once.
 */
@FunctionalInterface
public interface DecisionPolicy {

    /**
     * Checks a decision against the committee that took it.
     *
     * @param committee the committee, not null
     * @param decision the decision, not null
     * @return the violations, empty when the rule holds; never null
     */
    List<Violation> check(Committee committee, Decision<?> decision);
}
