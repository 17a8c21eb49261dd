package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The INSEE code of a Département (code du Département), such as {@code 24} (Dordogne),
 * {@code 2A} (Corse-du-Sud) or {@code 971} (Guadeloupe).
 *
 * <p>Two digits from {@code 01} to {@code 95} ({@code 20} no longer exists), {@code 2A} or
 * {@code 2B}, or three digits for the overseas Départements and collectivities ({@code 971} to
 * {@code 978}, {@code 984} to {@code 989}). This type checks the shape only; whether the
 * Département exists is {@link Geography}'s business.
 *
 * @param value the code, not null
 */
public record DepartmentCode(String value) implements Comparable<DepartmentCode> {

    private static final Pattern SHAPE = Pattern.compile("0[1-9]|1\\d|2[1-9AB]|[3-8]\\d|9[0-5]|97[1-8]|98[4-9]");

    /**
     * Checks the shape of the code.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-003}, field {@code departmentCode})
     *     when null or malformed
     */
    public DepartmentCode {
        Checks.shaped(value, SHAPE, TerritoryError.MALFORMED_DEPARTMENT_CODE, "departmentCode");
    }

    /**
     * Creates a code.
     *
     * @param value the code, such as {@code 24}
     * @return the code
     * @throws InvalidValueException ({@code PLIE-TERRITORY-003}) when null or malformed
     */
    public static DepartmentCode of(String value) {
        return new DepartmentCode(value);
    }

    @Override
    public int compareTo(DepartmentCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
