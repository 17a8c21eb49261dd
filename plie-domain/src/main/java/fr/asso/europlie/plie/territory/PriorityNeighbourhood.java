package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A priority neighbourhood of urban policy (quartier prioritaire de la politique de la ville,
 * QPV) on the territory, whose residents are one of the PLIE's target publics.
 *
 * <p>The code follows the 2024 numbering {@code QN} + the Département on three characters
 * ({@code 024}, {@code 02A}, {@code 971}) + two digits + a letter, such as {@code QN02401M}; the
 * 2015 numbering ({@code QP} + the Département on three characters + three digits, such as
 * {@code QP024001}) is accepted for protocols signed before 2024. A QPV that spans several
 * communes is recorded under its main commune, which must lie in the territory (checked by
 * {@link Territory#withPriorityNeighbourhoods(java.util.Collection)}).
 *
 * @param code the QPV code, not null
 * @param name its name, not blank
 * @param municipality the commune it lies in, not null
 */
public record PriorityNeighbourhood(String code, String name, MunicipalityCode municipality) {

    private static final Pattern SHAPE = Pattern.compile("QN(\\d{3}|02[AB])\\d{2}[A-Z]|QP(\\d{3}|02[AB])\\d{3}");

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-TERRITORY-012}, field
     *     {@code priorityNeighbourhood.code}) when the code is malformed;
     *     ({@code PLIE-TERRITORY-001}) when the name is blank or the commune missing
     */
    public PriorityNeighbourhood {
        Checks.shaped(code, SHAPE, TerritoryError.MALFORMED_QPV_CODE, "priorityNeighbourhood.code");
        Checks.text(name, "priorityNeighbourhood.name");
        Checks.required(municipality, "priorityNeighbourhood.municipality");
    }

    /**
     * The Département written in the code: {@code 24} for {@code QN02401M}, {@code 2A} for
     * {@code QN02A01M}, {@code 971} for {@code QN97101M}.
     *
     * @return the Département code as the QPV code gives it
     */
    public String departmentInCode() {
        String department = code.substring(2, 5);
        return department.startsWith("0") ? department.substring(1) : department;
    }

    @Override
    public String toString() {
        return code + " " + name;
    }
}
