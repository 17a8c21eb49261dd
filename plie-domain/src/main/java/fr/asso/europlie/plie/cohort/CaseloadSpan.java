package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A stretch of days during which a participant is in a referent's caseload (file active): from the
 * first day, up to but excluding the end (the exit, or the next referent's first day). A store
 * keeps them as indexed rows so that a referent's caseload on a day is one count.
 *
 * @param referent the referent, not null
 * @param first the first day, not null
 * @param end the first day no longer in the caseload, after {@code first}, or null while open
 */
public record CaseloadSpan(ReferentId referent, LocalDate first, LocalDate end) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException when the referent or the first day is null
     * @throws IllegalArgumentException when the end is not after the first day
     */
    public CaseloadSpan {
        Objects.requireNonNull(referent, "referent");
        Objects.requireNonNull(first, "first");
        if (end != null && !end.isAfter(first)) {
            throw new IllegalArgumentException("caseload span ends " + end + ", not after " + first);
        }
    }

    /**
     * Whether the span covers a day.
     *
     * @param day the day, not null
     * @return true when the participant is in the caseload that day
     */
    public boolean covers(LocalDate day) {
        return !first.isAfter(day) && (end == null || end.isAfter(day));
    }
}
