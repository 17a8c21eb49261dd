package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * An amendment of an adopted programming during the year (avenant à la programmation): a new
 * steering committee decision on one operation, replacing the previous one, with its reason.
 *
 * @param number the amendment's number, from 1
 * @param decision the new decision, not null
 * @param previous the decision it replaces, or null when the operation had none
 * @param reason why, not blank
 */
public record ProgrammingAmendment(int number, SteeringDecision decision, SteeringDecision previous, String reason) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) for a missing part or a number below 1
     */
    public ProgrammingAmendment {
        if (number < 1) {
            throw new InvalidValueException(OfferError.BLANK, "amendment.number", number);
        }
        if (decision == null) {
            throw new InvalidValueException(OfferError.BLANK, "amendment.decision", null);
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException(OfferError.BLANK, "amendment.reason", reason);
        }
    }
}
