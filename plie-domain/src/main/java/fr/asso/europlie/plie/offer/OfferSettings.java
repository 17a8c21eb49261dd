package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.money.Decimals;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of the offer (paramètres de l'offre): the flat rates of the simplified cost options
 * the OI allows, the hours of a full-time year for the hourly rate, the OI's own ceiling of the
 * FSE+ share of one operation for each region category, and the FSE+ eligibility period. A PLIE or
 * an OI changes them; {@link #defaults()} gives RULES.md's defaults.
 *
 * <p>The per-operation ceiling is the OI's own setting, not the regulation's: Regulation (EU)
 * 2021/1060 art. 112 caps the EU share per priority of the programme, which the global grant checks
 * when committing ({@code fr.asso.europlie.plie.funds.GlobalGrant}); an OI may let one operation go
 * above that rate as long as the priority stays within it.
 *
 * @param flatRatesPercent for each flat-rate option the OI offers, the highest rate it allows, in
 *     percent, at most the option's regulatory ceiling; an option absent is not offered; copied
 * @param annualHours the hours of a full-time year dividing the annual gross employment cost into
 *     an hourly rate (art. 55(2): 1,720)
 * @param operationCoFinancingRatesPercent the OI's ceiling of the FSE+ share of one operation's
 *     total cost, in percent, for each region category (defaults: the art. 112 rates), copied; every
 *     category present
 * @param eligibleFrom the first day on which FSE+ expenditure is eligible (art. 63(2): 2021-01-01)
 * @param eligibleUntil the last day on which FSE+ expenditure is eligible (art. 63(2): 2029-12-31)
 */
public record OfferSettings(Map<SimplifiedCostOption.Kind, BigDecimal> flatRatesPercent, int annualHours,
        Map<RegionCategory, BigDecimal> operationCoFinancingRatesPercent, LocalDate eligibleFrom, LocalDate eligibleUntil) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Checks every setting and reports every bad one.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-003} for a rate outside 0 to 100 % or a rate
     *     given to real costs, {@code PLIE-OFFER-032} for a flat rate above its option's regulatory
     *     ceiling (field {@code flatRatesPercent.<KIND>}), {@code PLIE-OFFER-005} for hours not above
     *     zero, {@code PLIE-OFFER-001} for a missing setting or region category,
     *     {@code PLIE-OFFER-002} for an eligibility period that ends before it starts
     */
    public OfferSettings {
        List<Violation> violations = new ArrayList<>();
        if (flatRatesPercent == null) {
            violations.add(Violation.of(OfferError.BLANK, "flatRatesPercent", null));
        } else {
            flatRatesPercent.forEach((kind, rate) -> {
                String field = "flatRatesPercent." + kind;
                if (kind == null || kind == SimplifiedCostOption.Kind.REAL_COSTS) {
                    violations.add(Violation.of(OfferError.RATE_OUT_OF_RANGE, field, rate));
                } else if (checkRate(violations, field, rate) && rate.compareTo(kind.ceilingPercent()) > 0) {
                    violations.add(Violation.of(OfferError.FLAT_RATE_OVER_CEILING, field, rate.toPlainString(), kind, kind.article(),
                            kind.ceilingPercent().toPlainString()));
                }
            });
        }
        if (annualHours <= 0) {
            violations.add(Violation.of(OfferError.NEGATIVE_COUNT, "annualHours", annualHours));
        }
        if (operationCoFinancingRatesPercent == null) {
            violations.add(Violation.of(OfferError.BLANK, "operationCoFinancingRatesPercent", null));
        } else {
            for (RegionCategory category : RegionCategory.values()) {
                checkRate(violations, "operationCoFinancingRatesPercent." + category, operationCoFinancingRatesPercent.get(category));
            }
        }
        if (eligibleFrom == null) {
            violations.add(Violation.of(OfferError.BLANK, "eligibleFrom", null));
        }
        if (eligibleUntil == null) {
            violations.add(Violation.of(OfferError.BLANK, "eligibleUntil", null));
        }
        if (eligibleFrom != null && eligibleUntil != null && eligibleUntil.isBefore(eligibleFrom)) {
            violations.add(Violation.of(OfferError.PERIOD_ORDER, "eligibleUntil", eligibleUntil, eligibleFrom));
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
        flatRatesPercent = Collections.unmodifiableMap(flatRatesPercent.isEmpty()
                ? new EnumMap<>(SimplifiedCostOption.Kind.class) : new EnumMap<>(flatRatesPercent));
        operationCoFinancingRatesPercent = Collections.unmodifiableMap(new EnumMap<>(operationCoFinancingRatesPercent));
    }

    private static boolean checkRate(List<Violation> violations, String field, BigDecimal rate) {
        if (rate == null) {
            violations.add(Violation.of(OfferError.BLANK, field, null));
            return false;
        }
        if (!Decimals.within(rate)) {
            violations.add(Decimals.problem(field, rate));
            return false;
        }
        if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0) {
            violations.add(Violation.of(OfferError.RATE_OUT_OF_RANGE, field, rate.toPlainString()));
            return false;
        }
        return true;
    }

    /**
     * RULES.md's defaults: every flat-rate option at its regulatory ceiling (7 % art. 54(a), 15 %
     * art. 54(b), 25 % art. 54(c), 20 % art. 55(1), 40 % art. 56), 1,720 hours a year, per-operation
     * co-financing ceilings equal to the art. 112 rates of each region category, FSE+ expenditure
     * eligible from 1 January 2021 to 31 December 2029.
     *
     * @return the default settings
     */
    public static OfferSettings defaults() {
        Map<SimplifiedCostOption.Kind, BigDecimal> flatRates = new EnumMap<>(SimplifiedCostOption.Kind.class);
        for (SimplifiedCostOption.Kind kind : SimplifiedCostOption.Kind.values()) {
            if (kind.isFlatRate()) {
                flatRates.put(kind, kind.ceilingPercent());
            }
        }
        Map<RegionCategory, BigDecimal> rates = new EnumMap<>(RegionCategory.class);
        for (RegionCategory category : RegionCategory.values()) {
            rates.put(category, category.maximumRatePercent());
        }
        return new OfferSettings(flatRates, 1720, rates, LocalDate.of(2021, 1, 1), LocalDate.of(2029, 12, 31));
    }

    /**
     * The OI's ceiling of the FSE+ share of one operation in a region category.
     *
     * @param category not null
     * @return the rate in percent
     */
    public BigDecimal operationCoFinancingRatePercent(RegionCategory category) {
        return operationCoFinancingRatesPercent.get(category);
    }

    /**
     * A copy with another per-operation co-financing ceiling for one category.
     *
     * @param category not null
     * @param ratePercent between 0 and 100
     * @return the new settings
     * @throws InvalidValueException when the rate is out of range
     */
    public OfferSettings withOperationCoFinancingRate(RegionCategory category, BigDecimal ratePercent) {
        Map<RegionCategory, BigDecimal> rates = new EnumMap<>(operationCoFinancingRatesPercent);
        rates.put(category, ratePercent);
        return new OfferSettings(flatRatesPercent, annualHours, rates, eligibleFrom, eligibleUntil);
    }

    /**
     * A copy with another highest rate for a flat-rate option, or without the option.
     *
     * @param kind a flat-rate kind
     * @param ratePercent the highest rate allowed, at most the kind's ceiling; null to stop offering it
     * @return the new settings
     * @throws InvalidValueException ({@code PLIE-OFFER-032}) when above the regulatory ceiling
     */
    public OfferSettings withFlatRate(SimplifiedCostOption.Kind kind, BigDecimal ratePercent) {
        Map<SimplifiedCostOption.Kind, BigDecimal> rates = new EnumMap<>(SimplifiedCostOption.Kind.class);
        rates.putAll(flatRatesPercent);
        if (ratePercent == null) {
            rates.remove(kind);
        } else {
            rates.put(kind, ratePercent);
        }
        return new OfferSettings(rates, annualHours, operationCoFinancingRatesPercent, eligibleFrom, eligibleUntil);
    }

    /**
     * A copy with another FSE+ eligibility period.
     *
     * @param from the first eligible day
     * @param until the last eligible day
     * @return the new settings
     * @throws InvalidValueException as the constructor
     */
    public OfferSettings withEligibility(LocalDate from, LocalDate until) {
        return new OfferSettings(flatRatesPercent, annualHours, operationCoFinancingRatesPercent, from, until);
    }

    /**
     * Whether a simplified cost option uses a rate these settings allow: any rate for real costs,
     * for a flat rate one the OI offers, at most the rate it set.
     *
     * @param option not null
     * @return true when allowed
     */
    public boolean allows(SimplifiedCostOption option) {
        if (!option.kind().isFlatRate()) {
            return true;
        }
        BigDecimal highest = flatRatesPercent.get(option.kind());
        return highest != null && option.ratePercent().compareTo(highest) <= 0;
    }
}
