package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.workflow.programming.ProgrammingSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of the governance workflows (paramètres): deadlines, reminders and limits, with
 * the defaults of the PLIE network's practice. Durations count calendar time on the engine's
 * clock.
 *
 * @param consultationDeadline the time parties have to give their technical opinion before a
 *     reminder (default 30 days)
 * @param consultationGrace the further time after the reminder before missing opinions are
 *     recorded as "no opinion" (default 15 days)
 * @param maxConsultationRounds the number of consultation rounds after which the steering
 *     committee decides whether to go on or abandon (default 3)
 * @param deliberationReminder the interval between the reminders sent to signatories that have
 *     not deliberated, until the deadline (default 30 days: reminders at 30 and 60 days)
 * @param deliberationDeadline the time signatories have to deliberate before the protocol goes
 *     back to consolidation (default 90 days)
 * @param conflictAttempts how many times a command is tried when concurrent changes conflict
 *     (default 10)
 * @param programming the annual programming rounds' deadlines, reminders, sessions and global
 *     grant requirement (default {@link ProgrammingSettings#defaults()}), with their limits checked
 *     by {@link ProgrammingSettings}; a call may override them when it opens
 */
public record WorkflowSettings(
        Duration consultationDeadline,
        Duration consultationGrace,
        int maxConsultationRounds,
        Duration deliberationReminder,
        Duration deliberationDeadline,
        int conflictAttempts,
        ProgrammingSettings programming) {

    /**
     * Checks the settings.
     *
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-009}, one violation per impossible value)
     *     when a duration is null or not positive, a count below 1, or the reminder not before the
     *     deliberation deadline
     */
    public WorkflowSettings {
        List<Violation> invalid = new ArrayList<>();
        positive(invalid, "consultationDeadline", consultationDeadline);
        positive(invalid, "consultationGrace", consultationGrace);
        positive(invalid, "deliberationReminder", deliberationReminder);
        positive(invalid, "deliberationDeadline", deliberationDeadline);
        if (maxConsultationRounds < 1) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, "maxConsultationRounds", maxConsultationRounds, ">= 1"));
        }
        if (conflictAttempts < 1) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, "conflictAttempts", conflictAttempts, ">= 1"));
        }
        if (deliberationReminder != null && deliberationDeadline != null
                && deliberationReminder.compareTo(deliberationDeadline) >= 0) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, "deliberationReminder",
                    deliberationReminder, "< deliberationDeadline " + deliberationDeadline));
        }
        if (programming == null) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, "programming", null, "not null"));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidValueException(invalid);
        }
    }

    /**
     * The settings with the default programming settings.
     *
     * @param consultationDeadline the consultation deadline
     * @param consultationGrace the grace period
     * @param maxConsultationRounds the rounds
     * @param deliberationReminder the deliberation reminder
     * @param deliberationDeadline the deliberation deadline
     * @param conflictAttempts the attempts on conflicts
     * @throws InvalidValueException as the canonical constructor
     */
    public WorkflowSettings(Duration consultationDeadline, Duration consultationGrace, int maxConsultationRounds,
            Duration deliberationReminder, Duration deliberationDeadline, int conflictAttempts) {
        this(consultationDeadline, consultationGrace, maxConsultationRounds, deliberationReminder, deliberationDeadline,
                conflictAttempts, ProgrammingSettings.defaults());
    }

    /**
     * The network's defaults: 30 days + 15 days of grace for opinions, 3 rounds, reminders every
     * 30 days and deadline at 90 days for deliberations, 10 attempts on conflicts.
     *
     * @return the default settings
     */
    public static WorkflowSettings defaults() {
        return new WorkflowSettings(Duration.ofDays(30), Duration.ofDays(15), 3,
                Duration.ofDays(30), Duration.ofDays(90), 10);
    }

    /**
     * The deliberation reminders as an ISO 8601 repeating interval for the process's timer: one
     * reminder each {@link #deliberationReminder()} strictly before the deadline ({@code R2/PT720H}
     * for the defaults: at 30 and 60 days).
     *
     * @return the timer cycle
     */
    public String deliberationReminderCycle() {
        long reminders = deliberationDeadline.minusSeconds(1).dividedBy(deliberationReminder);
        return "R" + reminders + "/" + deliberationReminder;
    }

    /**
     * A copy with other consultation deadlines.
     *
     * @param deadline the deadline before the reminder
     * @param grace the grace period after it
     * @return the copy
     */
    public WorkflowSettings withConsultation(Duration deadline, Duration grace) {
        return new WorkflowSettings(deadline, grace, maxConsultationRounds, deliberationReminder,
                deliberationDeadline, conflictAttempts, programming);
    }

    /**
     * A copy with another round limit.
     *
     * @param rounds the number of consultation rounds
     * @return the copy
     */
    public WorkflowSettings withMaxConsultationRounds(int rounds) {
        return new WorkflowSettings(consultationDeadline, consultationGrace, rounds, deliberationReminder,
                deliberationDeadline, conflictAttempts, programming);
    }

    /**
     * A copy with other deliberation deadlines.
     *
     * @param reminder when the reminder goes
     * @param deadline when the deliberations are overdue
     * @return the copy
     */
    public WorkflowSettings withDeliberation(Duration reminder, Duration deadline) {
        return new WorkflowSettings(consultationDeadline, consultationGrace, maxConsultationRounds, reminder,
                deadline, conflictAttempts, programming);
    }

    /**
     * A copy with another number of attempts on conflicts.
     *
     * @param attempts the attempts, at least 1
     * @return the copy
     */
    public WorkflowSettings withConflictAttempts(int attempts) {
        return new WorkflowSettings(consultationDeadline, consultationGrace, maxConsultationRounds,
                deliberationReminder, deliberationDeadline, attempts, programming);
    }

    /**
     * A copy with other programming settings.
     *
     * @param settings the programming rounds' settings, not null
     * @return the copy
     */
    public WorkflowSettings withProgramming(ProgrammingSettings settings) {
        return new WorkflowSettings(consultationDeadline, consultationGrace, maxConsultationRounds, deliberationReminder,
                deliberationDeadline, conflictAttempts, settings);
    }

    private static void positive(List<Violation> invalid, String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            invalid.add(Violation.of(WorkflowError.INVALID_SETTING, field, value, "> 0"));
        }
    }
}
