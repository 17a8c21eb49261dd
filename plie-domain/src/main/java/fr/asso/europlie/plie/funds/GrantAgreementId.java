package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The identifier of a grant agreement (identifiant de la convention), such as {@code CONV-2026-014}.
 *
 * @param value a non-blank identifier
 */
public record GrantAgreementId(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-FUNDS-001}) when null or blank
     */
    public GrantAgreementId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(FundsError.BLANK, "grantAgreementId", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     * @throws InvalidValueException when blank
     */
    public static GrantAgreementId of(String value) {
        return new GrantAgreementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
