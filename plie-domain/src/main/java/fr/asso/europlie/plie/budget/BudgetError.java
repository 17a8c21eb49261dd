package fr.asso.europlie.plie.budget;

import fr.asso.europlie.plie.error.ErrorCode;

/** The error codes of the protocol budget. */
public enum BudgetError implements ErrorCode {
    /** A negative amount in a budget line. */
    NEGATIVE_AMOUNT("PLIE-BUDGET-001"),
    /** The same funder and year twice, or the same year and axis twice. */
    DUPLICATE_LINE("PLIE-BUDGET-002"),
    /** A required element of a line is missing. */
    MISSING("PLIE-BUDGET-003");

    private final String code;

    BudgetError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
