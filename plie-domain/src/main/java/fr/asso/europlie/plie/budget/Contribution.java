package fr.asso.europlie.plie.budget;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.Year;

/**
 * A funder's contribution to the plan for one year (contribution d'un financeur): the resources
 * side of the protocol budget. The FSE+ appears as the contribution of the intermediate body
 * that manages it.
 *
 * @param funder the contributing organisation, not null
 * @param year the year, not null
 * @param amount the amount, zero or more
 */
public record Contribution(OrganisationId funder, Year year, Money amount) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-BUDGET-003}) when a component is missing,
     *     ({@code PLIE-BUDGET-001}) when the amount is negative
     */
    public Contribution {
        if (funder == null) {
            throw new InvalidValueException(BudgetError.MISSING, "contribution.funder", null);
        }
        if (year == null) {
            throw new InvalidValueException(BudgetError.MISSING, "contribution.year", null);
        }
        if (amount == null) {
            throw new InvalidValueException(BudgetError.MISSING, "contribution.amount", null);
        }
        if (amount.isNegative()) {
            throw new InvalidValueException(BudgetError.NEGATIVE_AMOUNT, "contribution.amount", amount, funder, year);
        }
    }
}
