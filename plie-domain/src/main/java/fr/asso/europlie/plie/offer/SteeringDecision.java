package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The steering committee's decision on one operation of the programming (décision du comité de
 * pilotage): approved with an amount, rejected or adjourned, with who recorded it, when, in which
 * meeting and why.
 *
 * @param operation the operation, not null
 * @param outcome the outcome, not null
 * @param approvedAmount the amount programmed; positive when approved, zero otherwise
 * @param committeeReference the meeting of the steering committee that decided, not blank
 * @param recordedBy the person who recorded the decision, not blank
 * @param at when it was recorded, not null
 * @param reason why, not null (may be empty for an approval)
 */
public record SteeringDecision(OperationId operation, Outcome outcome, Money approvedAmount, String committeeReference,
        String recordedBy, Instant at, String reason) {

    /** The outcome of a decision on an operation. */
    public enum Outcome {
        /** Approved: programmed (approuvée, programmée). */
        APPROVED,
        /** Rejected: final (rejetée). */
        REJECTED,
        /** Adjourned: more information asked (ajournée). */
        ADJOURNED
    }

    /**
     * Checks the components, reporting every problem.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-001} for a missing part, {@code PLIE-OFFER-028}
     *     for an approval without a positive amount or another outcome with one
     */
    public SteeringDecision {
        List<Violation> violations = new ArrayList<>();
        String[] names = {"operation", "outcome", "approvedAmount", "committeeReference", "recordedBy", "at", "reason"};
        Object[] values = {operation, outcome, approvedAmount, committeeReference, recordedBy, at, reason};
        for (int i = 0; i < names.length; i++) {
            if (values[i] == null || values[i] instanceof String s && s.isBlank() && !"reason".equals(names[i])) {
                violations.add(Violation.of(OfferError.BLANK, "decision." + names[i], values[i]));
            }
        }
        if (outcome != null && approvedAmount != null
                && (outcome == Outcome.APPROVED ? !approvedAmount.isPositive() : !approvedAmount.isZero())) {
            violations.add(Violation.of(OfferError.DECISION_AMOUNT, "decision.approvedAmount", approvedAmount, outcome));
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    /**
     * An approval.
     *
     * @param operation the operation
     * @param amount the amount programmed, positive
     * @param committeeReference the meeting
     * @param recordedBy who recorded it
     * @param at when
     * @return the decision
     */
    public static SteeringDecision approve(OperationId operation, Money amount, String committeeReference, String recordedBy, Instant at) {
        return new SteeringDecision(operation, Outcome.APPROVED, amount, committeeReference, recordedBy, at, "");
    }

    /**
     * A rejection or an adjournment.
     *
     * @param operation the operation
     * @param outcome REJECTED or ADJOURNED
     * @param committeeReference the meeting
     * @param recordedBy who recorded it
     * @param at when
     * @param reason why
     * @return the decision
     */
    public static SteeringDecision refuse(OperationId operation, Outcome outcome, String committeeReference, String recordedBy,
            Instant at, String reason) {
        return new SteeringDecision(operation, outcome, Money.ZERO, committeeReference, recordedBy, at, reason);
    }

    /**
     * Whether the operation is approved.
     *
     * @return true for an approval
     */
    public boolean isApproved() {
        return outcome == Outcome.APPROVED;
    }
}
