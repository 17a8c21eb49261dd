package fr.asso.europlie.plie.funds;

import java.time.Year;

/**
 * The key of an envelope of a global grant (ligne de la maquette financière): a priority of the
 * programme, a specific objective and a year, such as priority 1, objective h, 2026.
 *
 * @param priority the priority of the programme, such as {@code 1}, not blank
 * @param specificObjective the specific objective, such as {@code h}, not blank
 * @param year the year, not null
 */
public record EnvelopeKey(String priority, String specificObjective, Year year) implements Comparable<EnvelopeKey> {

    /**
     * Checks the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException ({@code PLIE-FUNDS-001}) naming
     *     every missing component
     */
    public EnvelopeKey {
        new Require().present("envelope.priority", priority).present("envelope.specificObjective", specificObjective)
                .present("envelope.year", year).orThrow();
    }

    /**
     * Creates a key.
     *
     * @param priority the priority
     * @param specificObjective the specific objective
     * @param year the year
     * @return the key
     * @throws fr.asso.europlie.plie.error.InvalidValueException ({@code PLIE-FUNDS-001}) naming
     *     every missing component, ({@code PLIE-FUNDS-027}) for a year that no calendar holds
     */
    public static EnvelopeKey of(String priority, String specificObjective, int year) {
        if (year < Year.MIN_VALUE || year > Year.MAX_VALUE) {
            throw new fr.asso.europlie.plie.error.InvalidValueException(FundsError.DATE_OUT_OF_RANGE, "envelope.year", year,
                    Year.MIN_VALUE + "/" + Year.MAX_VALUE);
        }
        return new EnvelopeKey(priority, specificObjective, Year.of(year));
    }

    @Override
    public int compareTo(EnvelopeKey other) {
        int c = priority.compareTo(other.priority);
        if (c == 0) {
            c = specificObjective.compareTo(other.specificObjective);
        }
        return c != 0 ? c : year.compareTo(other.year);
    }

    /**
     * The key as text, such as {@code 1/h/2026}.
     *
     * @return priority/objective/year
     */
    @Override
    public String toString() {
        return priority + "/" + specificObjective + "/" + year;
    }
}
