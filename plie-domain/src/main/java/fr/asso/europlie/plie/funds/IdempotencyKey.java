package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * An idempotency key (clé d'idempotence): the caller's identifier of one command, so that a command retried after a failure is applied once; for instance the workflow's task or message identifier.
 *
 * @param value a non-blank identifier
 */
public record IdempotencyKey(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-FUNDS-001}) when null or blank
     */
    public IdempotencyKey {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(FundsError.BLANK, "idempotencyKey", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     * @throws InvalidValueException when blank
     */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
