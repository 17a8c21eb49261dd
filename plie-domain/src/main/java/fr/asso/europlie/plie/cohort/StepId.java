package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The identifier of a pathway step (étape de parcours), unique among the steps of one participant.
 *
 * @param value a non-blank identifier, such as {@code S-1}
 */
public record StepId(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-COHORT-001}) when null or blank
     */
    public StepId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(CohortError.BLANK, "stepId", value);
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier
     * @return the identifier
     * @throws InvalidValueException when null or blank
     */
    public static StepId of(String value) {
        return new StepId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
