package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One accompaniment period of a participant (période d'accompagnement, parcours): from the referral
 * through the entry commission, the adhesion, the pathway's steps and status history, to the exit
 * and the FSE+ data six months later. A re-entry opens a new period; an earlier period is never
 * changed again, except to add its missing six-month data.
 *
 * <p>Immutable: every change gives a new period, checked as a whole by the constructor.
 *
 * <p>A value class with the accessors, equality, hash code and text of the record it was
 * ({@code AccompanimentPeriod[number=..., referral=..., ...]}): two periods are equal when every
 * component is. When the adhesion says no more than the first referent assignment (the same
 * referent, the three signatures on the first assignment's day, which the checks already require
 * to be the entry day), the period holds only the adhesion's plan and {@link #adhesion()} gives an
 * equal new adhesion on each call (issue 16, the heap a participant holds: 32 bytes less a period).
 * Likewise a period with one step holds it without a list, and two or more steps as their parts in
 * one array; {@link #steps()} gives on each call an unmodifiable list whose {@code get} makes a new
 * step equal to the one given (issue 16: 20 bytes a step instead of 36, and no list). The reports
 * read the steps' parts through {@link PeriodFacts#steps}, {@link PeriodFacts#stepOperation} and
 * {@link PeriodFacts#stepStart} and make no step. A period that is not exotic ({@link PeriodFacts})
 * holds its only referent assignment as a shared {@code Designation} (its day is the entry day),
 * its exit as its facts, exit day and the exit's data, and its number (1 to 63) among its facts;
 * {@link #referents()} and {@link #exit()} then give on each call an equal new list and exit. The
 * status history, the follow-ups and a number beyond 63 share one field. The period is 64 bytes.
 */
public final class AccompanimentPeriod {

    private final Referral referral;
    private final Set<TargetPublic> targetPublics;
    private final EntryDecision entryDecision;
    /** Null before entry; the adhesion's plan ({@link OrganisationId}) when the rest is the first referent assignment's; else the {@link Adhesion}. */
    private final Object adhesion;
    /**
     * The only assignment as a shared {@link Designation} (its day is the entry day) when the period
     * is not {@link PeriodFacts#EXOTIC}, the only assignment itself when it is, or the unmodifiable
     * list of none or of two or more.
     */
    private final Object referents;
    /**
     * The status history (an unmodifiable list) when the period has no follow-up and its number is
     * held in its facts (1 to {@link PeriodFacts#MOST_NUMBER_IN_FACTS}), else an {@code Object[]} of
     * the statuses, the follow-ups and the number ({@link Integer}): the period is then 64 bytes
     * instead of 72 (issue 16).
     */
    private final Object history;
    /** The only step, or none or two or more steps packed in one array ({@link Step#pack(List)}; {@link #NO_STEPS} for none). */
    private final Object steps;
    private final EsfEntryData entryData;
    /**
     * The exit's data (null when not recorded) when the period's facts hold the rest of its exit:
     * whether it left ({@link #exitDay} not {@link PeriodFacts#NO_EXIT}), the day and the reason;
     * the {@link Exit} itself, or null, when the period is {@link PeriodFacts#EXOTIC}.
     */
    private final Object exit;
    private final EsfSixMonthData sixMonthData;
    /** The entry and exit days and the indicators' flags, computed once ({@link PeriodFacts}). */
    final int entryDay;
    final int exitDay;
    final int facts;

    /**
     * Copies the collections and checks the period as a whole, reporting every problem at once.
     *
     * @param number the period's rank for the participant, from 1
     * @param referral the referral that opened the period, not null
     * @param targetPublics the protocol's target publics the person was found eligible for, at least one
     * @param doubleAccompanimentFlagged true when the person was declared followed in another PTI scheme and the cohort flags rather than refuses
     * @param entryDecision the entry commission's decision, or null while pending
     * @param adhesion the signed adhesion, or null before entry; its last signature is the entry date
     * @param referents the referents in charge, oldest first; the first is the adhesion's, from the entry date
     * @param statuses the status history, oldest first, at least the status at referral
     * @param steps the pathway's steps
     * @param entryData the FSE+ data at entry, or null while not collected
     * @param followUps the in-work follow-ups, oldest first; only the last may be under way
     * @param exit the exit, or null while in the plan
     * @param sixMonthData the FSE+ data six months after leaving, or null while not collected
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a required part is missing, dates are
     *         out of order (an exit before the entry, a step before the entry...), or parts contradict
     *         each other
     */
    public AccompanimentPeriod(
            int number,
            Referral referral,
            Set<TargetPublic> targetPublics,
            boolean doubleAccompanimentFlagged,
            EntryDecision entryDecision,
            Adhesion adhesion,
            List<ReferentAssignment> referents,
            List<StatusChange> statuses,
            List<Step> steps,
            EsfEntryData entryData,
            List<InWorkFollowUp> followUps,
            Exit exit,
            EsfSixMonthData sixMonthData) {
        targetPublics = targetPublics == null ? Set.of() : sharedPublics(targetPublics);
        referents = referents == null ? List.of() : List.copyOf(referents);
        statuses = Canonical.list(statuses, Canonical.STATUSES);
        if (statuses.size() == 1) {
            statuses = Canonical.STATUS_LISTS.of(statuses);
        }
        steps = steps == null ? List.of() : List.copyOf(steps);
        followUps = Canonical.list(followUps, Canonical.FOLLOW_UPS);
        Checks checks = new Checks();
        // the same checks as check(condition, ...), without boxing the number and its bounds into arrays for every period
        if (number < 1) {
            checks.add(CohortError.OUT_OF_RANGE, "period", number, 1, Integer.MAX_VALUE);
        }
        if (targetPublics.isEmpty()) {
            checks.add(CohortError.BLANK, "targetPublics", targetPublics);
        }
        if (statuses.isEmpty()) {
            checks.add(CohortError.BLANK, "statuses", statuses);
        }
        if (checks.required(referral, "referral")) {
            checkBeginning(checks, referral.referredOn(), statuses, entryDecision);
        }
        LocalDate entry = adhesion == null ? null : adhesion.entryDate();
        if (adhesion != null) {
            checks.check(entryDecision != null && entryDecision.validated(), CohortError.INCOMPATIBLE,
                    "adhesion.entryDate", entry, "entryDecision.validated", entryDecision == null ? null : entryDecision.validated());
            if (entryDecision != null) {
                checkOrder(checks, "adhesion.entryDate", entry, "entryDecision.decidedOn", entryDecision.decidedOn());
            }
        }
        checkReferents(checks, adhesion, referents);
        checkSteps(checks, entry, steps);
        if (entryData != null) {
            checks.check(entry != null, CohortError.NOT_APPLICABLE, "entryData", entryData.collectedOn(), PeriodState.REFERRED);
            if (entry != null && entryData.unemployedSince() != null) {
                checkOrder(checks, "adhesion.entryDate", entry, "entryData.unemployedSince", entryData.unemployedSince());
            }
        }
        checkFollowUps(checks, entry, followUps, exit);
        if (exit != null) {
            if (checks.check(entry != null, CohortError.NOT_APPLICABLE, "exit.exitedOn", exit.exitedOn(), PeriodState.REFERRED)) {
                checkOrder(checks, "exit.exitedOn", exit.exitedOn(), "adhesion.entryDate", entry);
                checkNothingAfterExit(checks, exit.exitedOn(), referents, statuses, steps);
            }
        }
        if (sixMonthData != null) {
            if (checks.check(exit != null, CohortError.NOT_APPLICABLE, "sixMonthData", sixMonthData.collectedOn(), stateOf(entryDecision, adhesion != null, followUps, exit != null))) {
                checkOrder(checks, "sixMonthData.collectedOn", sixMonthData.collectedOn(), "exit.exitedOn", exit.exitedOn());
            }
        }
        checks.throwIfInvalid();
        if (referral.otherPtiScheme() == null) {
            referral = Canonical.REFERRALS.of(referral);
        }
        if (entryDecision != null && entryDecision.reason() == null) {
            entryDecision = Canonical.DECISIONS.of(entryDecision);
        }
        sixMonthData = Canonical.SIX_MONTH_DATA.of(sixMonthData);
        this.referral = referral;
        this.targetPublics = targetPublics;
        this.entryDecision = entryDecision;
        this.adhesion = adhesion == null ? null : folded(adhesion, referents);
        this.steps = steps.size() == 1 ? steps.get(0) : steps.isEmpty() ? NO_STEPS : Step.pack(steps);
        this.entryData = entryData;
        this.sixMonthData = sixMonthData;
        // the flag is kept among the facts (the period's size is then a multiple of 8 bytes: 72)
        boolean numberInFacts = number <= PeriodFacts.MOST_NUMBER_IN_FACTS;
        this.facts = PeriodFacts.of(entry, entryData, exit, sixMonthData) | (doubleAccompanimentFlagged ? PeriodFacts.FLAGGED : 0)
                | (numberInFacts ? number << PeriodFacts.NUMBER_SHIFT : 0);
        this.history = numberInFacts && followUps.isEmpty() ? statuses : new Object[] {statuses, followUps, number};
        boolean exotic = (facts & PeriodFacts.EXOTIC) != 0;
        // the exit folded into the facts and the exit day (issue 16: 24 bytes an exit), but for its data
        this.exit = exotic ? Canonical.EXITS.of(exit) : exit == null ? null : exit.data();
        // a lone assignment starts on the entry day (checked above), which the facts hold
        this.referents = referents.size() != 1 ? referents : exotic ? referents.get(0) : Designation.of(referents.get(0));
        this.entryDay = exotic ? 0 : PeriodFacts.day(entry, PeriodFacts.NO_ENTRY);
        this.exitDay = exotic ? 0 : PeriodFacts.day(exit == null ? null : exit.exitedOn(), PeriodFacts.NO_EXIT);
    }

    /** The steps of a period without any. */
    private static final Object[] NO_STEPS = new Object[0];
    /**
     * The shared unmodifiable set equal to the target publics given: the one shared already, found
     * without copying the set given (nearly every period names a set met before), else a copy.
     */
    private static Set<TargetPublic> sharedPublics(Set<TargetPublic> given) {
        Set<TargetPublic> shared = Canonical.TARGET_PUBLICS.find(given); // a set holding null equals no shared one: copied, refused
        return shared != null ? shared : Canonical.TARGET_PUBLICS.of(Set.copyOf(given));
    }

    /** The first referent assignment, without a list around it: call only after entry. */
    @SuppressWarnings("unchecked")
    private ReferentAssignment firstReferent() {
        if (referents instanceof Designation only) {
            return only.from(entryDayDate());
        }
        return referents instanceof ReferentAssignment only ? only : ((List<ReferentAssignment>) referents).get(0);
    }

    /** The entry day of a period that is not exotic, entered, as a shared date. */
    private LocalDate entryDayDate() {
        return Canonical.day(LocalDate.ofEpochDay(entryDay));
    }

    /**
     * What the period holds of a checked adhesion: its plan alone when the rest is the first
     * referent assignment's (the same referent, every signature on its day), else the adhesion.
     */
    private static Object folded(Adhesion adhesion, List<ReferentAssignment> referents) {
        ReferentAssignment first = referents.get(0);
        LocalDate day = first.from();
        boolean derivable = adhesion.referent().equals(first.referent()) && adhesion.participantSignedOn().equals(day)
                && adhesion.referentSignedOn().equals(day) && adhesion.planSignedOn().equals(day);
        return derivable ? adhesion.plan() : adhesion;
    }

    /**
     * The component {@code number}.
     *
     * @return the period's rank for the participant, from 1
     */
    public int number() {
        int small = facts >>> PeriodFacts.NUMBER_SHIFT;
        return small != 0 ? small : (Integer) ((Object[]) history)[2];
    }

    /**
     * The component {@code referral}.
     *
     * @return the referral that opened the period, not null
     */
    public Referral referral() {
        return referral;
    }

    /**
     * The component {@code targetPublics}.
     *
     * @return the protocol's target publics the person was found eligible for, at least one (unmodifiable)
     */
    public Set<TargetPublic> targetPublics() {
        return targetPublics;
    }

    /**
     * The component {@code doubleAccompanimentFlagged}.
     *
     * @return true when the person was declared followed in another PTI scheme and the cohort flags rather than refuses
     */
    public boolean doubleAccompanimentFlagged() {
        return (facts & PeriodFacts.FLAGGED) != 0;
    }

    /**
     * The component {@code entryDecision}.
     *
     * @return the entry commission's decision, or null while pending
     */
    public EntryDecision entryDecision() {
        return entryDecision;
    }

    /**
     * The signed adhesion; its last signature is the entry date.
     *
     * @return the adhesion (equal to the one given, possibly another instance), or null before entry
     */
    public Adhesion adhesion() {
        if (adhesion instanceof OrganisationId plan) {
            ReferentAssignment first = firstReferent();
            return Adhesion.signedOn(first.from(), first.referent(), plan);
        }
        return (Adhesion) adhesion;
    }

    /**
     * The component {@code referents}.
     *
     * @return the referents in charge, oldest first (unmodifiable)
     */
    @SuppressWarnings("unchecked")
    public List<ReferentAssignment> referents() {
        Object r = referents;
        if (r instanceof Designation only) {
            return List.of(only.from(entryDayDate()));
        }
        return r instanceof ReferentAssignment only ? List.of(only) : (List<ReferentAssignment>) r;
    }

    // The assignments' parts read without making them (the reports, through PeriodFacts): index from 0
    // to referentCount() - 1, in the order of referents().

    /** As {@code referents().size()}. */
    @SuppressWarnings("unchecked")
    int referentCount() {
        Object r = referents;
        return r instanceof Designation || r instanceof ReferentAssignment ? 1 : ((List<ReferentAssignment>) r).size();
    }

    /** As {@code referents().get(index).referent()}. */
    @SuppressWarnings("unchecked")
    ReferentId referentAt(int index) {
        Object r = referents;
        if (r instanceof Designation only) {
            return only(only, index).referent;
        }
        return r instanceof ReferentAssignment only ? only(only, index).referent() : ((List<ReferentAssignment>) r).get(index).referent();
    }

    /** As {@code ReferentNumbers.of(referents().get(index))}. */
    @SuppressWarnings("unchecked")
    int referentNumberAt(int index) {
        Object r = referents;
        if (r instanceof Designation only) {
            return only(only, index).referentNumber;
        }
        return (r instanceof ReferentAssignment only ? only(only, index) : ((List<ReferentAssignment>) r).get(index)).referentNumber;
    }

    /**
     * The index of the last assignment whose first day is on or before an epoch day, or -1: for a
     * period that is not exotic, {@code referents().get(i).from().toEpochDay() <= day} for the last such i.
     */
    @SuppressWarnings("unchecked")
    int referentIndexOn(long day) {
        Object r = referents;
        if (r instanceof Designation) {
            return entryDay <= day ? 0 : -1;
        }
        if (r instanceof ReferentAssignment only) {
            return only.from().toEpochDay() <= day ? 0 : -1;
        }
        List<ReferentAssignment> all = (List<ReferentAssignment>) r;
        int found = -1;
        for (int i = 0, n = all.size(); i < n; i++) {
            if (all.get(i).from().toEpochDay() <= day) {
                found = i;
            }
        }
        return found;
    }

    private static <T> T only(T only, int index) {
        java.util.Objects.checkIndex(index, 1);
        return only;
    }

    /**
     * The component {@code statuses}.
     *
     * @return the status history, oldest first, at least the status at referral (unmodifiable)
     */
    @SuppressWarnings("unchecked")
    public List<StatusChange> statuses() {
        return (List<StatusChange>) (history instanceof Object[] all ? all[0] : history);
    }

    /**
     * The component {@code steps}.
     *
     * @return the pathway's steps (unmodifiable)
     */
    @SuppressWarnings("unchecked")
    public List<Step> steps() {
        if (steps instanceof Step only) {
            return List.of(only);
        }
        Object[] packed = (Object[]) steps;
        return packed.length == 0 ? List.of() : new Step.Packed(packed);
    }

    // The steps' parts read without making the steps (the reports' and checks' loops, through PeriodFacts):
    // index from 0 to stepCount() - 1, in the order of steps().

    /** The number of steps, as {@code steps().size()}. */
    int stepCount() {
        Object s = steps;
        return s instanceof Step ? 1 : Step.count((Object[]) s);
    }

    /** As {@code steps().get(index).id()}. */
    StepId stepId(int index) {
        Object s = steps;
        return s instanceof Step only ? only(only, index).id() : Step.id((Object[]) s, index);
    }

    /** As {@code steps().get(index).operation()}. */
    fr.asso.europlie.plie.offer.OperationId stepOperation(int index) {
        Object s = steps;
        return s instanceof Step only ? only(only, index).operation() : Step.operation((Object[]) s, index);
    }

    /** As {@code steps().get(index).start()}. */
    LocalDate stepStart(int index) {
        Object s = steps;
        return s instanceof Step only ? only(only, index).start() : Step.start((Object[]) s, index);
    }

    /** As {@code steps().get(index).end()}. */
    LocalDate stepEnd(int index) {
        Object s = steps;
        return s instanceof Step only ? only(only, index).end() : Step.end((Object[]) s, index);
    }

    /** As {@code steps().get(index).type()}. */
    StepType stepType(int index) {
        Object s = steps;
        return s instanceof Step only ? only(only, index).type() : Step.type((Object[]) s, index);
    }


    /** {@code steps().equals(that.steps())} without making the steps: one step is held alone, none or several packed. */
    private boolean sameSteps(AccompanimentPeriod that) {
        Object mine = steps;
        Object theirs = that.steps;
        if (mine instanceof Step only) {
            return only.equals(theirs);
        }
        // two packed arrays hold equal steps exactly when their parts are equal (Step.equals compares them all)
        return theirs instanceof Object[] packed && java.util.Arrays.equals((Object[]) mine, packed);
    }

    /**
     * The component {@code entryData}.
     *
     * @return the FSE+ data at entry, or null while not collected
     */
    public EsfEntryData entryData() {
        return entryData;
    }

    /**
     * The component {@code followUps}.
     *
     * @return the in-work follow-ups, oldest first (unmodifiable)
     */
    @SuppressWarnings("unchecked")
    public List<InWorkFollowUp> followUps() {
        return history instanceof Object[] all ? (List<InWorkFollowUp>) all[1] : List.of();
    }

    /**
     * The component {@code exit}.
     *
     * @return the exit, or null while in the plan
     */
    public Exit exit() {
        if ((facts & PeriodFacts.EXOTIC) != 0) {
            return (Exit) exit;
        }
        return exitDay == PeriodFacts.NO_EXIT ? null : new Exit(LocalDate.ofEpochDay(exitDay), PeriodFacts.exitReason(this), (EsfExitData) exit);
    }

    /** Whether the period has an exit, as {@code exit() != null}. */
    private boolean exited() {
        return (facts & PeriodFacts.EXOTIC) != 0 ? exit != null : exitDay != PeriodFacts.NO_EXIT;
    }

    /** {@code referents().equals(that.referents())}, without making the assignments when both are shared designations. */
    private boolean sameReferents(AccompanimentPeriod that) {
        if (referents instanceof Designation mine && that.referents instanceof Designation theirs) {
            return entryDay == that.entryDay && mine.equals(theirs);
        }
        return referents().equals(that.referents());
    }

    /** {@code Objects.equals(exit(), that.exit())}, without making the exits when neither period is exotic. */
    private boolean sameExit(AccompanimentPeriod that) {
        if (((facts | that.facts) & PeriodFacts.EXOTIC) != 0) {
            return Objects.equals(exit(), that.exit());
        }
        int reasons = PeriodFacts.REASON_MASK << PeriodFacts.REASON_SHIFT;
        return exitDay == that.exitDay && (facts & reasons) == (that.facts & reasons) && Objects.equals(exit, that.exit);
    }

    /**
     * The component {@code sixMonthData}.
     *
     * @return the FSE+ data six months after leaving, or null while not collected
     */
    public EsfSixMonthData sixMonthData() {
        return sixMonthData;
    }

    /**
     * Equal when every component is equal, as for a record.
     *
     * @param other an object
     * @return true for a period with equal components
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof AccompanimentPeriod that && number() == that.number() && doubleAccompanimentFlagged() == that.doubleAccompanimentFlagged()
                && referral.equals(that.referral) && targetPublics.equals(that.targetPublics) && Objects.equals(entryDecision, that.entryDecision)
                && Objects.equals(adhesion(), that.adhesion()) && sameReferents(that) && statuses().equals(that.statuses())
                && sameSteps(that) && Objects.equals(entryData, that.entryData) && followUps().equals(that.followUps())
                && sameExit(that) && Objects.equals(sixMonthData, that.sixMonthData);
    }

    /**
     * The hash code a record of the same components in the same order would have.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = Integer.hashCode(number());
        h = h * 31 + referral.hashCode();
        h = h * 31 + targetPublics.hashCode();
        h = h * 31 + Boolean.hashCode(doubleAccompanimentFlagged());
        h = h * 31 + Objects.hashCode(entryDecision);
        h = h * 31 + Objects.hashCode(adhesion());
        h = h * 31 + referents().hashCode();
        h = h * 31 + statuses().hashCode();
        h = h * 31 + steps().hashCode();
        h = h * 31 + Objects.hashCode(entryData);
        h = h * 31 + followUps().hashCode();
        h = h * 31 + Objects.hashCode(exit());
        return h * 31 + Objects.hashCode(sixMonthData);
    }

    /**
     * The text a record would have: {@code AccompanimentPeriod[number=..., referral=..., ...]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "AccompanimentPeriod[number=" + number() + ", referral=" + referral + ", targetPublics=" + targetPublics
                + ", doubleAccompanimentFlagged=" + doubleAccompanimentFlagged() + ", entryDecision=" + entryDecision + ", adhesion="
                + adhesion() + ", referents=" + referents() + ", statuses=" + statuses() + ", steps=" + steps() + ", entryData=" + entryData
                + ", followUps=" + followUps() + ", exit=" + exit() + ", sixMonthData=" + sixMonthData + "]";
    }

    private static void checkBeginning(Checks checks, LocalDate referredOn, List<StatusChange> statuses, EntryDecision decision) {
        LocalDate previous = null;
        for (int i = 0; i < statuses.size(); i++) {
            LocalDate since = statuses.get(i).since();
            LocalDate earliest = previous == null ? referredOn : previous.plusDays(1);
            if (outOfOrder(since, earliest)) {
                // the fields' names only for a violation (issue 16: not built for every status of every period)
                checks.add(CohortError.DATE_ORDER, "statuses[" + i + "].since", since,
                        previous == null ? "referral.referredOn" : "statuses[" + (i - 1) + "].since", earliest);
            }
            previous = since;
        }
        if (decision != null) {
            checkOrder(checks, "entryDecision.decidedOn", decision.decidedOn(), "referral.referredOn", referredOn);
        }
    }

    private static void checkReferents(Checks checks, Adhesion adhesion, List<ReferentAssignment> referents) {
        if (adhesion == null) {
            checks.check(referents.isEmpty(), CohortError.NOT_APPLICABLE, "referents", referents.isEmpty() ? null : referents.get(0).referent(), PeriodState.VALIDATED);
            return;
        }
        if (!checks.check(!referents.isEmpty(), CohortError.REQUIRED_FOR, "referents", referents, PeriodState.ACTIVE)) {
            return;
        }
        ReferentAssignment first = referents.get(0);
        checks.check(first.referent().equals(adhesion.referent()), CohortError.INCOMPATIBLE,
                "referents[0].referent", first.referent(), "adhesion.referent", adhesion.referent());
        checks.check(first.from().equals(adhesion.entryDate()), CohortError.INCOMPATIBLE,
                "referents[0].from", first.from(), "adhesion.entryDate", adhesion.entryDate());
        for (int i = 1; i < referents.size(); i++) {
            LocalDate from = referents.get(i).from();
            LocalDate before = referents.get(i - 1).from();
            if (outOfOrder(from, before)) {
                checks.add(CohortError.DATE_ORDER, "referents[" + i + "].from", from, "referents[" + (i - 1) + "].from", before);
            }
        }
    }

    private static void checkSteps(Checks checks, LocalDate entry, List<Step> steps) {
        if (entry == null) {
            checks.check(steps.isEmpty(), CohortError.NOT_APPLICABLE, "steps", steps.isEmpty() ? null : steps.get(0).id(), PeriodState.VALIDATED);
            return;
        }
        int size = steps.size();
        // a step's identifier against the earlier ones': one by one for a period's few steps, through a set beyond
        Set<StepId> seen = size > FEW_STEPS ? new HashSet<>() : null;
        for (int i = 0; i < size; i++) {
            Step step = steps.get(i);
            StepId id = step.id();
            checks.check(seen != null ? seen.add(id) : !amongFirst(steps, i, id), CohortError.DUPLICATE, "steps", id);
            LocalDate start = step.start();
            if (outOfOrder(start, entry)) {
                checks.add(CohortError.DATE_ORDER, "steps[" + i + "].start", start, "adhesion.entryDate", entry);
            }
        }
    }

    /** Up to this many steps, a step's identifier is compared with each earlier one's rather than kept in a set. */
    private static final int FEW_STEPS = 16;

    /** Whether one of the first {@code count} steps has this identifier. */
    private static boolean amongFirst(List<Step> steps, int count, StepId id) {
        for (int j = 0; j < count; j++) {
            if (steps.get(j).id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a date is before the earliest it may be, both given: what {@link #checkOrder} refuses. */
    private static boolean outOfOrder(LocalDate date, LocalDate earliest) {
        return date != null && earliest != null && date.isBefore(earliest);
    }

    private static void checkAfterEntry(Checks checks, LocalDate entry, LocalDate date, String field) {
        if (date == null) {
            return;
        }
        if (entry == null) {
            checks.add(CohortError.NOT_APPLICABLE, field, date, PeriodState.VALIDATED);
        } else {
            checkOrder(checks, field, date, "adhesion.entryDate", entry);
        }
    }

    private static void checkFollowUps(Checks checks, LocalDate entry, List<InWorkFollowUp> followUps, Exit exit) {
        if (followUps.isEmpty()) {
            return;
        }
        checkAfterEntry(checks, entry, followUps.get(0).startedOn(), "followUps[0].startedOn");
        for (int i = 0; i < followUps.size(); i++) {
            InWorkFollowUp followUp = followUps.get(i);
            boolean last = i == followUps.size() - 1;
            if (!last) {
                checks.check(!followUp.isOpen() && !followUp.completed(), CohortError.INCOMPATIBLE,
                        "followUps[" + i + "].endedOn", followUp.endedOn(), "followUps[" + (i + 1) + "].startedOn", followUps.get(i + 1).startedOn());
                if (followUp.endedOn() != null) {
                    checkOrder(checks, "followUps[" + (i + 1) + "].startedOn", followUps.get(i + 1).startedOn(),
                            "followUps[" + i + "].endedOn", followUp.endedOn());
                }
            }
        }
        InWorkFollowUp last = followUps.get(followUps.size() - 1);
        if (exit != null) {
            checks.check(!last.isOpen(), CohortError.INCOMPATIBLE, "followUps[" + (followUps.size() - 1) + "].endedOn", null,
                    "exit.exitedOn", exit.exitedOn());
        }
        if (last.completed()) {
            boolean matches = exit != null && exit.reason().needsInWorkFollowUp() && exit.exitedOn().equals(last.endedOn());
            checks.check(matches, CohortError.INCOMPATIBLE, "followUps[" + (followUps.size() - 1) + "].completed", true,
                    "exit", exit == null ? null : exit.reason() + " " + exit.exitedOn());
        }
    }

    private static void checkNothingAfterExit(Checks checks, LocalDate exitedOn, List<ReferentAssignment> referents,
            List<StatusChange> statuses, List<Step> steps) {
        for (int i = 0; i < referents.size(); i++) {
            LocalDate from = referents.get(i).from();
            if (outOfOrder(exitedOn, from)) {
                checks.add(CohortError.DATE_ORDER, "exit.exitedOn", exitedOn, "referents[" + i + "].from", from);
            }
        }
        for (int i = 0; i < statuses.size(); i++) {
            LocalDate since = statuses.get(i).since();
            if (outOfOrder(exitedOn, since)) {
                checks.add(CohortError.DATE_ORDER, "exit.exitedOn", exitedOn, "statuses[" + i + "].since", since);
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            LocalDate start = steps.get(i).start();
            if (outOfOrder(exitedOn, start)) {
                checks.add(CohortError.DATE_ORDER, "exit.exitedOn", exitedOn, "steps[" + i + "].start", start);
            }
        }
    }

    private static void checkOrder(Checks checks, String field, LocalDate date, String earlierField, LocalDate earlier) {
        if (date != null && earlier != null) {
            checks.check(!date.isBefore(earlier), CohortError.DATE_ORDER, field, date, earlierField, earlier);
        }
    }

    private static PeriodState stateOf(EntryDecision decision, boolean adhered, List<InWorkFollowUp> followUps, boolean exited) {
        if (decision != null && !decision.validated()) {
            return PeriodState.REJECTED;
        }
        if (exited) {
            return PeriodState.EXITED;
        }
        if (adhered) {
            return !followUps.isEmpty() && followUps.get(followUps.size() - 1).isOpen() ? PeriodState.IN_WORK_FOLLOW_UP : PeriodState.ACTIVE;
        }
        return decision != null ? PeriodState.VALIDATED : PeriodState.REFERRED;
    }

    /**
     * A new period opened by a referral, waiting for the entry commission.
     *
     * @param number the period's rank
     * @param referral the referral
     * @param targetPublics the target publics the person is eligible for
     * @param flagged whether the period is flagged for double accompaniment
     * @param status the person's status at referral
     * @return the period
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a part is missing
     */
    public static AccompanimentPeriod referred(int number, Referral referral, Set<TargetPublic> targetPublics, boolean flagged,
            ParticipantStatus status) {
        return new AccompanimentPeriod(number, referral, targetPublics, flagged, null, null, List.of(),
                List.of(new StatusChange(referral == null ? null : referral.referredOn(), status)), List.of(), null, List.of(), null, null);
    }

    /**
     * The state of the period.
     *
     * @return the state, derived from the decision, adhesion, follow-ups and exit
     */
    public PeriodState state() {
        return stateOf(entryDecision, adhesion != null, followUps(), exited());
    }

    /**
     * Whether the participant entered the plan (adhesion signed).
     *
     * @return true once adhered
     */
    public boolean isEntered() {
        return adhesion != null;
    }

    /**
     * The entry date: the day the adhesion was fully signed.
     *
     * @return the entry date, or null before entry
     */
    public LocalDate entryDate() {
        if (adhesion instanceof OrganisationId) {
            return referents instanceof Designation ? entryDayDate() : firstReferent().from();
        }
        return adhesion == null ? null : ((Adhesion) adhesion).entryDate();
    }

    /**
     * The exit date.
     *
     * @return the exit date, or null while in the plan
     */
    public LocalDate exitDate() {
        if ((facts & PeriodFacts.EXOTIC) != 0) {
            return exit == null ? null : ((Exit) exit).exitedOn();
        }
        return exitDay == PeriodFacts.NO_EXIT ? null : Canonical.day(LocalDate.ofEpochDay(exitDay));
    }

    /**
     * The last day covered by the period, for the no-overlap rule: the exit date, or the day of the
     * commission's refusal.
     *
     * @return the closing day, or null while open
     */
    public LocalDate closedOn() {
        if (exited()) {
            return exitDate();
        }
        return entryDecision != null && !entryDecision.validated() ? entryDecision.decidedOn() : null;
    }

    /**
     * Whether the participant is in the caseload (file active) on a day: entered on or before it and
     * not exited on or before it.
     *
     * @param day the day, not null
     * @return true when active that day
     */
    public boolean isActiveOn(LocalDate day) {
        if ((facts & PeriodFacts.EXOTIC) == 0) {
            // the days the period holds, compared as epoch days (no exit is after every day)
            if (entryDay == PeriodFacts.NO_ENTRY) {
                return false;
            }
            long epochDay = day.toEpochDay();
            return entryDay <= epochDay && (exitDay == PeriodFacts.NO_EXIT || exitDay > epochDay);
        }
        LocalDate entry = entryDate();
        if (entry == null || entry.isAfter(day)) {
            return false;
        }
        LocalDate exitDate = exitDate();
        return exitDate == null || exitDate.isAfter(day);
    }

    /**
     * The referent in charge on a day.
     *
     * @param day the day, not null
     * @return the referent, empty before entry
     */
    public Optional<ReferentId> referentOn(LocalDate day) {
        ReferentId found = null;
        for (ReferentAssignment assignment : referents()) {
            if (!assignment.from().isAfter(day)) {
                found = assignment.referent();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The referent in charge now (the last assignment).
     *
     * @return the referent, empty before entry
     */
    public Optional<ReferentId> currentReferent() {
        List<ReferentAssignment> all = referents();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).referent());
    }

    /**
     * The last status.
     *
     * @return the current status
     */
    public ParticipantStatus currentStatus() {
        List<StatusChange> statuses = statuses();
        return statuses.get(statuses.size() - 1).status();
    }

    /**
     * The status on a day.
     *
     * @param day the day, not null
     * @return the status, empty before the referral
     */
    public Optional<ParticipantStatus> statusOn(LocalDate day) {
        ParticipantStatus found = null;
        for (StatusChange change : statuses()) {
            if (!change.since().isAfter(day)) {
                found = change.status();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * A step by identifier.
     *
     * @param id the step's identifier
     * @return the step, empty when absent
     */
    public Optional<Step> step(StepId id) {
        return steps().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The in-work follow-up under way.
     *
     * @return the open follow-up, empty when none
     */
    public Optional<InWorkFollowUp> openFollowUp() {
        List<InWorkFollowUp> followUps = followUps();
        if (followUps.isEmpty()) {
            return Optional.empty();
        }
        InWorkFollowUp last = followUps.get(followUps.size() - 1);
        return last.isOpen() ? Optional.of(last) : Optional.empty();
    }

    /**
     * The organisation that designated the current referent.
     *
     * @return the designating organisation, empty when the plan chose or before entry
     */
    public Optional<OrganisationId> currentDesignation() {
        List<ReferentAssignment> all = referents();
        return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(all.size() - 1).designatedBy());
    }

    /**
     * Whether the person received the RSA at any point of the period, a sensitive fact.
     *
     * @return true when an RSA-recipient status appears in the history
     */
    public boolean hadRsaStatus() {
        return statuses().stream().anyMatch(s -> s.status() == ParticipantStatus.RSA_RECIPIENT);
    }

    /**
     * This period without the free-text fields that may identify a person: the other PTI scheme's
     * name becomes {@code "-"} (the flag of a double accompaniment stays) and the refusal reason is
     * dropped.
     *
     * @return the period without free text
     */
    public AccompanimentPeriod withoutFreeText() {
        Draft draft = draft();
        if (referral.otherPtiScheme() != null) {
            draft.referral = new Referral(referral.referrer(), referral.referredOn(), "-");
        }
        if (entryDecision != null && entryDecision.reason() != null) {
            draft.entryDecision = new EntryDecision(entryDecision.decidedOn(), entryDecision.validated(), null);
        }
        return draft.build();
    }

    Draft draft() {
        return new Draft(this);
    }

    /** A mutable copy used to build the next version of a period. */
    static final class Draft {
        int number;
        Referral referral;
        Set<TargetPublic> targetPublics;
        boolean flagged;
        EntryDecision entryDecision;
        Adhesion adhesion;
        List<ReferentAssignment> referents;
        List<StatusChange> statuses;
        List<Step> steps;
        EsfEntryData entryData;
        List<InWorkFollowUp> followUps;
        Exit exit;
        EsfSixMonthData sixMonthData;

        Draft(AccompanimentPeriod p) {
            number = p.number();
            referral = p.referral;
            targetPublics = p.targetPublics;
            flagged = p.doubleAccompanimentFlagged();
            entryDecision = p.entryDecision;
            adhesion = p.adhesion();
            referents = new ArrayList<>(p.referents());
            statuses = new ArrayList<>(p.statuses());
            steps = new ArrayList<>(p.steps());
            entryData = p.entryData;
            followUps = new ArrayList<>(p.followUps());
            exit = p.exit();
            sixMonthData = p.sixMonthData;
        }

        AccompanimentPeriod build() {
            return new AccompanimentPeriod(number, referral, targetPublics, flagged, entryDecision, adhesion, referents,
                    statuses, steps, entryData, followUps, exit, sixMonthData);
        }
    }
}
