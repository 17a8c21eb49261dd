package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.money.Decimals;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A simplified cost option of an operation (option de coûts simplifiés, OCS), as Regulation (EU)
 * 2021/1060 art. 53 to 56 and RULES.md section 3 list them: real costs, or a flat rate (taux
 * forfaitaire) applied to one category of costs to compute another.
 *
 * <table>
 * <caption>The flat rates and their regulatory ceilings</caption>
 * <tr><th>kind</th><th>article</th><th>computes</th><th>from</th><th>ceiling</th></tr>
 * <tr><td>{@link Kind#INDIRECT_ON_DIRECT_COSTS}</td><td>54(a)</td><td>indirect costs</td><td>direct costs</td><td>7 %</td></tr>
 * <tr><td>{@link Kind#INDIRECT_FLAT_RATE}</td><td>54(b)</td><td>indirect costs</td><td>direct staff costs</td><td>15 %</td></tr>
 * <tr><td>{@link Kind#INDIRECT_JUSTIFIED_METHOD}</td><td>54(c)</td><td>indirect costs</td><td>direct costs, with a justified method</td><td>25 %</td></tr>
 * <tr><td>{@link Kind#STAFF_FLAT_RATE}</td><td>55(1)</td><td>direct staff costs</td><td>direct costs other than staff</td><td>20 %</td></tr>
 * <tr><td>{@link Kind#OTHER_COSTS_FLAT_RATE}</td><td>56</td><td>all remaining costs</td><td>direct staff costs</td><td>40 %</td></tr>
 * </table>
 *
 * <p>A rate above its regulatory ceiling is refused here, naming the option and its article; the
 * rate an OI actually allows, at most the ceiling, is a setting
 * ({@link OfferSettings#allows(SimplifiedCostOption)}). The hourly staff cost of art. 55(2) is
 * {@link #hourlyRate(Money, int)}.
 *
 * <p>Computations round to the cent half-up, the rule documented in {@code docs/offer-and-funds.md}.
 *
 * @param kind the kind of option, not null
 * @param ratePercent the flat rate in percent (0 to the kind's ceiling); zero for real costs
 * @param method the justified method of calculation, required (not blank) for
 *     {@link Kind#INDIRECT_JUSTIFIED_METHOD}, null for every other kind
 */
public record SimplifiedCostOption(Kind kind, BigDecimal ratePercent, String method) {

    /** How computed amounts are rounded to the cent. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The kinds of cost options, each with its article and regulatory ceiling. */
    public enum Kind {
        /** Every category declared at its real cost (coûts réels). */
        REAL_COSTS("53", 0),
        /** Indirect costs at a flat rate of up to 7 % of eligible direct costs (art. 54(a)). */
        INDIRECT_ON_DIRECT_COSTS("54(a)", 7),
        /** Indirect costs at a flat rate of up to 15 % of eligible direct staff costs (art. 54(b)). */
        INDIRECT_FLAT_RATE("54(b)", 15),
        /** Indirect costs at a flat rate of up to 25 % of eligible direct costs, with a justified method (art. 54(c)). */
        INDIRECT_JUSTIFIED_METHOD("54(c)", 25),
        /** Direct staff costs at a flat rate of up to 20 % of the direct costs other than staff costs (art. 55(1)). */
        STAFF_FLAT_RATE("55(1)", 20),
        /**
         * All remaining eligible costs at a flat rate of up to 40 % of eligible direct staff costs
         * (art. 56), recorded as other direct costs, indirect costs being zero.
         */
        OTHER_COSTS_FLAT_RATE("56", 40);

        private final String article;
        private final BigDecimal ceilingPercent;

        Kind(String article, int ceilingPercent) {
            this.article = article;
            this.ceilingPercent = BigDecimal.valueOf(ceilingPercent);
        }

        /**
         * The article of Regulation (EU) 2021/1060 that sets this option.
         *
         * @return such as {@code 54(b)}
         */
        public String article() {
            return article;
        }

        /**
         * The regulatory ceiling of the rate.
         *
         * @return the ceiling in percent; zero for real costs
         */
        public BigDecimal ceilingPercent() {
            return ceilingPercent;
        }

        /**
         * Whether this is a flat rate (every kind but real costs).
         *
         * @return true for a flat rate
         */
        public boolean isFlatRate() {
            return this != REAL_COSTS;
        }

        /**
         * The category this option computes.
         *
         * @return the category; null for real costs
         */
        public CostCategory computes() {
            return switch (this) {
                case REAL_COSTS -> null;
                case INDIRECT_ON_DIRECT_COSTS, INDIRECT_FLAT_RATE, INDIRECT_JUSTIFIED_METHOD -> CostCategory.INDIRECT;
                case STAFF_FLAT_RATE -> CostCategory.DIRECT_STAFF;
                case OTHER_COSTS_FLAT_RATE -> CostCategory.OTHER_DIRECT;
            };
        }

        /**
         * The base the rate applies to.
         *
         * @param directStaff the direct staff costs
         * @param otherDirect the other direct costs
         * @return the base; zero for real costs
         */
        public Money base(Money directStaff, Money otherDirect) {
            return switch (this) {
                case REAL_COSTS -> Money.ZERO;
                case INDIRECT_ON_DIRECT_COSTS, INDIRECT_JUSTIFIED_METHOD -> directStaff.plus(otherDirect);
                case INDIRECT_FLAT_RATE, OTHER_COSTS_FLAT_RATE -> directStaff;
                case STAFF_FLAT_RATE -> otherDirect;
            };
        }
    }

    /** Real costs. */
    public static final SimplifiedCostOption REAL_COSTS = new SimplifiedCostOption(Kind.REAL_COSTS, BigDecimal.ZERO);

    /**
     * Checks the option.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-001} when a component is null or the
     *     method of art. 54(c) is blank, {@code PLIE-OFFER-003} when the rate is negative or not
     *     zero for real costs, {@code PLIE-OFFER-032} when the rate is above the kind's regulatory
     *     ceiling (naming the kind and its article), {@code PLIE-OFFER-001} for a method given to
     *     another kind
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
        if (ratePercent.compareTo(kind.ceilingPercent()) > 0) {
            throw new InvalidValueException(OfferError.FLAT_RATE_OVER_CEILING, "costOption.ratePercent", ratePercent.toPlainString(),
                    kind, kind.article(), kind.ceilingPercent().toPlainString());
        }
        if (kind == Kind.INDIRECT_JUSTIFIED_METHOD && (method == null || method.isBlank())) {
            throw new InvalidValueException(OfferError.BLANK, "costOption.method", method);
        }
        if (kind != Kind.INDIRECT_JUSTIFIED_METHOD && method != null) {
            throw new InvalidValueException(OfferError.BLANK, "costOption.method", method);
        }
    }

    /**
     * An option without a method of calculation (every kind but art. 54(c)).
     *
     * @param kind the kind
     * @param ratePercent the rate in percent
     * @throws InvalidValueException as the canonical constructor
     */
    public SimplifiedCostOption(Kind kind, BigDecimal ratePercent) {
        this(kind, ratePercent, null);
    }

    /**
     * Indirect costs at a flat rate of direct staff costs (art. 54(b)).
     *
     * @param ratePercent the rate in percent, at most 15
     * @return the option
     */
    public static SimplifiedCostOption indirectFlatRate(BigDecimal ratePercent) {
        return new SimplifiedCostOption(Kind.INDIRECT_FLAT_RATE, ratePercent);
    }

    /**
     * All other costs at a flat rate of direct staff costs (art. 56).
     *
     * @param ratePercent the rate in percent, at most 40
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
     * The amount of the flat-rated category: the rate applied to the kind's base.
     *
     * @param directStaff the direct staff costs
     * @param otherDirect the other direct costs
     * @return the flat-rated amount; zero for real costs
     */
    public Money flatRatedAmount(Money directStaff, Money otherDirect) {
        return kind == Kind.REAL_COSTS ? Money.ZERO : flatRate(kind.base(directStaff, otherDirect), ratePercent);
    }

    @Override
    public String toString() {
        return kind == Kind.REAL_COSTS ? "REAL_COSTS" : kind + " " + ratePercent.toPlainString() + " % (art. " + kind.article() + ")";
    }
}
