package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The counts that the rules spanning participants need (comptages de la cohorte), answered by
 * whoever holds the participants: a store answers them with an index and a lock, the in-memory
 * cohort by a scan ({@link ScanningCohortCounts}). The caseload cap and the ban on double
 * accompaniment are checked against this port ({@link Pathways}), never against a whole cohort
 * held in memory.
 */
public interface CohortCounts {

    /**
     * A referent's caseload (file active) on a day: the participants active that day whose referent
     * that day is this one, leaving one participant out (the one being assigned, whose own place
     * does not count against it). A store that serves concurrent writers must hold, from this call
     * to the end of its transaction, a lock that makes every other writer counting the same
     * referent wait: two designations racing for the last place then never both succeed.
     *
     * @param referent the referent, not null
     * @param day the day, not null
     * @param excluded the participant left out of the count, or null
     * @return the number of participants, at least 0
     */
    int caseload(ReferentId referent, LocalDate day, ParticipantId excluded);

    /**
     * Another participant of the cohort who is the same person (same {@link PersonKey}) and whose
     * current period is open (referred, entered or followed, not closed): the ban on double
     * accompaniment within the plan.
     *
     * @param person the person's key, not null
     * @param excluded the participant left out (the one being referred again), or null
     * @return such a participant, empty when none
     */
    Optional<ParticipantId> openPeriodOf(PersonKey person, ParticipantId excluded);

    /**
     * The spans of a referent's caseload that overlap the days from {@code from} up to but
     * excluding {@code end}, leaving one participant out: what an import needs to judge the cap on
     * every day of an imported assignment, not only its first ({@link ImportReplay}). A store that
     * serves concurrent writers takes the same lock as {@link #caseload}.
     *
     * <p>The default refuses: a store that takes imports implements it.
     *
     * @param referent the referent, not null
     * @param from the first day, not null
     * @param end the first day after, or null for every day from {@code from} on
     * @param excluded the participant left out, or null
     * @return the spans, in any order
     * @throws UnsupportedOperationException when the store does not answer it
     */
    default List<CaseloadSpan> caseloadSpans(ReferentId referent, LocalDate from, LocalDate end, ParticipantId excluded) {
        throw new UnsupportedOperationException("caseloadSpans: this store of the cohort does not take imports");
    }
}
