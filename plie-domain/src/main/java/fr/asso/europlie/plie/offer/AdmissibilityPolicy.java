package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.Violation;
import java.util.List;

/**
 * A rule that an application must satisfy to be admissible (règle de recevabilité). A policy
 * returns every violation it finds, or none.
 */
public interface AdmissibilityPolicy {

    /**
     * Checks an application.
     *
     * @param operation the operation applied for, not null
     * @param context the call, operators, settings and submission day, not null
     * @return the violations, empty when the rule holds
     */
    List<Violation> check(Operation operation, AdmissibilityContext context);
}
