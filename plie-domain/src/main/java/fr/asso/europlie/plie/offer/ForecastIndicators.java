package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The forecast indicators of an operation (indicateurs prévisionnels): how many participants it
 * will follow and how many positive exits it expects.
 *
 * @param participants the participants planned, zero or more
 * @param positiveExits the positive exits expected, zero or more and at most the participants
 */
public record ForecastIndicators(int participants, int positiveExits) {

    /**
     * Checks the counts.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-005}) when a count is negative or the exits
     *     exceed the participants
     */
    public ForecastIndicators {
        if (participants < 0) {
            throw new InvalidValueException(OfferError.NEGATIVE_COUNT, "forecast.participants", participants);
        }
        if (positiveExits < 0 || positiveExits > participants) {
            throw new InvalidValueException(OfferError.NEGATIVE_COUNT, "forecast.positiveExits", positiveExits);
        }
    }
}
