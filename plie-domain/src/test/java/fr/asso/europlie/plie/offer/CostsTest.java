package fr.asso.europlie.plie.offer;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.money.MoneyError;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("costs by category and simplified cost options")
class CostsTest {

    @Test
    @DisplayName("the default settings are RULES.md's: each flat rate at its ceiling, 1,720 hours, the art. 112 rates, 2021-2029")
    void defaults() {
        OfferSettings settings = OfferSettings.defaults();
        assertThat(settings.flatRatesPercent()).containsOnlyKeys(SimplifiedCostOption.Kind.INDIRECT_ON_DIRECT_COSTS,
                SimplifiedCostOption.Kind.INDIRECT_FLAT_RATE, SimplifiedCostOption.Kind.INDIRECT_JUSTIFIED_METHOD,
                SimplifiedCostOption.Kind.STAFF_FLAT_RATE, SimplifiedCostOption.Kind.OTHER_COSTS_FLAT_RATE);
        assertThat(settings.flatRatesPercent().get(SimplifiedCostOption.Kind.INDIRECT_ON_DIRECT_COSTS)).isEqualByComparingTo("7");
        assertThat(settings.flatRatesPercent().get(SimplifiedCostOption.Kind.INDIRECT_FLAT_RATE)).isEqualByComparingTo("15");
        assertThat(settings.flatRatesPercent().get(SimplifiedCostOption.Kind.INDIRECT_JUSTIFIED_METHOD)).isEqualByComparingTo("25");
        assertThat(settings.flatRatesPercent().get(SimplifiedCostOption.Kind.STAFF_FLAT_RATE)).isEqualByComparingTo("20");
        assertThat(settings.flatRatesPercent().get(SimplifiedCostOption.Kind.OTHER_COSTS_FLAT_RATE)).isEqualByComparingTo("40");
        assertThat(settings.annualHours()).isEqualTo(1720);
        assertThat(settings.operationCoFinancingRatePercent(RegionCategory.MORE_DEVELOPED)).isEqualByComparingTo("40");
        assertThat(settings.operationCoFinancingRatePercent(RegionCategory.MORE_DEVELOPED_FORMERLY_TRANSITION)).isEqualByComparingTo("50");
        assertThat(settings.operationCoFinancingRatePercent(RegionCategory.TRANSITION)).isEqualByComparingTo("60");
        assertThat(settings.operationCoFinancingRatePercent(RegionCategory.TRANSITION_FORMERLY_LESS_DEVELOPED)).isEqualByComparingTo("70");
        assertThat(settings.operationCoFinancingRatePercent(RegionCategory.LESS_DEVELOPED)).isEqualByComparingTo("85");
        assertThat(settings.eligibleFrom()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(settings.eligibleUntil()).isEqualTo(LocalDate.of(2029, 12, 31));
    }

    @Test
    @DisplayName("20 % is no indirect rate on staff costs: art. 54(b) stops at 15 %, refused by name in the option and in the settings")
    void indirectRateOnStaffAboveItsCeiling() {
        PlieException error = assertRefused(() -> SimplifiedCostOption.indirectFlatRate(BigDecimal.valueOf(20)),
                OfferError.FLAT_RATE_OVER_CEILING, "costOption.ratePercent", "20");
        assertThat(error.violation().message(fr.asso.europlie.plie.error.Messages.ENGLISH))
                .contains("INDIRECT_FLAT_RATE").contains("art. 54(b)").contains("15 %");
        assertThat(error.violation().message(fr.asso.europlie.plie.error.Messages.FRENCH)).contains("art. 54(b)");
        assertRefused(() -> OfferSettings.defaults().withFlatRate(SimplifiedCostOption.Kind.INDIRECT_FLAT_RATE, BigDecimal.valueOf(20)),
                OfferError.FLAT_RATE_OVER_CEILING, "flatRatesPercent.INDIRECT_FLAT_RATE", "20");
    }

    @Test
    @DisplayName("each flat rate stops at its own ceiling: 7 % (54 a), 25 % (54 c), 20 % (55(1)), 40 % (56)")
    void everyCeiling() {
        assertRefused(() -> OperationCosts.withIndirectOnDirectCosts(Money.euros(1000), Money.euros(100), new BigDecimal("7.5")),
                OfferError.FLAT_RATE_OVER_CEILING, "costOption.ratePercent", "7.5");
        assertRefused(() -> OperationCosts.withIndirectByJustifiedMethod(Money.euros(1000), Money.euros(100), BigDecimal.valueOf(26), "méthode"),
                OfferError.FLAT_RATE_OVER_CEILING, "costOption.ratePercent", "26");
        assertRefused(() -> OperationCosts.withStaffFlatRate(Money.euros(1000), Money.ZERO, BigDecimal.valueOf(21)),
                OfferError.FLAT_RATE_OVER_CEILING, "costOption.ratePercent", "21");
        assertRefused(() -> OperationCosts.withOtherCostsFlatRate(Money.euros(1000), BigDecimal.valueOf(41)),
                OfferError.FLAT_RATE_OVER_CEILING, "costOption.ratePercent", "41");
        assertRefused(() -> OfferSettings.defaults().withFlatRate(SimplifiedCostOption.Kind.OTHER_COSTS_FLAT_RATE, BigDecimal.valueOf(45)),
                OfferError.FLAT_RATE_OVER_CEILING, "flatRatesPercent.OTHER_COSTS_FLAT_RATE", "45");
    }

    @Test
    @DisplayName("7 % of direct costs (54 a) and 25 % with a justified method (54 c) give the indirect costs")
    void indirectOnDirectCosts() {
        OperationCosts a = OperationCosts.withIndirectOnDirectCosts(Money.euros(30_000), Money.euros(10_000), BigDecimal.valueOf(7));
        assertThat(a.indirect()).isEqualTo(Money.euros(2_800)); // 7 % of 40,000
        OperationCosts c = OperationCosts.withIndirectByJustifiedMethod(Money.euros(30_000), Money.euros(10_000), BigDecimal.valueOf(25),
                "Clé de répartition des charges de structure au prorata des ETP, certifiée par le commissaire aux comptes");
        assertThat(c.indirect()).isEqualTo(Money.euros(10_000)); // 25 % of 40,000
        assertRefused(() -> new SimplifiedCostOption(SimplifiedCostOption.Kind.INDIRECT_JUSTIFIED_METHOD, BigDecimal.TEN, " "),
                OfferError.BLANK, "costOption.method", " ");
    }

    @Test
    @DisplayName("direct staff costs at 20 % of the other direct costs (55(1))")
    void staffFlatRate() {
        OperationCosts costs = OperationCosts.withStaffFlatRate(Money.euros(80_000), Money.ZERO, BigDecimal.valueOf(20));
        assertThat(costs.directStaff()).isEqualTo(Money.euros(16_000));
        assertThat(costs.total()).isEqualTo(Money.euros(96_000));
        assertRefused(() -> new OperationCosts(Money.euros(15_000), Money.euros(80_000), Money.ZERO,
                        new SimplifiedCostOption(SimplifiedCostOption.Kind.STAFF_FLAT_RATE, BigDecimal.valueOf(20))),
                OfferError.FLAT_RATE_MISMATCH, "costs.directStaff", "15000.00");
    }

    @Test
    @DisplayName("40 % of direct staff costs covers all other costs")
    void otherCostsFlatRate() {
        OperationCosts costs = OperationCosts.withOtherCostsFlatRate(Money.of(new BigDecimal("35000.55")), BigDecimal.valueOf(40));
        assertThat(costs.otherDirect()).isEqualTo(Money.of(new BigDecimal("14000.22")));
        assertThat(costs.indirect()).isEqualTo(Money.ZERO);
        assertThat(costs.total()).isEqualTo(Money.of(new BigDecimal("49000.77")));
    }

    @Test
    @DisplayName("indirect costs at 15 % of direct staff costs, rounded half-up to the cent")
    void indirectFlatRate() {
        OperationCosts costs = OperationCosts.withIndirectFlatRate(Money.of(new BigDecimal("1000.10")), Money.euros(50), BigDecimal.valueOf(15));
        assertThat(costs.indirect()).isEqualTo(Money.of(new BigDecimal("150.02"))); // 150.015 -> 150.02
        assertThat(costs.of(CostCategory.INDIRECT)).isEqualTo(costs.indirect());
    }

    @Test
    @DisplayName("the hourly rate is the annual gross employment cost over 1,720 hours")
    void hourlyRate() {
        Money rate = SimplifiedCostOption.hourlyRate(Money.euros(43_000), OfferSettings.defaults().annualHours());
        assertThat(rate).isEqualTo(Money.euros(25));
        assertThat(SimplifiedCostOption.staffCost(rate, BigDecimal.valueOf(800))).isEqualTo(Money.euros(20_000));
        assertThat(SimplifiedCostOption.hourlyRate(Money.euros(40_000), 1720)).isEqualTo(Money.of(new BigDecimal("23.26")));
    }

    @Test
    @DisplayName("a flat-rated category that does not equal its rate is refused with the expected amount")
    void mismatch() {
        PlieException error = assertRefused(() -> new OperationCosts(Money.euros(1000), Money.ZERO, Money.euros(200),
                        SimplifiedCostOption.indirectFlatRate(BigDecimal.valueOf(15))),
                OfferError.FLAT_RATE_MISMATCH, "costs.indirect", "200.00");
        assertThat(error.violation().details()).contains("150.00");
    }

    @Test
    @DisplayName("negative amounts are refused naming each field, all at once")
    void negative() {
        PlieException error = assertRefused(() -> OperationCosts.real(Money.euros(-1), Money.euros(-2), Money.ZERO),
                MoneyError.NEGATIVE, "costs.directStaff", "-1.00");
        assertViolation(error, MoneyError.NEGATIVE, "costs.otherDirect", "-2.00");
        assertRefused(() -> Resource.of(FunderKind.EPCI, OfferFixture.EPCI, Money.euros(-5)), MoneyError.NEGATIVE, "resource.amount", "-5.00");
        assertRefused(() -> new ForecastIndicators(-3, 0), OfferError.NEGATIVE_COUNT, "forecast.participants", "-3");
    }

    @Test
    @DisplayName("bad settings are refused naming every bad setting")
    void badSettings() {
        OfferSettings defaults = OfferSettings.defaults();
        java.util.Map<SimplifiedCostOption.Kind, BigDecimal> rates = new java.util.EnumMap<>(defaults.flatRatesPercent());
        rates.put(SimplifiedCostOption.Kind.OTHER_COSTS_FLAT_RATE, BigDecimal.valueOf(140));
        rates.put(SimplifiedCostOption.Kind.INDIRECT_FLAT_RATE, BigDecimal.valueOf(-5));
        PlieException error = assertRefused(() -> new OfferSettings(rates, 0, defaults.operationCoFinancingRatesPercent(),
                        LocalDate.of(2030, 1, 1), LocalDate.of(2029, 12, 31)),
                OfferError.RATE_OUT_OF_RANGE, "flatRatesPercent.OTHER_COSTS_FLAT_RATE", "140");
        assertViolation(error, OfferError.RATE_OUT_OF_RANGE, "flatRatesPercent.INDIRECT_FLAT_RATE", "-5");
        assertViolation(error, OfferError.NEGATIVE_COUNT, "annualHours", "0");
        assertViolation(error, OfferError.PERIOD_ORDER, "eligibleUntil", "2029-12-31");
    }

    @Test
    @DisplayName("a period that ends before it starts is refused; months count started months")
    void period() {
        assertRefused(() -> OperationPeriod.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 30)),
                OfferError.PERIOD_ORDER, "period.end", "2026-04-30");
        assertThat(OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).months()).isEqualTo(12);
        assertThat(OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)).months()).isEqualTo(13);
        assertThat(OperationPeriod.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 15)).months()).isEqualTo(1);
    }

    @Test
    @DisplayName("a funder listed twice in the plan is refused")
    void duplicateFunder() {
        assertRefused(() -> FinancingPlan.of(Resource.of(FunderKind.EPCI, OfferFixture.EPCI, Money.euros(1)),
                Resource.of(FunderKind.EPCI, OfferFixture.EPCI, Money.euros(2))), OfferError.DUPLICATE,
                "financingPlan.resources[1].funder", "EPCI-200040392");
    }
}
