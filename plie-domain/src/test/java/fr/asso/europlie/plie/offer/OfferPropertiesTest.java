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
    @DisplayName("property: every flat rate up to its ceiling matches a plain BigDecimal reference to the cent")
    void flatRatesMatchTheReference() {
        qt().withExamples(500).forAll(longs().between(0, 100_000_000_00L), longs().between(0, 10_000_000_00L), integers().between(0, 100))
                .checkAssert((cents, otherCents, rate) -> {
            Money staff = Money.ofCents(cents);
            Money other = Money.ofCents(otherCents);
            BigDecimal r = BigDecimal.valueOf(rate);
            assertThat(SimplifiedCostOption.flatRate(staff, r).amount()).isEqualByComparingTo(percentOf(cents, rate));
            if (rate <= 15) { // art. 54(b)
                OperationCosts indirect = OperationCosts.withIndirectFlatRate(staff, Money.euros(7), r);
                assertThat(indirect.indirect().amount()).isEqualByComparingTo(percentOf(cents, rate));
                assertThat(indirect.total().amount()).isEqualByComparingTo(
                        new BigDecimal(cents).movePointLeft(2).add(new BigDecimal("7")).add(percentOf(cents, rate)));
            }
            if (rate <= 7) { // art. 54(a)
                assertThat(OperationCosts.withIndirectOnDirectCosts(staff, other, r).indirect().amount())
                        .isEqualByComparingTo(percentOf(cents + otherCents, rate));
            }
            if (rate <= 25) { // art. 54(c)
                assertThat(OperationCosts.withIndirectByJustifiedMethod(staff, other, r, "méthode").indirect().amount())
                        .isEqualByComparingTo(percentOf(cents + otherCents, rate));
            }
            if (rate <= 20) { // art. 55(1)
                assertThat(OperationCosts.withStaffFlatRate(other, Money.ZERO, r).directStaff().amount())
                        .isEqualByComparingTo(percentOf(otherCents, rate));
            }
            if (rate <= 40) { // art. 56
                OperationCosts remaining = OperationCosts.withOtherCostsFlatRate(staff, r);
                assertThat(remaining.otherDirect().amount()).isEqualByComparingTo(percentOf(cents, rate));
                assertThat(remaining.indirect()).isEqualTo(Money.ZERO);
            }
        });
    }

    @Test
    @DisplayName("property: a rate above an option's regulatory ceiling is always refused, naming the option")
    void ratesAboveTheCeilingRefused() {
        qt().withExamples(300).forAll(integers().between(1, 5), integers().between(0, 10_000)).checkAssert((k, hundredths) -> {
            SimplifiedCostOption.Kind kind = SimplifiedCostOption.Kind.values()[k];
            BigDecimal rate = new BigDecimal(hundredths).movePointLeft(2);
            boolean above = rate.compareTo(kind.ceilingPercent()) > 0;
            fr.asso.europlie.plie.error.PlieException error = org.assertj.core.api.Assertions.catchThrowableOfType(
                    fr.asso.europlie.plie.error.PlieException.class,
                    () -> new SimplifiedCostOption(kind, rate, kind == SimplifiedCostOption.Kind.INDIRECT_JUSTIFIED_METHOD ? "m" : null));
            if (above) {
                assertThat(error).isNotNull();
                assertThat(error.violation().code()).isEqualTo(OfferError.FLAT_RATE_OVER_CEILING);
                assertThat(error.violation().details()).contains(kind.name(), kind.article());
            } else {
                assertThat(error).isNull();
            }
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
