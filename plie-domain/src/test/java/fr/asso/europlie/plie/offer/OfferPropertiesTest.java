package fr.asso.europlie.plie.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("properties of simplified cost options")
class OfferPropertiesTest {

    /** The reference: plain BigDecimal arithmetic, written independently of the library. */
    private static BigDecimal percentOf(long cents, int ratePercent) {
        return new BigDecimal(cents).multiply(new BigDecimal(ratePercent)).divide(new BigDecimal(10_000), 2, RoundingMode.HALF_UP);
    }

    @Test
    @DisplayName("property: flat rates on direct staff costs match a plain BigDecimal reference to the cent")
    void flatRatesMatchTheReference() {
        qt().withExamples(500).forAll(longs().between(0, 100_000_000_00L), integers().between(0, 100)).checkAssert((cents, rate) -> {
            Money staff = Money.ofCents(cents);
            assertThat(SimplifiedCostOption.flatRate(staff, BigDecimal.valueOf(rate)).amount()).isEqualByComparingTo(percentOf(cents, rate));
            OperationCosts indirect = OperationCosts.withIndirectFlatRate(staff, Money.euros(7), BigDecimal.valueOf(rate));
            assertThat(indirect.indirect().amount()).isEqualByComparingTo(percentOf(cents, rate));
            assertThat(indirect.total().amount()).isEqualByComparingTo(
                    new BigDecimal(cents).movePointLeft(2).add(new BigDecimal("7")).add(percentOf(cents, rate)));
            OperationCosts other = OperationCosts.withOtherCostsFlatRate(staff, BigDecimal.valueOf(rate));
            assertThat(other.otherDirect().amount()).isEqualByComparingTo(percentOf(cents, rate));
            assertThat(other.indirect()).isEqualTo(Money.ZERO);
        });
    }

    @Test
    @DisplayName("property: the hourly rate is the annual cost over the hours, and the FSE+ cap never exceeds the rate")
    void hourlyRateAndCapMatchTheReference() {
        qt().withExamples(500).forAll(longs().between(0, 20_000_000L), integers().between(1, 2_000), integers().between(0, 100))
                .checkAssert((cents, hours, rate) -> {
                    BigDecimal annual = new BigDecimal(cents).movePointLeft(2);
                    BigDecimal expected = annual.divide(new BigDecimal(hours), 2, RoundingMode.HALF_UP);
                    assertThat(SimplifiedCostOption.hourlyRate(Money.ofCents(cents), hours).amount()).isEqualByComparingTo(expected);
                    BigDecimal cap = FinancingPlan.esfCap(Money.ofCents(cents), BigDecimal.valueOf(rate)).amount();
                    BigDecimal exact = annual.multiply(new BigDecimal(rate)).divide(new BigDecimal(100));
                    assertThat(cap).isLessThanOrEqualTo(exact);
                    assertThat(exact.subtract(cap)).isLessThan(new BigDecimal("0.01"));
                });
    }
}
