package fr.asso.europlie.plie.error;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One broken rule or one bad value: which code, which field, which value, and the details that
 * the message shows (a limit, a rate, a date...).
 *
 * @param code the stable error code, not null
 * @param field the field or JSON path concerned, not null (may be empty for a whole-object rule)
 * @param value the offending value as text, not null ({@code "null"} for a missing value)
 * @param details further message arguments, copied, never null
 */
public record Violation(ErrorCode code, String field, String value, List<String> details) {

    /** The most characters of a value that {@link #of} keeps for the message. */
    public static final int SHOWN_LENGTH = 200;

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException when code, field or value is null
     */
    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        details = List.copyOf(details);
    }

    /**
     * Creates a violation.
     *
     * @param code the code
     * @param field the field concerned
     * @param value the offending value, null shown as {@code "null"}, cut as {@link #shown(Object)} says
     * @param details further message arguments, each shown with {@link String#valueOf(Object)}
     * @return the violation
     */
    public static Violation of(ErrorCode code, String field, Object value, Object... details) {
        List<String> shown = new ArrayList<>();
        Arrays.stream(details).forEach(detail -> shown.add(String.valueOf(detail)));
        return new Violation(code, field, shown(value), shown);
    }

    /**
     * A value as a message shows it: its text, cut after {@value #SHOWN_LENGTH} characters with
     * its full length in brackets, so that a bad value of a million characters still gives a
     * readable message.
     *
     * @param value any value, null shown as {@code "null"}
     * @return the text shown
     */
    public static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "… (" + text.length() + ")";
    }

    /**
     * The message in the given language.
     *
     * @param locale French (default) or English
     * @return the message naming the field and the value
     */
    public String message(Locale locale) {
        Object[] arguments = new Object[2 + details.size()];
        arguments[0] = field;
        arguments[1] = value;
        for (int i = 0; i < details.size(); i++) {
            arguments[2 + i] = details.get(i);
        }
        return code.format(locale, arguments);
    }

    /**
     * The same violation with its field placed under a parent path ({@code budget} +
     * {@code lines[2].amount} gives {@code budget.lines[2].amount}).
     *
     * @param parent the parent path, not null
     * @return the relocated violation
     */
    public Violation under(String parent) {
        String path = field.isEmpty() ? parent : field.startsWith("[") ? parent + field : parent + "." + field;
        return new Violation(code, path, value, details);
    }

    @Override
    public String toString() {
        return code.code() + " " + field + "=" + value + ": " + message(Messages.ENGLISH);
    }
}
