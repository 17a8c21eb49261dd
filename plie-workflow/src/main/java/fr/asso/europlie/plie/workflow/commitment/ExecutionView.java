package fr.asso.europlie.plie.workflow.commitment;

import fr.asso.europlie.plie.offer.OperationId;
import java.time.Instant;

/**
 * Where the execution of a committed operation stands (suivi de l'exécution): the step it waits
 * for, the report awaited, the reminders sent and the reports that were late.
 *
 * @param operation the operation, not null
 * @param running whether the execution process runs (false once the operation is closed)
 * @param waitingStep the task it waits for ({@link CommitmentProcess.Execution}), null when none
 * @param reportNumber the number of the report awaited or being checked, from 1 (0 when not running)
 * @param reportCount how many reports the schedule holds (0 when not running)
 * @param reportDue when the awaited report is due, null when not running
 * @param reportReminders how many report reminders were sent
 * @param reportsLate how many reports were late
 */
public record ExecutionView(OperationId operation, boolean running, String waitingStep, int reportNumber, int reportCount,
        Instant reportDue, int reportReminders, int reportsLate) {
}
