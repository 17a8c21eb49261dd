package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.money.Decimals;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A simplified cost option of an operation (option de coûts simplifiés, OCS): real costs, or a flat
 * rate (taux forfaitaire) applied to the direct staff costs to compute the indirect costs or all the
 * other costs. Which rates are allowed is a setting ({@link OfferSettings#allows(SimplifiedCostOption)}).
 *
 * <p>Computations round to the cent half-up, the rule documented in {@code docs/offer-and-funds.md}.
 *
 * @param kind the kind of option, not null
 * @param ratePercent the flat rate in percent (0 to 100); zero for real costs
 */
public record SimplifiedCostOption(Kind kind, BigDecimal ratePercent) {

    /** How computed amounts are rounded to the cent. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The kinds of cost options. */
    public enum Kind {
        /** Every category declared at its real cost (coûts réels). */
        REAL_COSTS,
        /** Indirect costs at a flat rate of direct staff costs (15 % or 20 % by default). */
        INDIRECT_FLAT_RATE,
        /**
         * All costs other than direct staff costs at a flat rate of them (40 % by default), recorded
         * as other direct costs, indirect costs being zero.
         */
        OTHER_COSTS_FLAT_RATE
    }

    /** Real costs. */
    public static final SimplifiedCostOption REAL_COSTS = new SimplifiedCostOption(Kind.REAL_COSTS, BigDecimal.ZERO);

    /**
     * Checks the option.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-001} when a component is null,
     *     {@code PLIE-OFFER-003} when the rate is outside 0 to 100 %
     */
    public SimplifiedCostOption {
        if (kind == null) {
            throw new InvalidValueException(OfferError.BLANK, "costOption.kind", null);
        }
        if (ratePercent == null) {
            throw new InvalidValueException(OfferError.BLANK, "costOption.ratePercent", null);
        }
        ratePercent = Decimals.check("costOption.ratePercent", ratePercent);
        if (ratePercent.signum() < 0 || ratePercent.compareTo(HUNDRED) > 0) {
            throw new InvalidValueException(OfferError.RATE_OUT_OF_RANGE, "costOption.ratePercent", ratePercent.toPlainString());
        }
        if (kind == Kind.REAL_COSTS && ratePercent.signum() != 0) {
            throw new InvalidValueException(OfferError.RATE_OUT_OF_RANGE, "costOption.ratePercent", ratePercent.toPlainString());
        }
    }

    /**
     * Indirect costs at a flat rate.
     *
     * @param ratePercent the rate in percent
     * @return the option
     */
    public static SimplifiedCostOption indirectFlatRate(BigDecimal ratePercent) {
        return new SimplifiedCostOption(Kind.INDIRECT_FLAT_RATE, ratePercent);
    }

    /**
     * All other costs at a flat rate.
     *
     * @param ratePercent the rate in percent
     * @return the option
     */
    public static SimplifiedCostOption otherCostsFlatRate(BigDecimal ratePercent) {
        return new SimplifiedCostOption(Kind.OTHER_COSTS_FLAT_RATE, ratePercent);
    }

    /**
     * A flat rate applied to a base: base x rate / 100, rounded to the cent half-up.
     *
     * @param base the direct staff costs, not null
     * @param ratePercent the rate in percent, not null
     * @return the amount
     */
    public static Money flatRate(Money base, BigDecimal ratePercent) {
        return Money.rounded(base.amount().multiply(ratePercent).divide(HUNDRED), ROUNDING);
    }

    /**
     * The hourly rate of a person (taux horaire): annual gross employment cost divided by the
     * hours of a full-time year (1,720 by default), rounded to the cent half-up.
     *
     * @param annualGrossEmploymentCost the latest annual gross employment cost, zero or more
     * @param annualHours the hours of a full-time year, above zero
     * @return the hourly rate
     * @throws InvalidValueException when the cost is negative or the hours not above zero
     */
    public static Money hourlyRate(Money annualGrossEmploymentCost, int annualHours) {
        annualGrossEmploymentCost.requireNonNegative("annualGrossEmploymentCost");
        if (annualHours <= 0) {
            throw new InvalidValueException(OfferError.NEGATIVE_COUNT, "annualHours", annualHours);
        }
        return Money.of(annualGrossEmploymentCost.amount().divide(BigDecimal.valueOf(annualHours), 2, ROUNDING));
    }

    /**
     * The direct staff cost of hours worked at an hourly rate, rounded to the cent half-up.
     *
     * @param hourlyRate the hourly rate, zero or more
     * @param hoursWorked the hours worked on the operation, zero or more
     * @return the cost
     * @throws InvalidValueException when a value is negative
     */
    public static Money staffCost(Money hourlyRate, BigDecimal hoursWorked) {
        hourlyRate.requireNonNegative("hourlyRate");
        if (hoursWorked.signum() < 0) {
            throw new InvalidValueException(OfferError.NEGATIVE_COUNT, "hoursWorked", hoursWorked.toPlainString());
        }
        return hourlyRate.multipliedBy(hoursWorked, ROUNDING);
    }

    /**
     * The amount of the flat-rated category for given direct staff costs.
     *
     * @param directStaff the direct staff costs
     * @return the flat-rated amount; zero for real costs
     */
    public Money flatRatedAmount(Money directStaff) {
        return kind == Kind.REAL_COSTS ? Money.ZERO : flatRate(directStaff, ratePercent);
    }

    @Override
    public String toString() {
        return kind == Kind.REAL_COSTS ? "REAL_COSTS" : kind + " " + ratePercent.toPlainString() + " %";
    }
}
