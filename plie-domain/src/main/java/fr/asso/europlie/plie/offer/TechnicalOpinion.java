package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.time.Instant;

/**
 * The technical committee's opinion on the draft programming as a whole (avis du comité
 * technique), given before the steering committee adopts it.
 *
 * @param opinion the opinion, not null
 * @param remarks the committee's remarks, not null (may be empty)
 * @param committeeReference the meeting of the technical committee, not blank
 * @param recordedBy the person who recorded it, not blank
 * @param at when, not null
 */
public record TechnicalOpinion(Appraisal.Opinion opinion, String remarks, String committeeReference, String recordedBy, Instant at) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) for a missing part
     */
    public TechnicalOpinion {
        if (opinion == null) {
            throw new InvalidValueException(OfferError.BLANK, "technicalOpinion.opinion", null);
        }
        if (remarks == null) {
            throw new InvalidValueException(OfferError.BLANK, "technicalOpinion.remarks", null);
        }
        if (committeeReference == null || committeeReference.isBlank()) {
            throw new InvalidValueException(OfferError.BLANK, "technicalOpinion.committeeReference", committeeReference);
        }
        if (recordedBy == null || recordedBy.isBlank()) {
            throw new InvalidValueException(OfferError.BLANK, "technicalOpinion.recordedBy", recordedBy);
        }
        if (at == null) {
            throw new InvalidValueException(OfferError.BLANK, "technicalOpinion.at", null);
        }
    }
}
