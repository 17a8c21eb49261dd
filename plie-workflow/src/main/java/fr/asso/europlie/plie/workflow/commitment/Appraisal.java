package fr.asso.europlie.plie.workflow.commitment;

import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.util.ArrayList;
import java.util.List;

/**
 * What the OI instructor establishes when appraising an operation (PROCESSES.md C step 1) and
 * asks to reserve.
 *
 * @param grant the global grant to draw on
 * @param envelope the envelope of priority, specific objective and year
 * @param operator the operator (porteur) who will sign the agreement
 * @param eligibleCost the eligible cost
 * @param fseAmount the FSE+ amount to reserve, above zero, at most the eligible cost
 * @param simplifiedCostOptions how costs are simplified (forfaits, coûts unitaires...), or "aucune"; not blank
 * @param whenUncovered what to do when the envelope cannot cover the amount
 */
public record Appraisal(GlobalGrantId grant, EnvelopeKey envelope, OrganisationId operator, Money eligibleCost, Money fseAmount,
        String simplifiedCostOptions, WhenUncovered whenUncovered) {

    /**
     * Checks the components, every bad one named in one refusal.
     *
     * @throws InvalidValueException naming each field and value, in French and English:
     *     {@code PLIE-WORKFLOW-008} for a missing component or blank simplified cost options,
     *     {@code PLIE-FUNDS-002} for an FSE+ amount not above zero, {@code PLIE-FUNDS-023} for an
     *     FSE+ amount above the eligible cost
     */
    public Appraisal {
        List<Violation> invalid = new ArrayList<>();
        required(invalid, "grant", grant);
        required(invalid, "envelope", envelope);
        required(invalid, "operator", operator);
        required(invalid, "eligibleCost", eligibleCost);
        required(invalid, "fseAmount", fseAmount);
        required(invalid, "whenUncovered", whenUncovered);
        if (simplifiedCostOptions == null || simplifiedCostOptions.isBlank()) {
            invalid.add(Violation.of(WorkflowError.REQUIRED, "simplifiedCostOptions", simplifiedCostOptions));
        }
        if (fseAmount != null && !fseAmount.isPositive()) {
            invalid.add(Violation.of(FundsError.NOT_POSITIVE, "fseAmount", fseAmount));
        } else if (fseAmount != null && eligibleCost != null && fseAmount.isGreaterThan(eligibleCost)) {
            invalid.add(Violation.of(FundsError.AMOUNT_OVER_COST, "fseAmount", fseAmount, eligibleCost));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidValueException(invalid);
        }
    }

    private static void required(List<Violation> invalid, String field, Object value) {
        if (value == null) {
            invalid.add(Violation.of(WorkflowError.REQUIRED, field, null));
        }
    }
}
