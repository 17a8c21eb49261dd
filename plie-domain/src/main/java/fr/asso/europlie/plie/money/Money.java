package fr.asso.europlie.plie.money;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * An amount of money in euros, exact to the cent (montant en euros).
 *
 * <p>Immutable. The amount always has a scale of two. Creating an amount with fractions of a
 * cent is refused rather than silently rounded; computations that produce fractions
 * ({@link #multipliedBy(BigDecimal, RoundingMode)}) take an explicit rounding mode. Amounts may be
 * negative (a balance, a difference); rules that need a positive amount check it by name with
 * {@link #requireNonNegative(String)}.
 *
 * @param amount the amount in euros, scale two, never null
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    /** Zero euros. */
    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(2));

    /**
     * Checks the amount.
     *
     * @throws InvalidValueException when the amount is null ({@code PLIE-MONEY-002}), out of the
     *     bounds of {@link Decimals} ({@code PLIE-MONEY-005}, checked first and in constant time) or
     *     has fractions of a cent ({@code PLIE-MONEY-001})
     */
    public Money {
        if (amount == null) {
            throw new InvalidValueException(MoneyError.NOT_A_NUMBER, "amount", null);
        }
        amount = Decimals.check("amount", amount);
        // Stripping zeros never raises the scale: at two decimals or fewer there is nothing to strip.
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException(MoneyError.MORE_THAN_CENTS, "amount", Decimals.shown(amount.toPlainString()));
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * An amount from a decimal number of euros.
     *
     * @param euros the amount, at most two decimals
     * @return the amount
     * @throws InvalidValueException when null or with fractions of a cent
     */
    public static Money of(BigDecimal euros) {
        return new Money(euros);
    }

    /**
     * An amount from a whole number of euros.
     *
     * @param euros the amount in euros
     * @return the amount
     */
    public static Money euros(long euros) {
        return new Money(BigDecimal.valueOf(euros));
    }

    /**
     * An amount from a number of cents.
     *
     * @param cents the amount in cents
     * @return the amount
     */
    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2));
    }

    /**
     * Parses an amount written with a dot or a comma as decimal separator ({@code "1234.5"},
     * {@code "1234,50"}), spaces allowed between thousands.
     *
     * @param field the name of the field being read, for the error message
     * @param text the text
     * @return the amount
     * @throws InvalidValueException when the text is not an amount in euros and cents, or is
     *     longer than {@link Decimals#MAX_TEXT_LENGTH} characters or out of bounds
     *     ({@code PLIE-MONEY-005}, checked before parsing)
     */
    public static Money parse(String field, String text) {
        Money plain = plain(text);
        return plain != null ? plain : parseFully(field, text);
    }

    /** The most digits before the point that {@link #plain(String)} reads: within {@link Decimals#MAX_INTEGER_DIGITS}. */
    private static final int PLAIN_DIGITS = Decimals.MAX_INTEGER_DIGITS;

    /**
     * An amount written plainly ({@code 1234}, {@code -1234.5}, {@code 1234.50}: an optional minus,
     * 1 to 15 ASCII digits, optionally a point and 1 or 2 digits), read without parsing a
     * {@code BigDecimal} from text; null for any other text, which {@link #parseFully} reads. For
     * such a text both give the same amount ({@code MoneyTest} compares them on generated texts).
     */
    static Money plain(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        int i = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        boolean negative = i == 1;
        int start = i;
        long unscaled = 0;
        while (i < length && i - start < PLAIN_DIGITS + 1 && isDigit(text.charAt(i))) {
            unscaled = unscaled * 10 + (text.charAt(i) - '0');
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > PLAIN_DIGITS) {
            return null;
        }
        int decimals = 0;
        if (i < length) {
            if (text.charAt(i) != '.') {
                return null;
            }
            i++;
            while (i < length && decimals < 2 && isDigit(text.charAt(i))) {
                unscaled = unscaled * 10 + (text.charAt(i) - '0');
                i++;
                decimals++;
            }
            if (decimals == 0 || i != length) {
                return null;
            }
        }
        for (; decimals < 2; decimals++) {
            unscaled *= 10;
        }
        return new Money(BigDecimal.valueOf(negative ? -unscaled : unscaled, 2));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@link #parse(String, String)} of any text, through {@link Decimals#parse}. */
    static Money parseFully(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(MoneyError.NOT_A_NUMBER, field, text);
        }
        BigDecimal value = Decimals.parse(MoneyError.NOT_A_NUMBER, field, text);
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException(MoneyError.MORE_THAN_CENTS, field, text);
        }
        return new Money(value);
    }

    /**
     * Rounds a computed amount to the cent with an explicit rule.
     *
     * @param euros any decimal amount
     * @param rounding how to round to the cent
     * @return the rounded amount
     * @throws InvalidValueException ({@code PLIE-MONEY-005}) when out of the bounds of {@link Decimals}
     */
    public static Money rounded(BigDecimal euros, RoundingMode rounding) {
        Objects.requireNonNull(euros, "euros");
        Objects.requireNonNull(rounding, "rounding");
        return new Money(Decimals.check("amount", euros).setScale(2, rounding));
    }

    /**
     * The sum of amounts.
     *
     * @param amounts the amounts, none null
     * @return the exact sum, zero for none
     */
    public static Money sum(Collection<Money> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (Money m : amounts) {
            total = total.add(m.amount);
        }
        return new Money(total);
    }

    /**
     * This amount plus another.
     *
     * @param other not null
     * @return the exact sum
     */
    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    /**
     * This amount minus another.
     *
     * @param other not null
     * @return the exact difference, possibly negative
     */
    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    /**
     * This amount times a factor (a rate, a number of hours), rounded to the cent.
     *
     * @param factor the factor, not null
     * @param rounding how to round to the cent, not null
     * @return the rounded product
     */
    public Money multipliedBy(BigDecimal factor, RoundingMode rounding) {
        return rounded(amount.multiply(factor), rounding);
    }

    /**
     * This amount as a share of a total, as a fraction between 0 and 1 (or more), to ten
     * decimals, rounded half-even.
     *
     * @param total a non-zero total
     * @return this / total
     * @throws ArithmeticException when total is zero
     */
    public BigDecimal ratioOf(Money total) {
        return amount.divide(total.amount, 10, RoundingMode.HALF_EVEN);
    }

    /**
     * The opposite amount.
     *
     * @return minus this amount
     */
    public Money negated() {
        return new Money(amount.negate());
    }

    /**
     * The amount in cents.
     *
     * @return the number of cents; always fits a long, amounts having at most
     *     {@value Decimals#MAX_INTEGER_DIGITS} digits before the decimal point
     */
    public long cents() {
        return amount.movePointRight(2).longValueExact();
    }

    /**
     * Whether the amount is zero.
     *
     * @return true for 0.00
     */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Whether the amount is below zero.
     *
     * @return true for a negative amount
     */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Whether the amount is above zero.
     *
     * @return true for a positive amount
     */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /**
     * Whether this amount is greater than another.
     *
     * @param other not null
     * @return true when strictly greater
     */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /**
     * Whether this amount is less than another.
     *
     * @param other not null
     * @return true when strictly less
     */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /**
     * The smaller of two amounts.
     *
     * @param other not null
     * @return the smaller
     */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /**
     * The larger of two amounts.
     *
     * @param other not null
     * @return the larger
     */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * Returns this amount when it is zero or more.
     *
     * @param field the field that holds the amount, for the message
     * @return this amount
     * @throws InvalidValueException ({@code PLIE-MONEY-003}) when negative
     */
    public Money requireNonNegative(String field) {
        if (isNegative()) {
            throw new InvalidValueException(MoneyError.NEGATIVE, field, toString());
        }
        return this;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /**
     * The amount as a plain decimal, such as {@code 1234.50}.
     *
     * @return the plain decimal text, the format of the JSON interchange documents
     */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
