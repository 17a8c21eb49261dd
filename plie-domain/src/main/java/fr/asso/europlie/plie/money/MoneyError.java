package fr.asso.europlie.plie.money;

import fr.asso.europlie.plie.error.ErrorCode;

/** The error codes of amounts of money. */
public enum MoneyError implements ErrorCode {
    /** An amount with more than two decimals (fractions of a cent). */
    MORE_THAN_CENTS("PLIE-MONEY-001"),
    /** An amount that is not a number. */
    NOT_A_NUMBER("PLIE-MONEY-002"),
    /** A negative amount where only zero or more is allowed. */
    NEGATIVE("PLIE-MONEY-003"),
    /** A rate outside 0 to 100 %. */
    RATE_OUT_OF_RANGE("PLIE-MONEY-004"),
    /** A number too large, too precise or too long to be a plausible amount, rate or duration ({@link Decimals}). */
    OUT_OF_BOUNDS("PLIE-MONEY-005");

    private final String code;

    MoneyError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
