package fr.asso.europlie.plie.budget;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.time.Year;

/**
 * The expenses planned for one strategic axis in one year (dépenses prévues): the uses side of
 * the protocol budget, earmarked ("fléchées") by axis.
 *
 * @param year the year, not null
 * @param axis the strategic axis, not null
 * @param amount the amount, zero or more
 */
public record PlannedExpense(Year year, StrategicAxisId axis, Money amount) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-BUDGET-003}) when a component is missing,
     *     ({@code PLIE-BUDGET-001}) when the amount is negative
     */
    public PlannedExpense {
        if (year == null) {
            throw new InvalidValueException(BudgetError.MISSING, "plannedExpense.year", null);
        }
        if (axis == null) {
            throw new InvalidValueException(BudgetError.MISSING, "plannedExpense.axis", null);
        }
        if (amount == null) {
            throw new InvalidValueException(BudgetError.MISSING, "plannedExpense.amount", null);
        }
        if (amount.isNegative()) {
            throw new InvalidValueException(BudgetError.NEGATIVE_AMOUNT, "plannedExpense.amount", amount, axis, year);
        }
    }
}
