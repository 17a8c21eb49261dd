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
 * @param id the pseudonymous identifier, not null
 * @param periods the accompaniment periods, numbered 1, 2... in order, never overlapping: each
 *        starts after the previous one closed
 */
public record Participant(ParticipantId id, List<AccompanimentPeriod> periods) {

    /**
     * Copies the periods and checks their order, reporting every problem at once.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the id is missing, there is no period,
     *         periods are misnumbered or overlap, or a step identifier appears twice
     */
    public Participant {
        periods = periods == null ? List.of() : List.copyOf(periods);
        Checks checks = new Checks();
        checks.required(id, "participantId");
        checks.check(!periods.isEmpty(), CohortError.BLANK, "periods", periods);
        Set<StepId> stepIds = new HashSet<>();
        for (int i = 0; i < periods.size(); i++) {
            AccompanimentPeriod period = periods.get(i);
            String path = "periods[" + i + "]";
            checks.check(period.number() == i + 1, CohortError.OUT_OF_RANGE, path + ".period", period.number(), i + 1, i + 1);
            if (i > 0) {
                AccompanimentPeriod previous = periods.get(i - 1);
                LocalDate closed = previous.closedOn();
                boolean after = closed != null && period.referral().referredOn().isAfter(closed);
                checks.check(after, CohortError.OVERLAPPING_PERIODS, path + ".referral.referredOn", period.referral().referredOn(),
                        previous.number(), closed == null ? "-" : closed);
            }
            for (Step step : period.steps()) {
                checks.check(stepIds.add(step.id()), CohortError.DUPLICATE, path + ".steps", step.id());
            }
        }
        checks.throwIfInvalid();
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
        return periods.get(periods.size() - 1);
    }

    /**
     * A period by number.
     *
     * @param number the period's rank, from 1
     * @return the period, empty when absent
     */
    public Optional<AccompanimentPeriod> period(int number) {
        return number >= 1 && number <= periods.size() ? Optional.of(periods.get(number - 1)) : Optional.empty();
    }

    /**
     * Whether the participant is in the caseload on a day.
     *
     * @param day the day
     * @return true when one period is active that day
     */
    public boolean isActiveOn(LocalDate day) {
        return periods.stream().anyMatch(p -> p.isActiveOn(day));
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
        for (AccompanimentPeriod period : periods) {
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
        periods.forEach(period -> cleared.add(period.withoutFreeText()));
        return new Participant(id, cleared);
    }

    /**
     * A copy with one period replaced (same number).
     *
     * @param period the new version of a period
     * @return the participant, checked
     */
    Participant withPeriod(AccompanimentPeriod period) {
        List<AccompanimentPeriod> copy = new ArrayList<>(periods);
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
        List<AccompanimentPeriod> copy = new ArrayList<>(periods);
        copy.add(period);
        return new Participant(id, copy);
    }
}
