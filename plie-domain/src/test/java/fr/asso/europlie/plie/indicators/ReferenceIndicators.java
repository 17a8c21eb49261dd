package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The indicator report as first written (before the optimisations of issue 16), kept as the reference
 * the optimised {@link Indicators} must agree with, figure for figure ({@code OptimisedReportAgreementTest}).
 */
final class ReferenceIndicators {

    private final BigDecimal objective;
    private final EsfSettings esf;
    private final OperationDirectory operations;

    /**
     * Creates the calculator.
     *
     * @param settings the cohort settings (for the positive-exit objective), not null
     * @param esf the FSE+ settings, not null
     * @param operations the operations' operators and axes, not null
     * @throws fr.asso.europlie.plie.error.InvalidValueException ({@code PLIE-INDICATORS-003}) when the
     *     FSE+ settings' six-month delay is not the cohort's, which refuses earlier data on entry
     */
    ReferenceIndicators(CohortSettings settings, EsfSettings esf, OperationDirectory operations) {
        this.objective = Objects.requireNonNull(settings, "settings").positiveExitObjective();
        this.esf = Objects.requireNonNull(esf, "esf");
        if (esf.sixMonthDataMonths() != settings.sixMonthDataMonths()) {
            throw new fr.asso.europlie.plie.error.InvalidValueException(IndicatorError.OUT_OF_RANGE, "esf.sixMonthDataMonths",
                    esf.sixMonthDataMonths(), settings.sixMonthDataMonths(), settings.sixMonthDataMonths());
        }
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    /**
     * The indicators of one slice over a period.
     *
     * @param participants the participants, not null
     * @param period the report period, not null
     * @param slice the slice, not null
     * @param asOf the day of the completeness report, usually the period's last day
     * @return the report
     */
    public IndicatorReport report(Iterable<Participant> participants, ReportPeriod period, Slice slice, LocalDate asOf) {
        RefTally tally = new RefTally();
        RefContribution contribution = new RefContribution(esf);
        List<CompletenessReport.Item> missing = new ArrayList<>();
        for (Participant participant : participants) {
            for (AccompanimentPeriod p : participant.periods()) {
                if (matches(p, slice, period)) {
                    contribution.fill(p, period);
                    tally.add(contribution);
                    completeness(participant, p, asOf, missing);
                }
            }
        }
        return new IndicatorReport(period, slice, tally.figures(objective), tally.esf(), completenessReport(asOf, missing));
    }

    /**
     * The caseload (file active) of a slice on a day.
     *
     * @param participants the participants
     * @param day the day
     * @param slice the slice, judged as in a report ending that day
     * @return the number of participations active that day
     */
    public int caseloadOn(Iterable<Participant> participants, LocalDate day, Slice slice) {
        ReportPeriod period = new ReportPeriod(day, day);
        int count = 0;
        for (Participant participant : participants) {
            for (AccompanimentPeriod p : participant.periods()) {
                if (p.isActiveOn(day) && matches(p, slice, period)) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * The full report of a period: the whole cohort and every referent, operator, operation, axis and
     * target public, in one pass.
     *
     * @param participants the participants, not null
     * @param period the report period, not null
     * @param asOf the day of the completeness report
     * @return the report
     */
    public FullIndicatorReport fullReport(Iterable<Participant> participants, ReportPeriod period, LocalDate asOf) {
        RefTally overall = new RefTally();
        Map<ReferentId, RefTally> byReferent = new HashMap<>();
        Map<OrganisationId, RefTally> byOperator = new HashMap<>();
        Map<OperationId, RefTally> byOperation = new HashMap<>();
        Map<StrategicAxisId, RefTally> byAxis = new HashMap<>();
        Map<String, RefTally> byTargetPublic = new HashMap<>();
        RefContribution contribution = new RefContribution(esf);
        List<CompletenessReport.Item> missing = new ArrayList<>();
        List<OperationId> ops = new ArrayList<>();
        List<OrganisationId> operators = new ArrayList<>();
        List<StrategicAxisId> axes = new ArrayList<>();
        for (Participant participant : participants) {
            for (AccompanimentPeriod p : participant.periods()) {
                contribution.fill(p, period);
                if (!contribution.counted) {
                    continue;
                }
                overall.add(contribution);
                completeness(participant, p, asOf, missing);
                referentFor(p, period).ifPresent(r -> byReferent.computeIfAbsent(r, k -> new RefTally()).add(contribution));
                for (TargetPublic targetPublic : p.targetPublics()) {
                    byTargetPublic.computeIfAbsent(targetPublic.code(), k -> new RefTally()).add(contribution);
                }
                ops.clear();
                operators.clear();
                axes.clear();
                for (Step step : p.steps()) {
                    OperationId op = step.operation();
                    if (op != null && !ops.contains(op)) {
                        ops.add(op);
                        operations.operatorOf(op).filter(o -> !operators.contains(o)).ifPresent(operators::add);
                        operations.axisOf(op).filter(a -> !axes.contains(a)).ifPresent(axes::add);
                    }
                }
                ops.forEach(op -> byOperation.computeIfAbsent(op, k -> new RefTally()).add(contribution));
                operators.forEach(o -> byOperator.computeIfAbsent(o, k -> new RefTally()).add(contribution));
                axes.forEach(a -> byAxis.computeIfAbsent(a, k -> new RefTally()).add(contribution));
            }
        }
        IndicatorReport whole = new IndicatorReport(period, Slice.all(), overall.figures(objective), overall.esf(), completenessReport(asOf, missing));
        return new FullIndicatorReport(whole, finish(byReferent), finish(byOperator), finish(byOperation), finish(byAxis), finish(byTargetPublic));
    }

    /**
     * The FSE+ report of a period: the common indicators by gender per operation, and for the plan
     * the sum over the operations (see {@link EsfReport} for who counts and when).
     *
     * @param participants the participants, not null
     * @param period the report period, not null
     * @return the report
     */
    public EsfReport esfReport(Iterable<Participant> participants, ReportPeriod period) {
        Map<OperationId, int[][]> tallies = new HashMap<>();
        RefContribution bits = new RefContribution(esf);
        Map<OperationId, List<AccompanimentPeriod>> byOperation = new LinkedHashMap<>();
        for (Participant participant : participants) {
            byOperation.clear();
            for (AccompanimentPeriod p : participant.periods()) {
                if (p.entryDate() != null) {
                    operations.operationsOf(p).forEach(op -> byOperation.computeIfAbsent(op, k -> new ArrayList<>()).add(p));
                }
            }
            byOperation.forEach((op, periods) -> {
                AccompanimentPeriod first = periods.get(0);
                AccompanimentPeriod last = periods.get(periods.size() - 1);
                EsfEntryData data = first.entryData();
                if (data == null) {
                    return; // counted in no FSE+ indicator; the completeness report lists it
                }
                long indicators = 0;
                if (period.contains(first.entryDate())) {
                    indicators |= bits.outputs(data, first.entryDate());
                }
                if (last.exitDate() != null && period.contains(last.exitDate())) {
                    indicators |= bits.resultsOf(data, last);
                }
                int[][] tally = tallies.computeIfAbsent(op, k -> new int[EsfIndicator.values().length][Gender.values().length]);
                for (long b = indicators; b != 0; b &= b - 1) {
                    tally[Long.numberOfTrailingZeros(b)][data.gender().ordinal()]++;
                }
            });
        }
        Map<OperationId, EsfIndicators> reports = new HashMap<>();
        tallies.forEach((op, tally) -> {
            Map<EsfIndicator, GenderBreakdown> values = new EnumMap<>(EsfIndicator.class);
            for (EsfIndicator indicator : EsfIndicator.values()) {
                int[] row = tally[indicator.ordinal()];
                values.put(indicator, new GenderBreakdown(row[Gender.WOMAN.ordinal()], row[Gender.MAN.ordinal()],
                        row[Gender.NON_BINARY.ordinal()]));
            }
            reports.put(op, new EsfIndicators(values));
        });
        return new EsfReport(period, sortedById(reports), EsfReport.sum(reports.values()));
    }

    private static java.util.SortedMap<OperationId, EsfIndicators> sortedById(Map<OperationId, EsfIndicators> reports) {
        java.util.TreeMap<OperationId, EsfIndicators> sorted = new java.util.TreeMap<>(Comparator.comparing(OperationId::value));
        sorted.putAll(reports);
        return sorted;
    }

    private <K> Map<K, SliceFigures> finish(Map<K, RefTally> tallies) {
        Map<K, SliceFigures> result = new HashMap<>();
        tallies.forEach((key, tally) -> result.put(key, tally.slice(objective)));
        return result;
    }

    private boolean matches(AccompanimentPeriod p, Slice slice, ReportPeriod period) {
        if (slice.targetPublic() != null && !p.targetPublics().contains(slice.targetPublic())) {
            return false;
        }
        if (slice.referent() != null && !referentFor(p, period).filter(slice.referent()::equals).isPresent()) {
            return false;
        }
        if (slice.operation() == null && slice.operator() == null && slice.axis() == null) {
            return true;
        }
        for (Step step : p.steps()) {
            OperationId op = step.operation();
            if (op != null && (slice.operation() == null || slice.operation().equals(op))
                    && matchesInfo(slice.operator(), op, operations::operatorOf) && matchesInfo(slice.axis(), op, operations::axisOf)) {
                return true;
            }
        }
        return false;
    }

    private static <T> boolean matchesInfo(T wanted, OperationId op, Function<OperationId, Optional<T>> lookup) {
        return wanted == null || lookup.apply(op).filter(wanted::equals).isPresent();
    }

    private static Optional<ReferentId> referentFor(AccompanimentPeriod p, ReportPeriod period) {
        LocalDate exit = p.exitDate();
        return p.referentOn(exit != null && exit.isBefore(period.to()) ? exit : period.to());
    }

    private void completeness(Participant participant, AccompanimentPeriod p, LocalDate asOf, List<CompletenessReport.Item> missing) {
        LocalDate entry = p.entryDate();
        if (entry == null || entry.isAfter(asOf)) {
            return;
        }
        if (p.entryData() == null) {
            LocalDate due = entry.plusWeeks(esf.collectionWeeks());
            if (asOf.isAfter(due)) {
                missing.add(new CompletenessReport.Item(participant.id(), p.number(), CompletenessReport.Kind.ENTRY_DATA_MISSING, due));
            }
        }
        LocalDate exit = p.exitDate();
        if (exit == null || exit.isAfter(asOf)) {
            return;
        }
        if (p.exit().data() == null) {
            missing.add(new CompletenessReport.Item(participant.id(), p.number(), CompletenessReport.Kind.EXIT_DATA_MISSING,
                    exit.plusWeeks(esf.collectionWeeks())));
        }
        LocalDate sixMonths = exit.plusMonths(esf.sixMonthDataMonths());
        if (p.sixMonthData() == null && !sixMonths.isAfter(asOf)) {
            missing.add(new CompletenessReport.Item(participant.id(), p.number(), CompletenessReport.Kind.SIX_MONTH_DATA_DUE, sixMonths));
        }
    }

    private static CompletenessReport completenessReport(LocalDate asOf, List<CompletenessReport.Item> missing) {
        missing.sort(Comparator.comparing(CompletenessReport.Item::dueOn).thenComparing(i -> i.participant().value())
                .thenComparingInt(CompletenessReport.Item::period));
        return new CompletenessReport(asOf, missing);
    }

    static final class RefContribution {

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

        RefContribution(EsfSettings settings) {
            this.settings = settings;
        }

        void fill(AccompanimentPeriod period, ReportPeriod report) {
            LocalDate entryDate = period.entryDate();
            counted = entryDate != null;
            indicators = 0;
            gender = -1;
            if (!counted) {
                return;
            }
            LocalDate exitDate = period.exitDate();
            atStart = period.isActiveOn(report.from().minusDays(1));
            atEnd = period.isActiveOn(report.to());
            entry = report.contains(entryDate);
            exit = report.contains(exitDate);
            reason = exit ? period.exit().reason() : null;
            positive = exit && reason.isPositive();
            pathwayDays = exit ? ChronoUnit.DAYS.between(entryDate, exitDate) : 0;
            followed = !entryDate.isAfter(report.to()) && (exitDate == null || !exitDate.isBefore(report.from()));
            steps = 0;
            if (followed) {
                for (Step step : period.steps()) {
                    if (!step.start().isAfter(report.to())) {
                        steps++;
                    }
                }
            }
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
                    && !later.collectedOn().isBefore(period.exitDate().plusMonths(settings.sixMonthDataMonths()));
            return results(entry, period.exit().data(), sixMonthResult ? later : null);
        }

        /** The output indicators of entry data collected for an entry on a day. */
        long outputs(EsfEntryData data, LocalDate entryDate) {
            long bits = bit(EsfIndicator.EECO01);
            int age = data.ageAtEntry();
            switch (data.labourStatus()) {
                case UNEMPLOYED -> {
                    bits |= bit(EsfIndicator.EECO02);
                    int threshold = age < settings.youthAgeLimit() ? settings.youthLongTermMonths() : settings.adultLongTermMonths();
                    if (data.unemployedSince().plusMonths(threshold).isBefore(entryDate)) {
                        bits |= bit(EsfIndicator.EECO03);
                    }
                }
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

    static final class RefTally {

        private static final EsfIndicator[] INDICATORS = EsfIndicator.values();
        private static final ExitReason[] REASONS = ExitReason.values();
        private static final Gender[] GENDERS = Gender.values();

        private final int[][] esf = new int[INDICATORS.length][GENDERS.length];
        private final int[] exitsByReason = new int[REASONS.length];
        private int caseloadAtStart;
        private int caseloadAtEnd;
        private int entries;
        private int exits;
        private int positiveExits;
        private int followed;
        private long pathwayDays;
        private long steps;

        void add(RefContribution c) {
            if (!c.counted) {
                return;
            }
            caseloadAtStart += c.atStart ? 1 : 0;
            caseloadAtEnd += c.atEnd ? 1 : 0;
            entries += c.entry ? 1 : 0;
            if (c.exit) {
                exits++;
                exitsByReason[c.reason.ordinal()]++;
                positiveExits += c.positive ? 1 : 0;
                pathwayDays += c.pathwayDays;
            }
            if (c.followed) {
                followed++;
                steps += c.steps;
            }
            if (c.gender >= 0) {
                for (long bits = c.indicators; bits != 0; bits &= bits - 1) {
                    esf[Long.numberOfTrailingZeros(bits)][c.gender]++;
                }
            }
        }

        CohortFigures figures(BigDecimal objective) {
            Map<ExitReason, Integer> byReason = new EnumMap<>(ExitReason.class);
            for (ExitReason reason : REASONS) {
                byReason.put(reason, exitsByReason[reason.ordinal()]);
            }
            BigDecimal rate = exits == 0 ? null
                    : BigDecimal.valueOf(positiveExits).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(exits), 1, RoundingMode.HALF_UP);
            BigDecimal meanDays = exits == 0 ? null : BigDecimal.valueOf(pathwayDays).divide(BigDecimal.valueOf(exits), 1, RoundingMode.HALF_UP);
            BigDecimal meanSteps = followed == 0 ? null : BigDecimal.valueOf(steps).divide(BigDecimal.valueOf(followed), 2, RoundingMode.HALF_UP);
            return new CohortFigures(caseloadAtStart, caseloadAtEnd, entries, exits, positiveExits, byReason, rate, objective, followed, meanDays, meanSteps);
        }

        EsfIndicators esf() {
            Map<EsfIndicator, GenderBreakdown> values = new EnumMap<>(EsfIndicator.class);
            for (EsfIndicator indicator : INDICATORS) {
                int[] row = esf[indicator.ordinal()];
                values.put(indicator, new GenderBreakdown(row[Gender.WOMAN.ordinal()], row[Gender.MAN.ordinal()], row[Gender.NON_BINARY.ordinal()]));
            }
            return new EsfIndicators(values);
        }

        SliceFigures slice(BigDecimal objective) {
            return new SliceFigures(figures(objective), esf());
        }
    }
}
