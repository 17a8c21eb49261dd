package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The identifier of an organisation that signs or funds the protocol (signataire, financeur),
 * such as {@code DEPT-24} or {@code EPCI-200040392}. It is also the organisation an actor acts for
 * in the workflows.
 *
 * @param value a non-blank identifier
 */
public record SignatoryId(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when null or blank
     */
    public SignatoryId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "signatoryId", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     */
    public static SignatoryId of(String value) {
        return new SignatoryId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
