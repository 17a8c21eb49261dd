package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A referent in charge of a participant from a day on (affectation du référent). Reassignments add
 * a new assignment and keep the earlier ones.
 *
 * <p>A value with the three components of a record {@code ReferentAssignment(ReferentId referent,
 * LocalDate from, OrganisationId designatedBy)}: the same constructor, accessors, equality, hash code
 * and text. It is a class, not a record, only to hold beside them the referent's number
 * ({@link ReferentNumbers}), resolved once when built, so that a report over a large cohort finds a
 * referent's counts without reading the referent's identifier (issue 16).
 */
public final class ReferentAssignment {

    private final ReferentId referent;
    private final LocalDate from;
    private final OrganisationId designatedBy;
    /** The referent's number ({@link ReferentNumbers#of}), or -1 when none was given. */
    final int referentNumber;

    /**
     * Creates an assignment and checks the components.
     *
     * @param referent the referent, not null
     * @param from the first day in charge, not null
     * @param designatedBy the organisation that designated the referent (the Département for an RSA
     *        recipient, who decides the single referent), or null when the plan chose
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the referent or the day is null
     */
    public ReferentAssignment(ReferentId referent, LocalDate from, OrganisationId designatedBy) {
        Checks checks = new Checks();
        checks.required(referent, "referents.referent");
        checks.required(from, "referents.from");
        checks.throwIfInvalid();
        this.referent = Canonical.REFERENTS.of(referent);
        this.from = Canonical.day(from);
        this.designatedBy = Canonical.ORGANISATIONS.of(designatedBy);
        this.referentNumber = ReferentNumbers.number(this.referent);
    }

    /** An assignment of parts already checked and shared, with the referent's number already found ({@link Designation#from}). */
    ReferentAssignment(ReferentId referent, LocalDate from, OrganisationId designatedBy, int referentNumber) {
        this.referent = referent;
        this.from = from;
        this.designatedBy = designatedBy;
        this.referentNumber = referentNumber;
    }

    /**
     * The component {@code referent}.
     *
     * @return the referent, not null
     */
    public ReferentId referent() {
        return referent;
    }

    /**
     * The component {@code from}.
     *
     * @return the first day in charge, not null
     */
    public LocalDate from() {
        return from;
    }

    /**
     * The component {@code designatedBy}.
     *
     * @return the organisation that designated the referent, or null when the plan chose
     */
    public OrganisationId designatedBy() {
        return designatedBy;
    }

    /**
     * Equal when the three components are, as a record's.
     *
     * @param o another object, or null
     * @return whether it is an assignment with equal components
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ReferentAssignment other && referent.equals(other.referent) && from.equals(other.from)
                && Objects.equals(designatedBy, other.designatedBy);
    }

    /**
     * The hash code a record of these components has: {@code (31 * h(referent) + h(from)) * 31 +
     * h(designatedBy)}, {@code h} being {@link Objects#hashCode(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return (31 * referent.hashCode() + from.hashCode()) * 31 + Objects.hashCode(designatedBy);
    }

    /**
     * The text a record of these components has.
     *
     * @return {@code ReferentAssignment[referent=..., from=..., designatedBy=...]}
     */
    @Override
    public String toString() {
        return "ReferentAssignment[referent=" + referent + ", from=" + from + ", designatedBy=" + designatedBy + "]";
    }
}
