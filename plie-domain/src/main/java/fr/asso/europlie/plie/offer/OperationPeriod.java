package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The period of an operation or of a call's eligibility (période de réalisation), from a first
 * day to a last day, both included.
 *
 * @param start the first day, not null
 * @param end the last day, not null, not before {@code start}
 */
public record OperationPeriod(LocalDate start, LocalDate end) {

    /**
     * Checks the period.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-001} when a date is null, {@code PLIE-OFFER-002}
     *     when the end comes before the start
     */
    public OperationPeriod {
        if (start == null) {
            throw new InvalidValueException(OfferError.BLANK, "period.start", null);
        }
        if (end == null) {
            throw new InvalidValueException(OfferError.BLANK, "period.end", null);
        }
        if (end.isBefore(start)) {
            throw new InvalidValueException(OfferError.PERIOD_ORDER, "period.end", end, start);
        }
    }

    /**
     * Creates a period.
     *
     * @param start the first day
     * @param end the last day
     * @return the period
     * @throws InvalidValueException as the constructor
     */
    public static OperationPeriod of(LocalDate start, LocalDate end) {
        return new OperationPeriod(start, end);
    }

    /**
     * Whether this period lies entirely within another.
     *
     * @param other not null
     * @return true when other starts no later and ends no earlier
     */
    public boolean isWithin(OperationPeriod other) {
        return !start.isBefore(other.start) && !end.isAfter(other.end);
    }

    /**
     * Whether a day falls in this period.
     *
     * @param day not null
     * @return true when start &lt;= day &lt;= end
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /**
     * The length of the period in months, a started month counting as a whole one: 1 January to
     * 31 December is 12 months, 1 January to 1 January of the next year is 13.
     *
     * @return at least 1
     */
    public int months() {
        LocalDate dayAfter = end.plusDays(1);
        long whole = ChronoUnit.MONTHS.between(start, dayAfter);
        return (int) (start.plusMonths(whole).isBefore(dayAfter) ? whole + 1 : whole);
    }

    @Override
    public String toString() {
        return start + "/" + end;
    }
}
