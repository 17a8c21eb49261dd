package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The INSEE code of a Région (code de la Région), such as {@code 75} (Nouvelle-Aquitaine) or
 * {@code 01} (Guadeloupe); the overseas collectivities without a Région use their three-digit
 * code ({@code 975}, {@code 988}...).
 *
 * <p>This type checks the shape only; whether the Région exists is {@link Geography}'s business.
 *
 * @param value two digits, or three digits starting with 97 or 98; not null
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

    private static final Pattern SHAPE = Pattern.compile("\\d{2}|9[78]\\d");

    /**
     * Checks the shape of the code.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-004}, field {@code regionCode}) when
     *     null or malformed
     */
    public RegionCode {
        Checks.shaped(value, SHAPE, TerritoryError.MALFORMED_REGION_CODE, "regionCode");
    }

    /**
     * Creates a code.
     *
     * @param value the code, such as {@code 75}
     * @return the code
     * @throws InvalidValueException ({@code PLIE-TERRITORY-004}) when null or malformed
     */
    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
