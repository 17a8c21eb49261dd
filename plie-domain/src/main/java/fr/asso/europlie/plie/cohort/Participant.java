package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A participant of the plan (participant, adhérent) as the pathway side sees it: a pseudonymous
 * identifier and the accompaniment periods, oldest first. Identity lives apart, in the
 * {@link Identities} port ({@link PersonalDataVault} in memory).
 *
 * <p>Immutable: every change gives a new participant, checked as a whole.
 *
 * <p>A value class with the accessors, equality, hash code and text of the record it was
 * ({@code Participant[id=..., periods=[...]]}). A participant with one period, the usual case,
 * holds that period without a list around it; {@link #periods()} then gives a new unmodifiable
 * list of it on each call (issue 16, the heap a participant holds: 24 bytes less).
 */
public final class Participant {

    private final ParticipantId id;
    /** The only period, or the unmodifiable list of two periods or more. */
    private final Object periods;

    /**
     * Copies the periods and checks their order, reporting every problem at once.
     *
     * @param id the pseudonymous identifier, not null
     * @param periods the accompaniment periods, numbered 1, 2... in order, never overlapping: each
     *        starts after the previous one closed
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the id is missing, there is no period,
     *         periods are misnumbered or overlap, or a step identifier appears twice
     */
    public Participant(ParticipantId id, List<AccompanimentPeriod> periods) {
        periods = periods == null ? List.of() : List.copyOf(periods);
        Checks checks = new Checks();
        checks.required(id, "participantId");
        checks.check(!periods.isEmpty(), CohortError.BLANK, "periods", periods);
        checkPeriods(checks, periods);
        checks.throwIfInvalid();
        this.id = id;
        this.periods = periods.size() == 1 ? periods.get(0) : periods;
    }

    /** The most steps of a participant whose identifiers are compared pairwise rather than through a set. */
    private static final int STEPS_COMPARED = 16;

    /**
     * Checks the periods' numbers and order and that no step identifier is given twice. A field's
     * name ({@code periods[1].steps}) is built only for a violation, and a participant's steps, when
     * few, are compared with one another instead of being hashed into a set: the same violations, in
     * the same order, as checking each condition with its field named (issue 16: the participant is
     * rebuilt after each command of an import's replay).
     */
    private static void checkPeriods(Checks checks, List<AccompanimentPeriod> periods) {
        int steps = 0;
        for (int i = 0; i < periods.size(); i++) {
            steps += periods.get(i).stepCount();
        }
        Set<StepId> stepIds = steps > STEPS_COMPARED ? new HashSet<>() : null;
        StepId[] earlier = stepIds == null && steps > 1 ? new StepId[steps] : null;
        int counted = 0;
        for (int i = 0; i < periods.size(); i++) {
            AccompanimentPeriod period = periods.get(i);
            if (period.number() != i + 1) {
                checks.add(CohortError.OUT_OF_RANGE, "periods[" + i + "].period", period.number(), i + 1, i + 1);
            }
            if (i > 0) {
                AccompanimentPeriod previous = periods.get(i - 1);
                LocalDate closed = previous.closedOn();
                if (closed == null || !period.referral().referredOn().isAfter(closed)) {
                    checks.add(CohortError.OVERLAPPING_PERIODS, "periods[" + i + "].referral.referredOn", period.referral().referredOn(),
                            previous.number(), closed == null ? "-" : closed);
                }
            }
            for (int s = 0, n = period.stepCount(); s < n; s++) {
                StepId stepId = period.stepId(s);
                boolean first;
                if (stepIds != null) {
                    first = stepIds.add(stepId);
                } else {
                    first = true;
                    for (int k = 0; k < counted && first; k++) {
                        first = !earlier[k].equals(stepId);
                    }
                    if (first && earlier != null) {
                        earlier[counted++] = stepId;
                    }
                }
                if (!first) {
                    checks.add(CohortError.DUPLICATE, "periods[" + i + "].steps", stepId);
                }
            }
        }
    }

    /**
     * The pseudonymous identifier.
     *
     * @return the identifier, not null
     */
    public ParticipantId id() {
        return id;
    }

    /**
     * The accompaniment periods, numbered 1, 2... in order, never overlapping.
     *
     * @return an unmodifiable list of at least one period, oldest first
     */
    @SuppressWarnings("unchecked")
    public List<AccompanimentPeriod> periods() {
        return periods instanceof AccompanimentPeriod only ? List.of(only) : (List<AccompanimentPeriod>) periods;
    }

    /**
     * Equal when the identifiers and the periods are equal, as for a record.
     *
     * @param other an object
     * @return true for a participant with an equal identifier and equal periods
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Participant that) || !id.equals(that.id)) {
            return false;
        }
        if (periods instanceof AccompanimentPeriod only) {
            return that.periods instanceof AccompanimentPeriod thatOnly && only.equals(thatOnly);
        }
        return periods.equals(that.periods);
    }

    /**
     * The hash code a record of the same components would have.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int listHash = periods instanceof AccompanimentPeriod only ? 31 + only.hashCode() : periods.hashCode();
        return id.hashCode() * 31 + listHash;
    }

    /**
     * The text a record would have: {@code Participant[id=..., periods=[...]]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Participant[id=" + id + ", periods=" + periods() + "]";
    }

    /**
     * A participant with one period.
     *
     * @param id the identifier
     * @param first the first period
     * @return the participant
     */
    public static Participant of(ParticipantId id, AccompanimentPeriod first) {
        return new Participant(id, List.of(first));
    }

    /**
     * The current (last) period.
     *
     * @return the last period
     */
    public AccompanimentPeriod currentPeriod() {
        if (periods instanceof AccompanimentPeriod only) {
            return only;
        }
        List<AccompanimentPeriod> all = periods();
        return all.get(all.size() - 1);
    }

    /**
     * A period by number.
     *
     * @param number the period's rank, from 1
     * @return the period, empty when absent
     */
    public Optional<AccompanimentPeriod> period(int number) {
        List<AccompanimentPeriod> all = periods();
        return number >= 1 && number <= all.size() ? Optional.of(all.get(number - 1)) : Optional.empty();
    }

    /**
     * Whether the participant is in the caseload on a day.
     *
     * @param day the day
     * @return true when one period is active that day
     */
    public boolean isActiveOn(LocalDate day) {
        return periods().stream().anyMatch(p -> p.isActiveOn(day));
    }

    /**
     * Whether the current period is open: referred, entered or followed, neither refused nor exited.
     *
     * @return true while open
     */
    public boolean isOpen() {
        return currentPeriod().closedOn() == null;
    }

    /**
     * The stretches of days during which the participant is in a referent's caseload, period by
     * period: a referent's caseload on a day counts the spans of that referent covering the day.
     *
     * @return the spans, oldest first, possibly empty
     */
    public List<CaseloadSpan> caseloadSpans() {
        List<CaseloadSpan> spans = new ArrayList<>();
        for (AccompanimentPeriod period : periods()) {
            LocalDate entry = period.entryDate();
            if (entry == null) {
                continue;
            }
            LocalDate exit = period.exitDate();
            List<ReferentAssignment> assignments = period.referents();
            for (int i = 0; i < assignments.size(); i++) {
                ReferentAssignment assignment = assignments.get(i);
                LocalDate first = assignment.from().isBefore(entry) ? entry : assignment.from();
                LocalDate end = i + 1 < assignments.size() ? assignments.get(i + 1).from() : null;
                if (exit != null && (end == null || exit.isBefore(end))) {
                    end = exit;
                }
                if (end == null || end.isAfter(first)) {
                    spans.add(new CaseloadSpan(assignment.referent(), first, end));
                }
            }
        }
        return List.copyOf(spans);
    }

    /**
     * A copy whose free-text fields that may identify the person are cleared (on erasure).
     *
     * @return the participant, checked
     */
    public Participant withoutFreeText() {
        List<AccompanimentPeriod> cleared = new ArrayList<>();
        periods().forEach(period -> cleared.add(period.withoutFreeText()));
        return new Participant(id, cleared);
    }

    /**
     * A copy with one period replaced (same number).
     *
     * @param period the new version of a period
     * @return the participant, checked
     */
    Participant withPeriod(AccompanimentPeriod period) {
        List<AccompanimentPeriod> copy = new ArrayList<>(periods());
        copy.set(period.number() - 1, period);
        return new Participant(id, copy);
    }

    /**
     * A copy with a new period at the end.
     *
     * @param period the new period, numbered after the last
     * @return the participant, checked
     */
    Participant withNewPeriod(AccompanimentPeriod period) {
        List<AccompanimentPeriod> copy = new ArrayList<>(periods());
        copy.add(period);
        return new Participant(id, copy);
    }
}
