package fr.asso.europlie.plie.error;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The common parent of the library's exceptions: one or more {@link Violation}s, each with a
 * stable code and a message in French and English that names the field and the value.
 *
 * <p>{@link #getMessage()} is French (the default language); {@link #getMessage(Locale)} gives
 * English on demand.
 */
public abstract class PlieException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @param violations at least one violation
     * @throws IllegalArgumentException when the list is empty
     */
    protected PlieException(List<Violation> violations) {
        super(null, null, true, true);
        if (violations == null || violations.isEmpty()) {
            throw new IllegalArgumentException("violations: at least one is required");
        }
        this.violations = List.copyOf(violations);
    }

    /**
     * The violations, in the order they were found.
     *
     * @return an unmodifiable list of at least one violation
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * The first violation.
     *
     * @return the first violation
     */
    public Violation violation() {
        return violations.get(0);
    }

    /**
     * The code of the first violation.
     *
     * @return a code such as {@code PLIE-PROTOCOL-001}
     */
    public String code() {
        return violation().code().code();
    }

    /**
     * The field named by the first violation.
     *
     * @return the field or JSON path
     */
    public String field() {
        return violation().field();
    }

    /**
     * The offending value named by the first violation.
     *
     * @return the value as text
     */
    public String value() {
        return violation().value();
    }

    /**
     * All messages in the given language, one a line, each prefixed with its code.
     *
     * @param locale French (default) or English
     * @return the messages
     */
    public String getMessage(Locale locale) {
        return violations.stream()
                .map(v -> "[" + v.code().code() + "] " + v.message(locale))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    @Override
    public String getMessage() {
        return getMessage(Messages.FRENCH);
    }

    @Override
    public String getLocalizedMessage() {
        return getMessage(Locale.getDefault());
    }
}
