package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The identifier of an operation (identifiant de l'opération), such as {@code OP-2026-014}:
 * stable from the application to the balance payment; the funds ledger and the cohort refer to
 * operations by it.
 *
 * @param value a non-blank identifier
 */
public record OperationId(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) when null or blank
     */
    public OperationId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(OfferError.BLANK, "operationId", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     * @throws InvalidValueException when blank
     */
    public static OperationId of(String value) {
        return new OperationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
