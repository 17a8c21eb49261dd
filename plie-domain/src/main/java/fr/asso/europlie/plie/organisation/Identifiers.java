package fr.asso.europlie.plie.organisation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How identifiers and people's names compare as people read them (identifiants lus comme à
 * l'écran): the one normalisation used for organisation ids, the workflows' user ids and the
 * names compared by a separation of functions, so that a name cannot pass for another's, nor
 * escape a rule, through characters that look alike or do not show.
 *
 * <p>{@link #normalise(String)} removes the characters that do not show (format characters such
 * as the zero-width space, joiners, the soft hyphen, bidirectional marks and the byte-order mark;
 * control characters; fillers and selectors that render as nothing, such as the Hangul fillers
 * and the Braille blank), applies Unicode NFKC (a decomposed accent becomes one character, a
 * full-width letter or a ligature the plain letters, a no-break space a space), turns every run of
 * white space into one space and strips the ends. {@link #personKey(String)} also ignores case:
 * people are the same whatever the capitals.
 *
 * <p>Look-alike letters of other scripts (a Cyrillic {@code а} for a Latin {@code a}) are not
 * folded: NFKC keeps them apart, and so does this class.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * The text as people read it: invisible characters removed, NFKC, white space runs as one
     * space, no leading or trailing space.
     *
     * @param text a text, may be null
     * @return the normalised text, empty when it looks blank; null for null
     */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        if (alreadyNormal(text)) {
            return text;
        }
        return normaliseFully(text);
    }

    /**
     * Whether the text is certainly its own normal form, checked in one pass without
     * allocating: every character is printable ASCII or a letter of Latin-1 and a few of French
     * text ({@code œ Œ « » ’}), none of which is invisible, white space (but the space) or
     * changed by NFKC, whether alone or next to another of them; and the spaces are single,
     * neither leading nor trailing. Any other text takes the full path.
     */
    static boolean alreadyNormal(String text) {
        int length = text.length();
        if (length == 0) {
            return true;
        }
        if (text.charAt(0) == ' ' || text.charAt(length - 1) == ' ') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (previous == ' ') {
                    return false;
                }
            } else if (!(c > ' ' && c < 0x7F) && !(c >= 0xC0 && c <= 0xFF)
                    && c != 0x152 && c != 0x153 && c != 0xAB && c != 0xBB && c != 0x2019) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** The full normalisation, whatever the text (not null). */
    static String normaliseFully(String text) {
        String visible = Normalizer.normalize(withoutInvisible(text), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(visible.length());
        boolean space = false;
        for (int i = 0; i < visible.length(); ) {
            int c = visible.codePointAt(i);
            i += Character.charCount(c);
            if (invisible(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint(c);
        }
        return out.toString();
    }

    /**
     * Whether a text looks blank: null, empty, or only characters that do not show.
     *
     * @param text a text, may be null
     * @return true when nothing would show
     */
    public static boolean looksBlank(String text) {
        return text == null || normalise(text).isEmpty();
    }

    /**
     * The key under which a person's identifier or name compares: normalised and without case.
     *
     * @param text a user id or a name, may be null
     * @return the key; null for null
     */
    public static String personKey(String text) {
        String normal = normalise(text);
        if (normal == null) {
            return null;
        }
        String ascii = asciiLowerCase(normal);
        return ascii != null ? ascii : normal.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * An ASCII text in lower case, as upper then lower case in the root locale give it (for ASCII
     * those map A-Z to a-z and nothing else), in one pass; null when the text is not ASCII.
     */
    static String asciiLowerCase(String text) {
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        if (!upper) {
            return text;
        }
        char[] lower = new char[text.length()];
        for (int i = 0; i < lower.length; i++) {
            char c = text.charAt(i);
            lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(lower);
    }

    /**
     * Whether two user ids or names designate the same person (separation of functions, duplicate
     * members): equal once normalised, without regard to case.
     *
     * @param one a user id or name, may be null
     * @param other another, may be null
     * @return true when both are given and read the same
     */
    public static boolean samePerson(String one, String other) {
        return one != null && other != null && personKey(one).equals(personKey(other));
    }

    private static String withoutInvisible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !invisible(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** A character that shows nothing and is not white space. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        if (type == Character.FORMAT) {
            return true; // zero-width space and joiners, soft hyphen, bidi marks, BOM, tags
        }
        if (type == Character.CONTROL) {
            return !Character.isWhitespace(c); // tabs and line breaks count as white space
        }
        return c == 0x034F // combining grapheme joiner
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 // Hangul fillers
                || c == 0x17B4 || c == 0x17B5 // Khmer inherent vowels
                || (c >= 0x180B && c <= 0x180F) // Mongolian selectors and vowel separator
                || c == 0x2800 // Braille blank
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF); // variation selectors
    }
}
