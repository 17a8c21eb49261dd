package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;

/**
 * Counts that find the busiest day of a referent's caseload themselves, from what they hold, with
 * the same answer as {@link CaseloadSpan#peak} over the spans {@link CohortCounts#caseloadSpans}
 * gives: the import's counts ({@link ImportReplay}), whose accepted spans are kept as days, so that
 * the caseload cap of each imported assignment reads no span object (issue 16).
 */
interface CaseloadPeaks {

    /**
     * {@code CaseloadSpan.peak(caseloadSpans(referent, from, end, excluded), from, end)}.
     *
     * @param referent the referent, not null
     * @param from the first day, not null
     * @param end the first day after, after {@code from}, or null for every day from {@code from} on
     * @param excluded the participant left out, or null
     * @return the busiest day and its count
     * @throws IllegalArgumentException when the end is not after the first day
     */
    CaseloadSpan.Peak caseloadPeak(ReferentId referent, LocalDate from, LocalDate end, ParticipantId excluded);
}
