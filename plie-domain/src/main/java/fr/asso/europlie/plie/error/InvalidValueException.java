package fr.asso.europlie.plie.error;

import java.util.List;

/**
 * An impossible value (valeur invalide): a bad argument or a broken invariant of a value
 * object, such as an INSEE code of six characters or a period of twelve years.
 *
 * <p>Thrown before anything changes; it names the field and the value in French and English.
 */
public class InvalidValueException extends PlieException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception from violations.
     *
     * @param violations at least one
     */
    public InvalidValueException(List<Violation> violations) {
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
    public InvalidValueException(ErrorCode code, String field, Object value, Object... details) {
        this(List.of(Violation.of(code, field, value, details)));
    }
}
