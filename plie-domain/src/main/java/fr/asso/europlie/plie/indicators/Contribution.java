package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.PeriodFacts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What one accompaniment period adds to the tallies of a report: computed once per period, then
 * added to every slice the period belongs to. Reused from one period to the next.
 */
final class Contribution {

    boolean counted;
    boolean atStart;
    boolean atEnd;
    boolean entry;
    boolean exit;
    boolean positive;
    boolean followed;
    ExitReason reason;
    long pathwayDays;
    int steps;
    int gender;
    long indicators;

    private final EsfSettings settings;
    /** The report of the last period filled, and its days {@link #packed}: the day before it starts, its first and last (once a report). */
    private ReportPeriod lastReport;
    private long dayBefore;
    private long from;
    private long to;
    private long toPacked;

    Contribution(EsfSettings settings) {
        this.settings = settings;
    }

    void fill(AccompanimentPeriod period, ReportPeriod report) {
        if (PeriodFacts.exotic(period)) {
            fillExotic(period, report);
            return;
        }
        int entryDay = PeriodFacts.entryDay(period);
        counted = entryDay != PeriodFacts.NO_ENTRY;
        indicators = 0;
        gender = -1;
        if (!counted) {
            return;
        }
        if (report != lastReport) {
            lastReport = report;
            from = report.from().toEpochDay();
            to = report.to().toEpochDay();
            dayBefore = report.from().minusDays(1).toEpochDay(); // refuses a report from LocalDate.MIN as before
            toPacked = packed(report.to());
        }
        // The facts computed with the period: epoch days, no exit after every day.
        int exitDay = PeriodFacts.exitDay(period);
        boolean exited = exitDay != PeriodFacts.NO_EXIT;
        // AccompanimentPeriod.isActiveOn with the days already read
        atStart = entryDay <= dayBefore && exitDay > dayBefore;
        atEnd = entryDay <= to && exitDay > to;
        entry = entryDay >= from && entryDay <= to;
        exit = exited && exitDay >= from && exitDay <= to;
        reason = exit ? PeriodFacts.exitReason(period) : null;
        positive = exit && reason.isPositive();
        pathwayDays = exit ? (long) exitDay - entryDay : 0;
        followed = entryDay <= to && exitDay >= from;
        // a period's steps start on or before its exit (AccompanimentPeriod refuses a step starting after it)
        steps = !followed ? 0 : exitDay <= to ? PeriodFacts.steps(period) : stepsStartedBy(period, toPacked);
        EsfEntryData data = period.entryData();
        if (data == null) {
            return;
        }
        gender = data.gender().ordinal();
        if (entry) {
            indicators |= outputs(data, period);
        }
        if (exit) {
            indicators |= results(data, period);
        }
    }

    /** The period's steps started on or before a day, given packed. */
    private static int stepsStartedBy(AccompanimentPeriod period, long lastDayPacked) {
        int count = 0;
        for (int i = 0, n = PeriodFacts.steps(period); i < n; i++) {
            if (packed(PeriodFacts.stepStart(period, i)) <= lastDayPacked) {
                count++;
            }
        }
        return count;
    }

    /** {@link #outputs(EsfEntryData, LocalDate)} of an entered period that is not exotic, from its facts. */
    long outputs(EsfEntryData data, AccompanimentPeriod period) {
        long bits = outputsButLongTerm(data);
        if (data.labourStatus() == LabourMarketStatus.UNEMPLOYED) {
            int threshold = data.ageAtEntry() < settings.youthAgeLimit() ? settings.youthLongTermMonths() : settings.adultLongTermMonths();
            if (PeriodFacts.unemployedLongerThan(period, threshold)) {
                bits |= bit(EsfIndicator.EECO03);
            }
        }
        return bits;
    }

    /** {@link #resultsOf} of an exited period that is not exotic, from its facts. */
    long results(EsfEntryData entry, AccompanimentPeriod period) {
        int answers = PeriodFacts.exitAnswers(period);
        long bits = (long) answers << EsfIndicator.EECR01.ordinal(); // EECR01 to EECR04 in the answers' order
        if (PeriodFacts.hasSixMonthData(period) && PeriodFacts.sixMonthDataAfter(period, settings.sixMonthDataMonths())) {
            int later = PeriodFacts.sixMonthAnswers(period);
            bits |= when((later & 1) != 0, EsfIndicator.EECR05)
                    | when(entry.labourStatus() == LabourMarketStatus.EMPLOYED && (later & 2) != 0, EsfIndicator.EECR06);
        }
        return bits;
    }

    private void fillExotic(AccompanimentPeriod period, ReportPeriod report) {
        LocalDate entryDate = period.entryDate();
        counted = entryDate != null;
        indicators = 0;
        gender = -1;
        if (!counted) {
            return;
        }
        LocalDate exitDate = period.exitDate();
        long dayBefore = packed(report.from().minusDays(1));
        long from = packed(report.from());
        long to = packed(report.to());
        // The days compared as numbers, each read once; no exit is after every day.
        long entryDay = packed(entryDate);
        long exitDay = exitDate == null ? Long.MAX_VALUE : packed(exitDate);
        // AccompanimentPeriod.isActiveOn with the days already read (each call would read the adhesion's three signature days again)
        atStart = entryDay <= dayBefore && exitDay > dayBefore;
        atEnd = entryDay <= to && exitDay > to;
        entry = entryDay >= from && entryDay <= to;
        exit = exitDate != null && exitDay >= from && exitDay <= to;
        reason = exit ? period.exit().reason() : null;
        positive = exit && reason.isPositive();
        pathwayDays = exit ? ChronoUnit.DAYS.between(entryDate, exitDate) : 0;
        followed = entryDay <= to && exitDay >= from;
        steps = followed ? stepsStartedBy(period, to) : 0;
        EsfEntryData data = period.entryData();
        if (data == null) {
            return;
        }
        gender = data.gender().ordinal();
        if (entry) {
            indicators |= outputs(data, entryDate);
        }
        if (exit) {
            indicators |= resultsOf(data, period);
        }
    }

    /**
     * The result indicators of an exited period, for a participant whose entry data is given:
     * upon leaving from its exit data, six months after from its six-month data when collected
     * from six months after the exit (RULES.md section 5).
     */
    long resultsOf(EsfEntryData entry, AccompanimentPeriod period) {
        EsfSixMonthData later = period.sixMonthData();
        boolean sixMonthResult = later != null
                && compareMonthsLater(period.exitDate(), settings.sixMonthDataMonths(), later.collectedOn()) <= 0;
        return results(entry, period.exit().data(), sixMonthResult ? later : null);
    }

    /** The output indicators of entry data collected for an entry on a day. */
    long outputs(EsfEntryData data, LocalDate entryDate) {
        long bits = outputsButLongTerm(data);
        if (data.labourStatus() == LabourMarketStatus.UNEMPLOYED) {
            int threshold = data.ageAtEntry() < settings.youthAgeLimit() ? settings.youthLongTermMonths() : settings.adultLongTermMonths();
            if (compareMonthsLater(data.unemployedSince(), threshold, entryDate) < 0) {
                bits |= bit(EsfIndicator.EECO03);
            }
        }
        return bits;
    }

    /** The output indicators of entry data but long-term unemployment (EECO03), which depends on the entry day. */
    private static long outputsButLongTerm(EsfEntryData data) {
        long bits = bit(EsfIndicator.EECO01);
        int age = data.ageAtEntry();
        switch (data.labourStatus()) {
            case UNEMPLOYED -> bits |= bit(EsfIndicator.EECO02);
            case INACTIVE -> bits |= bit(EsfIndicator.EECO04);
            case EMPLOYED -> bits |= bit(EsfIndicator.EECO05);
            default -> throw new IllegalStateException(String.valueOf(data.labourStatus()));
        }
        bits |= when(age < 18, EsfIndicator.EECO06) | when(age >= 18 && age <= 29, EsfIndicator.EECO07) | when(age >= 55, EsfIndicator.EECO08);
        bits |= when(data.isced().isPrimaryOrLowerSecondary(), EsfIndicator.EECO09) | when(data.isced().isUpperOrPostSecondary(), EsfIndicator.EECO10)
                | when(data.isced().isTertiary(), EsfIndicator.EECO11);
        bits |= when(data.disability() == Declaration.YES, EsfIndicator.EECO12)
                | when(data.thirdCountNational() == Declaration.YES, EsfIndicator.EECO13)
                | when(data.foreignBackground() == Declaration.YES, EsfIndicator.EECO14)
                | when(data.minority() == Declaration.YES, EsfIndicator.EECO15);
        bits |= when(data.homeless(), EsfIndicator.EECO16) | when(data.ruralArea(), EsfIndicator.EECO17);
        return bits;
    }

    /**
     * A day as a number in the days' order: the year, the month and the day of the month in their
     * own bits ({@code year * 512 + month * 32 + day}), read from the day's fields without the
     * epoch-day arithmetic. Only for comparing days.
     *
     * @param day a day, not null
     * @return the number, ordered as the days are
     */
    static long packed(LocalDate day) {
        return (long) day.getYear() << 9 | day.getMonthValue() << 5 | day.getDayOfMonth();
    }

    /**
     * Compares {@code day.plusMonths(months)} with {@code other} without creating the day: same
     * month arithmetic (the day of month cut to the new month's length), plain ints.
     *
     * @return negative, zero or positive as {@code day.plusMonths(months).compareTo(other)}
     */
    static int compareMonthsLater(LocalDate day, int months, LocalDate other) {
        long count = day.getYear() * 12L + (day.getMonthValue() - 1) + months;
        long year = Math.floorDiv(count, 12);
        if (year < -999_999_999L || year > 999_999_999L) {
            return day.plusMonths(months).compareTo(other); // beyond LocalDate's years: let it refuse as before
        }
        int month = (int) Math.floorMod(count, 12) + 1;
        int length = switch (month) {
            case 2 -> java.time.Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        int dayOfMonth = Math.min(day.getDayOfMonth(), length);
        if (year != other.getYear()) {
            return year < other.getYear() ? -1 : 1;
        }
        if (month != other.getMonthValue()) {
            return month < other.getMonthValue() ? -1 : 1;
        }
        return Integer.compare(dayOfMonth, other.getDayOfMonth());
    }

    private static long results(EsfEntryData entry, EsfExitData leaving, EsfSixMonthData later) {
        long bits = 0;
        if (leaving != null) {
            bits |= when(leaving.jobSearching(), EsfIndicator.EECR01) | when(leaving.inEducationOrTraining(), EsfIndicator.EECR02)
                    | when(leaving.gainedQualification(), EsfIndicator.EECR03) | when(leaving.employed(), EsfIndicator.EECR04);
        }
        if (later != null) {
            bits |= when(later.employed(), EsfIndicator.EECR05)
                    | when(entry.labourStatus() == LabourMarketStatus.EMPLOYED && later.improvedSituation(), EsfIndicator.EECR06);
        }
        return bits;
    }

    private static long bit(EsfIndicator indicator) {
        return 1L << indicator.ordinal();
    }

    private static long when(boolean condition, EsfIndicator indicator) {
        return condition ? bit(indicator) : 0L;
    }
}
