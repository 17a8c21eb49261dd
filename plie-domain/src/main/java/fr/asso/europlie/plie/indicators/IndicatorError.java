package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.error.ErrorCode;

/**
 * The error codes of the indicators.
 *
 * <p>Messages live in {@code fr/asso/europlie/plie/indicators/messages*.properties}.
 */
public enum IndicatorError implements ErrorCode {
    /** A required value is missing. */
    BLANK("PLIE-INDICATORS-001"),
    /** A report period that ends before it starts. */
    PERIOD_ORDER("PLIE-INDICATORS-002"),
    /** A setting out of its range. */
    OUT_OF_RANGE("PLIE-INDICATORS-003");

    private final String code;

    IndicatorError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
