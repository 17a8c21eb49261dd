package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.money.Decimals;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The settings of the offer (paramètres de l'offre): the flat rates of the simplified cost options,
 * the hours of a full-time year for the hourly rate, and the co-financing rate of each region
 * category. A PLIE or an OI changes them; {@link #defaults()} gives RULES.md's defaults.
 *
 * @param otherCostsFlatRatePercent the flat rate, in percent of direct staff costs, that covers all
 *     other costs (default 40)
 * @param indirectFlatRatesPercent the flat rates allowed for indirect costs, in percent of direct
 *     staff costs (default 15 and 20), copied and sorted
 * @param annualHours the hours of a full-time year dividing the annual gross employment cost into
 *     an hourly rate (default 1,720)
 * @param coFinancingRatesPercent the maximum FSE+ share of an operation's total cost, in percent,
 *     for each region category (defaults 40, 60 and 85), copied; every category present
 */
public record OfferSettings(BigDecimal otherCostsFlatRatePercent, SortedSet<BigDecimal> indirectFlatRatesPercent,
        int annualHours, Map<RegionCategory, BigDecimal> coFinancingRatesPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Checks every setting and reports every bad one.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-003} for a rate outside 0 to 100 %,
     *     {@code PLIE-OFFER-005} for hours not above zero, {@code PLIE-OFFER-001} for a missing
     *     setting or region category
     */
    public OfferSettings {
        List<Violation> violations = new ArrayList<>();
        checkRate(violations, "otherCostsFlatRatePercent", otherCostsFlatRatePercent);
        if (indirectFlatRatesPercent == null) {
            violations.add(Violation.of(OfferError.BLANK, "indirectFlatRatesPercent", null));
        } else {
            indirectFlatRatesPercent.forEach(rate -> checkRate(violations, "indirectFlatRatesPercent", rate));
        }
        if (annualHours <= 0) {
            violations.add(Violation.of(OfferError.NEGATIVE_COUNT, "annualHours", annualHours));
        }
        if (coFinancingRatesPercent == null) {
            violations.add(Violation.of(OfferError.BLANK, "coFinancingRatesPercent", null));
        } else {
            for (RegionCategory category : RegionCategory.values()) {
                checkRate(violations, "coFinancingRatesPercent." + category, coFinancingRatesPercent.get(category));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
        indirectFlatRatesPercent = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(indirectFlatRatesPercent));
        coFinancingRatesPercent = java.util.Collections.unmodifiableMap(new EnumMap<>(coFinancingRatesPercent));
    }

    private static void checkRate(List<Violation> violations, String field, BigDecimal rate) {
        if (rate == null) {
            violations.add(Violation.of(OfferError.BLANK, field, null));
        } else if (!Decimals.within(rate)) {
            violations.add(Decimals.problem(field, rate));
        } else if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0) {
            violations.add(Violation.of(OfferError.RATE_OUT_OF_RANGE, field, rate.toPlainString()));
        }
    }

    /**
     * RULES.md's defaults: 40 % for all other costs, 15 % or 20 % for indirect costs, 1,720 hours a
     * year, co-financing rates of 40 % (more developed), 60 % (transition), 85 % (less developed).
     *
     * @return the default settings
     */
    public static OfferSettings defaults() {
        Map<RegionCategory, BigDecimal> rates = new EnumMap<>(RegionCategory.class);
        rates.put(RegionCategory.MORE_DEVELOPED, BigDecimal.valueOf(40));
        rates.put(RegionCategory.TRANSITION, BigDecimal.valueOf(60));
        rates.put(RegionCategory.LESS_DEVELOPED, BigDecimal.valueOf(85));
        return new OfferSettings(BigDecimal.valueOf(40), new TreeSet<>(Set.of(BigDecimal.valueOf(15), BigDecimal.valueOf(20))),
                1720, rates);
    }

    /**
     * The co-financing rate of a region category.
     *
     * @param category not null
     * @return the rate in percent
     */
    public BigDecimal coFinancingRatePercent(RegionCategory category) {
        return coFinancingRatesPercent.get(category);
    }

    /**
     * A copy with another co-financing rate for one category.
     *
     * @param category not null
     * @param ratePercent between 0 and 100
     * @return the new settings
     * @throws InvalidValueException when the rate is out of range
     */
    public OfferSettings withCoFinancingRate(RegionCategory category, BigDecimal ratePercent) {
        Map<RegionCategory, BigDecimal> rates = new EnumMap<>(coFinancingRatesPercent);
        rates.put(category, ratePercent);
        return new OfferSettings(otherCostsFlatRatePercent, indirectFlatRatesPercent, annualHours, rates);
    }

    /**
     * Whether a simplified cost option uses a rate these settings allow: any rate for real costs,
     * the other-costs rate for the all-other-costs flat rate, one of the indirect rates for the
     * indirect flat rate.
     *
     * @param option not null
     * @return true when allowed
     */
    public boolean allows(SimplifiedCostOption option) {
        return switch (option.kind()) {
            case REAL_COSTS -> true;
            case OTHER_COSTS_FLAT_RATE -> option.ratePercent().compareTo(otherCostsFlatRatePercent) == 0;
            case INDIRECT_FLAT_RATE -> indirectFlatRatesPercent.stream().anyMatch(r -> r.compareTo(option.ratePercent()) == 0);
        };
    }
}
