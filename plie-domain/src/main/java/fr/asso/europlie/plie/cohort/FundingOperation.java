package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * A reference to the operation (opération) that funds a pathway step, by its identifier.
 *
 * <p>The cohort only needs the identifier; the operation itself (operator, axis, financing plan)
 * belongs to the offer. This type is meant to be unified with the offer's operation identifier.
 *
 * @param value a non-blank identifier, such as {@code OP-2026-AXE3-004}
 */
public record FundingOperation(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-COHORT-001}) when null or blank
     */
    public FundingOperation {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(CohortError.BLANK, "operation", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     * @throws InvalidValueException when null or blank
     */
    public static FundingOperation of(String value) {
        return new FundingOperation(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
