package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.money.Decimals;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The quantitative objectives of a protocol (objectifs quantitatifs): the number of participants
 * to follow over the period, the number to follow each year (the yearly active caseload, which
 * may count the same person in several years), and the rate of positive exits, in percent.
 *
 * @param participantsOverPeriod participants to follow over the whole period, zero or more
 * @param participantsPerYear participants to follow each year, copied and sorted, never null
 * @param positiveExitRatePercent the positive-exit rate aimed at, 0 to 100 (e.g. 50)
 */
public record Objectives(int participantsOverPeriod, SortedMap<Year, Integer> participantsPerYear,
                         BigDecimal positiveExitRatePercent) {

    /**
     * Checks the objectives and reports every bad value at once.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-004}, {@code -005}, {@code -001})
     */
    public Objectives {
        List<Violation> violations = new ArrayList<>();
        if (participantsOverPeriod < 0) {
            violations.add(Violation.of(ProtocolError.NOT_POSITIVE, "objectives.participantsOverPeriod", participantsOverPeriod));
        }
        participantsPerYear = Collections.unmodifiableSortedMap(new TreeMap<>(participantsPerYear == null ? Map.of() : participantsPerYear));
        participantsPerYear.forEach((year, count) -> {
            if (count == null || count < 0) {
                violations.add(Violation.of(ProtocolError.NOT_POSITIVE, "objectives.participantsPerYear." + year, count));
            }
        });
        if (positiveExitRatePercent == null) {
            violations.add(Violation.of(ProtocolError.BLANK, "objectives.positiveExitRatePercent", null));
        } else if (!Decimals.within(positiveExitRatePercent)) {
            violations.add(Decimals.problem("objectives.positiveExitRatePercent", positiveExitRatePercent));
        } else if (positiveExitRatePercent.signum() < 0 || positiveExitRatePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            violations.add(Violation.of(ProtocolError.RATE_OUT_OF_RANGE, "objectives.positiveExitRatePercent",
                    positiveExitRatePercent.toPlainString()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
        positiveExitRatePercent = Decimals.check("objectives.positiveExitRatePercent", positiveExitRatePercent);
    }

    /**
     * Objectives with the same yearly number for each year of a period.
     *
     * @param overPeriod participants over the period
     * @param perYear participants each year
     * @param period the period
     * @param positiveExitRatePercent the positive-exit rate in percent
     * @return the objectives
     */
    public static Objectives of(int overPeriod, int perYear, ProtocolPeriod period, BigDecimal positiveExitRatePercent) {
        SortedMap<Year, Integer> yearly = new TreeMap<>();
        period.yearList().forEach(y -> yearly.put(y, perYear));
        return new Objectives(overPeriod, yearly, positiveExitRatePercent);
    }

    /**
     * The positive-exit rate as a fraction between 0 and 1.
     *
     * @return the rate / 100
     */
    public BigDecimal positiveExitRate() {
        return positiveExitRatePercent.movePointLeft(2);
    }
}
