package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of the annual programming rounds (paramètres de la programmation): deadlines,
 * reminders, the number of steering committee sessions and whether a call must draw on a global
 * grant. A plan's settings hold them ({@link fr.asso.europlie.plie.workflow.WorkflowSettings#programming()},
 * as for the negotiation's deadlines); a call may override them when it opens
 * ({@link CallOpening#withSettings}). Every limit is checked here, before any work.
 *
 * @param appraisalDeadline the time an instructor has to appraise, from the assignment (default 30
 *     days), 1 second to {@link #MAX_DURATION}
 * @param appraisalReminder the delay after which an instructor is reminded, before the deadline
 *     (default 21 days), positive and shorter than the deadline
 * @param ptiReminder the delay after which the Département is reminded of the markings not done
 *     (default 30 days), 1 second to {@link #MAX_DURATION}
 * @param maxSteeringSessions the sessions of the steering committee in which adjourned operations
 *     come back, after which the programming is adopted with them adjourned (default 2), 1 to
 *     {@link #MAX_SESSIONS}
 * @param globalGrantRequired whether a call must name the OI's global grant its FSE+ envelopes are
 *     drawn from (true: a call without one is refused, {@code PLIE-WORKFLOW-062}); default false, so
 *     that a plan may programme before the OI's grant is recorded (a call that names a grant is
 *     always checked against it)
 */
public record ProgrammingSettings(Duration appraisalDeadline, Duration appraisalReminder, Duration ptiReminder, int maxSteeringSessions,
        boolean globalGrantRequired) {

    /** The longest deadline or reminder delay accepted: one year (366 days). */
    public static final Duration MAX_DURATION = Duration.ofDays(366);
    /** The most steering committee sessions a round may hold: 12 (one a month). */
    public static final int MAX_SESSIONS = 12;

    /**
     * Checks the settings, reporting every impossible value.
     *
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-009}) for a duration missing, not positive
     *     or over {@link #MAX_DURATION}, a reminder not before the deadline, or sessions outside 1 to
     *     {@link #MAX_SESSIONS}
     */
    public ProgrammingSettings {
        List<Violation> invalid = new ArrayList<>();
        within(invalid, "appraisalDeadline", appraisalDeadline);
        within(invalid, "appraisalReminder", appraisalReminder);
        within(invalid, "ptiReminder", ptiReminder);
        if (maxSteeringSessions < 1 || maxSteeringSessions > MAX_SESSIONS) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, "maxSteeringSessions", maxSteeringSessions, "1.." + MAX_SESSIONS));
        }
        if (invalid.isEmpty() && appraisalReminder.compareTo(appraisalDeadline) >= 0) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, "appraisalReminder", appraisalReminder,
                    "< appraisalDeadline " + appraisalDeadline));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidValueException(invalid);
        }
    }

    /**
     * Settings that do not require a global grant.
     *
     * @param appraisalDeadline the appraisal deadline
     * @param appraisalReminder the appraisal reminder
     * @param ptiReminder the PTI reminder
     * @param maxSteeringSessions the sessions
     * @throws InvalidValueException as the canonical constructor
     */
    public ProgrammingSettings(Duration appraisalDeadline, Duration appraisalReminder, Duration ptiReminder, int maxSteeringSessions) {
        this(appraisalDeadline, appraisalReminder, ptiReminder, maxSteeringSessions, false);
    }

    private static void within(List<Violation> invalid, String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, name, value, "> 0"));
        } else if (value.compareTo(MAX_DURATION) > 0) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, name, value, "<= " + MAX_DURATION));
        }
    }

    /**
     * The defaults: 30 days to appraise with a reminder at 21 days, PTI reminder at 30 days, 2
     * sessions, no global grant required.
     *
     * @return the defaults
     */
    public static ProgrammingSettings defaults() {
        return new ProgrammingSettings(Duration.ofDays(30), Duration.ofDays(21), Duration.ofDays(30), 2, false);
    }

    /**
     * A copy that requires a global grant or not.
     *
     * @param required whether a call must name a global grant
     * @return the copy
     */
    public ProgrammingSettings withGlobalGrantRequired(boolean required) {
        return new ProgrammingSettings(appraisalDeadline, appraisalReminder, ptiReminder, maxSteeringSessions, required);
    }
}
