package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.PeriodFacts;
import fr.asso.europlie.plie.cohort.ReferentAssignment;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.ReferentNumbers;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
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
        Completeness completeness = new Completeness(asOf);
        for (Participant participant : participants) {
            for (AccompanimentPeriod p : participant.periods()) {
                if (matches(p, slice, period)) {
                    contribution.fill(p, period);
                    tally.add(contribution);
                    completeness.check(participant, p);
                }
            }
        }
        return new IndicatorReport(period, slice, tally.figures(objective), tally.esf(), completeness.report());
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
        return fullReport(participants, period, asOf, Long.SIZE);
    }

    /**
     * {@link #fullReport(Iterable, ReportPeriod, LocalDate)}, the operators, axes and target publics
     * of a period grouped in masks of at most so many bits (the others added one by one).
     *
     * <p>Each period is added once to its referent's slice (or to the slice of the periods without a
     * referent) and to each of its operations' slices; the whole cohort's counts are the sum of the
     * referents' and that slice's, added at the end. Its operators, axes and target publics are gathered in masks (a bit for
     * each of the first {@code maskBits} met): the period is added to the slice of its mask, a few
     * slices that stay in cache, and each mask's slice is added at the end to the slice of each
     * operator, axis or target public of the mask. The sums are the same.
     *
     * @param participants the participants, not null
     * @param period the report period, not null
     * @param asOf the day of the completeness report
     * @param maskBits 0 to 64: how many operators, axes and target publics (the first met) are gathered in masks
     * @return the report
     */
    FullIndicatorReport fullReport(Iterable<Participant> participants, ReportPeriod period, LocalDate asOf, int maskBits) {
        return fullReport(participants, period, asOf, maskBits, true);
    }

    /**
     * {@link #fullReport(Iterable, ReportPeriod, LocalDate, int)}, the referents' slices found by the
     * numbers their assignments hold ({@link ReferentNumbers}) or, without them, by identifier as for
     * an assignment that holds none: the same slices.
     *
     * @param participants the participants, not null
     * @param period the report period, not null
     * @param asOf the day of the completeness report
     * @param maskBits 0 to 64: how many operators, axes and target publics (the first met) are gathered in masks
     * @param byNumber whether to find the referents' slices by their numbers
     * @return the report
     */
    FullIndicatorReport fullReport(Iterable<Participant> participants, ReportPeriod period, LocalDate asOf, int maskBits, boolean byNumber) {
        // the periods without a referent; the whole cohort's counts are these plus every referent's, summed at the end
        Tallies noReferent = new Tallies(1);
        noReferent.newSlice();
        Slices<ReferentId> byReferent = new Slices<>();
        // each referent's slice plus one (0: not met yet), by the number its assignments hold (ReferentNumbers)
        int[] sliceByNumber = new int[64];
        long periodTo = period.to().toEpochDay();
        Slices<OrganisationId> byOperator = new Slices<>();
        Slices<OperationId> byOperation = new Slices<>();
        Slices<StrategicAxisId> byAxis = new Slices<>();
        Slices<String> byTargetPublic = new Slices<>();
        // each operation's operator and axis slices (-1 when the operation is unknown), by operation slice
        int[] operatorOf = new int[16];
        int[] axisOf = new int[16];
        // the masks met, each with its slice
        Slices.Masks operatorMasks = new Slices.Masks();
        Slices.Masks axisMasks = new Slices.Masks();
        Slices.Masks publicMasks = new Slices.Masks();
        Tallies byOperatorMask = new Tallies();
        Tallies byAxisMask = new Tallies();
        Tallies byPublicMask = new Tallies();
        java.util.Set<TargetPublic> lastPublics = null;
        long lastPublicsMask = 0;
        // the masks of the sets of target publics met, by instance (not those with a repeated code)
        Slices.Instances publicsSets = new Slices.Instances();
        long[] publicsSetMasks = new long[16];
        Contribution contribution = new Contribution(esf);
        Completeness completeness = new Completeness(asOf);
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
                completeness.check(participant, p);
                // the assignment in charge read where the period holds it (no assignment made), or found as before when exotic
                ReferentAssignment exotic = null;
                int at;
                if (PeriodFacts.exotic(p)) {
                    exotic = assignmentAt(p, period);
                    at = exotic == null ? -1 : 0;
                } else {
                    // the assignment in charge on min(exit, period's end), as assignmentAt
                    at = PeriodFacts.referentIndexOn(p, Math.min(PeriodFacts.exitDay(p), periodTo));
                }
                if (at >= 0) {
                    // the referent's slice by the number the assignment holds: the identifier is read once a referent
                    int number = !byNumber ? -1 : exotic != null ? ReferentNumbers.of(exotic) : PeriodFacts.referentNumber(p, at);
                    int slice = number >= 0 && number < sliceByNumber.length ? sliceByNumber[number] - 1 : -1;
                    if (slice < 0) {
                        ReferentId referent = exotic != null ? exotic.referent() : PeriodFacts.referent(p, at);
                        slice = byReferent.slice(referent, referent);
                        if (number >= 0) {
                            if (number >= sliceByNumber.length) {
                                sliceByNumber = java.util.Arrays.copyOf(sliceByNumber, Math.max(number + 1, sliceByNumber.length * 2));
                            }
                            sliceByNumber[number] = slice + 1;
                        }
                    }
                    byReferent.tallies.add(slice, contribution);
                } else {
                    noReferent.add(0, contribution);
                }
                java.util.Set<TargetPublic> publics = p.targetPublics();
                long publicsMask;
                int known = publics == lastPublics ? -2 : publicsSets.get(publics);
                if (known == -2) {
                    publicsMask = lastPublicsMask;
                } else if (known >= 0) {
                    publicsMask = publicsSetMasks[known];
                    lastPublics = publics;
                    lastPublicsMask = publicsMask;
                } else {
                    publicsMask = 0;
                    boolean repeated = false;
                    for (TargetPublic targetPublic : publics) {
                        int slice = byTargetPublic.known(targetPublic);
                        if (slice < 0) {
                            slice = byTargetPublic.slice(targetPublic, targetPublic.code());
                        }
                        if (slice < maskBits && (publicsMask & 1L << slice) == 0) {
                            publicsMask |= 1L << slice;
                        } else {
                            repeated = true; // two publics of one code, or beyond the mask: added one by one
                        }
                    }
                    if (repeated) {
                        publicsMask = 0;
                        for (TargetPublic targetPublic : publics) {
                            byTargetPublic.tallies.add(byTargetPublic.known(targetPublic), contribution);
                        }
                        lastPublics = null;
                    } else {
                        lastPublics = publics;
                        lastPublicsMask = publicsMask;
                        // the model shares equal sets of target publics: a set met again is not read again
                        // (at most a few thousand sets remembered, should another model not share them)
                        if (publicsSets.size() < MAX_PUBLICS_SETS) {
                            if (publicsSets.size() == publicsSetMasks.length) {
                                publicsSetMasks = java.util.Arrays.copyOf(publicsSetMasks, publicsSetMasks.length * 2);
                            }
                            publicsSetMasks[publicsSets.size()] = publicsMask;
                            publicsSets.put(publics, publicsSets.size());
                        }
                    }
                }
                if (publicsMask != 0) {
                    byPublicMask.add(slice(publicMasks, byPublicMask, publicsMask), contribution);
                }
                long operatorMask = 0;
                long axisMask = 0;
                OperationId lastOp = null;
                int lastSlice = -1;
                // the steps' operations read where the period holds them, no step made
                for (int s = 0, m = PeriodFacts.steps(p); s < m; s++) {
                    OperationId op = PeriodFacts.stepOperation(p, s);
                    if (op == null) {
                        continue;
                    }
                    // the steps of a period often follow one another in one operation: not looked up again
                    int slice = op == lastOp ? lastSlice : byOperation.known(op);
                    if (slice < 0) {
                        int slices = byOperation.size();
                        slice = byOperation.slice(op, op);
                        if (slice == slices) { // a new operation
                            if (slice == operatorOf.length) {
                                operatorOf = java.util.Arrays.copyOf(operatorOf, slice * 2);
                                axisOf = java.util.Arrays.copyOf(axisOf, slice * 2);
                            }
                            OperationDirectory.OperationInfo info = operations.operations().get(op);
                            operatorOf[slice] = info == null ? -1 : byOperator.slice(info.operator(), info.operator());
                            axisOf[slice] = info == null ? -1 : byAxis.slice(info.axis(), info.axis());
                        }
                    }
                    lastOp = op;
                    lastSlice = slice;
                    byOperation.tallies.addOnce(slice, contribution, serial);
                    int operator = operatorOf[slice];
                    if (operator >= 0) {
                        if (operator < maskBits) {
                            operatorMask |= 1L << operator;
                        } else {
                            byOperator.tallies.addOnce(operator, contribution, serial);
                        }
                        int axis = axisOf[slice];
                        if (axis < maskBits) {
                            axisMask |= 1L << axis;
                        } else {
                            byAxis.tallies.addOnce(axis, contribution, serial);
                        }
                    }
                }
                if (operatorMask != 0) {
                    byOperatorMask.add(slice(operatorMasks, byOperatorMask, operatorMask), contribution);
                }
                if (axisMask != 0) {
                    byAxisMask.add(slice(axisMasks, byAxisMask, axisMask), contribution);
                }
            }
        }
        spread(operatorMasks, byOperatorMask, byOperator.tallies);
        spread(axisMasks, byAxisMask, byAxis.tallies);
        spread(publicMasks, byPublicMask, byTargetPublic.tallies);
        Tallies overall = noReferent;
        for (int r = 0; r < byReferent.size(); r++) {
            overall.addAll(0, byReferent.tallies, r);
        }
        IndicatorReport whole = new IndicatorReport(period, Slice.all(), overall.figures(0, objective), overall.esf(0), completeness.report());
        return new FullIndicatorReport(whole, byReferent.finish(objective), byOperator.finish(objective), byOperation.finish(objective),
                byAxis.finish(objective), byTargetPublic.finish(objective));
    }

    /** The most sets of target publics whose masks a full report remembers by instance. */
    private static final int MAX_PUBLICS_SETS = 4096;

    /** The slice of a mask among tallies kept by mask, created with the mask. */
    private static int slice(Slices.Masks masks, Tallies byMask, long mask) {
        int number = masks.number(mask);
        if (number == byMask.size()) {
            byMask.newSlice();
        }
        return number;
    }

    /** Adds each mask's slice to the slice of each bit of the mask. */
    private static void spread(Slices.Masks masks, Tallies byMask, Tallies slices) {
        for (int k = 0; k < masks.size(); k++) {
            for (long bits = masks.mask(k); bits != 0; bits &= bits - 1) {
                slices.addAll(Long.numberOfTrailingZeros(bits), byMask, k);
            }
        }
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
        // per operation, the counts gender by gender then indicator by indicator, in one array for all
        // the operations (a participant's indicators land in its gender's stretch: fewer cache lines to
        // update); each operation numbered once, looked up by instance then by value
        Slices<OperationId> numbers = new Slices<>(false);
        int genders = Gender.values().length;
        int indicatorCount = EsfIndicator.values().length;
        int stride = indicatorCount * genders;
        int[] counts = new int[stride * 64];
        boolean[] counted = new boolean[64];
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
                for (int s = 0, m = PeriodFacts.steps(p); s < m; s++) {
                    OperationId op = PeriodFacts.stepOperation(p, s);
                    if (op != null) {
                        int number = numbers.known(op);
                        byOperation.add(number >= 0 ? number : numbers.slice(op, op), p);
                    }
                }
                if (!accompaniments.isEmpty()) {
                    for (int r = 0, k = PeriodFacts.referents(p); r < k; r++) {
                        OperationId op = accompaniments.get(PeriodFacts.referent(p, r));
                        if (op != null) {
                            byOperation.add(numbers.slice(op, op), p);
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
                int op = byOperation.operations[k];
                if (op >= counted.length) {
                    int length = Math.max(op + 1, counted.length * 2);
                    counted = java.util.Arrays.copyOf(counted, length);
                    counts = java.util.Arrays.copyOf(counts, length * stride);
                }
                counted[op] = true;
                int row = op * stride + data.gender().ordinal() * indicatorCount;
                for (long b = indicators; b != 0; b &= b - 1) {
                    counts[row + Long.numberOfTrailingZeros(b)]++;
                }
            }
        }
        Map<OperationId, EsfIndicators> reports = new HashMap<>();
        for (int op = 0; op < numbers.size() && op < counted.length; op++) {
            if (!counted[op]) {
                continue;
            }
            Map<EsfIndicator, GenderBreakdown> values = new EnumMap<>(EsfIndicator.class);
            int base = op * stride;
            for (EsfIndicator indicator : EsfIndicator.values()) {
                int i = indicator.ordinal();
                values.put(indicator, new GenderBreakdown(counts[base + Gender.WOMAN.ordinal() * indicatorCount + i],
                        counts[base + Gender.MAN.ordinal() * indicatorCount + i], counts[base + Gender.NON_BINARY.ordinal() * indicatorCount + i]));
            }
            reports.put(numbers.key(op), new EsfIndicators(values));
        }
        return new EsfReport(period, sortedById(reports), EsfReport.sum(reports.values()));
    }

    /** One participant's operations (their numbers), each with its first and last period, in the order met. */
    private static final class PeriodsByOperation {
        int[] operations = new int[8];
        AccompanimentPeriod[] first = new AccompanimentPeriod[8];
        AccompanimentPeriod[] last = new AccompanimentPeriod[8];
        int size;

        void clear() {
            for (int k = 0; k < size; k++) {
                first[k] = null;
                last[k] = null;
            }
            size = 0;
        }

        void add(int op, AccompanimentPeriod p) {
            for (int k = 0; k < size; k++) {
                if (operations[k] == op) {
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
        for (int s = 0, m = PeriodFacts.steps(p); s < m; s++) {
            OperationId op = PeriodFacts.stepOperation(p, s);
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
        ReferentAssignment assignment = assignmentAt(p, period);
        return Optional.ofNullable(assignment == null ? null : assignment.referent());
    }

    /**
     * The assignment of the referent a period counts for in a report: the one in charge on its exit
     * day when it left before the period's end, else on the period's last day
     * ({@link AccompanimentPeriod#referentOn}).
     *
     * @return the assignment, or null
     */
    private static ReferentAssignment assignmentAt(AccompanimentPeriod p, ReportPeriod period) {
        if (!PeriodFacts.exotic(p)) {
            // the same with the exit day computed with the period: min(exit, period's end) as epoch days
            int at = PeriodFacts.referentIndexOn(p, Math.min(PeriodFacts.exitDay(p), period.to().toEpochDay()));
            return at < 0 ? null : p.referents().get(at);
        }
        LocalDate exit = p.exitDate();
        LocalDate day = exit != null && exit.isBefore(period.to()) ? exit : period.to();
        ReferentAssignment found = null;
        List<ReferentAssignment> referents = p.referents();
        for (int i = 0, n = referents.size(); i < n; i++) {
            ReferentAssignment assignment = referents.get(i);
            if (!assignment.from().isAfter(day)) {
                found = assignment;
            }
        }
        return found;
    }

    /**
     * The missing FSE+ data on a day, gathered period by period during a report's pass.
     */
    private final class Completeness {
        private final LocalDate asOf;
        private final long asOfDay;
        /**
         * The last exit day whose six-month data is due by {@link #asOf} (exit plus the months not after
         * it), computed once: {@code plusMonths} never runs backwards, so the exits for which the data
         * is due are those up to this day. {@link Long#MIN_VALUE} when the day is beyond the safe years
         * (each exit is then compared as before).
         */
        private final long sixMonthDueUpTo;
        private final List<CompletenessReport.Item> missing = new ArrayList<>();

        Completeness(LocalDate asOf) {
            this.asOf = asOf;
            this.asOfDay = asOf.toEpochDay();
            this.sixMonthDueUpTo = sixMonthDueUpTo(asOf, esf.sixMonthDataMonths());
        }

        /**
         * Whether the items came in the order of participant then period ({@link #SAME_DAY_ORDER}):
         * then the items of each day, kept in that order by the stable sort by day, need no sort.
         */
        private boolean ordered = true;
        /** The participant and period of the last item added, or null. */
        private ParticipantId lastParticipant;
        private int lastPeriod;

        CompletenessReport report() {
            return new CompletenessReport(asOf, sorted(missing, ordered));
        }

        /**
         * Adds an item, checking that it does not come before the last one in participant then period
         * order: the identifiers are compared once a change of participant (a participant's items come
         * together), not once an item of each day as a sort of each day's items does.
         */
        private void add(ParticipantId participant, int number, CompletenessReport.Kind kind, LocalDate due) {
            if (ordered && lastParticipant != null) {
                int byParticipant = participant == lastParticipant ? 0 : participant.value().compareTo(lastParticipant.value());
                ordered = byParticipant > 0 || byParticipant == 0 && number >= lastPeriod;
            }
            lastParticipant = participant;
            lastPeriod = number;
            missing.add(new CompletenessReport.Item(participant, number, kind, due));
        }

        void check(Participant participant, AccompanimentPeriod p) {
            if (!PeriodFacts.exotic(p)) {
                checkFacts(participant, p);
                return;
            }
            LocalDate entry = p.entryDate();
            if (entry == null || entry.isAfter(asOf)) {
                return;
            }
            if (p.entryData() == null) {
                LocalDate due = entry.plusWeeks(esf.collectionWeeks());
                if (asOf.isAfter(due)) {
                    add(participant.id(), p.number(), CompletenessReport.Kind.ENTRY_DATA_MISSING, due);
                }
            }
            LocalDate exit = p.exitDate();
            if (exit == null || exit.isAfter(asOf)) {
                return;
            }
            if (p.exit().data() == null) {
                add(participant.id(), p.number(), CompletenessReport.Kind.EXIT_DATA_MISSING,
                        exit.plusWeeks(esf.collectionWeeks()));
            }
            if (p.sixMonthData() == null) {
                LocalDate sixMonths = exit.plusMonths(esf.sixMonthDataMonths());
                if (!sixMonths.isAfter(asOf)) {
                    add(participant.id(), p.number(), CompletenessReport.Kind.SIX_MONTH_DATA_DUE, sixMonths);
                }
            }
        }

        /**
         * {@link #check} of a period that is not exotic, from the facts computed with it: its days are
         * read only for the items it adds.
         */
        private void checkFacts(Participant participant, AccompanimentPeriod p) {
            int entry = PeriodFacts.entryDay(p);
            if (entry == PeriodFacts.NO_ENTRY || entry > asOfDay) {
                return;
            }
            if (p.entryData() == null) {
                long due = entry + 7L * esf.collectionWeeks(); // entry.plusWeeks(collectionWeeks)
                if (asOfDay > due) {
                    add(participant.id(), p.number(), CompletenessReport.Kind.ENTRY_DATA_MISSING,
                            LocalDate.ofEpochDay(due));
                }
            }
            int exit = PeriodFacts.exitDay(p);
            if (exit == PeriodFacts.NO_EXIT || exit > asOfDay) {
                return;
            }
            if (!PeriodFacts.hasExitData(p)) {
                add(participant.id(), p.number(), CompletenessReport.Kind.EXIT_DATA_MISSING,
                        LocalDate.ofEpochDay(exit + 7L * esf.collectionWeeks()));
            }
            if (!PeriodFacts.hasSixMonthData(p)) {
                boolean due = sixMonthDueUpTo != Long.MIN_VALUE ? exit <= sixMonthDueUpTo
                        : Contribution.compareMonthsLater(p.exitDate(), esf.sixMonthDataMonths(), asOf) <= 0;
                if (due) {
                    add(participant.id(), p.number(), CompletenessReport.Kind.SIX_MONTH_DATA_DUE,
                            p.exitDate().plusMonths(esf.sixMonthDataMonths()));
                }
            }
        }
    }

    /**
     * The last day whose {@code plusMonths(months)} is not after a day: a day {@code d} has
     * {@code !d.plusMonths(months).isAfter(asOf)} exactly when {@code d.toEpochDay()} is at most this
     * ({@code plusMonths} keeps the days' order).
     *
     * @param asOf the day
     * @param months 0 or more
     * @return the epoch day, or {@link Long#MIN_VALUE} when {@code asOf} is beyond the years -1,000,000 to 1,000,000
     */
    static long sixMonthDueUpTo(LocalDate asOf, int months) {
        if (asOf.getYear() > 1_000_000 || asOf.getYear() < -1_000_000 || months > 1_200) {
            return Long.MIN_VALUE;
        }
        // asOf minus the months, plus them again, is not after asOf (the day of the month only shrinks)
        LocalDate last = asOf.minusMonths(months);
        while (!last.plusDays(1).plusMonths(months).isAfter(asOf)) {
            last = last.plusDays(1);
        }
        return last.toEpochDay();
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

    /**
     * The items in {@link #ITEM_ORDER}: a stable counting sort by due day (the days of a report span a
     * few thousand values), then a stable sort of each day's items by participant and period, already
     * in that order when the participants come sorted, so that the identifiers are compared only
     * within a day.
     */
    static List<CompletenessReport.Item> sorted(List<CompletenessReport.Item> items) {
        return sorted(items, false);
    }

    /**
     * {@link #sorted(List)}, the items of each day not compared when the items are known to come in
     * participant then period order ({@link #SAME_DAY_ORDER}): the stable sort by day keeps them so.
     *
     * @param items the items
     * @param ordered whether every item is, in {@link #SAME_DAY_ORDER}, not before the one preceding it
     * @return the items in {@link #ITEM_ORDER}
     */
    static List<CompletenessReport.Item> sorted(List<CompletenessReport.Item> items, boolean ordered) {
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
        for (int d = 0; d < span && !ordered; d++) {
            if (starts[d + 1] - starts[d] > 1) {
                java.util.Arrays.sort(result, starts[d], starts[d + 1], SAME_DAY_ORDER);
            }
        }
        return java.util.Arrays.asList(result);
    }
}
