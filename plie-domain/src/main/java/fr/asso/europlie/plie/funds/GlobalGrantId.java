package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The identifier of a global grant (identifiant de la subvention globale), such as {@code SG-OI-PERIGUEUX-2021-2027}.
 *
 * @param value a non-blank identifier
 */
public record GlobalGrantId(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-FUNDS-001}) when null or blank
     */
    public GlobalGrantId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(FundsError.BLANK, "globalGrantId", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     * @throws InvalidValueException when blank
     */
    public static GlobalGrantId of(String value) {
        return new GlobalGrantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
