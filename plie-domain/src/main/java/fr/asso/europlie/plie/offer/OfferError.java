package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.ErrorCode;

/**
 * The error codes of the offer: operators, calls for proposals, operations, costs and simplified
 * cost options, financing plans, admissibility, appraisal, PTI complementarity and the annual
 * programming.
 *
 * <p>Messages live in {@code fr/asso/europlie/plie/offer/messages*.properties}; see
 * {@code docs/offer-and-funds.md} for the table of codes.
 */
public enum OfferError implements ErrorCode {
    /** A required text or value is blank or missing. */
    BLANK("PLIE-OFFER-001"),
    /** A period whose end comes before its start. */
    PERIOD_ORDER("PLIE-OFFER-002"),
    /** A rate outside 0 to 100 %. */
    RATE_OUT_OF_RANGE("PLIE-OFFER-003"),
    /** A cost category that does not equal its flat rate applied to direct staff costs. */
    FLAT_RATE_MISMATCH("PLIE-OFFER-004"),
    /** A count (participants, hours) below zero. */
    NEGATIVE_COUNT("PLIE-OFFER-005"),
    /** The same identifier or key twice in a list. */
    DUPLICATE("PLIE-OFFER-006"),
    /** A programming axis mapped onto a strategic axis the protocol does not have. */
    UNKNOWN_STRATEGIC_AXIS("PLIE-OFFER-007"),
    /** An axis open in the call that is not mapped onto a strategic axis of the protocol. */
    AXIS_NOT_MAPPED("PLIE-OFFER-008"),
    /** A call for proposals that opens no axis. */
    NO_OPEN_AXIS("PLIE-OFFER-009"),
    /** An incomplete application (admissibility). */
    INCOMPLETE("PLIE-OFFER-010"),
    /** An application on an axis the call does not open (admissibility). */
    AXIS_NOT_OPEN("PLIE-OFFER-011"),
    /** An operation period outside the call's eligibility period (admissibility). */
    PERIOD_OUTSIDE_CALL("PLIE-OFFER-012"),
    /** An operator the plan does not know (admissibility). */
    UNKNOWN_OPERATOR("PLIE-OFFER-013"),
    /** A financing plan whose resources do not equal the costs (admissibility). */
    FINANCING_PLAN_UNBALANCED("PLIE-OFFER-014"),
    /** An FSE+ share over the co-financing rate of the region category (admissibility). */
    ESF_SHARE_OVER_RATE("PLIE-OFFER-015"),
    /** A flat rate that the settings do not allow (admissibility). */
    FLAT_RATE_NOT_ALLOWED("PLIE-OFFER-016"),
    /** An application submitted after the call's closing date (admissibility). */
    SUBMITTED_AFTER_CLOSING("PLIE-OFFER-017"),
    /** An application to another call than the programming's (admissibility). */
    OTHER_CALL("PLIE-OFFER-018"),
    /** An operation the programming does not hold. */
    UNKNOWN_OPERATION("PLIE-OFFER-019"),
    /** An operation submitted twice. */
    ALREADY_SUBMITTED("PLIE-OFFER-020"),
    /** An action the programming's state does not allow. */
    ILLEGAL_TRANSITION("PLIE-OFFER-021"),
    /** A decision on an operation that has not been appraised. */
    NOT_APPRAISED("PLIE-OFFER-022"),
    /** A decision on an operation that the Département has not marked for PTI complementarity. */
    NOT_MARKED("PLIE-OFFER-023"),
    /** A PTI complementarity marking by another organisation than the Département. */
    NOT_THE_DEPARTMENT("PLIE-OFFER-024"),
    /** The approved total of an axis over its envelope. */
    AXIS_OVER_PROGRAMMED("PLIE-OFFER-025"),
    /** Adoption while some operations have no decision. */
    UNDECIDED_OPERATIONS("PLIE-OFFER-026"),
    /** An approved or proposed amount over the operation's total cost. */
    AMOUNT_OVER_COST("PLIE-OFFER-027"),
    /** An approval without amount, or an amount on a rejection or adjournment. */
    DECISION_AMOUNT("PLIE-OFFER-028"),
    /** Adoption without the technical committee's opinion. */
    NO_TECHNICAL_OPINION("PLIE-OFFER-029"),
    /** A rebuilt amendment history that does not lead to the decision in force. */
    AMENDMENT_MISMATCH("PLIE-OFFER-030"),
    /** Approval of an operation the Département marked redundant with the PTI, without the steering committee's justification. */
    REDUNDANT_WITHOUT_JUSTIFICATION("PLIE-OFFER-031"),
    /** A flat rate above the regulatory ceiling of its simplified cost option. */
    FLAT_RATE_OVER_CEILING("PLIE-OFFER-032"),
    /** An operation asking FSE+ for a period outside the FSE+ eligibility period (art. 63(2)). */
    OUTSIDE_ELIGIBILITY("PLIE-OFFER-033"),
    /** An operation completed before its application was submitted (art. 63(6)). */
    COMPLETED_BEFORE_SUBMISSION("PLIE-OFFER-034"),
    /** A new decision on an operation already approved or rejected before adoption: only an amendment changes it. */
    ALREADY_DECIDED("PLIE-OFFER-035"),
    /** A programming that is not stored (no programming for that call). */
    UNKNOWN_PROGRAMMING("PLIE-OFFER-036"),
    /** An adoption of the programming whose decision is not {@code ADOPT}; details: the outcome. */
    ADOPTION_OUTCOME("PLIE-OFFER-037"),
    /**
     * A decision on the programming taken by persons none of whom sits on the plan's steering
     * committee, such as the intermediate body's programming committee; details: the persons, the
     * steering committee's convening organisation.
     */
    NOT_THE_STEERING_COMMITTEE("PLIE-OFFER-038"),
    /**
     * A decision approving more FSE+ than the operation's financing plan asks; details: the FSE+
     * approved, the FSE+ asked.
     */
    ESF_OVER_ASKED("PLIE-OFFER-039"),
    /**
     * A decision approving more FSE+ than the co-financing rate times the approved amount; details:
     * the FSE+ approved, that cap, the approved amount, the rate in percent.
     */
    ESF_OVER_RATE("PLIE-OFFER-040"),
    /**
     * A programming changed by someone else between reading and writing it, or added twice
     * (optimistic locking); value: the programming's id; details: the revision read, the revision
     * stored (-1 when none).
     */
    CONCURRENT_CHANGE("PLIE-OFFER-041");

    private final String code;

    OfferError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
