package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The steering committee's decision on one operation of the programming (décision du comité de
 * pilotage): a governance {@link Decision} of the plan's steering committee (members present,
 * outcome, reasons, minutes' reference), the amount it programmes with the FSE+ it approves on that
 * amount, its justification when it approves an operation the Département marked redundant with
 * the PTI, and who recorded it when.
 * Whether the committee could take it (its members present, the quorum) is checked by the
 * {@link Programming} against the plan's steering committee, as
 * {@link fr.asso.europlie.plie.protocol.Protocol#adopt} checks the protocol's adoption.
 *
 * @param operation the operation, not null
 * @param approvedAmount the amount programmed (the eligible cost approved); positive when approved,
 *     zero otherwise
 * @param approvedEsf the FSE+ approved on that amount (FSE+ programmé); at most the approved amount,
 *     zero unless approved. The {@link Programming} keeps it within the FSE+ the financing plan asks,
 *     and the {@link ProgrammingRecord} within the co-financing rate times the approved amount
 * @param decision the committee's decision, with the members present, not null
 * @param redundancyJustification why the committee approves an operation the Département marked
 *     redundant with the PTI (a justification distinct from the decision's reasons, which say why
 *     the operation is approved at all); empty when none, null read as empty
 * @param recordedBy the person who recorded the decision (the committee's secretariat), not blank
 * @param at when it was recorded, not null
 */
public record SteeringDecision(OperationId operation, Money approvedAmount, Money approvedEsf, Decision<Outcome> decision,
        String redundancyJustification, String recordedBy, Instant at) {

    /** The outcome of a decision on an operation. */
    public enum Outcome {
        /** Approved: programmed (approuvée, programmée). */
        APPROVED,
        /** Rejected: final, except through an amendment of the adopted programming (rejetée). */
        REJECTED,
        /** Adjourned: more information asked, back at the next session (ajournée). */
        ADJOURNED
    }

    /**
     * Checks the components, reporting every problem.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-001} for a missing part, {@code PLIE-OFFER-028}
     *     for an approval without a positive amount or another outcome with an amount or an FSE+
     *     amount, {@code PLIE-MONEY-003} for a negative FSE+ amount, {@code PLIE-OFFER-040} for an
     *     FSE+ amount over the approved amount
     */
    public SteeringDecision {
        redundancyJustification = redundancyJustification == null ? "" : redundancyJustification.strip();
        List<Violation> violations = new ArrayList<>();
        String[] names = {"operation", "approvedAmount", "approvedEsf", "decision", "recordedBy", "at"};
        Object[] values = {operation, approvedAmount, approvedEsf, decision, recordedBy, at};
        for (int i = 0; i < names.length; i++) {
            if (values[i] == null || values[i] instanceof String s && s.isBlank()) {
                violations.add(Violation.of(OfferError.BLANK, "decision." + names[i], values[i]));
            }
        }
        if (decision != null && approvedAmount != null
                && (decision.outcome() == Outcome.APPROVED ? !approvedAmount.isPositive() : !approvedAmount.isZero())) {
            violations.add(Violation.of(OfferError.DECISION_AMOUNT, "decision.approvedAmount", approvedAmount, decision.outcome()));
        }
        if (approvedEsf != null) {
            if (approvedEsf.isNegative()) {
                try {
                    approvedEsf.requireNonNegative("decision.approvedEsf");
                } catch (fr.asso.europlie.plie.error.PlieException e) {
                    violations.addAll(e.violations());
                }
            } else if (decision != null && decision.outcome() != Outcome.APPROVED && !approvedEsf.isZero()) {
                violations.add(Violation.of(OfferError.DECISION_AMOUNT, "decision.approvedEsf", approvedEsf, decision.outcome()));
            } else if (approvedAmount != null && approvedEsf.isGreaterThan(approvedAmount)) {
                violations.add(Violation.of(OfferError.ESF_OVER_RATE, "decision.approvedEsf", approvedEsf, approvedAmount,
                        approvedAmount, "100"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    /**
     * An approval of an operation the Département did not mark redundant.
     *
     * @param operation the operation
     * @param amount the amount programmed, positive
     * @param esf the FSE+ approved on that amount, zero or more
     * @param decision the committee's decision, outcome {@code APPROVED}
     * @param recordedBy who recorded it
     * @param at when
     * @return the decision
     * @throws InvalidValueException as the constructor
     */
    public static SteeringDecision approve(OperationId operation, Money amount, Money esf, Decision<Outcome> decision, String recordedBy,
            Instant at) {
        return new SteeringDecision(operation, amount, esf, decision, "", recordedBy, at);
    }

    /**
     * A rejection or an adjournment (nothing programmed).
     *
     * @param operation the operation
     * @param decision the committee's decision, outcome {@code REJECTED} or {@code ADJOURNED}
     * @param recordedBy who recorded it
     * @param at when
     * @return the decision
     * @throws InvalidValueException as the constructor
     */
    public static SteeringDecision refuse(OperationId operation, Decision<Outcome> decision, String recordedBy, Instant at) {
        return new SteeringDecision(operation, Money.ZERO, Money.ZERO, decision, "", recordedBy, at);
    }

    /**
     * The outcome.
     *
     * @return the committee decision's outcome
     */
    public Outcome outcome() {
        return decision.outcome();
    }

    /**
     * Why: the committee decision's reasons (why approved, rejected or adjourned). They do not
     * justify approving an operation marked redundant with the PTI: {@link #redundancyJustification()} does.
     *
     * @return the reasons, not blank
     */
    public String reason() {
        return decision.reasons();
    }

    /**
     * The meeting's reference (minutes, deliberation number).
     *
     * @return the decision's reference, or the kind of committee when it has none
     */
    public String committeeReference() {
        return decision.reference().orElse(CommitteeKind.STEERING.frenchTerm());
    }

    /**
     * A copy justifying the approval of an operation the Département marked redundant with the PTI.
     *
     * @param justification why the committee approves it despite the redundancy, not blank
     * @return the copy
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) for a blank justification
     */
    public SteeringDecision withRedundancyJustification(String justification) {
        if (justification == null || justification.isBlank()) {
            throw new InvalidValueException(OfferError.BLANK, "decision.redundancyJustification", justification);
        }
        return new SteeringDecision(operation, approvedAmount, approvedEsf, decision, justification, recordedBy, at);
    }

    /**
     * Whether the decision records a justification of approving an operation marked redundant.
     *
     * @return true when {@link #redundancyJustification()} is not empty
     */
    public boolean justifiesRedundancy() {
        return !redundancyJustification.isEmpty();
    }

    /**
     * Whether the operation is approved.
     *
     * @return true for an approval
     */
    public boolean isApproved() {
        return outcome() == Outcome.APPROVED;
    }
}
