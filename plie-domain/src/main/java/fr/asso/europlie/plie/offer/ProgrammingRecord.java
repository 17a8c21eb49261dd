package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;

/**
 * A programming as a store keeps it (programmation enregistrée): the programming itself (with its
 * call for proposals), the operators and the offer settings its rules were checked against when
 * the call opened, and the revision of the stored row. A programming read back with these enforces
 * exactly the rules the one written did.
 *
 * @param programming the programming, not null
 * @param operators the operators the plan knew when the call opened, not null
 * @param settings the offer settings in force when the call opened, not null
 * @param revision the revision, 1 for a new programming, one more at each change
 */
public record ProgrammingRecord(Programming programming, Operators operators, OfferSettings settings, long revision) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) for a missing part,
     *     ({@code PLIE-OFFER-005}) for a revision below 1
     */
    public ProgrammingRecord {
        if (programming == null || operators == null || settings == null) {
            throw new InvalidValueException(OfferError.BLANK, programming == null ? "programming" : operators == null ? "operators"
                    : "settings", null);
        }
        if (revision < 1) {
            throw new InvalidValueException(OfferError.NEGATIVE_COUNT, "revision", revision);
        }
    }

    /**
     * A new programming, at revision 1.
     *
     * @param programming the programming
     * @param operators the operators
     * @param settings the settings
     * @return the record
     */
    public static ProgrammingRecord of(Programming programming, Operators operators, OfferSettings settings) {
        return new ProgrammingRecord(programming, operators, settings, 1);
    }

    /**
     * The programming's id: its call's.
     *
     * @return the call id
     */
    public CallId id() {
        return programming.call().id();
    }

    /**
     * The record after a change of the programming: the next revision.
     *
     * @param changed the changed programming, of the same call
     * @return the record
     */
    public ProgrammingRecord next(Programming changed) {
        return new ProgrammingRecord(changed, operators, settings, revision + 1);
    }

    /**
     * The context in which an operation of this programming is judged admissible on a day.
     *
     * @param day the day of submission
     * @return the context
     */
    public AdmissibilityContext context(java.time.LocalDate day) {
        return new AdmissibilityContext(programming.call(), operators, settings, day);
    }
}
