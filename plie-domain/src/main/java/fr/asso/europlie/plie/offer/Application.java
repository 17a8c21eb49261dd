package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.money.Money;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An admissible application in a programming round (candidature recevable): the operation, when it
 * was submitted, and what has been recorded on it so far: appraisal, PTI complementarity marking,
 * steering committee decision.
 *
 * @param operation the operation, not null
 * @param submittedOn the day of submission, not null
 * @param appraisal the appraisal, or null before it
 * @param marking the PTI complementarity marking, or null before it
 * @param decision the steering committee's decision, or null before it
 */
public record Application(Operation operation, LocalDate submittedOn, Appraisal appraisal, PtiMarking marking,
        SteeringDecision decision) {

    /**
     * Checks the required components.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) when the operation or the day is missing
     */
    public Application {
        if (operation == null) {
            throw new InvalidValueException(OfferError.BLANK, "operation", null);
        }
        if (submittedOn == null) {
            throw new InvalidValueException(OfferError.BLANK, "submittedOn", null);
        }
    }

    /**
     * The appraisal.
     *
     * @return the appraisal, if recorded
     */
    public Optional<Appraisal> appraisalIfAny() {
        return Optional.ofNullable(appraisal);
    }

    /**
     * The PTI complementarity marking.
     *
     * @return the marking, if recorded
     */
    public Optional<PtiMarking> markingIfAny() {
        return Optional.ofNullable(marking);
    }

    /**
     * The steering committee's decision.
     *
     * @return the decision, if taken
     */
    public Optional<SteeringDecision> decisionIfAny() {
        return Optional.ofNullable(decision);
    }

    /**
     * Whether the operation is approved.
     *
     * @return true when a decision approves it
     */
    public boolean isApproved() {
        return decision != null && decision.isApproved();
    }

    /**
     * The FSE+ programmed for the operation: the FSE+ the steering committee approved
     * ({@link SteeringDecision#approvedEsf()}, at most the financing plan's FSE+ share and the
     * co-financing rate times the approved amount); zero unless approved. This is the amount an OI
     * commitment (process C) is requested for, at publication or when an amendment raises it.
     *
     * @return the FSE+ programmed, zero or more
     */
    public Money fseProgrammed() {
        return isApproved() ? decision.approvedEsf() : Money.ZERO;
    }

    /**
     * The FSE+ a steering committee approving an amount of this operation approves when it does not
     * state it: the FSE+ its financing plan asks, capped at the co-financing rate times the approved
     * amount (rounded down to the cent, {@link FinancingPlan#esfCap}). Approving the whole cost thus
     * approves the FSE+ asked; approving less reduces it in proportion to the rate.
     *
     * @param approvedAmount the amount approved, not null
     * @param coFinancingRatePercent the per-operation co-financing rate in percent, not null
     * @return the FSE+ approved by default, zero or more
     */
    public Money defaultApprovedEsf(Money approvedAmount, java.math.BigDecimal coFinancingRatePercent) {
        return operation.financingPlan().esfShare().min(FinancingPlan.esfCap(approvedAmount, coFinancingRatePercent));
    }

    Application withAppraisal(Appraisal value) {
        return new Application(operation, submittedOn, value, marking, decision);
    }

    Application withMarking(PtiMarking value) {
        return new Application(operation, submittedOn, appraisal, value, decision);
    }

    Application withDecision(SteeringDecision value) {
        return new Application(operation, submittedOn, appraisal, marking, value);
    }
}
