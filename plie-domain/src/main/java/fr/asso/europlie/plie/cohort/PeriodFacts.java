package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;

/**
 * What an accompaniment period's indicators need, computed once when the period is built and read
 * without going through its parts (issue 16: the indicator reports walk a million periods, and each
 * part they went through to find a day or a flag was a cache miss). For the indicator reports'
 * single pass ({@code fr.asso.europlie.plie.indicators}); every fact is also what the period's
 * public accessors give, which other code should use.
 *
 * <p>The days are epoch days ({@link LocalDate#toEpochDay()}). A period with a day beyond the years
 * -1,000,000 to 1,000,000 (entry, exit, unemployed since, six-month collection) is {@link #exotic}:
 * its facts are not computed and a report reads it through its accessors, so that the months
 * arithmetic near {@link LocalDate}'s limits fails or succeeds exactly as it does there.
 */
public final class PeriodFacts {

    /** The entry day of a period not entered. */
    public static final int NO_ENTRY = Integer.MIN_VALUE;
    /** The exit day of a period not exited. */
    public static final int NO_EXIT = Integer.MAX_VALUE;

    static final int EXOTIC = 1;
    static final int REASON_SHIFT = 1;
    static final int REASON_MASK = 0xF;
    static final int EXIT_DATA = 1 << 5;
    static final int EXIT_BITS_SHIFT = 6;
    static final int SIX_MONTH = 1 << 10;
    static final int SIX_EMPLOYED = 1 << 11;
    static final int SIX_IMPROVED = 1 << 12;
    static final int SIX_MONTHS_SHIFT = 13;
    static final int SIX_MONTHS_MASK = 0x1F;
    static final int UNEMPLOYED_SHIFT = 18;
    static final int UNEMPLOYED_MASK = 0x3F;
    static final int UNEMPLOYED_KNOWN = 1 << 24;
    /** Not a fact of the indicators: the period's {@link AccompanimentPeriod#doubleAccompanimentFlagged()}, kept with them (also when exotic). */
    static final int FLAGGED = 1 << 25;
    /** Not a fact of the indicators: the period's {@link AccompanimentPeriod#number()} in the top six bits when 1 to 63 (also when exotic), 0 when held apart. */
    static final int NUMBER_SHIFT = 26;
    static final int MOST_NUMBER_IN_FACTS = 63;

    private static final ExitReason[] REASONS = ExitReason.values();
    private static final long SAFE_YEARS = 1_000_000;

    private PeriodFacts() {
    }

    /**
     * The entry day.
     *
     * @param period a period, not {@link #exotic}
     * @return its entry date's epoch day, or {@link #NO_ENTRY} before entry
     */
    public static int entryDay(AccompanimentPeriod period) {
        return period.entryDay;
    }

    /**
     * The exit day.
     *
     * @param period a period, not {@link #exotic}
     * @return its exit date's epoch day, or {@link #NO_EXIT} while in the plan
     */
    public static int exitDay(AccompanimentPeriod period) {
        return period.exitDay;
    }

    /**
     * Whether a period's facts are not computed (a day beyond the years -1,000,000 to 1,000,000).
     *
     * @param period a period
     * @return true when the report must read the period through its accessors
     */
    public static boolean exotic(AccompanimentPeriod period) {
        return (period.facts & EXOTIC) != 0;
    }

    /**
     * The exit reason, as {@code period.exit().reason()}.
     *
     * @param period a period, not {@link #exotic}
     * @return the reason, or null while in the plan
     */
    public static ExitReason exitReason(AccompanimentPeriod period) {
        int code = period.facts >>> REASON_SHIFT & REASON_MASK;
        return code == 0 ? null : REASONS[code - 1];
    }

    /**
     * Whether the exit data is recorded, as {@code period.exit().data() != null}.
     *
     * @param period an exited period, not {@link #exotic}
     * @return true when recorded
     */
    public static boolean hasExitData(AccompanimentPeriod period) {
        return (period.facts & EXIT_DATA) != 0;
    }

    /**
     * The exit data's four answers in bits: 1 searching a job, 2 in education or training, 4 gained a
     * qualification, 8 employed (0 without exit data).
     *
     * @param period a period, not {@link #exotic}
     * @return the bits
     */
    public static int exitAnswers(AccompanimentPeriod period) {
        return period.facts >>> EXIT_BITS_SHIFT & 0xF;
    }

    /**
     * Whether the six-month data is recorded, as {@code period.sixMonthData() != null}.
     *
     * @param period a period, not {@link #exotic}
     * @return true when recorded
     */
    public static boolean hasSixMonthData(AccompanimentPeriod period) {
        return (period.facts & SIX_MONTH) != 0;
    }

    /**
     * The six-month data's answers in bits: 1 employed, 2 improved situation (0 without the data).
     *
     * @param period a period, not {@link #exotic}
     * @return the bits
     */
    public static int sixMonthAnswers(AccompanimentPeriod period) {
        return ((period.facts & SIX_EMPLOYED) != 0 ? 1 : 0) | ((period.facts & SIX_IMPROVED) != 0 ? 2 : 0);
    }

    /**
     * Whether the six-month data was collected at least so many months after the exit:
     * {@code !exitDate.plusMonths(months).isAfter(sixMonthData.collectedOn())}.
     *
     * @param period a period with six-month data, not {@link #exotic}
     * @param months 0 to 31
     * @return the answer
     */
    public static boolean sixMonthDataAfter(AccompanimentPeriod period, int months) {
        return months <= (period.facts >>> SIX_MONTHS_SHIFT & SIX_MONTHS_MASK);
    }

    /**
     * Whether the entry data's unemployment began more than so many months before the entry:
     * {@code unemployedSince.plusMonths(months).isBefore(entryDate)}.
     *
     * @param period an entered period with entry data giving the day unemployment began, not {@link #exotic}
     * @param months 0 to 62
     * @return the answer
     * @throws IllegalStateException when the period has no such day
     */
    public static boolean unemployedLongerThan(AccompanimentPeriod period, int months) {
        if ((period.facts & UNEMPLOYED_KNOWN) == 0) {
            throw new IllegalStateException("no unemployment day");
        }
        return months < (period.facts >>> UNEMPLOYED_SHIFT & UNEMPLOYED_MASK);
    }

    /**
     * The number of a period's steps, as {@code period.steps().size()}; with {@link #stepOperation}
     * and {@link #stepStart}, the reports read the steps' parts where the period holds them, without
     * the list and steps that {@link AccompanimentPeriod#steps()} makes.
     *
     * @param period a period, exotic or not
     * @return the number of steps
     */
    public static int steps(AccompanimentPeriod period) {
        return period.stepCount();
    }

    /**
     * The operation of a step, as {@code period.steps().get(index).operation()}.
     *
     * @param period a period, exotic or not
     * @param index 0 to {@link #steps} - 1
     * @return the operation, or null when none funds the step
     * @throws IndexOutOfBoundsException when there is no such step
     */
    public static fr.asso.europlie.plie.offer.OperationId stepOperation(AccompanimentPeriod period, int index) {
        return period.stepOperation(index);
    }

    /**
     * The first day of a step, as {@code period.steps().get(index).start()}.
     *
     * @param period a period, exotic or not
     * @param index 0 to {@link #steps} - 1
     * @return the first day
     * @throws IndexOutOfBoundsException when there is no such step
     */
    public static LocalDate stepStart(AccompanimentPeriod period, int index) {
        return period.stepStart(index);
    }

    /**
     * The number of a period's referent assignments, as {@code period.referents().size()}; with
     * {@link #referentIndexOn}, {@link #referent} and {@link #referentNumber}, the reports read the
     * assignments where the period holds them, without the list and assignments that
     * {@link AccompanimentPeriod#referents()} makes.
     *
     * @param period a period, exotic or not
     * @return the number of assignments
     */
    public static int referents(AccompanimentPeriod period) {
        return period.referentCount();
    }

    /**
     * The referent of an assignment, as {@code period.referents().get(index).referent()}.
     *
     * @param period a period, exotic or not
     * @param index 0 to {@link #referents} - 1
     * @return the referent
     * @throws IndexOutOfBoundsException when there is no such assignment
     */
    public static ReferentId referent(AccompanimentPeriod period, int index) {
        return period.referentAt(index);
    }

    /**
     * The number of the referent of an assignment, as {@code ReferentNumbers.of(period.referents().get(index))}.
     *
     * @param period a period, exotic or not
     * @param index 0 to {@link #referents} - 1
     * @return the number, or -1 when the referent has none
     * @throws IndexOutOfBoundsException when there is no such assignment
     */
    public static int referentNumber(AccompanimentPeriod period, int index) {
        return period.referentNumberAt(index);
    }

    /**
     * The assignment in charge on a day: the index of the last one whose first day is on or before it.
     *
     * @param period a period, not {@link #exotic}
     * @param day an epoch day
     * @return the index, or -1 when none is
     */
    public static int referentIndexOn(AccompanimentPeriod period, long day) {
        return period.referentIndexOn(day);
    }

    /**
     * The facts of a period's parts, in one int (see the constants); {@link #EXOTIC} alone when a day
     * is beyond the safe years.
     */
    static int of(LocalDate entry, EsfEntryData entryData, Exit exit, EsfSixMonthData sixMonthData) {
        if (exotic(entry) || exit != null && exotic(exit.exitedOn()) || entryData != null && exotic(entryData.unemployedSince())
                || sixMonthData != null && exotic(sixMonthData.collectedOn())) {
            return EXOTIC;
        }
        int facts = 0;
        if (exit != null) {
            facts |= (exit.reason().ordinal() + 1) << REASON_SHIFT;
            EsfExitData data = exit.data();
            if (data != null) {
                facts |= EXIT_DATA;
                int answers = (data.jobSearching() ? 1 : 0) | (data.inEducationOrTraining() ? 2 : 0) | (data.gainedQualification() ? 4 : 0)
                        | (data.employed() ? 8 : 0);
                facts |= answers << EXIT_BITS_SHIFT;
            }
            if (sixMonthData != null) {
                facts |= SIX_MONTH | (sixMonthData.employed() ? SIX_EMPLOYED : 0) | (sixMonthData.improvedSituation() ? SIX_IMPROVED : 0);
                // the most months m with exit + m months <= collected (collected is never before the exit)
                long months = monthsAfter(exit.exitedOn(), sixMonthData.collectedOn(), false);
                facts |= (int) Math.min(Math.max(months, 0), SIX_MONTHS_MASK) << SIX_MONTHS_SHIFT;
            }
        }
        if (entry != null && entryData != null && entryData.unemployedSince() != null) {
            // one more than the most months m with since + m months < entry (since is never after the entry)
            long months = monthsAfter(entryData.unemployedSince(), entry, true) + 1;
            facts |= UNEMPLOYED_KNOWN | (int) Math.min(Math.max(months, 0), UNEMPLOYED_MASK) << UNEMPLOYED_SHIFT;
        }
        return facts;
    }

    /**
     * The most months {@code m} such that {@code from.plusMonths(m)} is before {@code to} (strictly)
     * or not after it, for {@code from} not after {@code to}; capped when far beyond 63.
     */
    private static long monthsAfter(LocalDate from, LocalDate to, boolean strictly) {
        long months = (to.getYear() * 12L + to.getMonthValue()) - (from.getYear() * 12L + from.getMonthValue());
        if (months > 64) {
            return months;
        }
        LocalDate candidate = from.plusMonths(months); // in the month of to
        int c = candidate.compareTo(to);
        return (strictly ? c < 0 : c <= 0) ? months : months - 1;
    }

    private static boolean exotic(LocalDate day) {
        return day != null && (day.getYear() > SAFE_YEARS || day.getYear() < -SAFE_YEARS);
    }

    /** The epoch day of a day within the safe years, or the given value for none. */
    static int day(LocalDate day, int none) {
        return day == null ? none : (int) day.toEpochDay();
    }
}
