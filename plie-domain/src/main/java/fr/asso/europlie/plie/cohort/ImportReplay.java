package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The import of participants through the commands (import par rejeu): each imported participant's
 * history is replayed, period after period and day after day, through the {@link Pathways}
 * commands, with the rules spanning participants (the referent's caseload cap, the ban on double
 * accompaniment of the same person) checked against {@link CohortCounts}: the counts of the target
 * store plus those of the participants this import accepted before. A participant is imported only
 * when the commands would have built it; what they refuse is reported, every problem at once, at a
 * path of the participant ({@code periods[n].adhesion.referent}, {@code periods[n].steps[2].start}),
 * which the readers place at the file's row and column or the document's path.
 *
 * <p>What is replayed, in the order of the days (on one day: status changes, the commission's
 * decision, the adhesion, the FSE+ entry data, referent reassignments, steps, in-work follow-ups,
 * the exit): each status change ({@link Pathways#changeStatus}), the entry decision
 * ({@link Pathways#validateEntry}, {@link Pathways#rejectEntry}), the adhesion with the designation of
 * its referent ({@link Pathways#adhere}: referent known, under its cap on every day of the imported
 * assignment, designated
 * by the Département for an RSA recipient), the entry data ({@link Pathways#recordEntryData}: the age
 * at entry), each reassignment ({@link Pathways#reassignReferent}), each step as given (with its end
 * and validation, {@link Pathways#addStep}: within the maximum duration), each in-work follow-up
 * ({@link Pathways#startInWorkFollowUp}: qualifying work under way; {@link Pathways#interruptInWorkFollowUp}),
 * then the exit with its FSE+ data upon leaving: the completion of the in-work follow-up with the
 * reason imported when the last follow-up is completed, else the exit command (its state, the
 * maximum duration reached for that reason, {@code PLIE-COHORT-017}, a follow-up under way closed
 * as interrupted), and last the six-month data ({@link Pathways#recordSixMonthData}: collected
 * six months after the exit, {@code PLIE-COHORT-032}). Past days are accepted: the commands take
 * the day they are given.
 *
 * <p>Not replayed, since the data does not hold what they need or since history keeps what was
 * decided then: eligibility (the situation at referral is not exported: the target publics given
 * must be the settings', {@code PLIE-COHORT-005}), the other PTI scheme (its flag is kept as
 * recorded), and the rule of a positive exit (the in-work follow-up an employment exit needs, the
 * employment and training rules), which {@link ImportChecks} checks on the steps given, refusing
 * or demoting it ({@link ImportedExits}), and does not re-derive when no step is given. The
 * readers run {@link ImportChecks} where they place its problems, and report a problem found by
 * both (six-month data collected too early) once. The ban on double accompaniment is judged on
 * the participant's current period: an open period is refused while another participant of the
 * same person has one ({@code PLIE-COHORT-041} at {@code identity}).
 *
 * <p>The participant imported is the one given (its steps in the order given), once the replay
 * has built the same periods. Not thread-safe: one import at a time.
 */
public final class ImportReplay {

    private final CohortSettings settings;
    private final Referents referents;
    private final CohortCounts stored;
    private final Map<ReferentId, StagedSpans> stagedSpans = new HashMap<>();
    private final Map<PersonKey, ParticipantId> stagedOpen = new HashMap<>();
    /** The identity whose key was computed last, and its key: {@link #check} then {@link #accept} ask for the same one. */
    private PersonalData lastIdentity;
    private PersonKey lastKey;
    /**
     * Whether a run of status changes and steps is applied in one change when every command of it
     * accepts ({@link Pathways#changeStatusesAndAddSteps}); false only in the tests that check it
     * against the commands one by one.
     */
    boolean batched = true;
    /**
     * Whether the caseload cap's busiest day is found from the accepted spans' days ({@link StagedSpans#peak})
     * rather than by {@link CaseloadSpan#peak} over the spans; false only in the tests that check one against the other.
     */
    boolean peaksFromDays = true;
    /** The counts of the target plus those of the participants this import accepted before. */
    private final ImportCounts counts = new ImportCounts();

    /** The counts of the target plus those of the participants this import accepted before. */
    private final class ImportCounts implements CohortCounts {
        @Override
        public List<CaseloadSpan> caseloadSpans(ReferentId referent, LocalDate from, LocalDate end, ParticipantId excluded) {
            List<CaseloadSpan> inStore = stored.caseloadSpans(referent, from, end, excluded);
            StagedSpans staged = stagedSpans.get(referent);
            if (staged == null) {
                return new ArrayList<>(inStore);
            }
            return staged.overlapping(inStore, from, end);
        }

        /**
         * {@code CaseloadSpan.peak(caseloadSpans(referent, from, spansEnd, excluded), from, peakEnd)},
         * the accepted spans read from their days.
         */
        CaseloadSpan.Peak peak(ReferentId referent, LocalDate from, LocalDate spansEnd, LocalDate peakEnd, ParticipantId excluded) {
            List<CaseloadSpan> inStore = stored.caseloadSpans(referent, from, spansEnd, excluded);
            StagedSpans staged = stagedSpans.get(referent);
            if (staged == null) {
                return CaseloadSpan.peak(inStore, from, peakEnd);
            }
            return staged.peak(inStore, from, spansEnd, peakEnd);
        }

        @Override
        public Optional<ParticipantId> openPeriodOf(PersonKey person, ParticipantId excluded) {
            Optional<ParticipantId> found = stored.openPeriodOf(person, excluded);
            if (found.isPresent()) {
                return found;
            }
            ParticipantId staged = stagedOpen.get(person);
            return staged == null || staged.equals(excluded) ? Optional.empty() : Optional.of(staged);
        }
    }

    /**
     * An import into a store.
     *
     * @param settings the cohort's settings, not null
     * @param referents the referents known to the target, including those the import registers, not null
     * @param stored the counts of the participants already in the target, not null
     */
    public ImportReplay(CohortSettings settings, Referents referents, CohortCounts stored) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.referents = Objects.requireNonNull(referents, "referents");
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    /**
     * An import into an empty cohort that knows the given referents: what a reader checks, the file
     * alone.
     *
     * @param settings the cohort's settings, not null
     * @param referents the referents of the file
     * @return the import
     */
    public static ImportReplay intoEmptyCohort(CohortSettings settings, List<Referent> referents) {
        InMemoryReferents known = new InMemoryReferents();
        referents.forEach(known::put);
        return new ImportReplay(settings, known, new ScanningCohortCounts(new InMemoryParticipants(), new PersonalDataVault()));
    }

    /**
     * Replays one imported participant; when the commands accept it, the counts of the next ones
     * include it.
     *
     * @param imported the participant as read, checked as a whole by its constructor, not null
     * @param identity its identity, or null (erased, or a pseudonymised export): the age at entry and
     *        the same person are then not checked
     * @return the problems, each at a path of the participant ({@code periods[0].adhesion.referent},
     *         {@code identity}); empty when imported
     */
    public List<Violation> replay(Participant imported, PersonalData identity) {
        List<Violation> problems = check(imported, identity);
        if (problems.isEmpty()) {
            accept(imported, identity);
        }
        return problems;
    }

    /**
     * Counts a participant as imported without replaying it (one the caller replayed and keeps).
     *
     * @param participant the participant, not null
     * @param identity its identity, or null
     */
    public void accept(Participant participant, PersonalData identity) {
        for (CaseloadSpan span : participant.caseloadSpans()) {
            stagedSpans.computeIfAbsent(span.referent(), k -> new StagedSpans()).add(span);
        }
        if (identity != null && participant.isOpen()) {
            stagedOpen.putIfAbsent(keyOf(identity), participant.id());
        }
    }

    /**
     * Replays one imported participant without counting it for the next ones (the caller counts
     * it with {@link #accept} when it keeps it).
     *
     * @param imported the participant as read, not null
     * @param identity its identity, or null
     * @return the problems, as {@link #replay} reports them
     */
    public List<Violation> check(Participant imported, PersonalData identity) {
        Objects.requireNonNull(imported, "imported");
        List<Violation> problems = new ArrayList<>();
        PersonalDataVault one = new PersonalDataVault();
        if (identity != null) {
            one.put(imported.id(), identity);
        }
        Pathways pathways = new Pathways(settings, referents, new AssignmentCounts(ends(imported)), one);
        Participant current = null;
        for (int k = 0; k < imported.periods().size(); k++) {
            AccompanimentPeriod period = imported.periods().get(k);
            String at = "periods[" + k + "]";
            AccompanimentPeriod opened = new AccompanimentPeriod(period.number(), period.referral(), period.targetPublics(),
                    period.doubleAccompanimentFlagged(), null, null, List.of(), List.of(period.statuses().get(0)), List.of(), null,
                    List.of(), null, null);
            try {
                current = current == null ? Participant.of(imported.id(), opened) : current.withNewPeriod(opened);
            } catch (PlieException e) {
                e.violations().forEach(v -> problems.add(v.under(at)));
                return problems;
            }
            List<Event> events = events(period);
            for (int e = 0, n = events.size(); e < n; ) {
                // a run of status changes and steps: applied in one change when every command of the run accepts it
                int run = e;
                while (run < n && events.get(run).change() != null) {
                    run++;
                }
                if (batched && run - e >= 2) {
                    List<Object> changes = new ArrayList<>(run - e);
                    for (int i = e; i < run; i++) {
                        changes.add(events.get(i).change());
                    }
                    Participant next = pathways.changeStatusesAndAddSteps(current, changes);
                    if (next != null) {
                        current = next;
                        e = run;
                        continue;
                    }
                }
                // else each event of the run, or the one event, through its command
                for (int end = Math.max(run, e + 1); e < end; e++) {
                    Event event = events.get(e);
                    try {
                        current = event.command().apply(current, pathways);
                    } catch (PlieException refused) {
                        refused.violations().forEach(v -> problems.add(v.under(at)));
                        try {
                            AccompanimentPeriod.Draft draft = current.currentPeriod().draft();
                            event.force().accept(draft);
                            current = current.withPeriod(draft.build());
                        } catch (PlieException x) {
                            return problems; // the rest of the history cannot be built on what is refused
                        }
                    }
                }
            }
        }
        if (identity != null && current != null && current.isOpen()) {
            PersonKey key = keyOf(identity);
            counts.openPeriodOf(key, imported.id()).ifPresent(other -> problems.add(
                    Violation.of(CohortError.PERSON_ALREADY_FOLLOWED, "identity", key, other)));
        }
        return problems;
    }

    /** The person's key of an identity, computed once for the identity given to {@link #check} and then to {@link #accept}. */
    private PersonKey keyOf(PersonalData identity) {
        if (identity != lastIdentity) {
            lastKey = PersonKey.of(identity);
            lastIdentity = identity;
        }
        return lastKey;
    }

    /**
     * The last day (excluded) of each of the participant's assignments, by referent and first day:
     * the next assignment's first day or the exit, null while open.
     */
    private static Map<AssignmentKey, LocalDate> ends(Participant participant) {
        Map<AssignmentKey, LocalDate> ends = new HashMap<>();
        for (AccompanimentPeriod period : participant.periods()) {
            List<ReferentAssignment> assignments = period.referents();
            for (int i = 0; i < assignments.size(); i++) {
                LocalDate end = i + 1 < assignments.size() ? assignments.get(i + 1).from() : null;
                LocalDate exit = period.exitDate();
                if (exit != null && (end == null || exit.isBefore(end))) {
                    end = exit;
                }
                ends.put(key(assignments.get(i).referent(), assignments.get(i).from()), end);
            }
        }
        return ends;
    }

    private static AssignmentKey key(ReferentId referent, LocalDate from) {
        return new AssignmentKey(referent, from);
    }

    /** An assignment of the imported history: its referent and first day. */
    private record AssignmentKey(ReferentId referent, LocalDate from) {
    }

    /**
     * The counts the replayed commands see: an imported assignment is judged on the days it lasts
     * in the imported history (up to the next assignment or the exit), not every day on as a live
     * designation of an open period is, since the import adds a whole stretch of history at once.
     * The commands find the busiest day with {@link CaseloadSpan#peak} over the spans this answers:
     * those that overlap the assignment's days, which give the same peak (a span that covers a day
     * past the assignment and starts within it covers its last day too).
     */
    private final class AssignmentCounts implements CohortCounts, CaseloadPeaks {
        private final Map<AssignmentKey, LocalDate> ends;

        AssignmentCounts(Map<AssignmentKey, LocalDate> ends) {
            this.ends = ends;
        }

        @Override
        public List<CaseloadSpan> caseloadSpans(ReferentId referent, LocalDate from, LocalDate end, ParticipantId excluded) {
            return counts.caseloadSpans(referent, from, last(referent, from, end), excluded);
        }

        /** The peak over the spans {@link #caseloadSpans} gives, found from the accepted spans' days ({@link StagedSpans#peak}). */
        @Override
        public CaseloadSpan.Peak caseloadPeak(ReferentId referent, LocalDate from, LocalDate end, ParticipantId excluded) {
            if (!peaksFromDays) {
                return CaseloadSpan.peak(caseloadSpans(referent, from, end, excluded), from, end);
            }
            if (end != null && !end.isAfter(from)) {
                throw new IllegalArgumentException("caseload stretch ends " + end + ", not after " + from);
            }
            return counts.peak(referent, from, last(referent, from, end), end, excluded);
        }

        /** The end of the days the assignment from {@code from} is judged on, within those asked. */
        private LocalDate last(ReferentId referent, LocalDate from, LocalDate end) {
            AssignmentKey key = key(referent, from);
            LocalDate last = ends.containsKey(key) ? ends.get(key) : from.plusDays(1);
            if (last != null && !last.isAfter(from)) {
                last = from.plusDays(1);
            }
            if (end != null && (last == null || end.isBefore(last))) {
                last = end;
            }
            return last;
        }

        @Override
        public Optional<ParticipantId> openPeriodOf(PersonKey person, ParticipantId excluded) {
            return counts.openPeriodOf(person, excluded);
        }
    }

    /**
     * The spans of one referent's caseload that this import accepted, in the order of their first
     * day (the same first day: in the order accepted), so that the spans that may overlap a stretch
     * ending on a day are a prefix found by binary search rather than every span accepted.
     */
    static final class StagedSpans {
        private CaseloadSpan[] spans = new CaseloadSpan[4];
        /** Each span's first day and end as epoch days (no end: {@link Long#MAX_VALUE}), so that the searches read no date. */
        private long[] firsts = new long[4];
        private long[] ends = new long[4];
        private int size;

        void add(CaseloadSpan span) {
            long first = span.first().toEpochDay();
            int at = firstStartingOnOrAfter(first + 1);
            if (size == spans.length) {
                spans = java.util.Arrays.copyOf(spans, size * 2);
                firsts = java.util.Arrays.copyOf(firsts, size * 2);
                ends = java.util.Arrays.copyOf(ends, size * 2);
            }
            System.arraycopy(spans, at, spans, at + 1, size - at);
            System.arraycopy(firsts, at, firsts, at + 1, size - at);
            System.arraycopy(ends, at, ends, at + 1, size - at);
            spans[at] = span;
            firsts[at] = first;
            ends[at] = span.end() == null ? Long.MAX_VALUE : span.end().toEpochDay();
            size++;
        }

        /** The index of the first span starting on or after a day (an epoch day), or the size when none does. */
        private int firstStartingOnOrAfter(long day) {
            int low = 0;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (firsts[mid] < day) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        /**
         * The spans given followed by those of this caseload that overlap the days from {@code from}
         * up to but excluding {@code end} ({@link CaseloadSpan#overlaps}): only those starting before
         * {@code end} are looked at, each ending after {@code from}.
         */
        List<CaseloadSpan> overlapping(List<CaseloadSpan> before, LocalDate from, LocalDate end) {
            int candidates = end == null ? size : firstStartingOnOrAfter(end.toEpochDay());
            long fromDay = from.toEpochDay();
            // sized for every candidate: no growing while the overlapping ones are added
            List<CaseloadSpan> found = new ArrayList<>(before.size() + candidates);
            found.addAll(before);
            for (int i = 0; i < candidates; i++) {
                if (ends[i] > fromDay) { // a candidate starts before end: it overlaps when it ends after from
                    found.add(spans[i]);
                }
            }
            return found;
        }

        /**
         * {@code CaseloadSpan.peak(overlapping(before, from, spansEnd), from, peakEnd)}, reading the
         * days of this caseload's spans from its arrays rather than from the spans.
         */
        CaseloadSpan.Peak peak(List<CaseloadSpan> before, LocalDate from, LocalDate spansEnd, LocalDate peakEnd) {
            Objects.requireNonNull(from, "from");
            if (peakEnd != null && !peakEnd.isAfter(from)) {
                throw new IllegalArgumentException("caseload stretch ends " + peakEnd + ", not after " + from);
            }
            int candidates = spansEnd == null ? size : firstStartingOnOrAfter(spansEnd.toEpochDay());
            long fromDay = from.toEpochDay();
            long peakEndDay = peakEnd == null ? Long.MAX_VALUE : peakEnd.toEpochDay();
            long[] starts = new long[before.size() + candidates];
            long[] stops = new long[starts.length];
            int startCount = 0;
            int stopCount = 0;
            // what CaseloadSpan.peak takes of each span: the spans of the store as given, then the accepted ones
            for (CaseloadSpan span : before) {
                if (span.overlaps(from, peakEnd)) {
                    starts[startCount++] = Math.max(span.first().toEpochDay(), fromDay);
                    if (span.end() != null && (peakEnd == null || span.end().isBefore(peakEnd))) {
                        stops[stopCount++] = span.end().toEpochDay();
                    }
                }
            }
            for (int i = 0; i < candidates; i++) {
                // a candidate starts before spansEnd; it is one of overlapping's when it ends after from, and
                // then counts when it also starts before peakEnd
                if (ends[i] > fromDay && firsts[i] < peakEndDay) {
                    starts[startCount++] = Math.max(firsts[i], fromDay);
                    if (ends[i] < peakEndDay) {
                        stops[stopCount++] = ends[i];
                    }
                }
            }
            return CaseloadSpan.sweep(starts, startCount, stops, stopCount, from);
        }
    }

    /**
     * A change of the current period: the command, the same change forced to go on replaying after a
     * refusal, and for a status change or a step the change itself, which a run of them applies at once
     * ({@link Pathways#changeStatusesAndAddSteps}).
     */
    private record Event(LocalDate day, int rank, int sequence, Command command, Consumer<AccompanimentPeriod.Draft> force, Object change) {

        /** An event that only its command applies. */
        Event(LocalDate day, int rank, int sequence, Command command, Consumer<AccompanimentPeriod.Draft> force) {
            this(day, rank, sequence, command, force, null);
        }
    }

    private interface Command {
        Participant apply(Participant participant, Pathways pathways);
    }

    private List<Event> events(AccompanimentPeriod period) {
        List<Event> events = new ArrayList<>();
        int n = period.number();
        for (int i = 1; i < period.statuses().size(); i++) {
            StatusChange change = period.statuses().get(i);
            events.add(new Event(change.since(), 0, events.size(), (p, c) -> c.changeStatus(p, change.since(), change.status()),
                    d -> d.statuses.add(change), change));
        }
        EntryDecision decision = period.entryDecision();
        if (decision != null) {
            events.add(new Event(decision.decidedOn(), 1, events.size(),
                    (p, c) -> decision.validated() ? c.validateEntry(p, decision.decidedOn()) : c.rejectEntry(p, decision.decidedOn(), decision.reason()),
                    d -> d.entryDecision = decision));
        }
        Adhesion adhesion = period.adhesion();
        if (adhesion != null) {
            ReferentAssignment first = period.referents().get(0);
            events.add(new Event(adhesion.entryDate(), 2, events.size(), (p, c) -> c.adhere(p, adhesion, first.designatedBy()), d -> {
                d.adhesion = adhesion;
                d.referents.add(first);
            }));
            if (period.entryData() != null) {
                EsfEntryData data = period.entryData();
                events.add(new Event(adhesion.entryDate(), 3, events.size(), (p, c) -> c.recordEntryData(p, n, data), d -> d.entryData = data));
            }
        }
        for (int i = 1; i < period.referents().size(); i++) {
            ReferentAssignment next = period.referents().get(i);
            events.add(new Event(next.from(), 4, events.size(),
                    (p, c) -> c.reassignReferent(p, next.referent(), next.from(), next.designatedBy()), d -> d.referents.add(next)));
        }
        for (Step step : period.steps()) {
            events.add(new Event(step.start(), 5, events.size(), (p, c) -> c.addStep(p, step), d -> d.steps.add(step), step));
        }
        for (InWorkFollowUp followUp : period.followUps()) {
            events.add(new Event(followUp.startedOn(), 6, events.size(), (p, c) -> c.startInWorkFollowUp(p, followUp.startedOn()),
                    d -> d.followUps.add(new InWorkFollowUp(followUp.startedOn(), null, false))));
            if (followUp.endedOn() != null && !followUp.completed()) {
                events.add(new Event(followUp.endedOn(), 6, events.size(), (p, c) -> c.interruptInWorkFollowUp(p, followUp.endedOn()),
                        d -> closeFollowUp(d, followUp)));
            }
        }
        Exit exit = period.exit();
        if (exit != null) {
            InWorkFollowUp last = period.followUps().isEmpty() ? null : period.followUps().get(period.followUps().size() - 1);
            boolean completes = last != null && last.completed();
            events.add(new Event(exit.exitedOn(), 9, events.size(), (p, c) -> completes
                    ? c.completeInWorkFollowUpAsImported(p, exit.exitedOn(), exit.reason(), exit.data())
                    : c.exitAsImported(p, exit.exitedOn(), exit.reason(), exit.data()), d -> {
                        int open = d.followUps.size() - 1;
                        if (open >= 0 && d.followUps.get(open).isOpen() && last != null) {
                            closeFollowUp(d, last);
                        }
                        d.exit = exit;
                    }));
            if (period.sixMonthData() != null) {
                EsfSixMonthData six = period.sixMonthData();
                events.add(new Event(exit.exitedOn(), 10, events.size(), (p, c) -> c.recordSixMonthData(p, n, six), d -> d.sixMonthData = six));
            }
        }
        events.sort(ImportReplay::inOrder);
        return events;
    }

    /** By day, then rank, then the order the events were listed in. */
    private static int inOrder(Event a, Event b) {
        int byDay = a.day().compareTo(b.day());
        if (byDay != 0) {
            return byDay;
        }
        int byRank = Integer.compare(a.rank(), b.rank());
        return byRank != 0 ? byRank : Integer.compare(a.sequence(), b.sequence());
    }

    private static void closeFollowUp(AccompanimentPeriod.Draft draft, InWorkFollowUp as) {
        int open = draft.followUps.size() - 1;
        draft.followUps.set(open, new InWorkFollowUp(draft.followUps.get(open).startedOn(), as.endedOn(), as.completed()));
    }

    // ---------------------------------------------------------------- a whole import

    /**
     * Imports data as a whole (the in-memory cohort's and the engine's load): the checks of the data
     * as a set (identifiers new to the target and unique, target publics of the settings, identities
     * and erasures of participants of the data), the {@link ImportChecks} of each period (six-month
     * data, imported positive exits), then the replay of each participant in order. Changes nothing:
     * the caller stores the result's data.
     *
     * @param data the data, not null
     * @param mode all or nothing, or the participants without problem (the others reported)
     * @param exits refuse or demote an imported positive exit whose steps do not meet its rule
     * @param taken whether an identifier is already used in the target, not null
     * @return the participants to store (demoted exits applied), the referents and the identities and
     *         erasures of those participants; the problems of the participants left out, each at
     *         {@code participants[i]...}; the exits demoted
     * @throws InvalidValueException with every problem, when all or nothing and a problem is found, or
     *         in both modes when an identity or erasure names no participant of the data
     */
    public ImportResult importData(CohortData data, ImportMode mode, ImportedExits exits, Predicate<ParticipantId> taken) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(exits, "exits");
        Objects.requireNonNull(taken, "taken");
        ImportChecks importChecks = new ImportChecks(settings);
        List<TargetPublic> known = settings.eligibility().targetPublics();
        List<Violation> general = new ArrayList<>();
        Set<ParticipantId> seen = new HashSet<>();
        Set<ParticipantId> ids = new HashSet<>();
        data.participants().forEach(p -> ids.add(p.id()));
        for (ParticipantId id : data.identities().keySet()) {
            if (!ids.contains(id)) {
                general.add(Violation.of(CohortError.UNKNOWN_PARTICIPANT, "identities", id));
            }
        }
        for (ParticipantId id : data.erasures().keySet()) {
            if (!ids.contains(id) || data.identities().containsKey(id)) {
                general.add(Violation.of(CohortError.UNKNOWN_PARTICIPANT, "erasures", id));
            }
        }
        List<Violation> rejected = new ArrayList<>();
        List<Violation> unconfirmed = new ArrayList<>();
        List<Participant> kept = new ArrayList<>();
        for (int i = 0; i < data.participants().size(); i++) {
            Participant participant = data.participants().get(i);
            String path = "participants[" + i + "]";
            List<Violation> problems = new ArrayList<>();
            if (taken.test(participant.id()) || !seen.add(participant.id())) {
                problems.add(Violation.of(CohortError.DUPLICATE, path + ".participantId", participant.id()));
            }
            List<Violation> demoted = new ArrayList<>();
            List<AccompanimentPeriod> periods = new ArrayList<>();
            for (AccompanimentPeriod period : participant.periods()) {
                String at = path + ".periods[" + (period.number() - 1) + "]";
                for (TargetPublic targetPublic : period.targetPublics()) {
                    if (!known.contains(targetPublic)) {
                        problems.add(Violation.of(CohortError.UNKNOWN_TARGET_PUBLIC, at + ".targetPublics", targetPublic.code(),
                                known.stream().map(TargetPublic::code).toList()));
                    }
                }
                ImportChecks.Outcome outcome = importChecks.check(period, exits);
                outcome.problems().forEach(v -> problems.add(v.under(at)));
                outcome.demoted().forEach(v -> demoted.add(v.under(at)));
                periods.add(outcome.period());
            }
            Participant imported = demoted.isEmpty() ? participant : new Participant(participant.id(), periods);
            List<Violation> checked = List.copyOf(problems);
            for (Violation v : check(imported, data.identities().get(participant.id()))) {
                Violation placed = v.under(path);
                if (!checked.contains(placed)) { // found by ImportChecks too (six-month data too early): reported once
                    problems.add(placed);
                }
            }
            if (problems.isEmpty()) {
                accept(imported, data.identities().get(participant.id()));
                kept.add(imported);
                unconfirmed.addAll(demoted);
            } else {
                rejected.addAll(problems);
            }
        }
        if (!general.isEmpty() || mode == ImportMode.ALL_OR_NOTHING && !rejected.isEmpty()) {
            List<Violation> all = new ArrayList<>(rejected);
            all.addAll(general);
            throw new InvalidValueException(all);
        }
        Map<ParticipantId, PersonalData> identities = new LinkedHashMap<>();
        Map<ParticipantId, Erasure> erasures = new LinkedHashMap<>();
        for (Participant p : kept) {
            Optional.ofNullable(data.identities().get(p.id())).ifPresent(d -> identities.put(p.id(), d));
            Optional.ofNullable(data.erasures().get(p.id())).ifPresent(e -> erasures.put(p.id(), e));
        }
        return new ImportResult(new CohortData(data.referents(), kept, identities, erasures), rejected, unconfirmed);
    }
}
