package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.OperationId;
import java.time.Instant;

/**
 * A step of a programming round waiting for an actor (tâche).
 *
 * @param programming the programming (its call)
 * @param step the step
 * @param operation the operation, for the steps done per application (appraisal, PTI marking), else null
 * @param since when the step opened
 */
public record ProgrammingTask(CallId programming, ProgrammingStep step, OperationId operation, Instant since) {
}
