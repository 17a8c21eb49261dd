package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * Computes the cohort's indicators (calcul des indicateurs): cohort figures, FSE+ common indicators
 * by gender and data completeness, for any period and slice. Every report is one pass over the
 * participants and their periods, so its time grows linearly with the cohort.
 *
 * <p>Counting rules (see docs/cohort.md): a participation is an accompaniment period that reached
 * the adhesion. Output indicators (EECO) count participations that entered in the period and whose
 * entry data is recorded (ages and long-term unemployment at the entry date); EECR01 to EECR04
 * count those that left in the period with data upon leaving; EECR05 and EECR06 those that left in
 * the period with six-month data. Without entry data a participation has no gender and counts in
 * no FSE+ indicator: the completeness report lists it.
 */
public final class Indicators {

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
    public Indicators(CohortSettings settings, EsfSettings esf, OperationDirectory operations) {
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
        Tally tally = new Tally();
        Contribution contribution = new Contribution(esf);
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
        Tally overall = new Tally();
        Map<ReferentId, Tally> byReferent = new HashMap<>();
        Map<OrganisationId, Tally> byOperator = new HashMap<>();
        Map<OperationId, Tally> byOperation = new HashMap<>();
        Map<StrategicAxisId, Tally> byAxis = new HashMap<>();
        Map<String, Tally> byTargetPublic = new HashMap<>();
        Contribution contribution = new Contribution(esf);
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
                referentFor(p, period).ifPresent(r -> byReferent.computeIfAbsent(r, k -> new Tally()).add(contribution));
                for (TargetPublic targetPublic : p.targetPublics()) {
                    byTargetPublic.computeIfAbsent(targetPublic.code(), k -> new Tally()).add(contribution);
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
                ops.forEach(op -> byOperation.computeIfAbsent(op, k -> new Tally()).add(contribution));
                operators.forEach(o -> byOperator.computeIfAbsent(o, k -> new Tally()).add(contribution));
                axes.forEach(a -> byAxis.computeIfAbsent(a, k -> new Tally()).add(contribution));
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
        Contribution bits = new Contribution(esf);
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

    private <K> Map<K, SliceFigures> finish(Map<K, Tally> tallies) {
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
}
