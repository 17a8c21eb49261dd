package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.time.LocalDate;

/**
 * The days an indicator report covers (période de calcul), both ends included.
 *
 * @param from the first day, not null
 * @param to the last day, not before the first
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException when a day is missing ({@code PLIE-INDICATORS-001}) or the period
     *         ends before it starts ({@code PLIE-INDICATORS-002})
     */
    public ReportPeriod {
        if (from == null) {
            throw new InvalidValueException(IndicatorError.BLANK, "period.from", null);
        }
        if (to == null) {
            throw new InvalidValueException(IndicatorError.BLANK, "period.to", null);
        }
        if (to.isBefore(from)) {
            throw new InvalidValueException(IndicatorError.PERIOD_ORDER, "period.to", to, from);
        }
    }

    /**
     * A calendar year.
     *
     * @param year the year
     * @return 1 January to 31 December
     */
    public static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * Whether a day lies in the period.
     *
     * @param day the day, may be null
     * @return true when not null and between the ends
     */
    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
