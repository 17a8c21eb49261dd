package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * A strategic axis of the protocol (axe stratégique), placed within an axis of the Département's
 * PTI (the rule is checked by {@link ProtocolPolicies}).
 *
 * @param id the axis id, unique in the protocol, not null
 * @param title its title, not blank
 * @param ptiAxis the code of the PTI axis it sits in, not blank
 */
public record StrategicAxis(StrategicAxisId id, String title, String ptiAxis) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when a component is missing
     */
    public StrategicAxis {
        if (id == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "strategicAxis.id", null);
        }
        if (title == null || title.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "strategicAxis.title", title);
        }
        if (ptiAxis == null || ptiAxis.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "strategicAxis.ptiAxis", ptiAxis);
        }
    }
}
