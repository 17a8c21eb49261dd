package fr.asso.europlie.plie.protocol;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a protocol (cycle de vie du protocole):
 * {@code DRAFT -> UNDER_NEGOTIATION -> ADOPTED -> SIGNED -> IN_FORCE -> EXPIRED | TERMINATED},
 * and {@code ABANDONED} for a negotiation given up before signature (with its reason).
 *
 * <p>An amendment of an in-force protocol runs through {@code UNDER_NEGOTIATION}, {@code ADOPTED}
 * and {@code SIGNED} on its own while the protocol stays {@code IN_FORCE}; see
 * {@link Protocol#proposeAmendment}.
 */
public enum ProtocolState {
    /** Being drafted by the animation team (projet). */
    DRAFT(EnumSet.of(ProtocolAction.REVISE, ProtocolAction.RECORD_DIAGNOSTIC, ProtocolAction.OPEN_NEGOTIATION,
            ProtocolAction.ABANDON)),
    /** Under negotiation with the parties (en négociation). */
    UNDER_NEGOTIATION(EnumSet.of(ProtocolAction.REVISE, ProtocolAction.RECORD_DIAGNOSTIC, ProtocolAction.ADOPT,
            ProtocolAction.WITHDRAW, ProtocolAction.ABANDON)),
    /** Adopted by the steering committee, in the signatories' deliberations (adopté). */
    ADOPTED(EnumSet.of(ProtocolAction.DELIBERATE, ProtocolAction.SIGN, ProtocolAction.SEND_BACK,
            ProtocolAction.WITHDRAW, ProtocolAction.ABANDON)),
    /** Signed by every signatory (signé). */
    SIGNED(EnumSet.of(ProtocolAction.ENTER_INTO_FORCE, ProtocolAction.TERMINATE)),
    /** In force (en vigueur); changes only by amendment. */
    IN_FORCE(EnumSet.of(ProtocolAction.PROPOSE_AMENDMENT, ProtocolAction.EXPIRE, ProtocolAction.TERMINATE)),
    /** Ended at the end of its period (échu). */
    EXPIRED(EnumSet.noneOf(ProtocolAction.class)),
    /** Ended early by the signatories (résilié). */
    TERMINATED(EnumSet.noneOf(ProtocolAction.class)),
    /** Negotiation given up before signature (abandonné). */
    ABANDONED(EnumSet.noneOf(ProtocolAction.class));

    private final Set<ProtocolAction> allowed;

    ProtocolState(Set<ProtocolAction> allowed) {
        this.allowed = allowed;
    }

    /**
     * Whether the action is allowed in this state (for the protocol itself, not for a pending
     * amendment).
     *
     * @param action the action
     * @return true when allowed
     */
    public boolean allows(ProtocolAction action) {
        return allowed.contains(action);
    }

    /**
     * Whether the protocol is signed or later, so that its content changes only by amendment.
     *
     * @return true for SIGNED, IN_FORCE, EXPIRED, TERMINATED
     */
    public boolean isSigned() {
        return this == SIGNED || this == IN_FORCE || this == EXPIRED || this == TERMINATED;
    }

    /**
     * Whether no action is possible any more.
     *
     * @return true for EXPIRED, TERMINATED, ABANDONED
     */
    public boolean isFinal() {
        return allowed.isEmpty();
    }
}
