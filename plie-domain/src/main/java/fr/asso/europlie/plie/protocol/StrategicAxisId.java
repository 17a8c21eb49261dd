package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The identifier of a strategic axis of a protocol (axe stratégique), such as {@code AXE-1}.
 *
 * @param value a non-blank identifier, unique within a protocol
 */
public record StrategicAxisId(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when null or blank
     */
    public StrategicAxisId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "strategicAxisId", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     */
    public static StrategicAxisId of(String value) {
        return new StrategicAxisId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
