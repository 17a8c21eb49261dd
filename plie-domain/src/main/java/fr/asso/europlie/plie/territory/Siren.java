package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;
/**
 * A SIREN number (numéro SIREN): the nine-digit identifier of a legal entity in the French
 * business register, used here for intercommunalities (EPCI), such as {@code 200040392} for the
 * CA Le Grand Périgueux.
 *
 * <p>The ninth digit is a Luhn check digit, which this type verifies. The well-known La Poste
 * exception concerns its SIRET numbers (establishments, checked by a digit sum multiple of 5),
 * not its SIREN {@code 356000000}, which passes the Luhn check: no exception is needed here.
 * Every EPCI SIREN of the 2026 geography passes the check (a test shows it).
 *
 * @param value nine digits with a valid check digit, not null
 */
public record Siren(String value) implements Comparable<Siren> {

    /**
     * Checks the shape and the check digit.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-005}, field {@code siren}) when null or
     *     not nine digits; ({@code PLIE-TERRITORY-006}) when the Luhn check digit is wrong
     */
    public Siren {
        if (!wellShaped(value)) {
            throw new InvalidValueException(TerritoryError.MALFORMED_SIREN, "siren", value);
        }
        if (!luhn(value)) {
            throw new InvalidValueException(TerritoryError.SIREN_CHECK_DIGIT, "siren", value);
        }
    }

    /**
     * Creates a SIREN.
     *
     * @param value nine digits, such as {@code 200040392}
     * @return the SIREN
     * @throws InvalidValueException ({@code PLIE-TERRITORY-005} or {@code -006}) when malformed
     *     or when the check digit is wrong
     */
    public static Siren of(String value) {
        return new Siren(value);
    }

    /**
     * Whether a text is nine digits: what the regular expression {@code \d{9}} matches
     * ({@code \d} being {@code [0-9]}), checked by hand (CodesTest compares both).
     */
    static boolean wellShaped(String value) {
        if (value == null || value.length() != 9) {
            return false;
        }
        for (int i = 0; i < 9; i++) {
            if (!Checks.digit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    @Override
    public int compareTo(Siren other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
