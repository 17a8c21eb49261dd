package fr.asso.europlie.plie.error;

import java.util.Locale;

/**
 * A stable error code of the PLIE library (code d'erreur), such as {@code PLIE-PROTOCOL-003}.
 *
 * <p>Each domain package declares its codes in an enum implementing this interface, and its
 * messages in a resource bundle: {@code messages.properties} (French, the default) and
 * {@code messages_en.properties} (English), keyed by {@link #code()}. Message patterns follow
 * {@link java.text.MessageFormat}: {@code {0}} is the field, {@code {1}} the value, the
 * following arguments are the details of the violation.
 *
 * <p>Codes are part of the public contract: once released, a code keeps its meaning.
 */
public interface ErrorCode {

    /**
     * The stable code, for instance {@code PLIE-BUDGET-001}.
     *
     * @return the code, never null
     */
    String code();

    /**
     * The base name of the resource bundle that holds this code's messages: by convention
     * {@code messages} in the package of the type that declares the code.
     *
     * @return a bundle base name such as {@code fr.asso.europlie.plie.protocol.messages}, never null
     */
    default String bundle() {
        return getClass().getPackageName() + ".messages";
    }

    /**
     * Formats this code's message in the given language.
     *
     * @param locale the language; French unless it is English
     * @param arguments the field, the value, then the details, as the pattern expects
     * @return the message, never null
     */
    default String format(Locale locale, Object... arguments) {
        return Messages.format(this, locale, arguments);
    }
}
