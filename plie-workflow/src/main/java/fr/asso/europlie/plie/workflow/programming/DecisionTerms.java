package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.util.Optional;

/**
 * What the steering committee grants with its decision on one operation (les termes de la
 * décision): the amount programmed (the eligible cost approved), the FSE+ approved on it, and,
 * when it approves an operation the Département marked redundant with the PTI, its justification
 * of that redundancy.
 *
 * <p>The FSE+ approved, when not stated, is the FSE+ the operation's financing plan asks, capped at
 * the per-operation co-financing rate (the programming's offer settings, for the call's region
 * category) times the amount approved: approving the whole cost approves the FSE+ asked, approving
 * less reduces it in proportion. A stated FSE+ above that cap ({@code PLIE-OFFER-040}) or above the
 * FSE+ asked ({@code PLIE-OFFER-039}) is refused.
 *
 * @param approvedAmount the amount programmed; positive for an approval, zero otherwise; not null
 * @param approvedEsf the FSE+ approved, zero or more; empty (or null) for the default above
 * @param redundancyJustification why the committee approves an operation marked redundant with the
 *     PTI, distinct from the decision's reasons; empty (or null) when none
 */
public record DecisionTerms(Money approvedAmount, Optional<Money> approvedEsf, Optional<String> redundancyJustification) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) without an amount, or with a blank
     *     justification given
     */
    public DecisionTerms {
        approvedEsf = approvedEsf == null ? Optional.empty() : approvedEsf;
        redundancyJustification = redundancyJustification == null ? Optional.empty() : redundancyJustification;
        if (approvedAmount == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "approvedAmount", null);
        }
        if (redundancyJustification.isPresent() && redundancyJustification.get().isBlank()) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "redundancyJustification", redundancyJustification.get());
        }
    }

    /**
     * Terms with an amount, the FSE+ by default and no justification of a redundancy.
     *
     * @param approvedAmount the amount programmed; zero unless approved
     * @return the terms
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) without an amount
     */
    public static DecisionTerms of(Money approvedAmount) {
        return new DecisionTerms(approvedAmount, Optional.empty(), Optional.empty());
    }

    /**
     * A copy stating the FSE+ approved.
     *
     * @param esf the FSE+ approved, not null
     * @return the copy
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) when null
     */
    public DecisionTerms withApprovedEsf(Money esf) {
        if (esf == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "approvedEsf", null);
        }
        return new DecisionTerms(approvedAmount, Optional.of(esf), redundancyJustification);
    }

    /**
     * A copy justifying the approval of an operation the Département marked redundant with the PTI.
     *
     * @param justification why, not blank
     * @return the copy
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) when blank
     */
    public DecisionTerms withRedundancyJustification(String justification) {
        if (justification == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "redundancyJustification", null);
        }
        return new DecisionTerms(approvedAmount, approvedEsf, Optional.of(justification));
    }
}
