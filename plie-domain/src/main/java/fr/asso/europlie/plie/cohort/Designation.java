package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A period's only referent assignment without its day, which is the period's entry day (the
 * period's checks require it): the referent, the organisation that designated it and the
 * referent's number. Equal ones are shared ({@link #of}): a cohort holds about one a referent
 * (and designating organisation) instead of one a period (issue 16, the heap a participant holds: 32 bytes a
 * period). {@link AccompanimentPeriod#referents()} gives the assignment back, equal to the one given.
 */
final class Designation {

    final ReferentId referent;
    final OrganisationId designatedBy;
    /** The referent's number ({@link ReferentNumbers#of}), or -1 when none was given. */
    final int referentNumber;

    /** At most so many designations are shared (a few times {@link ReferentNumbers#MAX}); beyond, each is held apart. */
    private static final int MOST_SHARED = 1 << 18;
    private static final ConcurrentHashMap<Designation, Designation> SHARED = new ConcurrentHashMap<>();

    /**
     * The shared designation of an assignment: one instance for equal designations (up to
     * {@link #MOST_SHARED} of them, the table then stops growing), read without lock once met.
     */
    static Designation of(ReferentAssignment assignment) {
        Designation designation = new Designation(assignment);
        Designation shared = SHARED.get(designation);
        if (shared != null) {
            return shared;
        }
        if (SHARED.size() >= MOST_SHARED) {
            return designation;
        }
        shared = SHARED.putIfAbsent(designation, designation);
        return shared == null ? designation : shared;
    }

    private Designation(ReferentAssignment assignment) {
        this.referent = assignment.referent();
        this.designatedBy = assignment.designatedBy();
        this.referentNumber = assignment.referentNumber;
    }

    /** The assignment from a day: equal to the one this was made of when the day is its day. */
    ReferentAssignment from(LocalDate day) {
        return new ReferentAssignment(referent, day, designatedBy, referentNumber);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Designation that && referent.equals(that.referent) && Objects.equals(designatedBy, that.designatedBy);
    }

    @Override
    public int hashCode() {
        return referent.hashCode() * 31 + Objects.hashCode(designatedBy);
    }
}
