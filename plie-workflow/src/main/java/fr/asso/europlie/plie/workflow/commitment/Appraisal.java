package fr.asso.europlie.plie.workflow.commitment;

import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.Objects;

/**
 * What the OI instructor establishes when appraising an operation (PROCESSES.md C step 1) and
 * asks to reserve.
 *
 * @param grant the global grant to draw on
 * @param envelope the envelope of priority, specific objective and year
 * @param operator the operator (porteur) who will sign the agreement
 * @param eligibleCost the eligible cost
 * @param fseAmount the FSE+ amount to reserve, above zero, at most the eligible cost
 * @param simplifiedCostOptions how costs are simplified (forfaits, coûts unitaires...), or "none"
 * @param whenUncovered what to do when the envelope cannot cover the amount
 */
public record Appraisal(GlobalGrantId grant, EnvelopeKey envelope, OrganisationId operator, Money eligibleCost, Money fseAmount,
        String simplifiedCostOptions, WhenUncovered whenUncovered) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException for a missing component
     * @throws IllegalArgumentException when the FSE+ amount is not above zero or exceeds the eligible cost
     */
    public Appraisal {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(eligibleCost, "eligibleCost");
        Objects.requireNonNull(fseAmount, "fseAmount");
        Objects.requireNonNull(simplifiedCostOptions, "simplifiedCostOptions");
        Objects.requireNonNull(whenUncovered, "whenUncovered");
        if (!fseAmount.isPositive() || fseAmount.isGreaterThan(eligibleCost)) {
            throw new IllegalArgumentException("the FSE+ amount is above zero and at most the eligible cost");
        }
    }
}
