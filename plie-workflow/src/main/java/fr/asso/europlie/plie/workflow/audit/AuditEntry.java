package fr.asso.europlie.plie.workflow.audit;

import fr.asso.europlie.plie.workflow.internal.EngineReason;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a protocol's audit trail (piste d'audit): who did what, when, with which outcome,
 * why, and with which reference (a deliberation's number, a signature's date...).
 *
 * @param protocolId the protocol concerned, not blank
 * @param at when it happened, on the engine's clock, not null
 * @param userId who did it ({@code system} for the engine's own steps: timers, checks), not blank
 * @param organisation the organisation it acted for, null for the engine's own steps
 * @param step the step, such as {@code OPINION} or {@code SIGNATURE}, not blank
 * @param outcome the outcome, such as {@code FAVOURABLE} or {@code SIGNED}, not blank
 * @param reason the reason or remarks given, null when none
 * @param reference a reference (deliberation number, date...), null when none
 * @param round the consultation round the entry belongs to (1 for the first)
 */
public record AuditEntry(String protocolId, Instant at, String userId, String organisation, String step,
        String outcome, String reason, String reference, int round) {

    /**
     * The reason in a language: a reason given by a person as written, a reason of a step the
     * engine took by itself (deadline, grace period...) in French or English.
     *
     * @param locale French (default) or English
     * @return the reason, or null when there is none
     */
    public String reason(java.util.Locale locale) {
        return EngineReason.render(reason, locale);
    }

    /** The longest reason, remark or note kept (characters); a longer one is refused before anything changes. */
    public static final int MAX_REASON = 4000;
    /** The longest reference kept (characters): a deliberation's or minutes' reference. */
    public static final int MAX_REFERENCE = 400;
    /** The longest protocol id kept (characters). */
    public static final int MAX_PROTOCOL_ID = 100;
    /** The longest user id kept (characters). */
    public static final int MAX_USER_ID = 200;
    /** The longest organisation id kept (characters). */
    public static final int MAX_ORGANISATION = 100;
    /** The longest step kept (characters): a library step's name or a customised step's BPMN id. */
    public static final int MAX_STEP = 60;
    /** The longest outcome kept (characters). */
    public static final int MAX_OUTCOME = 60;

    /** The user recorded for steps that the engine takes by itself. */
    public static final String SYSTEM = "system";

    /**
     * Checks the components.
     *
     * @throws NullPointerException when a required component is null
     */
    public AuditEntry {
        Objects.requireNonNull(protocolId, "protocolId");
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
