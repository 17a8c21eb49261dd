package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;

/**
 * The settings of the funds (paramètres des fonds): how long after an operation's end its final
 * execution report is due at most. {@link #defaults()} gives RULES.md's default.
 *
 * @param finalReportMonths the months after the end within which the final report is due
 *     (default 6), zero or more
 */
public record FundsSettings(int finalReportMonths) {

    /**
     * Checks the settings.
     *
     * @throws InvalidValueException ({@code PLIE-FUNDS-026}) for a negative number of months
     */
    public FundsSettings {
        if (finalReportMonths < 0) {
            throw new InvalidValueException(java.util.List.of(Violation.of(FundsError.BAD_COUNT, "finalReportMonths", finalReportMonths, 0)));
        }
    }

    /**
     * RULES.md's default: the final report at most 6 months after the end.
     *
     * @return the default settings
     */
    public static FundsSettings defaults() {
        return new FundsSettings(6);
    }
}
