package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The pseudonymous identifier of a participant (identifiant pseudonyme du participant).
 *
 * <p>It is the only reference to a person outside the personal data vault: pathways, steps,
 * FSE+ records, indicators and exports carry it, never a name. It must not be derived from the
 * person's identity (use a random or sequential supplier injected in the cohort).
 *
 * @param value a non-blank identifier, such as {@code P-4F7A2C}
 */
public record ParticipantId(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-COHORT-001}) when null or blank
     */
    public ParticipantId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(CohortError.BLANK, "participantId", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     * @throws InvalidValueException when null or blank
     */
    public static ParticipantId of(String value) {
        return new ParticipantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
