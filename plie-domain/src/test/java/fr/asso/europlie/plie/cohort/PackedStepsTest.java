package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A period holds two or more steps as their parts in one array ({@link Step#pack(List)}): the list
 * {@link AccompanimentPeriod#steps()} gives back behaves as the unmodifiable list of the steps given.
 */
@DisplayName("a period's steps held in one array give back the steps given, as an unmodifiable list")
class PackedStepsTest {

    private static void sameAsGiven(List<Step> given, List<Step> actual) {
        List<Step> expected = List.copyOf(given);
        assertThat(actual).isEqualTo(expected).hasSameHashCodeAs(expected).isUnmodifiable();
        assertThat(expected).isEqualTo(actual);
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Step step = actual.get(i);
            assertThat(step).isEqualTo(expected.get(i)).hasSameHashCodeAs(expected.get(i)).hasToString(expected.get(i).toString());
            assertThat(step.type()).isEqualTo(expected.get(i).type());
            assertThat(step.start()).isEqualTo(expected.get(i).start());
            assertThat(step.end()).isEqualTo(expected.get(i).end());
            assertThat(step.operation()).isEqualTo(expected.get(i).operation());
            assertThat(step.workingTime()).isEqualTo(expected.get(i).workingTime());
            assertThat(actual.indexOf(expected.get(i))).isEqualTo(expected.indexOf(expected.get(i)));
            assertThat(actual.contains(expected.get(i))).isTrue();
        }
        assertThatThrownBy(() -> actual.get(expected.size())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> actual.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        // as List.of's: a null is refused rather than looked for
        assertThatThrownBy(() -> actual.contains(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> actual.indexOf(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("every generated period's steps, none, one or several, round-trip through the period and through a copy of it")
    void generatedPeriods() {
        qt().withExamples(40).forAll(CohortFixture.generatedCohorts(40)).checkAssert(generated -> {
            for (Participant participant : generated.data().participants()) {
                for (AccompanimentPeriod period : participant.periods()) {
                    AccompanimentPeriod.Draft draft = period.draft();
                    AccompanimentPeriod built = draft.build();
                    sameAsGiven(draft.steps, built.steps());
                    sameAsGiven(period.steps(), built.steps());
                    assertThat(built).isEqualTo(period).hasSameHashCodeAs(period).hasToString(period.toString());
                }
            }
        });
    }

    @Test
    @DisplayName("2 to 40 steps of every type, days up to LocalDate.MAX, ending or not, round-trip; the step found by its identifier is the one given")
    void manySteps() {
        qt().withExamples(200).forAll(integers().between(2, 40), integers().between(0, Integer.MAX_VALUE)).checkAssert((count, seed) -> {
            AccompanimentPeriod period = CohortFixture.GENERATOR.generate(seed, 3).data().participants().stream()
                    .flatMap(p -> p.periods().stream()).filter(p -> p.isEntered() && p.exit() == null).findFirst().orElse(null);
            if (period == null) {
                return;
            }
            LocalDate entry = period.entryDate();
            List<Step> steps = new ArrayList<>();
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            for (int i = 0; i < count; i++) {
                steps.add(CompactPeriodPartsTest.randomStep(random, i, entry));
            }
            AccompanimentPeriod.Draft draft = period.draft();
            draft.steps = steps;
            AccompanimentPeriod built = draft.build();
            sameAsGiven(steps, built.steps());
            for (Step step : steps) {
                assertThat(built.step(step.id())).contains(step);
            }
            AccompanimentPeriod copy = built.draft().build();
            assertThat(copy).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
            draft.steps = steps.subList(0, count - 1);
            assertThat(draft.build()).isNotEqualTo(built);
        });
    }
}
