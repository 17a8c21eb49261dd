package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.offer.CallId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a programming's audit trail (piste d'audit de la programmation): who did what in the
 * round, when, with which outcome, why, and with which reference (an operation and amount, the
 * minutes of a committee...). Steps the engine takes by itself (the closing date, overdue
 * appraisals, reminders, publication) are recorded with the user {@link #SYSTEM}.
 *
 * @param programming the programming (its call for proposals), not null
 * @param at when it happened, on the engine's clock, not null
 * @param userId who did it ({@link #SYSTEM} for the engine's own steps), not null
 * @param organisation the organisation it acted for, null for the engine's own steps
 * @param step the step, such as {@code SUBMISSION}, {@code STEERING_DECISION} or
 *     {@code FSE_COMMITMENT_REQUESTED} ({@link ProgrammingProcess.Audit}), not null
 * @param outcome the outcome, such as {@code ADMISSIBLE} or {@code APPROVED}, not null
 * @param reason the reason, remarks or rule codes given, null when none
 * @param reference a reference (operation and amount, minutes...), null when none
 * @param session the steering committee session the entry belongs to (0 before the first)
 */
public record ProgrammingAuditEntry(CallId programming, Instant at, String userId, String organisation, String step, String outcome,
        String reason, String reference, int session) {

    /** The user recorded for the steps the engine takes by itself. */
    public static final String SYSTEM = "system";

    /**
     * Checks the components.
     *
     * @throws NullPointerException when a required component is null
     */
    public ProgrammingAuditEntry {
        Objects.requireNonNull(programming, "programming");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * The reason, if any.
     *
     * @return the reason
     */
    public Optional<String> reasonIfAny() {
        return Optional.ofNullable(reason);
    }
}
