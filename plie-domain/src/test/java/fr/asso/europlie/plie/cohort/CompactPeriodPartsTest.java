package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.offer.OperationId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A period holds its steps packed (two or more as their parts in one array, read by the reports
 * through {@link PeriodFacts#steps}, {@link PeriodFacts#stepOperation} and {@link PeriodFacts#stepStart}
 * without making steps) and its exit folded into its facts (the day and reason, the data apart):
 * everything it answers is what the plain record of the components given answers
 * ({@link ReferencePeriod}), for generated periods and for periods given 0 to 40 steps of every type
 * and an exit or none, on ordinary days or beyond the safe years (exotic periods), numbered within
 * the facts' six bits or beyond, with in-work follow-ups or without.
 */
@DisplayName("a period with packed steps and a folded exit answers as the record of the components given")
class CompactPeriodPartsTest {

    private static final ExitReason[] REASONS = ExitReason.values();

    /** The components given, as the record the period was: the lists copied as the constructor copies them. */
    private static ReferencePeriod given(AccompanimentPeriod.Draft d) {
        return new ReferencePeriod(d.number, d.referral, d.targetPublics, d.flagged, d.entryDecision, d.adhesion, List.copyOf(d.referents),
                List.copyOf(d.statuses), List.copyOf(d.steps), d.entryData, List.copyOf(d.followUps), d.exit, d.sixMonthData);
    }

    private static void agrees(AccompanimentPeriod period, ReferencePeriod reference) {
        List<Step> steps = reference.steps();
        assertThat(period.steps()).isEqualTo(steps).hasSameHashCodeAs(steps).hasToString(steps.toString()).isUnmodifiable();
        assertThat(steps).isEqualTo(period.steps());
        assertThat(period.stepCount()).isEqualTo(steps.size());
        assertThat(PeriodFacts.steps(period)).isEqualTo(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            assertThat(period.steps().get(i)).isEqualTo(step).hasSameHashCodeAs(step).hasToString(step.toString());
            assertThat(period.stepId(i)).isEqualTo(step.id());
            assertThat(period.stepType(i)).isEqualTo(step.type());
            assertThat(period.stepEnd(i)).isEqualTo(step.end());
            assertThat(PeriodFacts.stepOperation(period, i)).isEqualTo(step.operation());
            assertThat(PeriodFacts.stepStart(period, i)).isEqualTo(step.start());
            assertThat(period.step(step.id())).contains(step);
        }
        int n = steps.size();
        assertThatThrownBy(() -> PeriodFacts.stepOperation(period, n)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PeriodFacts.stepStart(period, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> period.stepId(n)).isInstanceOf(IndexOutOfBoundsException.class);

        List<ReferentAssignment> referents = reference.referents();
        assertThat(period.referents()).isEqualTo(referents).hasSameHashCodeAs(referents).hasToString(referents.toString()).isUnmodifiable();
        assertThat(PeriodFacts.referents(period)).isEqualTo(referents.size());
        for (int i = 0; i < referents.size(); i++) {
            ReferentAssignment assignment = referents.get(i);
            assertThat(period.referents().get(i)).isEqualTo(assignment).hasSameHashCodeAs(assignment).hasToString(assignment.toString());
            assertThat(ReferentNumbers.of(period.referents().get(i))).isEqualTo(ReferentNumbers.of(assignment));
            assertThat(PeriodFacts.referent(period, i)).isEqualTo(assignment.referent());
            assertThat(PeriodFacts.referentNumber(period, i)).isEqualTo(ReferentNumbers.of(assignment));
        }
        int r = referents.size();
        assertThatThrownBy(() -> PeriodFacts.referent(period, r)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PeriodFacts.referentNumber(period, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        if (!PeriodFacts.exotic(period)) {
            List<Long> days = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L));
            for (ReferentAssignment assignment : referents) {
                long day = assignment.from().toEpochDay();
                days.addAll(List.of(day - 1, day, day + 1));
            }
            for (long day : days) {
                int expected = -1;
                for (int i = 0; i < referents.size(); i++) {
                    if (referents.get(i).from().toEpochDay() <= day) {
                        expected = i;
                    }
                }
                assertThat(PeriodFacts.referentIndexOn(period, day)).as("in charge on %s", day).isEqualTo(expected);
            }
        }
        assertThat(period.adhesion()).isEqualTo(reference.adhesion());
        assertThat(period.currentReferent()).isEqualTo(referents.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(referents.get(referents.size() - 1).referent()));
        assertThat(period.currentDesignation()).isEqualTo(referents.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(referents.get(referents.size() - 1).designatedBy()));
        for (ReferentAssignment assignment : referents) {
            assertThat(period.referentOn(assignment.from())).isEqualTo(new ReferencePeriodDays(referents).referentOn(assignment.from()));
            assertThat(period.referentOn(assignment.from().minusDays(1))).isEqualTo(new ReferencePeriodDays(referents).referentOn(assignment.from().minusDays(1)));
        }

        Exit exit = reference.exit();
        assertThat(period.exit()).isEqualTo(exit);
        if (exit != null) {
            assertThat(period.exit()).hasSameHashCodeAs(exit).hasToString(exit.toString());
            assertThat(period.exit().data()).isEqualTo(exit.data());
        }
        assertThat(period.exitDate()).isEqualTo(exit == null ? null : exit.exitedOn());
        LocalDate entry = reference.adhesion() == null ? null : reference.adhesion().entryDate();
        assertThat(period.entryDate()).isEqualTo(entry);
        assertThat(period.closedOn()).isEqualTo(exit != null ? exit.exitedOn()
                : reference.entryDecision() != null && !reference.entryDecision().validated() ? reference.entryDecision().decidedOn() : null);
        assertThat(period.sixMonthData()).isEqualTo(reference.sixMonthData());
        if (entry != null) {
            List<LocalDate> days = new ArrayList<>(List.of(entry, entry.minusDays(1), entry.plusDays(1), LocalDate.MAX, LocalDate.MIN));
            if (exit != null) {
                days.addAll(List.of(exit.exitedOn(), exit.exitedOn().minusDays(1)));
                if (exit.exitedOn().isBefore(LocalDate.MAX)) {
                    days.add(exit.exitedOn().plusDays(1));
                }
            }
            for (LocalDate day : days) {
                boolean active = !entry.isAfter(day) && (exit == null || exit.exitedOn().isAfter(day));
                assertThat(period.isActiveOn(day)).as("active on %s", day).isEqualTo(active);
            }
        } else {
            assertThat(period.isActiveOn(LocalDate.MAX)).isFalse();
        }
        if (entry == null) {
            assertThat(period.isActiveOn(null)).isFalse();
        } else {
            assertThatThrownBy(() -> period.isActiveOn(null)).isInstanceOf(NullPointerException.class);
        }
        assertThat(period.hashCode()).isEqualTo(reference.hashCode());
        assertThat(period.toString()).isEqualTo(reference.toString().replaceFirst("^ReferencePeriod\\[", "AccompanimentPeriod["));
        AccompanimentPeriod copy = period.draft().build();
        assertThat(copy).isEqualTo(period).hasSameHashCodeAs(period).hasToString(period.toString());
        assertThat(copy.state()).isEqualTo(period.state());
    }

    /** The referent on a day as the record's accessor computed it. */
    private record ReferencePeriodDays(List<ReferentAssignment> referents) {
        java.util.Optional<ReferentId> referentOn(LocalDate day) {
            ReferentId found = null;
            for (ReferentAssignment assignment : referents) {
                if (!assignment.from().isAfter(day)) {
                    found = assignment.referent();
                }
            }
            return java.util.Optional.ofNullable(found);
        }
    }

    /** Equal exactly when the records of the components are. */
    private static void equalAsRecords(AccompanimentPeriod a, ReferencePeriod ra, AccompanimentPeriod b, ReferencePeriod rb) {
        assertThat(a.equals(b)).isEqualTo(ra.equals(rb));
        assertThat(b.equals(a)).isEqualTo(rb.equals(ra));
    }

    /**
     * A step of one of the six kinds with identifier {@code "S" + i}, starting within 2,000 days of
     * entry, open, ending on {@code LocalDate.MAX} or within 400 days, with or without operation
     * (shared with {@link PackedStepsTest}).
     */
    static Step randomStep(SplittableRandom random, int i, LocalDate entry) {
        LocalDate start = entry.plusDays(random.nextInt(2000));
        LocalDate end = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> LocalDate.MAX;
            default -> start.plusDays(random.nextInt(400));
        };
        OperationId operation = random.nextBoolean() ? null : OperationId.of("OP-" + random.nextInt(5));
        StepId id = StepId.of("S" + i);
        return switch (random.nextInt(6)) {
            case 0 -> Step.of(id, StepType.ASSESSMENT, start, end, operation);
            case 1 -> Step.employment(id, ContractType.values()[random.nextInt(ContractType.values().length)],
                    new BigDecimal(random.nextBoolean() ? "1" : "0.5"), start, end, operation);
            case 2 -> Step.training(id, StepType.QUALIFYING_TRAINING, start, random.nextBoolean() ? LocalDate.MAX : null, operation);
            case 3 -> Step.barrierRemoval(id, BarrierKind.values()[random.nextInt(BarrierKind.values().length)], start, end, operation);
            case 4 -> Step.of(id, StepType.COMPANY_IMMERSION, start, end, operation);
            default -> Step.insertionJob(id, new BigDecimal("0.75"), start, end, operation);
        };
    }

    /** An exit after every day of the period: on an ordinary day, or beyond the safe years (the period is then exotic). */
    private static Exit randomExit(SplittableRandom random, AccompanimentPeriod.Draft d) {
        LocalDate last = d.adhesion.entryDate();
        for (Step step : d.steps) {
            last = step.start().isAfter(last) ? step.start() : last;
        }
        for (ReferentAssignment assignment : d.referents) {
            last = assignment.from().isAfter(last) ? assignment.from() : last;
        }
        for (StatusChange change : d.statuses) {
            last = change.since().isAfter(last) ? change.since() : last;
        }
        LocalDate day = switch (random.nextInt(6)) {
            case 0 -> LocalDate.of(1_000_001 + random.nextInt(1000), 1 + random.nextInt(12), 1);
            case 1 -> LocalDate.MAX;
            default -> last.plusDays(random.nextInt(800));
        };
        EsfExitData data = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> new EsfExitData(day, false, random.nextBoolean(), random.nextBoolean(), random.nextBoolean());
            default -> new EsfExitData(day, random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), false);
        };
        return new Exit(day, REASONS[random.nextInt(REASONS.length)], data);
    }

    @Test
    @DisplayName("every generated period answers as the record of its components; equal to its neighbours exactly when the records are")
    void generatedPeriods() {
        qt().withExamples(40).forAll(CohortFixture.generatedCohorts(40)).checkAssert(generated -> {
            AccompanimentPeriod previous = null;
            ReferencePeriod previousReference = null;
            for (Participant participant : generated.data().participants()) {
                for (AccompanimentPeriod period : participant.periods()) {
                    ReferencePeriod reference = given(period.draft());
                    agrees(period, reference);
                    agrees(period.draft().build(), reference);
                    if (previous != null) {
                        equalAsRecords(period, reference, previous, previousReference);
                    }
                    previous = period;
                    previousReference = reference;
                }
            }
        });
    }

    @Test
    @DisplayName("0 to 40 steps of every type and an exit or none, ordinary or exotic, answer as the record; one part changed, equal exactly when the records are")
    void stepsAndExits() {
        qt().withExamples(300).forAll(integers().between(0, 40), integers().between(0, Integer.MAX_VALUE)).checkAssert((count, seed) -> {
            AccompanimentPeriod period = CohortFixture.GENERATOR.generate(seed, 3).data().participants().stream()
                    .flatMap(p -> p.periods().stream()).filter(p -> p.isEntered() && p.exit() == null && p.followUps().isEmpty())
                    .findFirst().orElse(null);
            if (period == null) {
                return;
            }
            SplittableRandom random = new SplittableRandom(seed);
            LocalDate entry = period.entryDate();
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                steps.add(randomStep(random, i, entry));
            }
            AccompanimentPeriod.Draft draft = period.draft();
            draft.steps = steps;
            draft.sixMonthData = null;
            // the number is held in the facts from 1 to 63, apart beyond
            draft.number = switch (random.nextInt(6)) {
                case 0 -> 63;
                case 1 -> 64;
                case 2 -> Integer.MAX_VALUE;
                default -> draft.number;
            };
            if (random.nextInt(4) > 0) {
                draft.exit = randomExit(random, draft);
                if (random.nextBoolean() && draft.exit.exitedOn().isBefore(LocalDate.MAX.minusMonths(7))) {
                    draft.sixMonthData = new EsfSixMonthData(draft.exit.exitedOn().plusMonths(random.nextInt(7)), true, random.nextBoolean());
                }
            }
            AccompanimentPeriod built = draft.build();
            ReferencePeriod reference = given(draft);
            agrees(built, reference);
            assertThat(built).isEqualTo(draft.build());

            // one part changed at a time: equal exactly when the records are
            List<AccompanimentPeriod.Draft> changed = new ArrayList<>();
            if (count > 0) {
                AccompanimentPeriod.Draft fewer = built.draft();
                fewer.steps = steps.subList(0, count - 1);
                changed.add(fewer);
                AccompanimentPeriod.Draft ended = built.draft();
                int i = random.nextInt(count);
                ended.steps = new ArrayList<>(steps);
                Step step = steps.get(i);
                ended.steps.set(i, step.endedOn(step.end() == null || step.end().equals(step.start()) ? LocalDate.MAX : step.start()));
                changed.add(ended);
                AccompanimentPeriod.Draft same = built.draft();
                same.steps = new ArrayList<>(steps);
                same.steps.set(i, new Step(step.id(), step.type(), step.start(), step.end(), step.plannedEnd(), step.operation(),
                        step.contract(), step.workingTime(), step.barrier(), step.qualificationValidatedOn()));
                changed.add(same);
            }
            AccompanimentPeriod.Draft renumbered = built.draft();
            renumbered.number = draft.number == Integer.MAX_VALUE ? 1 : draft.number + 1;
            changed.add(renumbered);
            // the lone assignment designated by an organisation, or followed by another one
            ReferentAssignment first = draft.referents.get(0);
            AccompanimentPeriod.Draft designated = built.draft();
            designated.referents = List.of(new ReferentAssignment(first.referent(), first.from(),
                    first.designatedBy() == null ? fr.asso.europlie.plie.organisation.OrganisationId.of("DEPT-" + random.nextInt(3)) : null));
            changed.add(designated);
            AccompanimentPeriod.Draft sameDesignation = built.draft();
            sameDesignation.referents = List.of(new ReferentAssignment(ReferentId.of(first.referent().value()), LocalDate.ofEpochDay(first.from().toEpochDay()),
                    first.designatedBy()));
            changed.add(sameDesignation);
            AccompanimentPeriod.Draft twoReferents = built.draft();
            twoReferents.referents = List.of(first, new ReferentAssignment(ReferentId.of("REF-X" + random.nextInt(3)),
                    first.from().plusDays(random.nextInt(3)), null));
            changed.add(twoReferents);
            AccompanimentPeriod.Draft noExit = built.draft();
            noExit.exit = null;
            noExit.sixMonthData = null;
            changed.add(noExit);
            if (draft.exit != null) {
                Exit exit = draft.exit;
                AccompanimentPeriod.Draft otherReason = built.draft();
                otherReason.exit = new Exit(exit.exitedOn(), REASONS[(exit.reason().ordinal() + 1) % REASONS.length], exit.data());
                changed.add(otherReason);
                AccompanimentPeriod.Draft otherData = built.draft();
                otherData.exit = new Exit(exit.exitedOn(), exit.reason(), exit.data() == null ? new EsfExitData(exit.exitedOn(), false, false, false, false) : null);
                changed.add(otherData);
                if (exit.exitedOn().isBefore(LocalDate.MAX) && draft.sixMonthData == null) {
                    AccompanimentPeriod.Draft later = built.draft();
                    later.exit = new Exit(exit.exitedOn().plusDays(1), exit.reason(), exit.data());
                    changed.add(later);
                }
                AccompanimentPeriod.Draft sameExit = built.draft();
                sameExit.exit = new Exit(LocalDate.of(exit.exitedOn().getYear(), exit.exitedOn().getMonth(), exit.exitedOn().getDayOfMonth()),
                        exit.reason(), exit.data() == null ? null
                                : new EsfExitData(exit.data().collectedOn(), exit.data().jobSearching(), exit.data().inEducationOrTraining(),
                                        exit.data().gainedQualification(), exit.data().employed()));
                changed.add(sameExit);
            }
            for (AccompanimentPeriod.Draft other : changed) {
                AccompanimentPeriod otherPeriod;
                try {
                    otherPeriod = other.build();
                } catch (InvalidValueException refused) {
                    // the record's constructor refuses the same components (the checks are unchanged)
                    continue;
                }
                ReferencePeriod otherReference = given(other);
                agrees(otherPeriod, otherReference);
                equalAsRecords(built, reference, otherPeriod, otherReference);
                assertThat(Objects.equals(built.exit(), otherPeriod.exit())).isEqualTo(Objects.equals(reference.exit(), otherReference.exit()));
            }
        });
    }
}
