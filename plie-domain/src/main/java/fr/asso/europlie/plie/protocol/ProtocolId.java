package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The identifier of a protocol (identifiant du protocole), stable across its versions.
 *
 * @param value a non-blank identifier, such as {@code PLIE-GRAND-PERIGUEUX-2022}
 */
public record ProtocolId(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when null or blank
     */
    public ProtocolId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "protocolId", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     */
    public static ProtocolId of(String value) {
        return new ProtocolId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
