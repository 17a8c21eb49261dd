package fr.asso.europlie.plie.workflow.commitment;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadlines and reminders of process C and its follow-on execution (délais et relances),
 * each a setting with a documented limit checked before anything uses it. Periods count calendar
 * days on the engine's clock; a period in months counts as the days it spans from 1 January 2000.
 *
 * @param agreementDeadline the operator's time to sign the grant agreement, from the decision:
 *     30 to 180 days (default 60 days, PROCESSES.md C step 5)
 * @param agreementReminder when the operator is reminded, from the decision: at least 1 day and
 *     before the deadline (default 45 days)
 * @param maxAgreementExtension the longest extension of an overdue agreement the OI manager may
 *     grant at once: 1 day to 12 months (default 6 months)
 * @param reportReminder how long before an execution report is due its operator is reminded:
 *     1 to 60 days (default 15 days)
 * @param answerDeadline the operator's time to answer rejected amounts in the contradictory
 *     procedure: 10 to 90 days (default 30 days)
 */
public record CommitmentSettings(Period agreementDeadline, Period agreementReminder, Period maxAgreementExtension, Period reportReminder,
        Period answerDeadline) {

    /**
     * Checks every setting against its limit.
     *
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-077}) naming each setting out of its
     *     limits with its value and the limits, or ({@code PLIE-WORKFLOW-008}) a missing one
     */
    public CommitmentSettings {
        List<Violation> invalid = new ArrayList<>();
        within(invalid, "agreementDeadline", agreementDeadline, 30, 180);
        within(invalid, "agreementReminder", agreementReminder, 1, agreementDeadline == null ? 180 : days(agreementDeadline) - 1);
        within(invalid, "maxAgreementExtension", maxAgreementExtension, 1, 366);
        within(invalid, "reportReminder", reportReminder, 1, 60);
        within(invalid, "answerDeadline", answerDeadline, 10, 90);
        if (!invalid.isEmpty()) {
            throw new InvalidValueException(invalid);
        }
    }

    /**
     * The defaults: 60 days to sign, reminded at 45, extensions of at most 6 months, reports
     * reminded 15 days before they are due, 30 days to answer rejections.
     *
     * @return the default settings
     */
    public static CommitmentSettings defaults() {
        return new CommitmentSettings(Period.ofDays(60), Period.ofDays(45), Period.ofMonths(6), Period.ofDays(15), Period.ofDays(30));
    }

    /**
     * The days a period spans from 1 January 2000 (a month counts as its days there).
     *
     * @param period not null
     * @return the days
     */
    public static long days(Period period) {
        LocalDate from = LocalDate.of(2000, 1, 1);
        return ChronoUnit.DAYS.between(from, from.plus(period));
    }

    private static void within(List<Violation> invalid, String field, Period value, long min, long max) {
        if (value == null) {
            invalid.add(Violation.of(WorkflowError.REQUIRED, field, null));
        } else if (days(value) < min || days(value) > max) {
            invalid.add(Violation.of(WorkflowError.SETTING_OUT_OF_RANGE, field, value, min, max));
        }
    }
}
