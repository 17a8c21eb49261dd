package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.organisation.OrganisationId;

/**
 * An operator (opérateur, porteur de projet, bénéficiaire): an organisation that runs operations
 * and is the FSE+ beneficiary.
 *
 * @param id the organisation, not null
 * @param name its name, not blank
 */
public record Operator(OrganisationId id, String name) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) when a component is missing or blank
     */
    public Operator {
        if (id == null) {
            throw new InvalidValueException(OfferError.BLANK, "operator.id", null);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValueException(OfferError.BLANK, "operator.name", name);
        }
    }
}
