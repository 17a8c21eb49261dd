package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The positive-exit rules applied to a pathway's steps (politique de sortie positive).
 *
 * <p><b>Employment.</b> Qualifying work is an employment step under a qualifying contract, or a
 * business creation, of at least the minimum working time. Consecutive qualifying work (temping
 * missions one after the other, a CDD followed by a CDI...) forms one continuous span when each
 * starts at most {@code allowedGapDays} days after the previous one ended (0: the next day). The
 * rule is met on the last day of the N-th month of a span ({@code start + N months - 1 day}),
 * provided the span reaches it.
 *
 * <p><b>Training.</b> A qualifying training counts on the day its qualification is validated; a
 * qualifying training planned for more than {@code longTrainingMonths} months counts on the last
 * day of its {@code longTrainingCountsAfterMonths}-th month, provided it has not stopped before.
 */
public final class PositiveExitPolicy {

    private final ExitRules rules;

    /**
     * Creates the policy.
     *
     * @param rules the exit rules, not null
     */
    public PositiveExitPolicy(ExitRules rules) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
    }

    /**
     * A positive outcome and the day it was reached.
     *
     * @param reason the positive exit reason
     * @param reachedOn the first day on which the exit may be validated
     */
    public record PositiveOutcome(ExitReason reason, LocalDate reachedOn) {
    }

    /**
     * Whether a step is qualifying work for the employment rule.
     *
     * @param step the step
     * @return true for qualifying employment or business creation of at least the minimum working time
     */
    public boolean isQualifyingWork(Step step) {
        boolean kind = step.type() == StepType.BUSINESS_CREATION
                || step.type() == StepType.EMPLOYMENT && rules.qualifyingContracts().contains(step.contract());
        return kind && step.workingTime().compareTo(rules.minimumWorkingTime()) >= 0;
    }

    /**
     * The earliest day on which the employment rule is met, looking at work up to a day.
     *
     * @param steps the pathway's steps
     * @param asOf the last day considered (work under way counts up to it)
     * @return the outcome ({@link ExitReason#BUSINESS_CREATION} when a business creation in the span
     *         meets the rule on its own, even with a job before or alongside it, else
     *         {@link ExitReason#EMPLOYMENT}), empty when not met by that day
     */
    public Optional<PositiveOutcome> employment(List<Step> steps, LocalDate asOf) {
        for (Span span : spans(steps, asOf, false)) {
            LocalDate threshold = span.start.plusMonths(rules.employmentMonths()).minusDays(1);
            if (!span.end.isBefore(threshold)) {
                return Optional.of(outcomeOf(span, threshold, steps, asOf));
            }
        }
        return Optional.empty();
    }

    /**
     * The outcome of a span of qualifying work that met the rule: a business creation that meets
     * the rule on its own (at least the minimum working time, for the months needed, inside the
     * span) makes it a business-creation exit, reached when the business reached the months, even
     * when a job ran just before or alongside it; otherwise an employment exit.
     */
    private PositiveOutcome outcomeOf(Span span, LocalDate threshold, List<Step> steps, LocalDate asOf) {
        for (Span business : spans(steps, asOf, true)) {
            LocalDate businessThreshold = business.start.plusMonths(rules.employmentMonths()).minusDays(1);
            boolean inside = !business.start.isBefore(span.start) && !business.start.isAfter(span.end);
            if (inside && !business.end.isBefore(businessThreshold)) {
                return new PositiveOutcome(ExitReason.BUSINESS_CREATION, businessThreshold);
            }
        }
        return new PositiveOutcome(ExitReason.EMPLOYMENT, threshold);
    }

    /**
     * The earliest day on which the employment rule is met by the continuous span of qualifying work
     * that covers a given day: the job an in-work follow-up started on. Work in an earlier span, ended
     * before that day with a break, does not validate the follow-up of a later job.
     *
     * @param steps the pathway's steps
     * @param covering a day the span must include, not null
     * @param asOf the last day considered (work under way counts up to it)
     * @return the outcome as in {@link #employment}, empty when the span covering the day does not
     *         reach the required months by {@code asOf}, or no qualifying work covers the day
     */
    public Optional<PositiveOutcome> employmentCovering(List<Step> steps, LocalDate covering, LocalDate asOf) {
        for (Span span : spans(steps, asOf, false)) {
            if (span.start.isAfter(covering) || span.end.isBefore(covering)) {
                continue;
            }
            LocalDate threshold = span.start.plusMonths(rules.employmentMonths()).minusDays(1);
            if (!span.end.isBefore(threshold)) {
                return Optional.of(outcomeOf(span, threshold, steps, asOf));
            }
        }
        return Optional.empty();
    }

    /**
     * The longest continuous span of qualifying work up to a day, for refusal messages.
     *
     * @param steps the pathway's steps
     * @param asOf the last day considered
     * @return the length in days, 0 when none
     */
    public long longestContinuousWorkDays(List<Step> steps, LocalDate asOf) {
        return spans(steps, asOf, false).stream().mapToLong(s -> ChronoUnit.DAYS.between(s.start, s.end) + 1).max().orElse(0);
    }

    /**
     * The earliest day on which a training rule is met, looking at steps up to a day.
     *
     * @param steps the pathway's steps
     * @param asOf the last day considered
     * @return the outcome, {@link ExitReason#QUALIFYING_TRAINING} or {@link ExitReason#LONG_TRAINING}, empty when not met
     */
    public Optional<PositiveOutcome> training(List<Step> steps, LocalDate asOf) {
        return trainingOutcomes(steps, asOf).stream().min(Comparator.comparing(PositiveOutcome::reachedOn));
    }

    /**
     * The earliest day on which the rule of a positive exit reason is met.
     *
     * @param reason a positive reason
     * @param steps the pathway's steps
     * @param asOf the last day considered
     * @return the outcome of that reason, empty when not met
     */
    public Optional<PositiveOutcome> outcome(ExitReason reason, List<Step> steps, LocalDate asOf) {
        if (reason.needsInWorkFollowUp()) {
            return employment(steps, asOf).filter(o -> o.reason() == reason || reason == ExitReason.EMPLOYMENT);
        }
        return trainingOutcomes(steps, asOf).stream().filter(o -> o.reason() == reason).min(Comparator.comparing(PositiveOutcome::reachedOn));
    }

    private List<PositiveOutcome> trainingOutcomes(List<Step> steps, LocalDate asOf) {
        List<PositiveOutcome> outcomes = new ArrayList<>();
        for (Step step : steps) {
            if (step.type() != StepType.QUALIFYING_TRAINING) {
                continue;
            }
            LocalDate validated = step.qualificationValidatedOn();
            if (validated != null && !validated.isAfter(asOf)) {
                outcomes.add(new PositiveOutcome(ExitReason.QUALIFYING_TRAINING, validated));
            }
            if (step.plannedEnd() != null && !step.plannedEnd().isBefore(step.start().plusMonths(rules.longTrainingMonths()))) {
                LocalDate threshold = step.start().plusMonths(rules.longTrainingCountsAfterMonths()).minusDays(1);
                if (!threshold.isAfter(asOf) && (step.end() == null || !step.end().isBefore(threshold))) {
                    outcomes.add(new PositiveOutcome(ExitReason.LONG_TRAINING, threshold));
                }
            }
        }
        return outcomes;
    }

    private List<Span> spans(List<Step> steps, LocalDate asOf, boolean businessOnly) {
        List<Step> work = new ArrayList<>();
        for (Step step : steps) {
            if (isQualifyingWork(step) && !step.start().isAfter(asOf) && (!businessOnly || step.type() == StepType.BUSINESS_CREATION)) {
                work.add(step);
            }
        }
        work.sort(Comparator.comparing(Step::start));
        List<Span> spans = new ArrayList<>();
        Span current = null;
        for (Step step : work) {
            LocalDate end = step.end() == null || step.end().isAfter(asOf) ? asOf : step.end();
            if (current != null && !step.start().isAfter(current.end.plusDays(1L + rules.allowedGapDays()))) {
                current.end = end.isAfter(current.end) ? end : current.end;
            } else {
                current = new Span(step.start(), end);
                spans.add(current);
            }
        }
        return spans;
    }

    private static final class Span {
        final LocalDate start;
        LocalDate end;

        Span(LocalDate start, LocalDate end) {
            this.start = start;
            this.end = end;
        }
    }
}
