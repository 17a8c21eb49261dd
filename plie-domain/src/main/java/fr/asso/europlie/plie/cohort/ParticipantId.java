package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The pseudonymous identifier of a participant (identifiant pseudonyme du participant).
 *
 * <p>It is the only reference to a person outside the personal data vault: pathways, steps,
 * FSE+ records, indicators and exports carry it, never a name. It must not be derived from the
 * person's identity (use a random or sequential supplier injected in the cohort).
 *
 * <p>A value class with the accessor, equality, hash code and text of the record it was
 * ({@code record ParticipantId(String value)}): two identifiers are equal when their values are,
 * the hash code is the value's, the text is the value. An identifier of 1 to 10 characters among
 * {@code -}, {@code 0-9}, {@code A-Z}, {@code _} and {@code a-z} (such as {@code P-4F7A2C} or
 * {@code P-0000001}) is held packed in one {@code long}, 6 bits a character, and {@link #value()}
 * builds its text on each call; any other value is held as given (issue 16, the heap a participant
 * holds: 24 bytes instead of 16 for the identifier, 24 for its string and 32 for the string's bytes).
 */
public final class ParticipantId {

    /** The characters a packed value may hold, in their code order: a character's index is its 6-bit code. */
    static final String ALPHABET = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    /** The longest value held packed (10 characters of 6 bits, the length in the 4 high bits). */
    static final int MAX_PACKED_LENGTH = 10;
    private static final byte[] CODES = new byte[128];

    static {
        java.util.Arrays.fill(CODES, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            CODES[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    /** The packed value (length in bits 60 to 63, the first character in bits 54 to 59...), 0 when {@link #text} holds it. */
    private final long packed;
    /** The value when it cannot be packed, else null. */
    private final String text;

    /**
     * Checks the value.
     *
     * @param value a non-blank identifier, such as {@code P-4F7A2C}
     * @throws InvalidValueException ({@code PLIE-COHORT-001}) when null or blank
     */
    public ParticipantId(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(CohortError.BLANK, "participantId", value);
        }
        long p = pack(value);
        this.packed = p;
        this.text = p == 0 ? value : null;
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     * @throws InvalidValueException when null or blank
     */
    public static ParticipantId of(String value) {
        return new ParticipantId(value);
    }

    /**
     * The value packed in a {@code long}, or 0 when it has more than {@link #MAX_PACKED_LENGTH}
     * characters or one outside {@link #ALPHABET} (a packed value is never 0: its length is at least 1).
     */
    static long pack(String value) {
        int length = value.length();
        if (length > MAX_PACKED_LENGTH) {
            return 0;
        }
        long p = length;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            int code = c < 128 ? CODES[c] : -1;
            if (code < 0) {
                return 0;
            }
            p = (p << 6) | code;
        }
        return p << (6 * (MAX_PACKED_LENGTH - length));
    }

    /** The text of a packed value. */
    static String unpack(long packed) {
        int length = (int) (packed >>> 60);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ALPHABET.charAt((int) (packed >>> (54 - 6 * i)) & 63);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the value is held packed (for the tests).
     *
     * @return true when packed in a {@code long}
     */
    boolean packed() {
        return text == null;
    }

    /**
     * The component {@code value}.
     *
     * @return the identifier, non-blank (an equal string, possibly a new one on each call)
     */
    public String value() {
        return text != null ? text : unpack(packed);
    }

    /**
     * Equal when the values are equal, as for a record.
     *
     * @param other an object
     * @return true for an identifier of an equal value
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ParticipantId that && packed == that.packed && Objects.equals(text, that.text);
    }

    /**
     * The value's hash code ({@link String#hashCode()}), as for a record of one component.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        if (text != null) {
            return text.hashCode();
        }
        int length = (int) (packed >>> 60);
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + ALPHABET.charAt((int) (packed >>> (54 - 6 * i)) & 63);
        }
        return h;
    }

    @Override
    public String toString() {
        return value();
    }
}
