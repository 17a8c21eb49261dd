package fr.asso.europlie.plie.money;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Money: euros exact to the cent")
class MoneyTest {

    @Test
    @DisplayName("an amount with fractions of a cent is refused, not rounded")
    void fractionsOfACentAreRefused() {
        assertRefused(() -> Money.of(new BigDecimal("10.005")), MoneyError.MORE_THAN_CENTS, "amount", "10.005");
        assertRefused(() -> Money.parse("budget.amount", "12,345"), MoneyError.MORE_THAN_CENTS, "budget.amount", "12,345");
    }

    @Test
    @DisplayName("French and English writings of an amount are read alike")
    void parsesFrenchAndEnglishWritings() {
        assertThat(Money.parse("x", "1 234,50")).isEqualTo(Money.ofCents(123450));
        assertThat(Money.parse("x", "1234.5")).isEqualTo(Money.ofCents(123450));
        assertThat(Money.parse("x", "-3")).isEqualTo(Money.euros(-3));
        assertRefused(() -> Money.parse("contribution", "douze euros"), MoneyError.NOT_A_NUMBER, "contribution", "douze euros");
    }

    @Test
    @DisplayName("a computed share is rounded with the rule given")
    void explicitRounding() {
        Money costs = Money.ofCents(100001);
        assertThat(costs.multipliedBy(new BigDecimal("0.15"), RoundingMode.HALF_UP)).isEqualTo(Money.ofCents(15000));
        assertThat(costs.multipliedBy(new BigDecimal("0.15"), RoundingMode.UP)).isEqualTo(Money.ofCents(15001));
        assertThat(costs.multipliedBy(new BigDecimal("0.15"), RoundingMode.DOWN)).isEqualTo(Money.ofCents(15000));
    }

    @Test
    @DisplayName("a negative amount is refused where it must not be, naming the field")
    void negativeRefusedByName() {
        assertRefused(() -> Money.euros(-5).requireNonNegative("payment.amount"), MoneyError.NEGATIVE, "payment.amount", "-5.00");
    }

    @Test
    @DisplayName("property: a sum of amounts equals the sum of their cents")
    void sumIsExactToTheCent() {
        qt().withExamples(300)
                .forAll(lists().of(longs().between(-10_000_000_000L, 10_000_000_000L)).ofSizeBetween(0, 40))
                .checkAssert(cents -> {
                    List<Money> amounts = cents.stream().map(Money::ofCents).toList();
                    long expected = cents.stream().mapToLong(Long::longValue).sum();
                    assertThat(Money.sum(amounts).cents()).isEqualTo(expected);
                });
    }

    @Test
    @DisplayName("property: plus then minus gives back the amount")
    void plusMinusRoundTrip() {
        qt().withExamples(300)
                .forAll(integers().between(-1_000_000_000, 1_000_000_000), integers().between(-1_000_000_000, 1_000_000_000))
                .checkAssert((a, b) -> assertThat(Money.ofCents(a).plus(Money.ofCents(b)).minus(Money.ofCents(b)))
                        .isEqualTo(Money.ofCents(a)));
    }

    /** Pieces of amounts: digits, signs, separators, spaces, exponents, other scripts' digits. */
    private static final List<String> AMOUNT_PIECES = List.of("0", "1", "5", "9", "00", "123", "999999999", ".", ",", "-", "+",
            " ", "\u00a0", "\u202f", "e", "E2", "\u0661", "\uff11", "\ud835\udfcf", "1.5", "0.00", ".05", "9999999999999999");

    /** What a parse gives: the amount with its scale, or the problems. */
    private static Object parsed(java.util.function.Supplier<Money> parse) {
        try {
            Money money = parse.get();
            return money.amount().unscaledValue() + "E-" + money.amount().scale();
        } catch (fr.asso.europlie.plie.error.InvalidValueException e) {
            return e.violations();
        }
    }

    @Test
    @DisplayName("an amount written plainly is read as the full parse reads it; other texts take the full parse")
    void plainAsFull() {
        java.util.concurrent.atomic.AtomicInteger plain = new java.util.concurrent.atomic.AtomicInteger();
        qt().withExamples(20_000).forAll(lists().of(integers().between(0, AMOUNT_PIECES.size() - 1)).ofSizeBetween(0, 6)
                .map(indexes -> indexes.stream().map(AMOUNT_PIECES::get).reduce("", String::concat))).checkAssert(text -> {
                    plain.addAndGet(Money.plain(text) == null ? 0 : 1);
                    assertThat(parsed(() -> Money.parse("amount", text))).as(text)
                            .isEqualTo(parsed(() -> Money.parseFully("amount", text)));
                    if (Money.plain(text) != null) {
                        assertThat(Money.plain(text)).as(text).isEqualTo(Money.parseFully("amount", text));
                    }
                });
        assertThat(plain.get()).as("generated plain amounts").isPositive();
        for (String text : List.of("0", "-0", "-0.00", "0.5", "1.", "-", "", "999999999999999.99", "-999999999999999.99",
                "9999999999999999", "1000000000000000", "12.345", "12.340", "007.10")) {
            assertThat(parsed(() -> Money.parse("amount", text))).as(text).isEqualTo(parsed(() -> Money.parseFully("amount", text)));
        }
        assertThat(Money.parse("amount", "-0.5").amount()).isEqualByComparingTo("-0.50");
    }
}
