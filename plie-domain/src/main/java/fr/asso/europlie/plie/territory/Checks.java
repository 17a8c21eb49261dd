package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Shared checks of the territory's values: each throws {@link InvalidValueException} naming the field. */
final class Checks {

    private Checks() {
    }

    /**
     * Requires a value.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-001}) when null
     */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(TerritoryError.REQUIRED, field, null);
        }
        return value;
    }

    /**
     * Requires a non-blank text.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-001}) when null or blank
     */
    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(TerritoryError.REQUIRED, field, value);
        }
        return value;
    }

    /**
     * Requires a text of the given shape.
     *
     * @throws InvalidValueException with the given code when null or of another shape
     */
    static String shaped(String value, Pattern shape, TerritoryError code, String field) {
        if (value == null || !shape.matcher(value).matches()) {
            throw new InvalidValueException(code, field, value);
        }
        return value;
    }

    /** Whether a character is an ASCII digit: what {@code \d} matches in a regular expression without Unicode classes. */
    static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Requires a non-empty list of commune codes without null elements.
     *
     * @return a sorted copy without duplicates
     * @throws InvalidValueException ({@code PLIE-TERRITORY-001}) when the list or an element is
     *     null; ({@code PLIE-TERRITORY-011}) when the list is empty
     */
    static List<MunicipalityCode> codes(List<MunicipalityCode> codes, String field) {
        required(codes, field);
        for (int i = 0; i < codes.size(); i++) {
            required(codes.get(i), field + "[" + i + "]");
        }
        if (codes.isEmpty()) {
            throw new InvalidValueException(TerritoryError.NO_MUNICIPALITY, field, codes);
        }
        return List.copyOf(new TreeSet<>(codes));
    }

    /** The same violation, naming another field (a list element instead of the bare value). */
    static Violation renamed(Violation violation, String field) {
        return new Violation(violation.code(), field, violation.value(), violation.details());
    }
}
