package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * A stretch of days during which a participant is in a referent's caseload (file active): from the
 * first day, up to but excluding the end (the exit, or the next referent's first day). A store
 * keeps them as indexed rows so that a referent's caseload on a day is one count, and the caseload
 * over a stretch of days one read of the spans that overlap it, swept by {@link #peak}.
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

    /**
     * Whether the span overlaps the days from {@code from} up to but excluding {@code end}.
     *
     * @param from the first day, not null
     * @param end the first day after, or null for every day from {@code from} on
     * @return true when a day is in both
     */
    public boolean overlaps(LocalDate from, LocalDate end) {
        return (this.end == null || this.end.isAfter(from)) && (end == null || first.isBefore(end));
    }

    /**
     * The busiest day of a caseload over a stretch of days, and how many participants it counts that day.
     *
     * @param day the first day the count is reached, not null
     * @param count the number of spans covering that day, at least 0
     */
    public record Peak(LocalDate day, int count) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException when the day is null
         * @throws IllegalArgumentException when the count is negative
         */
        public Peak {
            Objects.requireNonNull(day, "day");
            if (count < 0) {
                throw new IllegalArgumentException("peak count " + count + " is negative");
            }
        }
    }

    /**
     * The most spans covering one day from {@code from} up to but excluding {@code end}, and the
     * first such day: the caseload cap judged over a whole assignment, not only its first day. One
     * sweep over the days the count changes (+1 where a span starts, or on {@code from} for one
     * under way, -1 where it ends), in the order of the days: O(n log n) for n spans, whatever the
     * length of the stretch. Spans that do not overlap the stretch are left out, so a port may answer
     * more than asked.
     *
     * @param spans the spans of one caseload (one referent), not null
     * @param from the first day, not null
     * @param end the first day after, after {@code from}, or null for every day from {@code from} on
     * @return the busiest day and its count; {@code from} and 0 when no span overlaps
     * @throws IllegalArgumentException when the end is not after the first day
     */
    public static Peak peak(Collection<CaseloadSpan> spans, LocalDate from, LocalDate end) {
        Objects.requireNonNull(spans, "spans");
        Objects.requireNonNull(from, "from");
        if (end != null && !end.isAfter(from)) {
            throw new IllegalArgumentException("caseload stretch ends " + end + ", not after " + from);
        }
        // the days the count changes, as epoch days: where a span overlapping the stretch starts (or the
        // stretch's first day for one under way), and where one ends within it; each sorted, then swept
        // together day by day (issue 16: no map of boxed counts for each assignment an import checks)
        long[] starts = new long[spans.size()];
        long[] ends = new long[starts.length];
        int startCount = 0;
        int endCount = 0;
        for (CaseloadSpan span : spans) {
            if (span.overlaps(from, end)) {
                starts[startCount++] = (span.first.isAfter(from) ? span.first : from).toEpochDay();
                if (span.end != null && (end == null || span.end.isBefore(end))) {
                    ends[endCount++] = span.end.toEpochDay();
                }
            }
        }
        return sweep(starts, startCount, ends, endCount, from);
    }

    /**
     * The busiest day of the changes of a caseload over a stretch, as {@link #peak} finds it: the
     * starts (each span's first day in the stretch) and the ends within the stretch, as epoch days in
     * any order (sorted here), swept day by day.
     *
     * @param starts the first days, the first {@code startCount} used; sorted in place
     * @param ends the ends, the first {@code endCount} used; sorted in place
     * @param from the stretch's first day, the day of a peak of 0
     * @return the busiest day and its count
     */
    static Peak sweep(long[] starts, int startCount, long[] ends, int endCount, LocalDate from) {
        Arrays.sort(starts, 0, startCount);
        Arrays.sort(ends, 0, endCount);
        int running = 0;
        int most = 0;
        long busiest = 0;
        for (int s = 0, e = 0; s < startCount || e < endCount; ) {
            long day = s < startCount && (e == endCount || starts[s] <= ends[e]) ? starts[s] : ends[e];
            while (s < startCount && starts[s] == day) {
                running++;
                s++;
            }
            while (e < endCount && ends[e] == day) {
                running--;
                e++;
            }
            if (running > most) {
                most = running;
                busiest = day;
            }
        }
        return most == 0 ? new Peak(from, 0) : new Peak(LocalDate.ofEpochDay(busiest), most);
    }
}
