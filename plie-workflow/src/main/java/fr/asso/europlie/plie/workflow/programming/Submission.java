package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.offer.OperationId;
import java.util.List;

/**
 * The outcome of an application's automatic admissibility check (recevabilité): admitted into the
 * round, or not admissible with every reason, each naming its rule code.
 *
 * @param operation the operation applied for
 * @param reasons every reason it is not admissible, empty when admitted; copied
 */
public record Submission(OperationId operation, List<Violation> reasons) {

    /** Copies the reasons. */
    public Submission {
        reasons = List.copyOf(reasons);
    }

    /**
     * Whether the application entered the round.
     *
     * @return true when admissible
     */
    public boolean admissible() {
        return reasons.isEmpty();
    }
}
