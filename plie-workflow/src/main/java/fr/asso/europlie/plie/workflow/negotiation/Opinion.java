package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.workflow.WorkflowError;

/**
 * A party's technical opinion on the draft (avis technique), with its remarks.
 *
 * @param kind favourable, with reservations, or unfavourable; not null and not
 *     {@link OpinionKind#NO_OPINION}, which only the engine records
 * @param remarks the remarks, empty when none, never null
 */
public record Opinion(OpinionKind kind, String remarks) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) when the kind is null or
     *     {@code NO_OPINION}, or an unfavourable opinion gives no remarks
     */
    public Opinion {
        if (kind == null || kind == OpinionKind.NO_OPINION) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "opinion.kind", kind);
        }
        remarks = remarks == null ? "" : remarks.strip();
        if (kind == OpinionKind.UNFAVOURABLE && remarks.isEmpty()) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "opinion.remarks", remarks);
        }
    }

    /**
     * A favourable opinion.
     *
     * @param remarks remarks, may be empty
     * @return the opinion
     */
    public static Opinion favourable(String remarks) {
        return new Opinion(OpinionKind.FAVOURABLE, remarks);
    }

    /**
     * An unfavourable opinion.
     *
     * @param remarks why, not blank
     * @return the opinion
     */
    public static Opinion unfavourable(String remarks) {
        return new Opinion(OpinionKind.UNFAVOURABLE, remarks);
    }
}
