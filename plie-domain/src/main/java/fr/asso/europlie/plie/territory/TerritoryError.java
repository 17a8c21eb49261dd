package fr.asso.europlie.plie.territory;

import fr.asso.europlie.plie.error.ErrorCode;

/**
 * The error codes of the territory (territoire): INSEE codes, SIREN, the official geography, the
 * municipalities covered, priority neighbourhoods and pockets of exclusion.
 *
 * <p>Messages live in {@code fr/asso/europlie/plie/territory/messages*.properties}; {@code {0}} is
 * the field and {@code {1}} the value.
 */
public enum TerritoryError implements ErrorCode {
    /** A required value is missing or blank. */
    REQUIRED("PLIE-TERRITORY-001"),
    /** An INSEE commune code that is not five digits, nor 2A/2B and three digits. */
    MALFORMED_MUNICIPALITY_CODE("PLIE-TERRITORY-002"),
    /** A Département code of the wrong shape. */
    MALFORMED_DEPARTMENT_CODE("PLIE-TERRITORY-003"),
    /** A Région code of the wrong shape. */
    MALFORMED_REGION_CODE("PLIE-TERRITORY-004"),
    /** A SIREN that is not nine digits. */
    MALFORMED_SIREN("PLIE-TERRITORY-005"),
    /** A SIREN of nine digits whose check digit (Luhn key) is wrong; details: none. */
    SIREN_CHECK_DIGIT("PLIE-TERRITORY-006"),
    /** A well-formed INSEE code that is not a commune of the geography; details: vintage. */
    UNKNOWN_MUNICIPALITY("PLIE-TERRITORY-007"),
    /** A valid SIREN that is not an EPCI of the geography; details: vintage. */
    UNKNOWN_EPCI("PLIE-TERRITORY-008"),
    /** A well-formed Département code that the geography does not know; details: vintage. */
    UNKNOWN_DEPARTMENT("PLIE-TERRITORY-009"),
    /** A well-formed Région code that the geography does not know; details: vintage. */
    UNKNOWN_REGION("PLIE-TERRITORY-010"),
    /** A territory, an EPCI or a pocket of exclusion without any commune. */
    NO_MUNICIPALITY("PLIE-TERRITORY-011"),
    /** A priority neighbourhood (QPV) code of the wrong shape. */
    MALFORMED_QPV_CODE("PLIE-TERRITORY-012"),
    /** A commune named by a neighbourhood or a pocket that the territory does not cover; details: territory name. */
    OUTSIDE_TERRITORY("PLIE-TERRITORY-013"),
    /** The same code or name twice in a list. */
    DUPLICATE("PLIE-TERRITORY-014"),
    /** A negative population. */
    NEGATIVE_POPULATION("PLIE-TERRITORY-015"),
    /** A QPV code whose Département is not its commune's; details: the commune, its Département. */
    QPV_DEPARTMENT_MISMATCH("PLIE-TERRITORY-016");

    private final String code;

    TerritoryError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
