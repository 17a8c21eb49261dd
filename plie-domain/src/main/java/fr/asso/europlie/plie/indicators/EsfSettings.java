package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * The settings of the FSE+ indicators and data collection (paramètres FSE+), with the defaults of
 * RULES.md.
 *
 * @param youthAgeLimit below this age at entry, the youth threshold of long-term unemployment applies, default 25
 * @param youthLongTermMonths unemployed for more than this many months is long-term below the age limit, default 6
 * @param adultLongTermMonths unemployed for more than this many months is long-term from the age limit, default 12
 * @param collectionWeeks the entry data is due within this many weeks of the entry, and the exit data within as many weeks of the exit, default 4
 * @param sixMonthDataMonths the longer-term data is due this many months after the exit, default 6
 */
public record EsfSettings(int youthAgeLimit, int youthLongTermMonths, int adultLongTermMonths, int collectionWeeks, int sixMonthDataMonths) {

    /**
     * Checks the settings.
     *
     * @throws InvalidValueException ({@code PLIE-INDICATORS-003}) when a number is out of range
     */
    public EsfSettings {
        range("esf.youthAgeLimit", youthAgeLimit, 16, 35);
        range("esf.youthLongTermMonths", youthLongTermMonths, 1, 36);
        range("esf.adultLongTermMonths", adultLongTermMonths, 1, 60);
        range("esf.collectionWeeks", collectionWeeks, 1, 52);
        range("esf.sixMonthDataMonths", sixMonthDataMonths, 1, 24);
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(IndicatorError.OUT_OF_RANGE, field, value, min, max);
        }
    }

    /**
     * The defaults: under 25 long-term after 6 months, otherwise after 12; entry and exit data within 4 weeks;
     * longer-term data 6 months after leaving.
     *
     * @return the settings
     */
    public static EsfSettings defaults() {
        return new EsfSettings(25, 6, 12, 4, 6);
    }
}
