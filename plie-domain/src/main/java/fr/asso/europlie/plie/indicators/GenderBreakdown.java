package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.cohort.Gender;

/**
 * A count broken down by gender (ventilation par genre), as every FSE+ indicator is.
 *
 * @param women the women
 * @param men the men
 * @param nonBinary the non-binary people
 */
public record GenderBreakdown(int women, int men, int nonBinary) {

    /** Nobody. */
    public static final GenderBreakdown ZERO = new GenderBreakdown(0, 0, 0);

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public GenderBreakdown {
        if (women < 0 || men < 0 || nonBinary < 0) {
            throw new IllegalArgumentException("counts must be positive: " + women + "/" + men + "/" + nonBinary);
        }
    }

    /**
     * The total.
     *
     * @return women + men + non-binary
     */
    public int total() {
        return women + men + nonBinary;
    }

    /**
     * The count of one gender.
     *
     * @param gender the gender
     * @return its count
     */
    public int of(Gender gender) {
        return switch (gender) {
            case WOMAN -> women;
            case MAN -> men;
            case NON_BINARY -> nonBinary;
        };
    }

    @Override
    public String toString() {
        return total() + " (W " + women + ", M " + men + ", NB " + nonBinary + ")";
    }
}
