package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.time.Instant;

/**
 * The adoption of the annual programming by the steering committee (adoption de la programmation).
 *
 * @param committeeReference the meeting of the steering committee that adopted it, not blank
 * @param recordedBy the person who recorded it, not blank
 * @param at when, not null
 */
public record Adoption(String committeeReference, String recordedBy, Instant at) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) for a missing part
     */
    public Adoption {
        if (committeeReference == null || committeeReference.isBlank()) {
            throw new InvalidValueException(OfferError.BLANK, "adoption.committeeReference", committeeReference);
        }
        if (recordedBy == null || recordedBy.isBlank()) {
            throw new InvalidValueException(OfferError.BLANK, "adoption.recordedBy", recordedBy);
        }
        if (at == null) {
            throw new InvalidValueException(OfferError.BLANK, "adoption.at", null);
        }
    }
}
