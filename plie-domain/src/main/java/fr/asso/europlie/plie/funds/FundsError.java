package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.ErrorCode;

/**
 * The error codes of the FSE+ funds managed by the intermediate body: global grant and envelopes,
 * ledger, grant agreements, execution reports and service-done checks.
 *
 * <p>Messages live in {@code fr/asso/europlie/plie/funds/messages*.properties}; see
 * {@code docs/offer-and-funds.md} for the table of codes.
 */
public enum FundsError implements ErrorCode {
    /** A required text or value is blank or missing. */
    BLANK("PLIE-FUNDS-001"),
    /** An amount that must be above zero is not. */
    NOT_POSITIVE("PLIE-FUNDS-002"),
    /** An envelope the global grant does not hold. */
    UNKNOWN_ENVELOPE("PLIE-FUNDS-003"),
    /** Reservations plus commitments would exceed the envelope. */
    ENVELOPE_EXCEEDED("PLIE-FUNDS-004"),
    /** An operation the ledger does not know. */
    UNKNOWN_OPERATION("PLIE-FUNDS-005"),
    /** A release of more than is reserved. */
    OVER_RELEASE("PLIE-FUNDS-006"),
    /** A commitment of more than is reserved. */
    OVER_RESERVATION("PLIE-FUNDS-007"),
    /** An operation committed a second time. */
    ALREADY_COMMITTED("PLIE-FUNDS-008"),
    /** The appraiser of an operation recorded as the one who decides its commitment. */
    SEPARATION_OF_FUNCTIONS("PLIE-FUNDS-009"),
    /** A payment, decommitment or check on an operation that is not committed. */
    NOT_COMMITTED("PLIE-FUNDS-010"),
    /** A payment beyond the commitment. */
    OVER_COMMITMENT("PLIE-FUNDS-011"),
    /** A payment beyond the amount accepted by the service-done checks. */
    OVER_ACCEPTED("PLIE-FUNDS-012"),
    /** A payment or check after the balance was paid. */
    BALANCE_ALREADY_PAID("PLIE-FUNDS-013"),
    /** A decommitment of more than is left to pay. */
    OVER_DECOMMITMENT("PLIE-FUNDS-014"),
    /** An idempotency key reused for a different command. */
    IDEMPOTENCY_CONFLICT("PLIE-FUNDS-015"),
    /** A reservation for an operation already reserved on another envelope. */
    OTHER_ENVELOPE("PLIE-FUNDS-016"),
    /** An advance after interim payments or service-done checks started. */
    ADVANCE_AFTER_START("PLIE-FUNDS-017"),
    /** A service-done check accepting more than the commitment. */
    ACCEPTED_OVER_COMMITMENT("PLIE-FUNDS-018"),
    /** A service-done check rejecting more than was declared. */
    REJECTED_OVER_DECLARED("PLIE-FUNDS-019"),
    /** The same key twice in a list. */
    DUPLICATE("PLIE-FUNDS-020"),
    /** A grant agreement amendment signed outside the operation's period. */
    AMENDMENT_OUTSIDE_PERIOD("PLIE-FUNDS-021"),
    /** A grant agreement amended below what was already paid. */
    AMOUNT_BELOW_PAID("PLIE-FUNDS-022"),
    /** An FSE+ amount over the eligible cost. */
    AMOUNT_OVER_COST("PLIE-FUNDS-023"),
    /** A number of interim reports outside what the operation's length requires. */
    INTERIM_REPORTS("PLIE-FUNDS-024"),
    /** A final report due more than the allowed months after the operation's end. */
    FINAL_REPORT_LATE("PLIE-FUNDS-025"),
    /** A count below zero or over its total. */
    BAD_COUNT("PLIE-FUNDS-026"),
    /** A date outside the range it must lie in. */
    DATE_OUT_OF_RANGE("PLIE-FUNDS-027"),
    /** A global grant changed by someone else since it was read. */
    CONCURRENT_CHANGE("PLIE-FUNDS-028"),
    /** A global grant the store does not hold. */
    NOT_FOUND("PLIE-FUNDS-029"),
    /** A commitment that would bring a priority's FSE+ share above its art. 112 co-financing rate. */
    PRIORITY_RATE_EXCEEDED("PLIE-FUNDS-030"),
    /** A priority of the envelopes without its region category. */
    PRIORITY_WITHOUT_CATEGORY("PLIE-FUNDS-031"),
    /** A decommitment that would take back what the service-done checks accepted and is not paid yet. */
    DECOMMIT_ACCEPTED_UNPAID("PLIE-FUNDS-032"),
    /** A grant agreement's FSE+ amount above the co-financing rate of its eligible cost. */
    AGREEMENT_OVER_RATE("PLIE-FUNDS-033"),
    /** A grant agreement's FSE+ amount above what the ledger committed: a raise goes back through reservation. */
    AGREEMENT_OVER_COMMITMENT("PLIE-FUNDS-034"),
    /** A grant agreement checked against the account of another operation, or of an operation not committed. */
    AGREEMENT_WITHOUT_COMMITMENT("PLIE-FUNDS-035"),
    /** A grant agreement changed by someone else since it was read, added twice, or updated without extending it. */
    AGREEMENT_CONCURRENT_CHANGE("PLIE-FUNDS-036"),
    /** A grant agreement the store does not hold. */
    AGREEMENT_NOT_FOUND("PLIE-FUNDS-037"),
    /** A top-up (raise of a committed operation's FSE+) after the balance was paid. */
    TOP_UP_AFTER_BALANCE("PLIE-FUNDS-038"),
    /** A text longer than its documented limit (a grant agreement's simplified cost options). */
    TEXT_TOO_LONG("PLIE-FUNDS-039");

    private final String code;

    FundsError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
