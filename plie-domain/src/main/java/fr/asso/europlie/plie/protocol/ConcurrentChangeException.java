package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import java.util.List;

/**
 * A protocol changed by someone else between reading and writing it (optimistic locking,
 * {@code PLIE-PROTOCOL-029}). Nothing was written; read the protocol again and retry.
 */
public class ConcurrentChangeException extends RuleViolationException {

    private static final long serialVersionUID = 1L;

    private final long expected;
    private final long found;

    /**
     * Creates the exception.
     *
     * @param id the protocol
     * @param expected the revision the writer read
     * @param found the revision stored, -1 when absent
     */
    public ConcurrentChangeException(ProtocolId id, long expected, long found) {
        super(List.of(Violation.of(ProtocolError.CONCURRENT_CHANGE, "revision", id, expected, found)));
        this.expected = expected;
        this.found = found;
    }

    /**
     * The revision the writer read.
     *
     * @return the expected revision
     */
    public long expected() {
        return expected;
    }

    /**
     * The revision stored.
     *
     * @return the stored revision, -1 when absent
     */
    public long found() {
        return found;
    }
}
