package fr.asso.europlie.plie.error;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Looks up and formats the library's messages in French (the default) or English.
 *
 * <p>Lookup never falls back to the JVM's default locale: a French message is asked for on an
 * English machine and the other way round, and gets what it asked for.
 */
public final class Messages {

    /** French, the default language of every message shown to end users. */
    public static final Locale FRENCH = Locale.FRENCH;

    /** English, the second language. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    /** The languages in which every message exists. */
    public static final List<Locale> SUPPORTED = List.of(FRENCH, ENGLISH);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /**
     * Formats the message of a code.
     *
     * @param code the error code, not null
     * @param locale the language, French when null or neither French nor English
     * @param arguments the pattern's arguments
     * @return the formatted message; the bare code followed by the arguments if the bundle lacks it
     */
    public static String format(ErrorCode code, Locale locale, Object... arguments) {
        Objects.requireNonNull(code, "code");
        Locale language = supported(locale);
        String pattern = pattern(code.bundle(), code.code(), language);
        if (pattern == null) {
            return code.code() + " " + List.of(display(arguments));
        }
        return new MessageFormat(pattern, language).format(display(arguments));
    }

    /**
     * Formats a message that is not an error (labels, scenario narration) from a bundle.
     *
     * @param bundle the bundle base name, not null
     * @param key the key, not null
     * @param locale the language, French when null or neither French nor English
     * @param arguments the pattern's arguments
     * @return the formatted message, never null
     * @throws MissingResourceException when the key is absent
     */
    public static String text(String bundle, String key, Locale locale, Object... arguments) {
        Locale language = supported(locale);
        String pattern = pattern(bundle, key, language);
        if (pattern == null) {
            throw new MissingResourceException("no message " + key + " in " + bundle, bundle, key);
        }
        return new MessageFormat(pattern, language).format(display(arguments));
    }

    /**
     * Whether a bundle has a message for the key in the given language (used by bundle checks).
     *
     * @param bundle the bundle base name
     * @param key the key
     * @param locale the language
     * @return true when the key exists in that language's file
     */
    public static boolean has(String bundle, String key, Locale locale) {
        return pattern(bundle, key, supported(locale)) != null;
    }

    /**
     * Maps any locale to one the library speaks.
     *
     * @param locale any locale or null
     * @return {@link #ENGLISH} for English, otherwise {@link #FRENCH}
     */
    public static Locale supported(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : FRENCH;
    }

    private static String pattern(String bundle, String key, Locale language) {
        try {
            // The French messages are the base file: ask for the root locale to get it.
            Locale lookup = ENGLISH.equals(language) ? ENGLISH : Locale.ROOT;
            ResourceBundle resources = ResourceBundle.getBundle(bundle, lookup, Messages.class.getClassLoader(), NO_FALLBACK);
            if (ENGLISH.equals(language) && !resources.getLocale().equals(ENGLISH)) {
                return null;
            }
            return resources.containsKey(key) ? resources.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static Object[] display(Object... arguments) {
        if (arguments == null) {
            return new Object[0];
        }
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            // MessageFormat would group digits of numbers ("2 022"); show values as they were given.
            shown[i] = argument == null ? "null" : argument instanceof CharSequence ? argument : String.valueOf(argument);
        }
        return shown;
    }
}
