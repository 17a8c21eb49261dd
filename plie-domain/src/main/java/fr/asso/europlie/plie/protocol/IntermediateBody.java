package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.organisation.OrganisationId;

/**
 * An intermediate body (organisme intermédiaire, OI) that manages, or will manage, a global grant
 * of the FSE+ for the plan. The current and the future OIs are consulted in the negotiation. The
 * OI is the programming body for the commitment of European funds only: it never stands in for
 * the PLIE's steering committee.
 *
 * @param id the organisation, not null
 * @param name its name, not blank
 * @param current true for the current OI, false for a future one
 */
public record IntermediateBody(OrganisationId id, String name, boolean current) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when a component is missing
     */
    public IntermediateBody {
        if (id == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "intermediateBody.id", null);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "intermediateBody.name", name);
        }
    }
}
