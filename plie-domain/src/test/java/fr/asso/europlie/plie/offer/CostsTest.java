package fr.asso.europlie.plie.offer;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.money.MoneyError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("costs by category and simplified cost options")
class CostsTest {

    @Test
    @DisplayName("the default settings are RULES.md's: 40 %, 15 % or 20 %, 1,720 hours, 40/60/85 %")
    void defaults() {
        OfferSettings settings = OfferSettings.defaults();
        assertThat(settings.otherCostsFlatRatePercent()).isEqualByComparingTo("40");
        assertThat(settings.indirectFlatRatesPercent()).containsExactly(BigDecimal.valueOf(15), BigDecimal.valueOf(20));
        assertThat(settings.annualHours()).isEqualTo(1720);
        assertThat(settings.coFinancingRatePercent(RegionCategory.MORE_DEVELOPED)).isEqualByComparingTo("40");
        assertThat(settings.coFinancingRatePercent(RegionCategory.TRANSITION)).isEqualByComparingTo("60");
        assertThat(settings.coFinancingRatePercent(RegionCategory.LESS_DEVELOPED)).isEqualByComparingTo("85");
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
        PlieException error = assertRefused(() -> new OfferSettings(BigDecimal.valueOf(140), new TreeSet<>(Set.of(BigDecimal.valueOf(-5))), 0,
                OfferSettings.defaults().coFinancingRatesPercent()), OfferError.RATE_OUT_OF_RANGE, "otherCostsFlatRatePercent", "140");
        assertViolation(error, OfferError.RATE_OUT_OF_RANGE, "indirectFlatRatesPercent", "-5");
        assertViolation(error, OfferError.NEGATIVE_COUNT, "annualHours", "0");
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
