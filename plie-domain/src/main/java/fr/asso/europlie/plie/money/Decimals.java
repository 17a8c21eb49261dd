package fr.asso.europlie.plie.money;

import fr.asso.europlie.plie.error.ErrorCode;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.math.BigDecimal;

/**
 * What a number of the PLIE model may be (bornes des nombres): the one place that bounds the
 * amounts, rates, ratios and durations that readers and factories accept.
 *
 * <p>A number is accepted when it is finite, has at most {@value #MAX_INTEGER_DIGITS} digits
 * before the decimal point and at most {@value #MAX_DECIMALS} after it (trailing zeros not
 * counted), and, when given as text, is at most {@value #MAX_TEXT_LENGTH} characters long.
 * Accepted values are {@linkplain #normalised(BigDecimal) normalised} so that they round-trip.
 * Amounts of money further keep two decimals at most ({@link Money}).
 *
 * <p>The checks run in constant time whatever the value: a text's length is checked before it is
 * parsed, a decimal's scale and bit length before any arithmetic, so that {@code 1e999999999} or a
 * cell of a million digits is refused at once ({@code PLIE-MONEY-005}) instead of exhausting
 * memory. A zero written with any exponent ({@code 0E-999999999}) is read as plain zero, so that
 * writing it back stays short, and {@code 1.0E+2} as {@code 100}.
 */
public final class Decimals {

    /** The most digits before the decimal point: amounts below a million billion euros. */
    public static final int MAX_INTEGER_DIGITS = 15;

    /** The most digits after the decimal point, trailing zeros not counted. */
    public static final int MAX_DECIMALS = 20;

    /** The longest text read as a number (signs, separators and spaces included). */
    public static final int MAX_TEXT_LENGTH = 64;

    /** An accepted value, trailing zeros included, has fewer bits than this in its unscaled value. */
    private static final int MAX_RAW_BITS = 4 * (MAX_INTEGER_DIGITS + MAX_DECIMALS + MAX_TEXT_LENGTH);

    private Decimals() {
    }

    /**
     * Checks a decimal against the bounds.
     *
     * @param field the field, for the message, not null
     * @param value the value, not null
     * @return the value {@linkplain #normalised(BigDecimal) normalised}
     * @throws InvalidValueException ({@code PLIE-MONEY-005}) when it is out of bounds
     * @throws NullPointerException when the value is null
     */
    public static BigDecimal check(String field, BigDecimal value) {
        if (!within(value)) {
            throw outOfBounds(field, value);
        }
        return normalised(value);
    }

    /**
     * A decimal as written text reads it back: a zero of any scale as {@link BigDecimal#ZERO}, an
     * exponent ({@code 1.0E+2}) as a whole number ({@code 100}), so that a value read, written
     * and read again is equal to the first. Other values are returned as they are.
     *
     * @param value a value {@link #within(BigDecimal) within} the bounds, not null
     * @return the normalised value
     */
    public static BigDecimal normalised(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * Whether a decimal lies within the bounds, decided in constant time.
     *
     * @param value not null
     * @return true when accepted
     */
    public static boolean within(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        int scale = value.scale();
        // Any accepted value, trailing zeros included, has a modest scale and bit length.
        if (scale < -MAX_INTEGER_DIGITS || scale > MAX_DECIMALS + MAX_TEXT_LENGTH) {
            return false;
        }
        if (value.unscaledValue().bitLength() > MAX_RAW_BITS) {
            return false;
        }
        if (scale <= MAX_DECIMALS) {
            // Trailing zeros change precision and scale alike: no need to strip them.
            return value.precision() - scale <= MAX_INTEGER_DIGITS;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= MAX_DECIMALS && stripped.precision() - stripped.scale() <= MAX_INTEGER_DIGITS;
    }

    /**
     * Parses a decimal written with a dot or a comma, spaces allowed between thousands
     * ({@code "1 234,5"}), and checks it against the bounds.
     *
     * @param code the code of a text that is not a number, not null
     * @param field the field, for the message, not null
     * @param text the text, not null
     * @return the number
     * @throws InvalidValueException with {@code code} when the text is not a number, or
     *     ({@code PLIE-MONEY-005}) when it is too long or out of bounds
     */
    public static BigDecimal parse(ErrorCode code, String field, String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw outOfBounds(field, text);
        }
        String normalised = text.strip().replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace(',', '.');
        BigDecimal value;
        try {
            value = new BigDecimal(normalised);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(code, field, shown(text));
        }
        return check(field, value);
    }

    /**
     * A value as shown in a message: a decimal in scientific notation when its exponent is large
     * (never its plain expansion), cut as {@link Violation#shown(Object)} says.
     *
     * @param value any value, null shown as {@code "null"}
     * @return the text to show
     */
    public static String shown(Object value) {
        return Violation.shown(value instanceof BigDecimal decimal ? decimal.toString() : value);
    }

    /**
     * The problem of a value out of bounds, for checks that collect every problem.
     *
     * @param field the field, not null
     * @param value the value (a decimal or a text), shown as {@link #shown(Object)} says
     * @return the violation ({@code PLIE-MONEY-005})
     */
    public static Violation problem(String field, Object value) {
        return Violation.of(MoneyError.OUT_OF_BOUNDS, field, shown(value), MAX_INTEGER_DIGITS, MAX_DECIMALS, MAX_TEXT_LENGTH);
    }

    private static InvalidValueException outOfBounds(String field, Object value) {
        return new InvalidValueException(java.util.List.of(problem(field, value)));
    }
}
