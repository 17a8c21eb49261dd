package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.error.Violation;
import java.util.List;
import java.util.Objects;

/**
 * What became of a steering committee decision once recorded (suite de la décision).
 *
 * @param result the result, not null
 * @param violations the rules that refused an adoption (quorum, content), empty otherwise
 */
public record CommitteeOutcome(Result result, List<Violation> violations) {

    /** The possible results. */
    public enum Result {
        /** Adopted: the signatories' bodies deliberate. */
        ADOPTED,
        /** Sent back to consolidation by the committee. */
        SENT_BACK,
        /** The negotiation is abandoned. */
        ABANDONED,
        /** No quorum: the decision does not count, the committee meets again. */
        NO_QUORUM,
        /** The text breaks a rule that must hold at adoption: back to consolidation. */
        REFUSED
    }

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException when a component is null
     */
    public CommitteeOutcome {
        Objects.requireNonNull(result, "result");
        violations = List.copyOf(violations);
    }
}
