package fr.asso.europlie.plie.error;

import java.util.List;
import java.util.Objects;

/**
 * A subject changed by someone else between reading and writing it (optimistic locking, conflit
 * d'écriture): nothing was written; reading it again and retrying may succeed. The one mark of a
 * conflict a command runner retries, whatever the subject: a protocol ({@code PLIE-PROTOCOL-029}),
 * a programming ({@code PLIE-OFFER-041}), a participant ({@code PLIE-COHORT-040}), a global grant
 * ({@code PLIE-FUNDS-...CONCURRENT_CHANGE}), a grant agreement ({@code PLIE-FUNDS-036}); each store
 * throws it with its own code, so that the message stays the subject's.
 */
public class ConflictingChangeException extends RuleViolationException {

    private static final long serialVersionUID = 1L;

    private final String subjectKind;
    private final String subjectId;
    private final long expected;
    private final long found;

    /**
     * Creates the exception, with the violation {@code code} at {@code field}, the subject's id as
     * value and the two revisions as details.
     *
     * @param code the subject's code for a concurrent change, not null
     * @param subjectKind what changed ({@code protocol}, {@code participant}, {@code globalGrant}...), not null
     * @param field the field the violation names ({@code revision}...), not null
     * @param subjectId the subject's id, not null
     * @param expected the revision the writer read, 0 (or -1) for an insertion
     * @param found the revision stored, -1 when absent
     */
    public ConflictingChangeException(ErrorCode code, String subjectKind, String field, Object subjectId, long expected, long found) {
        super(List.of(Violation.of(code, field, subjectId, expected, found)));
        this.subjectKind = Objects.requireNonNull(subjectKind, "subjectKind");
        this.subjectId = String.valueOf(Objects.requireNonNull(subjectId, "subjectId"));
        this.expected = expected;
        this.found = found;
    }

    /**
     * What changed.
     *
     * @return the kind of subject, such as {@code protocol}, {@code participant} or {@code globalGrant}
     */
    public String subjectKind() {
        return subjectKind;
    }

    /**
     * The id of what changed.
     *
     * @return the subject's id, as text
     */
    public String subjectId() {
        return subjectId;
    }

    /**
     * The revision the writer read.
     *
     * @return the expected revision, 0 (or -1) for an insertion
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
