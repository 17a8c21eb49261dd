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
     * The FSE+ programmed for the operation: its financing plan's FSE+ share, at most the amount
     * the steering committee approved; zero unless approved. This is the amount an OI commitment
     * (process C) is requested for, at publication or when an amendment raises it.
     *
     * @return the FSE+ programmed, zero or more
     */
    public Money fseProgrammed() {
        return isApproved() ? operation.financingPlan().esfShare().min(decision.approvedAmount()) : Money.ZERO;
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
