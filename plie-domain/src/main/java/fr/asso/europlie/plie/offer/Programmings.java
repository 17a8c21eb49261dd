package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.RuleViolationException;
import java.util.Optional;

/**
 * Where the annual programmings are kept (port): one per call for proposals, with the operators
 * and settings it is checked against, under an optimistic revision like {@link
 * fr.asso.europlie.plie.protocol.Protocols}. The workflow module provides a store in the engine's
 * database and transaction; {@link InMemoryProgrammings} serves tests and examples.
 */
public interface Programmings {

    /**
     * The programming of a call.
     *
     * @param id the call, not null
     * @return the stored programming, or empty
     */
    Optional<ProgrammingRecord> find(CallId id);

    /**
     * The programming of a call, which must exist.
     *
     * @param id the call, not null
     * @return the stored programming
     * @throws RuleViolationException ({@code PLIE-OFFER-036}) when absent
     */
    default ProgrammingRecord get(CallId id) {
        return find(id).orElseThrow(() -> new RuleViolationException(OfferError.UNKNOWN_PROGRAMMING, "programmingId", id));
    }

    /**
     * Stores a new programming.
     *
     * @param programming the programming, whose call has none stored yet, revision 1
     * @throws ConcurrentProgrammingChangeException ({@code PLIE-OFFER-041}) when a programming of this call exists
     */
    void add(ProgrammingRecord programming);

    /**
     * Stores a changed programming, if the stored one still has the revision read.
     *
     * @param programming the changed programming (its revision is the new one)
     * @param readRevision the revision of the programming as it was read
     * @throws ConcurrentProgrammingChangeException ({@code PLIE-OFFER-041}) when the stored revision differs
     */
    void update(ProgrammingRecord programming, long readRevision);

    /**
     * The conflict thrown by a store when the stored revision differs from the one read
     * ({@code PLIE-OFFER-041}), which a command runner retries like any
     * {@link fr.asso.europlie.plie.error.ConflictingChangeException}.
     *
     * @param id the programming
     * @param expected the revision read
     * @param found the revision stored, -1 when none
     * @return the exception
     */
    static ConcurrentProgrammingChangeException conflict(CallId id, long expected, long found) {
        return new ConcurrentProgrammingChangeException(id, expected, found);
    }
}
