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
 * <p>A flat-rate option computes one category from a base (RULES.md section 3): the indirect
 * costs from the direct costs (art. 54(a), 54(c)) or the direct staff costs (art. 54(b)); the direct
 * staff costs from the other direct costs (art. 55(1)); or all remaining costs, recorded as other
 * direct costs with zero indirect costs, from the direct staff costs (art. 56). The factories
 * compute the flat-rated category.
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
        if (violations.isEmpty() && option.kind().isFlatRate()) {
            Money expected = option.flatRatedAmount(directStaff, otherDirect);
            switch (option.kind().computes()) {
                case INDIRECT -> mismatch(violations, "costs.indirect", indirect, expected, option);
                case DIRECT_STAFF -> mismatch(violations, "costs.directStaff", directStaff, expected, option);
                case OTHER_DIRECT -> {
                    mismatch(violations, "costs.otherDirect", otherDirect, expected, option);
                    mismatch(violations, "costs.indirect", indirect, Money.ZERO, option);
                }
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
     * Costs whose indirect costs are a flat rate of the direct staff costs (art. 54(b)).
     *
     * @param directStaff direct staff costs
     * @param otherDirect other direct costs, at their real amount
     * @param ratePercent the flat rate, at most 15
     * @return the costs, indirect costs computed
     * @throws InvalidValueException as the constructor
     */
    public static OperationCosts withIndirectFlatRate(Money directStaff, Money otherDirect, BigDecimal ratePercent) {
        return computed(SimplifiedCostOption.indirectFlatRate(ratePercent), directStaff, otherDirect, null);
    }

    /**
     * Costs whose indirect costs are a flat rate of the direct costs (art. 54(a)).
     *
     * @param directStaff direct staff costs
     * @param otherDirect other direct costs, at their real amount
     * @param ratePercent the flat rate, at most 7
     * @return the costs, indirect costs computed
     * @throws InvalidValueException as the constructor
     */
    public static OperationCosts withIndirectOnDirectCosts(Money directStaff, Money otherDirect, BigDecimal ratePercent) {
        return computed(new SimplifiedCostOption(SimplifiedCostOption.Kind.INDIRECT_ON_DIRECT_COSTS, ratePercent),
                directStaff, otherDirect, null);
    }

    /**
     * Costs whose indirect costs are a flat rate of the direct costs set by a justified method
     * (art. 54(c)).
     *
     * @param directStaff direct staff costs
     * @param otherDirect other direct costs, at their real amount
     * @param ratePercent the flat rate, at most 25
     * @param method the justified method of calculation, not blank
     * @return the costs, indirect costs computed
     * @throws InvalidValueException as the constructor
     */
    public static OperationCosts withIndirectByJustifiedMethod(Money directStaff, Money otherDirect, BigDecimal ratePercent,
            String method) {
        return computed(new SimplifiedCostOption(SimplifiedCostOption.Kind.INDIRECT_JUSTIFIED_METHOD, ratePercent, method),
                directStaff, otherDirect, null);
    }

    /**
     * Costs whose direct staff costs are a flat rate of the other direct costs (art. 55(1)).
     *
     * @param otherDirect other direct costs, at their real amount
     * @param indirect indirect costs, at their real amount
     * @param ratePercent the flat rate, at most 20
     * @return the costs, direct staff costs computed
     * @throws InvalidValueException as the constructor
     */
    public static OperationCosts withStaffFlatRate(Money otherDirect, Money indirect, BigDecimal ratePercent) {
        return computed(new SimplifiedCostOption(SimplifiedCostOption.Kind.STAFF_FLAT_RATE, ratePercent), null, otherDirect, indirect);
    }

    /**
     * Costs whose other costs are a flat rate of the direct staff costs (art. 56).
     *
     * @param directStaff direct staff costs
     * @param ratePercent the flat rate, at most 40
     * @return the costs, other direct costs computed and indirect costs zero
     * @throws InvalidValueException as the constructor
     */
    public static OperationCosts withOtherCostsFlatRate(Money directStaff, BigDecimal ratePercent) {
        return computed(SimplifiedCostOption.otherCostsFlatRate(ratePercent), directStaff, null, Money.ZERO);
    }

    /** The costs with the option's category computed from the others (given as null). */
    private static OperationCosts computed(SimplifiedCostOption option, Money directStaff, Money otherDirect, Money indirect) {
        Money staff = directStaff;
        Money other = otherDirect;
        Money overheads = indirect;
        switch (option.kind().computes()) {
            case INDIRECT -> overheads = staff == null || other == null ? null : option.flatRatedAmount(staff, other);
            case DIRECT_STAFF -> staff = other == null ? null : option.flatRatedAmount(Money.ZERO, other);
            case OTHER_DIRECT -> other = staff == null ? null : option.flatRatedAmount(staff, Money.ZERO);
        }
        return new OperationCosts(staff, other, overheads, option);
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
