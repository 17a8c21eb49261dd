package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.ConflictingChangeException;

/**
 * A participant changed by someone else between reading and writing it (optimistic locking,
 * {@code PLIE-COHORT-040}). Nothing was written; read the participant again and retry.
 *
 * <p>Still what the stores of participants throw, so that code catching it goes on working; it
 * adds nothing to its base: catch {@link ConflictingChangeException} (of kind {@code participant})
 * instead.
 *
 * @deprecated catch {@link ConflictingChangeException}, the one mark of a concurrent change
 */
@Deprecated
public class ConcurrentParticipantChangeException extends ConflictingChangeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param id the participant
     * @param expected the revision the writer read, 0 for an insertion
     * @param found the revision stored, -1 when absent
     */
    public ConcurrentParticipantChangeException(ParticipantId id, long expected, long found) {
        super(CohortError.CONCURRENT_CHANGE, "participant", "revision", id, expected, found);
    }
}
