package fr.asso.europlie.plie.json;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.util.List;

/**
 * A JSON document that cannot be read (document invalide): every problem found, each with its
 * JSON path (such as {@code $.content.signatories[2].kind}) as field, the bad value, and a
 * message in French and English. Nothing is created from an invalid document.
 */
public class InvalidDocumentException extends InvalidValueException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param violations every problem, at least one
     */
    public InvalidDocumentException(List<Violation> violations) {
        super(violations);
    }
}
