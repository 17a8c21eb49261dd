package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;
/**
 * The INSEE code of a commune (code officiel géographique, code commune INSEE), such as
 * {@code 24322} for Périgueux or {@code 2A004} for Ajaccio.
 *
 * <p>Exactly five characters: five digits, or {@code 2A} / {@code 2B} followed by three digits for
 * the two Corsican Départements. Overseas codes ({@code 97101}, {@code 98818}) are five digits too.
 * Letters must be upper case. This type checks the shape only; whether the commune exists is
 * {@link Geography}'s business. Codes order as text, the order of the official files.
 *
 * @param value the code, not null
 */
public record MunicipalityCode(String value) implements Comparable<MunicipalityCode> {

    /**
     * Checks the shape of the code.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-002}, field {@code municipalityCode})
     *     when null or malformed
     */
    public MunicipalityCode {
        if (!wellShaped(value)) {
            throw new InvalidValueException(TerritoryError.MALFORMED_MUNICIPALITY_CODE, "municipalityCode", value);
        }
    }

    /**
     * Whether a text has the shape of an INSEE code: what the regular expression
     * {@code \d{5}|2[AB]\d{3}} matches ({@code \d} being {@code [0-9]}), checked by hand because
     * a document holds dozens of codes (CodesTest compares both on generated texts).
     */
    static boolean wellShaped(String value) {
        if (value == null || value.length() != 5) {
            return false;
        }
        char first = value.charAt(0);
        char second = value.charAt(1);
        boolean corsica = first == '2' && (second == 'A' || second == 'B');
        if (!corsica && !(Checks.digit(first) && Checks.digit(second))) {
            return false;
        }
        return Checks.digit(value.charAt(2)) && Checks.digit(value.charAt(3)) && Checks.digit(value.charAt(4));
    }

    /**
     * Creates a code.
     *
     * @param value the code, such as {@code 24322}
     * @return the code
     * @throws InvalidValueException ({@code PLIE-TERRITORY-002}) when null or malformed
     */
    public static MunicipalityCode of(String value) {
        return new MunicipalityCode(value);
    }

    @Override
    public int compareTo(MunicipalityCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
