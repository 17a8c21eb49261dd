package fr.asso.europlie.plie.cohort;

import static fr.asso.europlie.plie.cohort.PeriodChecksAgreementTest.DAY_0;
import static fr.asso.europlie.plie.cohort.PeriodChecksAgreementTest.PLAN;
import static fr.asso.europlie.plie.cohort.PeriodChecksAgreementTest.REFERENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The participant's checks name the fields only for a violation and compare its steps' identifiers
 * one with another up to 16 steps (issue 16): for any periods, in order or not, overlapping or not,
 * with step identifiers given twice within a period or across periods, they report exactly what the
 * checks as first written reported (kept below), in the same order.
 */
@DisplayName("the participant's checks report what they reported when every field name was built")
class ParticipantChecksAgreementTest {

    @Test
    @DisplayName("any 1 to 4 periods, numbered and dated at random, with up to 12 steps each: the same participant or the same violations")
    void sameViolations() {
        int[] refused = new int[3];
        qt().withExamples(2000).forAll(longs().all(), integers().between(1, 4), integers().between(0, 12))
                .checkAssert((seed, periodCount, mostSteps) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    int ids = 1 + random.nextInt(4 * mostSteps + 2);
                    List<AccompanimentPeriod> periods = new ArrayList<>();
                    LocalDate referred = DAY_0;
                    int steps = 0;
                    for (int i = 0; i < periodCount; i++) {
                        int number = random.nextInt(5) == 0 ? 1 + random.nextInt(4) : i + 1;
                        int stepCount = random.nextInt(mostSteps + 1);
                        periods.add(period(random, number, referred, stepCount, ids));
                        steps += stepCount;
                        // the next period referred after this one's exit (day 60 at the latest), or not
                        referred = referred.plusDays(random.nextInt(4) == 0 ? random.nextInt(0, 70) : 61);
                    }
                    List<Violation> expected = checksAsWritten(periods);
                    ParticipantId id = ParticipantId.of("P-1");
                    InvalidValueException refusal = catchThrowableOfType(() -> new Participant(id, periods), InvalidValueException.class);
                    if (expected.isEmpty()) {
                        assertThat(refusal).isNull();
                        assertThat(new Participant(id, periods).periods()).isEqualTo(periods);
                    } else {
                        assertThat(refusal).as("refused").isNotNull();
                        assertThat(refusal.violations()).isEqualTo(expected);
                        refused[0]++;
                        refused[2] += steps > 16 ? 1 : 0;
                    }
                    refused[1]++;
                });
        // some participants refused, among them some with more steps than are compared pairwise, some built
        assertThat(refused[0]).isPositive().isLessThan(refused[1]);
        assertThat(refused[2]).isPositive();
    }

    /** A valid period referred on a day, entered 10 days later, its steps' identifiers drawn among {@code ids}, exited on day 60. */
    private static AccompanimentPeriod period(SplittableRandom random, int number, LocalDate referred, int stepCount, int ids) {
        LocalDate entry = referred.plusDays(10);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepCount; i++) {
            steps.add(new Step(StepId.of("S-" + random.nextInt(ids)), StepType.ASSESSMENT, entry.plusDays(random.nextInt(0, 40)), null, null,
                    null, null, null, null, null));
        }
        // the period's own checks refuse a step identifier given twice in it: keep the first of each
        Set<StepId> seen = new HashSet<>();
        steps.removeIf(s -> !seen.add(s.id()));
        Exit exit = random.nextBoolean() ? new Exit(referred.plusDays(60), ExitReason.DROPOUT, null) : null;
        return new AccompanimentPeriod(number, new Referral(OrganisationId.of("FT"), referred, null), Set.of(TargetPublic.SENIORS), false,
                new EntryDecision(referred.plusDays(5), true, null), Adhesion.signedOn(entry, REFERENT, PLAN),
                List.of(new ReferentAssignment(REFERENT, entry, null)), List.of(new StatusChange(referred, ParticipantStatus.JOBSEEKER)), steps,
                null, List.of(), exit, null);
    }

    /**
     * The violations the participant's constructor reported for these periods, in its order, as its
     * checks were written before issue 16's change: every field name built, a set of the steps' identifiers.
     */
    private static List<Violation> checksAsWritten(List<AccompanimentPeriod> periods) {
        List<Violation> found = new ArrayList<>();
        Set<StepId> stepIds = new HashSet<>();
        for (int i = 0; i < periods.size(); i++) {
            AccompanimentPeriod period = periods.get(i);
            String path = "periods[" + i + "]";
            if (period.number() != i + 1) {
                found.add(Violation.of(CohortError.OUT_OF_RANGE, path + ".period", period.number(), i + 1, i + 1));
            }
            if (i > 0) {
                AccompanimentPeriod previous = periods.get(i - 1);
                LocalDate closed = previous.closedOn();
                boolean after = closed != null && period.referral().referredOn().isAfter(closed);
                if (!after) {
                    found.add(Violation.of(CohortError.OVERLAPPING_PERIODS, path + ".referral.referredOn", period.referral().referredOn(),
                            previous.number(), closed == null ? "-" : closed));
                }
            }
            for (Step step : period.steps()) {
                if (!stepIds.add(step.id())) {
                    found.add(Violation.of(CohortError.DUPLICATE, path + ".steps", step.id()));
                }
            }
        }
        return found;
    }
}
