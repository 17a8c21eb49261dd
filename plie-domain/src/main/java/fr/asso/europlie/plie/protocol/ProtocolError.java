package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.ErrorCode;

/**
 * The error codes of the protocol, its signatories, its objectives and its lifecycle.
 *
 * <p>Messages live in {@code fr/asso/europlie/plie/protocol/messages*.properties}.
 */
public enum ProtocolError implements ErrorCode {
    /** A blank identifier or name. */
    BLANK("PLIE-PROTOCOL-001"),
    /** A protocol period outside 1 to 7 years. */
    PERIOD_LENGTH("PLIE-PROTOCOL-002"),
    /** An action not allowed in the protocol's current state. */
    ILLEGAL_TRANSITION("PLIE-PROTOCOL-003"),
    /** A number that must be positive or zero and is not. */
    NOT_POSITIVE("PLIE-PROTOCOL-004"),
    /** A rate outside 0 to 100 %. */
    RATE_OUT_OF_RANGE("PLIE-PROTOCOL-005"),
    /** A year outside the protocol's period. */
    YEAR_OUTSIDE_PERIOD("PLIE-PROTOCOL-006"),
    /** The same identifier twice in a list. */
    DUPLICATE("PLIE-PROTOCOL-007"),
    /** A reference to something the protocol does not hold. */
    UNKNOWN_REFERENCE("PLIE-PROTOCOL-008"),
    /** The Département is not among the signatories. */
    DEPARTMENT_MUST_SIGN("PLIE-PROTOCOL-010"),
    /** The Département does not sit on the steering committee. */
    DEPARTMENT_ON_STEERING_COMMITTEE("PLIE-PROTOCOL-011"),
    /** The intermediate body is given as the PLIE's governance body. */
    OI_NOT_STEERING_COMMITTEE("PLIE-PROTOCOL-012"),
    /** A PLIE strategic axis not placed in an axis of the Département's PTI. */
    AXIS_OUTSIDE_PTI("PLIE-PROTOCOL-013"),
    /** The budget does not balance at signature. */
    BUDGET_UNBALANCED("PLIE-PROTOCOL-014"),
    /** A signed protocol changed other than by amendment. */
    SIGNED_CHANGES_BY_AMENDMENT("PLIE-PROTOCOL-015"),
    /** The insertion lead is not the Département. */
    INSERTION_LEAD_IS_DEPARTMENT("PLIE-PROTOCOL-016"),
    /** The shared diagnostic lacks an item. */
    DIAGNOSTIC_INCOMPLETE("PLIE-PROTOCOL-017"),
    /** The animation structure's missions lack one of the three pillars. */
    ANIMATION_PILLAR_MISSING("PLIE-PROTOCOL-019"),
    /** The PTI belongs to another Département than the territory's. */
    PTI_OF_ANOTHER_DEPARTMENT("PLIE-PROTOCOL-020"),
    /** No target public. */
    NO_TARGET_PUBLIC("PLIE-PROTOCOL-021"),
    /** No strategic axis. */
    NO_STRATEGIC_AXIS("PLIE-PROTOCOL-022"),
    /** A signatory has not signed yet. */
    SIGNATURE_MISSING("PLIE-PROTOCOL-023"),
    /** An actor acts for an organisation that is not its own or not a signatory. */
    NOT_A_SIGNATORY("PLIE-PROTOCOL-024"),
    /** A decision with another outcome than ADOPT given to adopt. */
    ADOPTION_OUTCOME("PLIE-PROTOCOL-025"),
    /** A date before another it must follow. */
    DATE_ORDER("PLIE-PROTOCOL-026"),
    /** A mandatory signatory, such as the Département, tries to withdraw. */
    MANDATORY_CANNOT_WITHDRAW("PLIE-PROTOCOL-027"),
    /** A signatory signs before its body approved the protocol. */
    DELIBERATION_MISSING("PLIE-PROTOCOL-028"),
    /** The stored protocol changed since it was read (optimistic locking). */
    CONCURRENT_CHANGE("PLIE-PROTOCOL-029"),
    /** No protocol with this id. */
    NOT_FOUND("PLIE-PROTOCOL-030"),
    /** The PLIE's animation structure is not represented in the PTI's governance body. */
    PLIE_NOT_IN_PTI_GOVERNANCE("PLIE-PROTOCOL-031"),
    /** A Département signatory without its Département code, or another kind with one. */
    DEPARTMENT_CODE("PLIE-PROTOCOL-032"),
    /** A Département foreign to the territory given as insertion lead or as the committee's Département. */
    DEPARTMENT_OUTSIDE_TERRITORY("PLIE-PROTOCOL-033"),
    /** A document claims a state that its content or agreement does not satisfy. */
    STATE_NOT_SATISFIED("PLIE-PROTOCOL-034");

    private final String code;

    ProtocolError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
