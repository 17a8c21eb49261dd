package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The costs of an operation by category (coûts par catégorie): direct staff costs, other direct
 * costs and indirect costs, with the simplified cost option that computes some of them.
 *
 * <p>With {@link SimplifiedCostOption.Kind#INDIRECT_FLAT_RATE} the indirect costs equal the rate
 * applied to the direct staff costs; with {@link SimplifiedCostOption.Kind#OTHER_COSTS_FLAT_RATE}
 * the other direct costs equal it and the indirect costs are zero. The factories compute them.
 *
 * @param directStaff direct staff costs (frais de personnel directs), zero or more
 * @param otherDirect other direct costs (autres coûts directs), zero or more
 * @param indirect indirect costs (coûts indirects), zero or more
 * @param option the simplified cost option, not null
 */
public record OperationCosts(Money directStaff, Money otherDirect, Money indirect, SimplifiedCostOption option) {

    /**
     * Checks every amount and the flat rate, reporting every problem at once.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-001} for a missing amount,
     *     {@code PLIE-MONEY-003} for a negative one, {@code PLIE-OFFER-004} for a category that is
     *     not its flat rate
     */
    public OperationCosts {
        List<Violation> violations = new ArrayList<>();
        nonNegative(violations, "costs.directStaff", directStaff);
        nonNegative(violations, "costs.otherDirect", otherDirect);
        nonNegative(violations, "costs.indirect", indirect);
        if (option == null) {
            violations.add(Violation.of(OfferError.BLANK, "costs.option", null));
        }
        if (violations.isEmpty()) {
            Money expected = option.flatRatedAmount(directStaff);
            switch (option.kind()) {
                case INDIRECT_FLAT_RATE -> mismatch(violations, "costs.indirect", indirect, expected, option);
                case OTHER_COSTS_FLAT_RATE -> {
                    mismatch(violations, "costs.otherDirect", otherDirect, expected, option);
                    mismatch(violations, "costs.indirect", indirect, Money.ZERO, option);
                }
                case REAL_COSTS -> { }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    private static void nonNegative(List<Violation> violations, String field, Money amount) {
        if (amount == null) {
            violations.add(Violation.of(OfferError.BLANK, field, null));
        } else {
            try {
                amount.requireNonNegative(field);
            } catch (PlieException e) {
                violations.addAll(e.violations());
            }
        }
    }

    private static void mismatch(List<Violation> violations, String field, Money actual, Money expected, SimplifiedCostOption option) {
        if (actual.compareTo(expected) != 0) {
            violations.add(Violation.of(OfferError.FLAT_RATE_MISMATCH, field, actual, expected, option));
        }
    }

    /**
     * Costs at their real amounts.
     *
     * @param directStaff direct staff costs
     * @param otherDirect other direct costs
     * @param indirect indirect costs
     * @return the costs
     * @throws InvalidValueException as the constructor
     */
    public static OperationCosts real(Money directStaff, Money otherDirect, Money indirect) {
        return new OperationCosts(directStaff, otherDirect, indirect, SimplifiedCostOption.REAL_COSTS);
    }

    /**
     * Costs whose indirect costs are a flat rate of the direct staff costs.
     *
     * @param directStaff direct staff costs
     * @param otherDirect other direct costs, at their real amount
     * @param ratePercent the flat rate, e.g. 15 or 20
     * @return the costs, indirect costs computed
     * @throws InvalidValueException as the constructor
     */
    public static OperationCosts withIndirectFlatRate(Money directStaff, Money otherDirect, BigDecimal ratePercent) {
        SimplifiedCostOption option = SimplifiedCostOption.indirectFlatRate(ratePercent);
        return new OperationCosts(directStaff, otherDirect, directStaff == null ? null : option.flatRatedAmount(directStaff), option);
    }

    /**
     * Costs whose other costs are a flat rate of the direct staff costs.
     *
     * @param directStaff direct staff costs
     * @param ratePercent the flat rate, e.g. 40
     * @return the costs, other direct costs computed and indirect costs zero
     * @throws InvalidValueException as the constructor
     */
    public static OperationCosts withOtherCostsFlatRate(Money directStaff, BigDecimal ratePercent) {
        SimplifiedCostOption option = SimplifiedCostOption.otherCostsFlatRate(ratePercent);
        return new OperationCosts(directStaff, directStaff == null ? null : option.flatRatedAmount(directStaff), Money.ZERO, option);
    }

    /**
     * The amount of a category.
     *
     * @param category not null
     * @return the amount
     */
    public Money of(CostCategory category) {
        return switch (category) {
            case DIRECT_STAFF -> directStaff;
            case OTHER_DIRECT -> otherDirect;
            case INDIRECT -> indirect;
        };
    }

    /**
     * The total cost of the operation.
     *
     * @return direct staff + other direct + indirect
     */
    public Money total() {
        return directStaff.plus(otherDirect).plus(indirect);
    }
}
