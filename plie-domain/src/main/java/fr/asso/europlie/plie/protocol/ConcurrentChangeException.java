package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.ConflictingChangeException;

/**
 * A protocol changed by someone else between reading and writing it (optimistic locking,
 * {@code PLIE-PROTOCOL-029}); a programming's is
 * {@link fr.asso.europlie.plie.offer.ConcurrentProgrammingChangeException}. Nothing was written; read the
 * protocol again and retry. A {@link ConflictingChangeException} of kind {@code protocol}.
 */
public class ConcurrentChangeException extends ConflictingChangeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param id the protocol
     * @param expected the revision the writer read
     * @param found the revision stored, -1 when absent
     */
    public ConcurrentChangeException(ProtocolId id, long expected, long found) {
        super(ProtocolError.CONCURRENT_CHANGE, "protocol", "revision", id, expected, found);
    }
}
