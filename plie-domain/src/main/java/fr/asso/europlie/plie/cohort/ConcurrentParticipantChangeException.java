package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import java.util.List;

/**
 * A participant changed by someone else between reading and writing it (optimistic locking,
 * {@code PLIE-COHORT-040}). Nothing was written; read the participant again and retry.
 */
public class ConcurrentParticipantChangeException extends RuleViolationException {

    private static final long serialVersionUID = 1L;

    private final long expected;
    private final long found;

    /**
     * Creates the exception.
     *
     * @param id the participant
     * @param expected the revision the writer read, 0 for an insertion
     * @param found the revision stored, -1 when absent
     */
    public ConcurrentParticipantChangeException(ParticipantId id, long expected, long found) {
        super(List.of(Violation.of(CohortError.CONCURRENT_CHANGE, "revision", id, expected, found)));
        this.expected = expected;
        this.found = found;
    }

    /**
     * The revision the writer read.
     *
     * @return the expected revision, 0 for an insertion
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
