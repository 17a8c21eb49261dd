package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;

/**
 * One resource line of a financing plan (ressource, cofinancement): how much a funder brings to an
 * operation.
 *
 * @param kind the kind of funder, not null
 * @param funder the funding organisation (for the FSE+, the intermediate body), not null
 * @param amount the amount, zero or more
 */
public record Resource(FunderKind kind, OrganisationId funder, Money amount) {

    /**
     * Checks the line.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-001} for a missing component,
     *     {@code PLIE-MONEY-003} for a negative amount
     */
    public Resource {
        if (kind == null) {
            throw new InvalidValueException(OfferError.BLANK, "resource.kind", null);
        }
        if (funder == null) {
            throw new InvalidValueException(OfferError.BLANK, "resource.funder", null);
        }
        if (amount == null) {
            throw new InvalidValueException(OfferError.BLANK, "resource.amount", null);
        }
        amount.requireNonNegative("resource.amount");
    }

    /**
     * Creates a line.
     *
     * @param kind the kind of funder
     * @param funder the funder
     * @param amount the amount
     * @return the line
     */
    public static Resource of(FunderKind kind, OrganisationId funder, Money amount) {
        return new Resource(kind, funder, amount);
    }
}
