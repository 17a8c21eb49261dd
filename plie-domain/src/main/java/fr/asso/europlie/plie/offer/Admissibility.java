package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The admissibility check of an application (recevabilité): applies every
 * {@link AdmissibilityPolicies admissibility policy} and returns every reason at once.
 */
public final class Admissibility {

    private Admissibility() {
    }

    /**
     * Every reason why an application is not admissible.
     *
     * @param operation the operation applied for, not null
     * @param context what it is judged against, not null
     * @return the reasons, empty when admissible
     */
    public static List<Violation> reasons(Operation operation, AdmissibilityContext context) {
        return reasons(operation, context, AdmissibilityPolicies.all());
    }

    /**
     * Every reason found by a chosen list of policies (a PLIE may add its own).
     *
     * @param operation the operation, not null
     * @param context the context, not null
     * @param policies the policies, not null
     * @return the reasons, empty when admissible
     */
    public static List<Violation> reasons(Operation operation, AdmissibilityContext context, List<? extends AdmissibilityPolicy> policies) {
        List<Violation> reasons = new ArrayList<>();
        policies.forEach(policy -> reasons.addAll(policy.check(operation, context)));
        return reasons;
    }

    /**
     * Refuses an application that is not admissible.
     *
     * @param operation the operation, not null
     * @param context the context, not null
     * @throws RuleViolationException with every reason
     */
    public static void requireAdmissible(Operation operation, AdmissibilityContext context) {
        List<Violation> reasons = reasons(operation, context);
        if (!reasons.isEmpty()) {
            throw new RuleViolationException(reasons);
        }
    }
}
