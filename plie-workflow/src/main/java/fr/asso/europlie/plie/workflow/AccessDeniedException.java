package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.error.ErrorCode;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import java.util.List;

/**
 * A refused attempt (accès refusé): the actor may not start, claim or complete this step, for
 * instance because it acts for another organisation or lacks the role. Thrown before anything
 * changes.
 */
public class AccessDeniedException extends PlieException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code the reason's code
     * @param field the field concerned
     * @param value the offending value
     * @param details further message arguments
     */
    public AccessDeniedException(ErrorCode code, String field, Object value, Object... details) {
        super(List.of(Violation.of(code, field, value, details)));
    }
}
