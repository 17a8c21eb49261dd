package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The identifier of a pathway referent (référent de parcours), the single adviser who follows a
 * participant.
 *
 * @param value a non-blank identifier, such as {@code REF-007}
 */
public record ReferentId(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-COHORT-001}) when null or blank
     */
    public ReferentId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(CohortError.BLANK, "referentId", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     * @throws InvalidValueException when null or blank
     */
    public static ReferentId of(String value) {
        return new ReferentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
