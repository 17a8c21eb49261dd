package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of a programming round (paramètres de la programmation), fixed when the call
 * opens: deadlines, reminders and the number of steering committee sessions.
 *
 * @param appraisalDeadline the time an instructor has to appraise, from the assignment (default 30 days)
 * @param appraisalReminder the delay after which an instructor is reminded, before the deadline (default 21 days)
 * @param ptiReminder the delay after which the Département is reminded of the markings not done (default 30 days)
 * @param maxSteeringSessions the sessions of the steering committee in which adjourned operations
 *     come back, after which the programming is adopted with them adjourned (default 2)
 */
public record ProgrammingSettings(Duration appraisalDeadline, Duration appraisalReminder, Duration ptiReminder, int maxSteeringSessions) {

    /**
     * Checks the settings.
     *
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-009}) for a duration not positive, a
     *     reminder not before the deadline, or fewer than 1 session
     */
    public ProgrammingSettings {
        List<Violation> invalid = new ArrayList<>();
        positive(invalid, "appraisalDeadline", appraisalDeadline);
        positive(invalid, "appraisalReminder", appraisalReminder);
        positive(invalid, "ptiReminder", ptiReminder);
        if (maxSteeringSessions < 1) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, "maxSteeringSessions", maxSteeringSessions, ">= 1"));
        }
        if (invalid.isEmpty() && appraisalReminder.compareTo(appraisalDeadline) >= 0) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, "appraisalReminder", appraisalReminder,
                    "< appraisalDeadline " + appraisalDeadline));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidValueException(invalid);
        }
    }

    private static void positive(List<Violation> invalid, String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, name, value, "> 0"));
        }
    }

    /**
     * The defaults: 30 days to appraise with a reminder at 21 days, PTI reminder at 30 days, 2 sessions.
     *
     * @return the defaults
     */
    public static ProgrammingSettings defaults() {
        return new ProgrammingSettings(Duration.ofDays(30), Duration.ofDays(21), Duration.ofDays(30), 2);
    }
}
