package fr.asso.europlie.plie.organisation;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The identifier of an organisation taking part in a plan (organisation): a signatory or funder
 * of the protocol, the intermediate body, the animation structure, an operator, a referrer.
 * It is also the organisation an actor acts for in the workflows.
 *
 * <p>By convention, public bodies use their official number: {@code DEPT-24} for a Département,
 * {@code EPCI-200040392} for an intercommunality (its SIREN), {@code ETAT-24} for the prefect,
 * {@code REGION-75}, {@code FT-...} for France Travail; others are free.
 *
 * <p>The value is kept as people read it ({@link Identifiers#normalise(String)}): without
 * invisible characters, in Unicode NFKC, with single spaces, so that two ids that look the same
 * are equal. Ids are codes: their case is kept and counts.
 *
 * @param value a non-blank identifier, normalised
 */
public record OrganisationId(String value) {

    /**
     * Normalises and checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-ORG-001}) when null or blank, or made only of
     *     characters that do not show
     */
    public OrganisationId {
        if (Identifiers.looksBlank(value)) {
            throw new InvalidValueException(OrganisationError.BLANK, "organisationId", value);
        }
        value = Identifiers.normalise(value);
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     */
    public static OrganisationId of(String value) {
        return new OrganisationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
