package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The counts that the rules spanning participants need (comptages de la cohorte), answered by
 * whoever holds the participants: a store answers them with an index and a lock, the in-memory
 * cohort by a scan ({@link ScanningCohortCounts}). The caseload cap and the ban on double
 * accompaniment are checked against this port ({@link Pathways}), never against a whole cohort
 * held in memory. The cap is judged over the whole assignment, from the designation to the
 * period's end (every day on while it is open): the port gives the referent's caseload spans over
 * those days and {@link CaseloadSpan#peak} finds the busiest.
 */
public interface CohortCounts {

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
     * excluding {@code end}, leaving one participant out (the one being assigned, whose own place
     * does not count against it): what the caseload cap is judged on, over every day of an
     * assignment, by one sweep ({@link CaseloadSpan#peak}). A store that serves concurrent writers
     * must hold, from this call to the end of its transaction, a lock that makes every other writer
     * reading the same referent's caseload wait: two designations racing for the last place then
     * never both succeed. A store answers it with an index on the referent and the first day.
     *
     * @param referent the referent, not null
     * @param from the first day, not null
     * @param end the first day after, or null for every day from {@code from} on
     * @param excluded the participant left out, or null
     * @return the spans, in any order (spans outside the days asked may be among them)
     */
    List<CaseloadSpan> caseloadSpans(ReferentId referent, LocalDate from, LocalDate end, ParticipantId excluded);

    /**
     * A referent's caseload (file active) on a day: the participants active that day whose referent
     * that day is this one, leaving one participant out. A store that serves concurrent writers
     * takes the same lock as {@link #caseloadSpans}.
     *
     * <p>The default counts the spans of that day; a store may answer it with one count.
     *
     * @param referent the referent, not null
     * @param day the day, not null
     * @param excluded the participant left out of the count, or null
     * @return the number of participants, at least 0
     */
    default int caseload(ReferentId referent, LocalDate day, ParticipantId excluded) {
        return (int) caseloadSpans(referent, day, day.plusDays(1), excluded).stream().filter(span -> span.covers(day)).count();
    }
}
