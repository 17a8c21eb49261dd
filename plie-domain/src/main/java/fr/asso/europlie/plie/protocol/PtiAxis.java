package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * An axis of the Département's territorial insertion pact (axe du PTI).
 *
 * @param code a code unique within the PTI, not blank
 * @param title its title, not blank
 */
public record PtiAxis(String code, String title) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when blank
     */
    public PtiAxis {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "ptiAxis.code", code);
        }
        if (title == null || title.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "ptiAxis.title", title);
        }
    }
}
