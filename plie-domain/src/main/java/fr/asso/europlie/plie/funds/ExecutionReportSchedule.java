package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.offer.OperationPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schedule of an operation's execution reports (calendrier des bilans d'exécution), derived
 * from its length (RULES.md section 4): the final report at most 6 months (a setting) after the
 * end; interim reports by length: up to 12 months none, over 12 and up to 24 months at most one,
 * over 24 and up to 36 at least one, over 36 and up to 48 at least two, and beyond one more for
 * each further started year. A length is counted in started months ({@link OperationPeriod#months()}).
 *
 * @param period the operation's period, not null
 * @param interimDueDates the due dates of the interim reports, in strictly increasing order, within the period
 * @param finalDueDate the due date of the final report, after the end and at most the allowed
 *     months after it
 */
public record ExecutionReportSchedule(OperationPeriod period, List<LocalDate> interimDueDates, LocalDate finalDueDate) {

    /**
     * Copies the dates (the rules are checked by {@link #of(OperationPeriod, List, LocalDate, FundsSettings)}).
     *
     * @throws InvalidValueException ({@code PLIE-FUNDS-001}) for a missing part
     */
    public ExecutionReportSchedule {
        new Require().present("period", period).present("interimDueDates", interimDueDates).present("finalDueDate", finalDueDate)
                .orThrow();
        interimDueDates = List.copyOf(interimDueDates);
    }

    /**
     * The least number of interim reports for a length.
     *
     * @param months the length in months, at least 1
     * @return 0 up to 24 months, 1 up to 36, 2 up to 48, then one more per started year
     */
    public static int minimumInterimReports(int months) {
        return Math.max(0, (months + 11) / 12 - 2);
    }

    /**
     * The most interim reports for a length.
     *
     * @param months the length in months, at least 1
     * @return 0 up to 12 months, 1 up to 24, otherwise no maximum
     */
    public static Optional<Integer> maximumInterimReports(int months) {
        return months <= 12 ? Optional.of(0) : months <= 24 ? Optional.of(1) : Optional.empty();
    }

    /**
     * The last day the final report may be due: the allowed number of whole months counted from the
     * day after the end, as the period's length is ({@link OperationPeriod#months()}). An operation
     * ending on 30 June has until 31 December, one ending on 15 March until 15 September.
     *
     * @param period the operation's period, not null
     * @param settings the funds settings, not null
     * @return the latest due date of the final report
     */
    public static LocalDate latestFinalDueDate(OperationPeriod period, FundsSettings settings) {
        return period.end().plusDays(1).plusMonths(settings.finalReportMonths()).minusDays(1);
    }

    /**
     * The standard schedule: the least number of interim reports, evenly spread over the period,
     * and the final report on the last allowed day.
     *
     * @param period the operation's period, not null
     * @param settings the funds settings, not null
     * @return the schedule
     */
    public static ExecutionReportSchedule standard(OperationPeriod period, FundsSettings settings) {
        int months = period.months();
        int interim = minimumInterimReports(months);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 1; i <= interim; i++) {
            dates.add(period.start().plusMonths((long) months * i / (interim + 1)));
        }
        return new ExecutionReportSchedule(period, dates, latestFinalDueDate(period, settings));
    }

    /**
     * A schedule proposed by the OI or the operator, checked against the rules.
     *
     * @param period the operation's period
     * @param interimDueDates the interim reports' due dates
     * @param finalDueDate the final report's due date
     * @param settings the funds settings
     * @return the schedule
     * @throws RuleViolationException with every rule broken: {@code PLIE-FUNDS-024} for a number of
     *     interim reports outside the range (beyond 24 months, where the rules set no maximum, the
     *     library's limit is one interim report a started month of the period), {@code PLIE-FUNDS-025} for a final report due too late,
     *     {@code PLIE-FUNDS-027} for a date outside the period, an interim date before the one it
     *     follows, or a final date before the end, {@code PLIE-FUNDS-020} for two interim reports
     *     due the same day (they would count as two)
     */
    public static ExecutionReportSchedule of(OperationPeriod period, List<LocalDate> interimDueDates, LocalDate finalDueDate,
            FundsSettings settings) {
        ExecutionReportSchedule schedule = new ExecutionReportSchedule(period, interimDueDates, finalDueDate);
        List<Violation> violations = new ArrayList<>();
        int months = period.months();
        int count = schedule.interimDueDates.size();
        int min = minimumInterimReports(months);
        // no regulatory maximum beyond 24 months: the library's limit is one interim report a started month
        int max = maximumInterimReports(months).orElse(months);
        if (count < min || count > max) {
            violations.add(Violation.of(FundsError.INTERIM_REPORTS, "interimDueDates", count, months, min, max));
        }
        for (int i = 0; i < count; i++) {
            LocalDate date = schedule.interimDueDates.get(i);
            LocalDate previous = i == 0 ? null : schedule.interimDueDates.get(i - 1);
            if (!period.contains(date)) {
                violations.add(Violation.of(FundsError.DATE_OUT_OF_RANGE, "interimDueDates[" + i + "]", date, period));
            } else if (previous != null && date.equals(previous)) {
                violations.add(Violation.of(FundsError.DUPLICATE, "interimDueDates[" + i + "]", date));
            } else if (previous != null && date.isBefore(previous)) {
                violations.add(Violation.of(FundsError.DATE_OUT_OF_RANGE, "interimDueDates[" + i + "]", date,
                        previous.plusDays(1) + "/" + period.end()));
            }
        }
        LocalDate latest = latestFinalDueDate(period, settings);
        if (finalDueDate.isAfter(latest)) {
            violations.add(Violation.of(FundsError.FINAL_REPORT_LATE, "finalDueDate", finalDueDate, latest, settings.finalReportMonths()));
        } else if (finalDueDate.isBefore(period.end())) {
            violations.add(Violation.of(FundsError.DATE_OUT_OF_RANGE, "finalDueDate", finalDueDate, period.end() + "/" + latest));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return schedule;
    }
}
