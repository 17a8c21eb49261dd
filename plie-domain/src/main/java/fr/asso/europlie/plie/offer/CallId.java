package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The identifier of a call for proposals (identifiant de l'appel à projets), such as {@code AAP-2026}:
 * unique within a plan; applications name their call by it.
 *
 * @param value a non-blank identifier
 */
public record CallId(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) when null or blank
     */
    public CallId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(OfferError.BLANK, "callId", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     * @throws InvalidValueException when blank
     */
    public static CallId of(String value) {
        return new CallId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
