package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.PeriodFacts;
import fr.asso.europlie.plie.cohort.ReferentAssignment;
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
import java.util.IdentityHashMap;
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
        // Each operation met, with its tally and those of its operator and axis, looked up once per step;
        // a period adds to each tally once, told by the tally's stamp (the period's serial number).
        // Looked up by instance first (the model shares its identifiers: no record hashCode or equals
        // per period), then by value, so that equal identifiers still share their tallies.
        Map<OperationId, OperationTallies> byStepOperation = new HashMap<>();
        Map<OperationId, OperationTallies> byStepOperationInstance = new IdentityHashMap<>();
        Map<ReferentId, Tally> byReferentInstance = new IdentityHashMap<>();
        Map<TargetPublic, Tally> byTargetPublicInstance = new IdentityHashMap<>();
        Contribution contribution = new Contribution(esf);
        List<CompletenessReport.Item> missing = new ArrayList<>();
        int serial = 0;
        for (Participant participant : participants) {
            List<AccompanimentPeriod> periods = participant.periods();
            for (int i = 0, n = periods.size(); i < n; i++) {
                AccompanimentPeriod p = periods.get(i);
                contribution.fill(p, period);
                if (!contribution.counted) {
                    continue;
                }
                serial++;
                overall.add(contribution);
                completeness(participant, p, asOf, missing);
                ReferentId referent = referentAt(p, period);
                if (referent != null) {
                    Tally tally = byReferentInstance.get(referent);
                    if (tally == null) {
                        tally = tallyOf(byReferent, referent);
                        byReferentInstance.put(referent, tally);
                    }
                    tally.add(contribution);
                }
                for (TargetPublic targetPublic : p.targetPublics()) {
                    Tally tally = byTargetPublicInstance.get(targetPublic);
                    if (tally == null) {
                        tally = tallyOf(byTargetPublic, targetPublic.code());
                        byTargetPublicInstance.put(targetPublic, tally);
                    }
                    tally.add(contribution);
                }
                List<Step> steps = p.steps();
                for (int s = 0, m = steps.size(); s < m; s++) {
                    OperationId op = steps.get(s).operation();
                    if (op == null) {
                        continue;
                    }
                    OperationTallies tallies = byStepOperationInstance.get(op);
                    if (tallies == null) {
                        tallies = byStepOperation.get(op);
                        if (tallies == null) {
                            OperationDirectory.OperationInfo info = operations.operations().get(op);
                            tallies = new OperationTallies(tallyOf(byOperation, op), info == null ? null : tallyOf(byOperator, info.operator()),
                                    info == null ? null : tallyOf(byAxis, info.axis()));
                            byStepOperation.put(op, tallies);
                        }
                        byStepOperationInstance.put(op, tallies);
                    }
                    tallies.operation.addOnce(contribution, serial);
                    if (tallies.operator != null) {
                        tallies.operator.addOnce(contribution, serial);
                        tallies.axis.addOnce(contribution, serial);
                    }
                }
            }
        }
        IndicatorReport whole = new IndicatorReport(period, Slice.all(), overall.figures(objective), overall.esf(), completenessReport(asOf, missing));
        return new FullIndicatorReport(whole, finish(byReferent), finish(byOperator), finish(byOperation), finish(byAxis), finish(byTargetPublic));
    }

    /** The tallies a step's operation adds to: its own, its operator's and its axis's (null when the operation is unknown). */
    private record OperationTallies(Tally operation, Tally operator, Tally axis) {
    }

    private static <K> Tally tallyOf(Map<K, Tally> tallies, K key) {
        Tally tally = tallies.get(key);
        if (tally == null) {
            tally = new Tally();
            tallies.put(key, tally);
        }
        return tally;
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
        // per operation, the counts gender by gender then indicator by indicator, in one array (a
        // participant's indicators land in its gender's stretch: fewer cache lines to update)
        Map<OperationId, int[]> tallies = new HashMap<>();
        Map<OperationId, int[]> talliesByInstance = new IdentityHashMap<>();
        int genders = Gender.values().length;
        int indicatorCount = EsfIndicator.values().length;
        Contribution bits = new Contribution(esf);
        Map<ReferentId, OperationId> accompaniments = operations.accompaniments();
        // A participant's operations, each with the first and the last of its periods that take part
        // in it (as OperationDirectory.operationsOf gives them), in arrays reused from one participant
        // to the next: no map, list or lambda per participant.
        PeriodsByOperation byOperation = new PeriodsByOperation();
        long from = period.from().toEpochDay();
        long to = period.to().toEpochDay();
        for (Participant participant : participants) {
            byOperation.clear();
            List<AccompanimentPeriod> periods = participant.periods();
            for (int i = 0, n = periods.size(); i < n; i++) {
                AccompanimentPeriod p = periods.get(i);
                if (PeriodFacts.exotic(p) ? p.entryDate() == null : PeriodFacts.entryDay(p) == PeriodFacts.NO_ENTRY) {
                    continue;
                }
                List<Step> steps = p.steps();
                for (int s = 0, m = steps.size(); s < m; s++) {
                    OperationId op = steps.get(s).operation();
                    if (op != null) {
                        byOperation.add(op, p);
                    }
                }
                if (!accompaniments.isEmpty()) {
                    for (ReferentAssignment assignment : p.referents()) {
                        OperationId op = accompaniments.get(assignment.referent());
                        if (op != null) {
                            byOperation.add(op, p);
                        }
                    }
                }
            }
            for (int k = 0; k < byOperation.size; k++) {
                AccompanimentPeriod first = byOperation.first[k];
                AccompanimentPeriod last = byOperation.last[k];
                EsfEntryData data = first.entryData();
                if (data == null) {
                    continue; // counted in no FSE+ indicator; the completeness report lists it
                }
                long indicators = 0;
                // from the facts computed with the periods (epoch days), or else through their accessors
                if (PeriodFacts.exotic(first)) {
                    if (period.contains(first.entryDate())) {
                        indicators |= bits.outputs(data, first.entryDate());
                    }
                } else {
                    int entry = PeriodFacts.entryDay(first);
                    if (entry >= from && entry <= to) {
                        indicators |= bits.outputs(data, first);
                    }
                }
                if (PeriodFacts.exotic(last)) {
                    if (last.exitDate() != null && period.contains(last.exitDate())) {
                        indicators |= bits.resultsOf(data, last);
                    }
                } else {
                    int exit = PeriodFacts.exitDay(last);
                    if (exit != PeriodFacts.NO_EXIT && exit >= from && exit <= to) {
                        indicators |= bits.results(data, last);
                    }
                }
                OperationId op = byOperation.operations[k];
                int[] tally = talliesByInstance.get(op);
                if (tally == null) {
                    tally = tallies.get(op);
                    if (tally == null) {
                        tally = new int[indicatorCount * genders];
                        tallies.put(op, tally);
                    }
                    talliesByInstance.put(op, tally);
                }
                int row = data.gender().ordinal() * indicatorCount;
                for (long b = indicators; b != 0; b &= b - 1) {
                    tally[row + Long.numberOfTrailingZeros(b)]++;
                }
            }
        }
        Map<OperationId, EsfIndicators> reports = new HashMap<>();
        tallies.forEach((op, tally) -> {
            Map<EsfIndicator, GenderBreakdown> values = new EnumMap<>(EsfIndicator.class);
            int n = EsfIndicator.values().length;
            for (EsfIndicator indicator : EsfIndicator.values()) {
                int i = indicator.ordinal();
                values.put(indicator, new GenderBreakdown(tally[Gender.WOMAN.ordinal() * n + i], tally[Gender.MAN.ordinal() * n + i],
                        tally[Gender.NON_BINARY.ordinal() * n + i]));
            }
            reports.put(op, new EsfIndicators(values));
        });
        return new EsfReport(period, sortedById(reports), EsfReport.sum(reports.values()));
    }

    /** One participant's operations, each with its first and last period, in the order met. */
    private static final class PeriodsByOperation {
        OperationId[] operations = new OperationId[8];
        AccompanimentPeriod[] first = new AccompanimentPeriod[8];
        AccompanimentPeriod[] last = new AccompanimentPeriod[8];
        int size;

        void clear() {
            for (int k = 0; k < size; k++) {
                operations[k] = null;
                first[k] = null;
                last[k] = null;
            }
            size = 0;
        }

        void add(OperationId op, AccompanimentPeriod p) {
            for (int k = 0; k < size; k++) {
                // OperationId is a final record of one String: equal values, without the record's generated equals
                if (operations[k] == op || operations[k].value().equals(op.value())) {
                    last[k] = p;
                    return;
                }
            }
            if (size == operations.length) {
                operations = java.util.Arrays.copyOf(operations, size * 2);
                first = java.util.Arrays.copyOf(first, size * 2);
                last = java.util.Arrays.copyOf(last, size * 2);
            }
            operations[size] = op;
            first[size] = p;
            last[size] = p;
            size++;
        }
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
        return Optional.ofNullable(referentAt(p, period));
    }

    /**
     * The referent a period counts for in a report: the one in charge on its exit day when it left
     * before the period's end, else on the period's last day ({@link AccompanimentPeriod#referentOn}).
     *
     * @return the referent, or null
     */
    private static ReferentId referentAt(AccompanimentPeriod p, ReportPeriod period) {
        if (!PeriodFacts.exotic(p)) {
            // the same with the exit day computed with the period: min(exit, period's end) as epoch days
            long day = Math.min(PeriodFacts.exitDay(p), period.to().toEpochDay());
            ReferentId found = null;
            List<ReferentAssignment> referents = p.referents();
            for (int i = 0, n = referents.size(); i < n; i++) {
                ReferentAssignment assignment = referents.get(i);
                if (assignment.from().toEpochDay() <= day) {
                    found = assignment.referent();
                }
            }
            return found;
        }
        LocalDate exit = p.exitDate();
        LocalDate day = exit != null && exit.isBefore(period.to()) ? exit : period.to();
        ReferentId found = null;
        List<ReferentAssignment> referents = p.referents();
        for (int i = 0, n = referents.size(); i < n; i++) {
            ReferentAssignment assignment = referents.get(i);
            if (!assignment.from().isAfter(day)) {
                found = assignment.referent();
            }
        }
        return found;
    }

    private void completeness(Participant participant, AccompanimentPeriod p, LocalDate asOf, List<CompletenessReport.Item> missing) {
        if (!PeriodFacts.exotic(p)) {
            completeness(participant, p, asOf, asOf.toEpochDay(), missing);
            return;
        }
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
        if (p.sixMonthData() == null) {
            LocalDate sixMonths = exit.plusMonths(esf.sixMonthDataMonths());
            if (!sixMonths.isAfter(asOf)) {
                missing.add(new CompletenessReport.Item(participant.id(), p.number(), CompletenessReport.Kind.SIX_MONTH_DATA_DUE, sixMonths));
            }
        }
    }

    /**
     * {@link #completeness(Participant, AccompanimentPeriod, LocalDate, List)} of a period that is not
     * exotic, from the facts computed with it: its days are read only for the items it adds.
     */
    private void completeness(Participant participant, AccompanimentPeriod p, LocalDate asOf, long asOfDay, List<CompletenessReport.Item> missing) {
        int entry = PeriodFacts.entryDay(p);
        if (entry == PeriodFacts.NO_ENTRY || entry > asOfDay) {
            return;
        }
        if (p.entryData() == null) {
            long due = entry + 7L * esf.collectionWeeks(); // entry.plusWeeks(collectionWeeks)
            if (asOfDay > due) {
                missing.add(new CompletenessReport.Item(participant.id(), p.number(), CompletenessReport.Kind.ENTRY_DATA_MISSING, LocalDate.ofEpochDay(due)));
            }
        }
        int exit = PeriodFacts.exitDay(p);
        if (exit == PeriodFacts.NO_EXIT || exit > asOfDay) {
            return;
        }
        if (!PeriodFacts.hasExitData(p)) {
            missing.add(new CompletenessReport.Item(participant.id(), p.number(), CompletenessReport.Kind.EXIT_DATA_MISSING,
                    LocalDate.ofEpochDay(exit + 7L * esf.collectionWeeks())));
        }
        if (!PeriodFacts.hasSixMonthData(p)) {
            LocalDate exitDate = p.exitDate();
            if (Contribution.compareMonthsLater(exitDate, esf.sixMonthDataMonths(), asOf) <= 0) {
                missing.add(new CompletenessReport.Item(participant.id(), p.number(), CompletenessReport.Kind.SIX_MONTH_DATA_DUE,
                        exitDate.plusMonths(esf.sixMonthDataMonths())));
            }
        }
    }

    /** The order of the completeness items: by due day, then participant, then period (stable). */
    private static final Comparator<CompletenessReport.Item> ITEM_ORDER = Comparator.comparing(CompletenessReport.Item::dueOn)
            .thenComparing(i -> i.participant().value()).thenComparingInt(CompletenessReport.Item::period);
    /** The order of the items due the same day. */
    private static final Comparator<CompletenessReport.Item> SAME_DAY_ORDER = (a, b) -> {
        int byParticipant = a.participant().value().compareTo(b.participant().value());
        return byParticipant != 0 ? byParticipant : Integer.compare(a.period(), b.period());
    };
    /** The widest span of due days sorted by counting (a larger one is sorted by comparison). */
    private static final long MAX_DAY_SPAN = 1 << 20;

    private static CompletenessReport completenessReport(LocalDate asOf, List<CompletenessReport.Item> missing) {
        return new CompletenessReport(asOf, sorted(missing));
    }

    /**
     * The items in {@link #ITEM_ORDER}: a stable counting sort by due day (the days of a report span a
     * few thousand values), then a stable sort of each day's items by participant and period, already
     * in that order when the participants come sorted, so that the identifiers are compared only
     * within a day.
     */
    static List<CompletenessReport.Item> sorted(List<CompletenessReport.Item> items) {
        int n = items.size();
        if (n < 2) {
            return items;
        }
        long[] days = new long[n];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long day = items.get(i).dueOn().toEpochDay();
            days[i] = day;
            first = Math.min(first, day);
            last = Math.max(last, day);
        }
        if (last - first >= MAX_DAY_SPAN) {
            items.sort(ITEM_ORDER);
            return items;
        }
        int span = (int) (last - first) + 1;
        int[] starts = new int[span + 1];
        for (int i = 0; i < n; i++) {
            starts[(int) (days[i] - first) + 1]++;
        }
        for (int d = 0; d < span; d++) {
            starts[d + 1] += starts[d];
        }
        CompletenessReport.Item[] result = new CompletenessReport.Item[n];
        int[] next = starts.clone();
        for (int i = 0; i < n; i++) {
            result[next[(int) (days[i] - first)]++] = items.get(i);
        }
        for (int d = 0; d < span; d++) {
            if (starts[d + 1] - starts[d] > 1) {
                java.util.Arrays.sort(result, starts[d], starts[d + 1], SAME_DAY_ORDER);
            }
        }
        return java.util.Arrays.asList(result);
    }
}
