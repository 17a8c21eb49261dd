package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.ConflictingChangeException;

/**
 * A programming changed by someone else between reading and writing it, or added twice
 * (optimistic locking, {@code PLIE-OFFER-041}). Nothing was written; read the programming again and
 * retry. A {@link ConflictingChangeException} of kind {@code programming}, naming the field
 * {@code programmingId} and the programming's id (its call's), with the revision read and the one
 * stored as details.
 */
public class ConcurrentProgrammingChangeException extends ConflictingChangeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param id the programming (its call), not null
     * @param expected the revision the writer read, 0 for an insertion
     * @param found the revision stored, -1 when absent
     */
    public ConcurrentProgrammingChangeException(CallId id, long expected, long found) {
        super(OfferError.CONCURRENT_CHANGE, "programming", "programmingId", id, expected, found);
    }
}
