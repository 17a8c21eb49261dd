package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.error.Messages;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reason of a step the engine takes by itself (motif d'une étape automatique): a deadline
 * passed, a grace period over, a budget unbalanced by a withdrawal. It is stored in the audit
 * trail as a message key with its arguments ({@code #reason.GRACE_PERIOD_OVER}), so that it can
 * be read in French (the default) or English; reasons given by people are stored as they wrote
 * them.
 */
public final class EngineReason {

    /** The bundle of the engine's reasons. */
    public static final String BUNDLE = "fr.asso.europlie.plie.workflow.reasons";

    private static final String PREFIX = "#";
    private static final String REFUSAL = "#!";
    private static final String SEPARATOR = "\u001f";
    private static final String RECORDS = "\u001e";

    private EngineReason() {
    }

    /**
     * Encodes a reason for the audit trail.
     *
     * @param key the message key, such as {@code reason.GRACE_PERIOD_OVER}
     * @param arguments the message's arguments, shown with {@link String#valueOf(Object)}
     * @return the stored form
     */
    public static String of(String key, Object... arguments) {
        return PREFIX + Stream.concat(Stream.of(key), Arrays.stream(arguments).map(String::valueOf))
                .collect(Collectors.joining(SEPARATOR));
    }

    /**
     * Encodes a refusal (its violations, codes and values) for the audit trail, so that it can be
     * read in either language.
     *
     * @param refusal the refusal
     * @return the stored form
     */
    public static String ofRefusal(fr.asso.europlie.plie.error.PlieException refusal) {
        return REFUSAL + refusal.violations().stream()
                .map(v -> Stream.concat(Stream.of(v.code().bundle(), v.code().code(), v.field(), v.value()), v.details().stream())
                        .collect(Collectors.joining(SEPARATOR)))
                .collect(Collectors.joining(RECORDS));
    }

    /**
     * The reason in a language.
     *
     * @param stored the stored reason, possibly null
     * @param locale French (default) or English
     * @return the reason as people read it; a reason given by a person is returned unchanged
     */
    public static String render(String stored, Locale locale) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        if (stored.startsWith(REFUSAL)) {
            return Arrays.stream(stored.substring(REFUSAL.length()).split(RECORDS, -1)).map(record -> {
                String[] parts = record.split(SEPARATOR, -1);
                return "[" + parts[1] + "] " + Messages.text(parts[0], parts[1], locale, (Object[]) Arrays.copyOfRange(parts, 2, parts.length));
            }).collect(Collectors.joining(" ; "));
        }
        String[] parts = stored.substring(PREFIX.length()).split(SEPARATOR, -1);
        return Messages.text(BUNDLE, parts[0], locale, (Object[]) Arrays.copyOfRange(parts, 1, parts.length));
    }
}
