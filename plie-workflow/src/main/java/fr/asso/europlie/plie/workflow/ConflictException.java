package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import java.util.List;

/**
 * Concurrent changes kept conflicting after every attempt (conflit de modifications
 * concurrentes): nothing of the command changed; the caller may try again.
 *
 * <p>Conflicts are detected by optimistic locking (the protocol's revision, Flowable's entity
 * revisions) and never swallowed: the engine retries the whole command in a fresh transaction a
 * number of times ({@link WorkflowSettings#conflictAttempts()}), then throws this exception.
 */
public class ConflictException extends PlieException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param subject what conflicted, such as the protocol id
     * @param attempts how many times the command was tried
     * @param lastConflict the last conflict, attached as a suppressed exception; may be null
     */
    public ConflictException(String subject, int attempts, Throwable lastConflict) {
        super(List.of(Violation.of(WorkflowError.CONFLICT, "protocolId", subject, attempts)));
        if (lastConflict != null) {
            addSuppressed(lastConflict);
        }
    }
}
