package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * The period of a protocol (durée du protocole), in whole calendar years, first and last
 * included: 2022-2027 is six years. From 1 to 7 years; 5 by default, aligned with the FSE+
 * programming period.
 *
 * @param first the first year, not null
 * @param last the last year, not before the first
 */
public record ProtocolPeriod(Year first, Year last) {

    /** The shortest period accepted, in years. */
    public static final int MIN_YEARS = 1;
    /** The longest period accepted, in years. */
    public static final int MAX_YEARS = 7;
    /** The usual length, in years. */
    public static final int DEFAULT_YEARS = 5;

    /**
     * Checks the period.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when a year is missing,
     *     ({@code PLIE-PROTOCOL-002}) when it does not last 1 to 7 years
     */
    public ProtocolPeriod {
        if (first == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "period.first", null);
        }
        if (last == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "period.last", null);
        }
        long years = (long) last.getValue() - first.getValue() + 1;
        if (years < MIN_YEARS || years > MAX_YEARS) {
            throw new InvalidValueException(ProtocolError.PERIOD_LENGTH, "period", years);
        }
    }

    /**
     * A period of a number of years from a first year.
     *
     * @param first the first year
     * @param years the length, 1 to 7
     * @return the period
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-002}) for another length
     */
    public static ProtocolPeriod of(Year first, int years) {
        if (years < MIN_YEARS || years > MAX_YEARS) {
            throw new InvalidValueException(ProtocolError.PERIOD_LENGTH, "period", years);
        }
        return new ProtocolPeriod(first, first.plusYears(years - 1L));
    }

    /**
     * The default five-year period from a first year.
     *
     * @param first the first year
     * @return the period
     */
    public static ProtocolPeriod ofDefaultLength(Year first) {
        return of(first, DEFAULT_YEARS);
    }

    /**
     * A period from its first to its last year.
     *
     * @param first the first year
     * @param last the last year
     * @return the period
     */
    public static ProtocolPeriod from(int first, int last) {
        return new ProtocolPeriod(Year.of(first), Year.of(last));
    }

    /**
     * The number of years, first and last included.
     *
     * @return 1 to 7
     */
    public int years() {
        return last.getValue() - first.getValue() + 1;
    }

    /**
     * Whether a year lies in the period.
     *
     * @param year the year
     * @return true when first &lt;= year &lt;= last
     */
    public boolean contains(Year year) {
        return !year.isBefore(first) && !year.isAfter(last);
    }

    /**
     * The years of the period in order.
     *
     * @return the years
     */
    public List<Year> yearList() {
        List<Year> result = new ArrayList<>();
        for (Year y = first; !y.isAfter(last); y = y.plusYears(1)) {
            result.add(y);
        }
        return result;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
