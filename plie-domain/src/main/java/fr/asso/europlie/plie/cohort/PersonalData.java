package fr.asso.europlie.plie.cohort;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The identity of a participant (données d'identité), kept apart from the pathway in the
 * {@link PersonalDataVault} and erased on request. Every field is personal data; none appears in a
 * pseudonymised export.
 *
 * <p>A value class with the accessors, equality, hash code and text of the record it was
 * ({@code record PersonalData(String lastName, String firstName, LocalDate birthDate, String address,
 * String email, String phone, String externalId)}). Its six texts are held in one byte array (one
 * byte a character when every character is Latin-1, two otherwise), and each accessor of a text
 * builds its string on each call (issue 16, the heap a cohort holds: about 88 bytes an identity
 * instead of 216 for the record and its strings).
 */
public final class PersonalData {

    /** The texts' order in {@link #texts}: last name, first name, address, e-mail, phone, external id. */
    private static final int LAST_NAME = 0;
    private static final int FIRST_NAME = 1;
    private static final int ADDRESS = 2;
    private static final int EMAIL = 3;
    private static final int PHONE = 4;
    private static final int EXTERNAL_ID = 5;
    private static final int TEXTS = 6;
    private static final byte LATIN1 = 0;
    private static final byte UTF16 = 1;

    /**
     * A coder byte ({@link #LATIN1} or {@link #UTF16}), then each text's length plus one (0 for
     * null) as an unsigned variable-length number (7 bits a byte, low bits first), then the texts'
     * characters one after the other. Equal identities have equal arrays.
     */
    private final byte[] texts;
    private final LocalDate birthDate;

    /**
     * Checks the components; blank optional fields become null.
     *
     * @param lastName the last name, not blank
     * @param firstName the first name, not blank
     * @param birthDate the birth date, not null (ages at entry are computed from it, then only the age is kept)
     * @param address the postal address, or null
     * @param email the e-mail address, or null
     * @param phone the phone number, or null
     * @param externalId an identifier in a partner's system (France Travail, CAF), or null
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a name or the birth date is missing
     */
    public PersonalData(String lastName, String firstName, LocalDate birthDate, String address, String email, String phone,
            String externalId) {
        Checks checks = new Checks();
        checks.required(lastName, "personal.lastName");
        checks.required(firstName, "personal.firstName");
        checks.required(birthDate, "personal.birthDate");
        checks.throwIfInvalid();
        this.texts = pack(lastName, firstName, blankToNull(address), blankToNull(email), blankToNull(phone), blankToNull(externalId));
        this.birthDate = Canonical.day(birthDate);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * A person known by name and birth date only.
     *
     * @param lastName the last name
     * @param firstName the first name
     * @param birthDate the birth date
     * @return the identity
     */
    public static PersonalData of(String lastName, String firstName, LocalDate birthDate) {
        return new PersonalData(lastName, firstName, birthDate, null, null, null, null);
    }

    /**
     * The last name.
     *
     * @return the last name, not blank
     */
    public String lastName() {
        return text(LAST_NAME);
    }

    /**
     * The first name.
     *
     * @return the first name, not blank
     */
    public String firstName() {
        return text(FIRST_NAME);
    }

    /**
     * The birth date.
     *
     * @return the birth date, not null
     */
    public LocalDate birthDate() {
        return birthDate;
    }

    /**
     * The postal address.
     *
     * @return the address, or null
     */
    public String address() {
        return text(ADDRESS);
    }

    /**
     * The e-mail address.
     *
     * @return the e-mail address, or null
     */
    public String email() {
        return text(EMAIL);
    }

    /**
     * The phone number.
     *
     * @return the phone number, or null
     */
    public String phone() {
        return text(PHONE);
    }

    /**
     * An identifier in a partner's system (France Travail, CAF).
     *
     * @return the identifier, or null
     */
    public String externalId() {
        return text(EXTERNAL_ID);
    }

    /**
     * Equal when every component is equal, as for a record.
     *
     * @param other an object
     * @return true for personal data with equal components
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof PersonalData that && birthDate.equals(that.birthDate) && Arrays.equals(texts, that.texts);
    }

    /**
     * The hash code a record of the same components has.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int hash = 0;
        hash = hash * 31 + Objects.hashCode(lastName());
        hash = hash * 31 + Objects.hashCode(firstName());
        hash = hash * 31 + birthDate.hashCode();
        hash = hash * 31 + Objects.hashCode(address());
        hash = hash * 31 + Objects.hashCode(email());
        hash = hash * 31 + Objects.hashCode(phone());
        return hash * 31 + Objects.hashCode(externalId());
    }

    /**
     * The text a record has: {@code PersonalData[lastName=..., firstName=..., birthDate=..., address=..., email=..., phone=..., externalId=...]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "PersonalData[lastName=" + lastName() + ", firstName=" + firstName() + ", birthDate=" + birthDate + ", address=" + address()
                + ", email=" + email() + ", phone=" + phone() + ", externalId=" + externalId() + "]";
    }

    /** Whether the array holds its characters two bytes each (package-private for the tests). */
    boolean wide() {
        return texts[0] == UTF16;
    }

    private static byte[] pack(String... values) {
        boolean latin1 = true;
        int chars = 0;
        int header = 1;
        for (String value : values) {
            int length = value == null ? 0 : value.length();
            header += varintSize(value == null ? 0 : length + 1);
            chars += length;
            for (int i = 0; latin1 && i < length; i++) {
                latin1 = value.charAt(i) <= 0xFF;
            }
        }
        byte[] bytes = new byte[Math.addExact(header, latin1 ? chars : Math.multiplyExact(chars, 2))];
        bytes[0] = latin1 ? LATIN1 : UTF16;
        int at = 1;
        for (String value : values) {
            int code = value == null ? 0 : value.length() + 1;
            while ((code & ~0x7F) != 0) {
                bytes[at++] = (byte) ((code & 0x7F) | 0x80);
                code >>>= 7;
            }
            bytes[at++] = (byte) code;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (latin1) {
                    bytes[at++] = (byte) c;
                } else {
                    bytes[at++] = (byte) (c >>> 8);
                    bytes[at++] = (byte) c;
                }
            }
        }
        return bytes;
    }

    private static int varintSize(int code) {
        int size = 1;
        while ((code & ~0x7F) != 0) {
            code >>>= 7;
            size++;
        }
        return size;
    }

    private String text(int index) {
        byte[] bytes = texts;
        int at = 1;
        int before = 0;
        int code = 0;
        for (int field = 0; field < TEXTS; field++) {
            int value = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[at++];
                value |= (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            if (field < index && value > 0) {
                before += value - 1;
            } else if (field == index) {
                code = value;
            }
        }
        if (code == 0) {
            return null;
        }
        int length = code - 1;
        if (bytes[0] == LATIN1) {
            return new String(bytes, at + before, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        int from = at + 2 * before;
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (((bytes[from + 2 * i] & 0xFF) << 8) | (bytes[from + 2 * i + 1] & 0xFF));
        }
        return new String(chars);
    }
}
