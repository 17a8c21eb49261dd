package fr.asso.europlie.plie.error;

import java.util.List;

/**
 * A foreseeable business refusal (refus métier): a rule of the PLIE that the requested change
 * would break, such as signing a protocol whose budget does not balance.
 *
 * <p>Thrown before anything changes; each violation has a stable code and names the field and
 * the value in French and English.
 */
public class RuleViolationException extends PlieException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from violations.
     *
     * @param violations at least one
     */
    public RuleViolationException(List<Violation> violations) {
        super(violations);
    }

    /**
     * Creates the exception from one violation.
     *
     * @param code the code
     * @param field the field
     * @param value the value
     * @param details further message arguments
     */
    public RuleViolationException(ErrorCode code, String field, Object value, Object... details) {
        this(List.of(Violation.of(code, field, value, details)));
    }
}
