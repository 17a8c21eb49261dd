package fr.asso.europlie.plie.cohort;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The period's checks of its statuses, referents and steps name the fields only for a violation,
 * compare a step's identifier with the earlier ones one by one up to 16 steps, and find its target
 * publics among the shared sets before copying them (issue 16): for any period, valid or not, they
 * report exactly what the checks as first written reported (kept below), in the same order.
 */
@DisplayName("the period's checks report what they reported when every field name was built")
class PeriodChecksAgreementTest {

    /** The first day of the periods drawn here and in {@link ParticipantChecksAgreementTest}. */
    static final LocalDate DAY_0 = LocalDate.of(2024, 1, 1);
    /** The adhesion's referent. */
    static final ReferentId REFERENT = ReferentId.of("REF-1");
    /** The plan signing the adhesions. */
    static final OrganisationId PLAN = OrganisationId.of("PLIE");

    @Test
    @DisplayName("any statuses, referents, steps (up to 40, identifiers often repeated) and exit: the same period or the same violations")
    void sameViolations() {
        int[] refused = new int[2];
        qt().withExamples(2000).forAll(longs().all(), integers().between(0, 40), integers().between(1, 4), integers().between(0, 3))
                .checkAssert((seed, stepCount, statusCount, referentCount) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    LocalDate entry = DAY_0.plusDays(10);
                    List<StatusChange> statuses = new ArrayList<>();
                    for (int i = 0; i < statusCount; i++) {
                        statuses.add(new StatusChange(DAY_0.plusDays(random.nextInt(-2, 30)), ParticipantStatus.values()[random.nextInt(3)]));
                    }
                    List<ReferentAssignment> referents = new ArrayList<>();
                    referents.add(new ReferentAssignment(REFERENT, entry, null));
                    for (int i = 0; i < referentCount; i++) {
                        referents.add(new ReferentAssignment(ReferentId.of("REF-" + (2 + i)), entry.plusDays(random.nextInt(-3, 60)), null));
                    }
                    List<Step> steps = new ArrayList<>();
                    int ids = 1 + random.nextInt(Math.max(1, stepCount + 3));
                    for (int i = 0; i < stepCount; i++) {
                        steps.add(new Step(StepId.of("S-" + random.nextInt(ids)), StepType.ASSESSMENT, entry.plusDays(random.nextInt(-5, 80)), null,
                                null, null, null, null, null, null));
                    }
                    Exit exit = random.nextInt(3) == 0 ? new Exit(entry.plusDays(random.nextInt(0, 70)), ExitReason.DROPOUT, null) : null;
                    List<TargetPublic> pool = List.of(TargetPublic.SENIORS, TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.QPV_RESIDENTS);
                    Set<TargetPublic> publics = new LinkedHashSet<>(pool.subList(random.nextInt(2), 2 + random.nextInt(2)));
                    Referral referral = new Referral(OrganisationId.of("FT"), DAY_0, null);
                    EntryDecision decision = new EntryDecision(DAY_0.plusDays(5), true, null);
                    Adhesion adhesion = Adhesion.signedOn(entry, REFERENT, PLAN);
                    List<Violation> expected = checksAsWritten(referral, statuses, decision, adhesion, referents, steps, exit);
                    InvalidValueException refusal = catchThrowableOfType(() -> new AccompanimentPeriod(1, referral, publics, false, decision,
                            adhesion, referents, statuses, steps, null, List.of(), exit, null), InvalidValueException.class);
                    if (expected.isEmpty()) {
                        assertThat(refusal).isNull();
                        assertThat(new AccompanimentPeriod(1, referral, publics, false, decision, adhesion, referents, statuses, steps, null,
                                List.of(), exit, null).targetPublics()).isEqualTo(publics);
                    } else {
                        assertThat(refusal).as("refused").isNotNull();
                        assertThat(refusal.violations()).isEqualTo(expected);
                        refused[0]++;
                    }
                    refused[1]++;
                });
        // some periods refused, some built
        assertThat(refused[0]).isPositive().isLessThan(refused[1]);
    }

    @Test
    @DisplayName("a period numbered 0, with no target public and no status, is refused for the three, first, with the bounds and values as before")
    void numberPublicsAndStatuses() {
        Referral referral = new Referral(OrganisationId.of("FT"), DAY_0, null);
        InvalidValueException refusal = catchThrowableOfType(() -> new AccompanimentPeriod(0, referral, Set.of(), false, null, null, null,
                List.of(), null, null, null, null, null), InvalidValueException.class);
        assertThat(refusal.violations().subList(0, 3)).containsExactly(
                Violation.of(CohortError.OUT_OF_RANGE, "period", 0, 1, Integer.MAX_VALUE),
                Violation.of(CohortError.BLANK, "targetPublics", Set.of()),
                Violation.of(CohortError.BLANK, "statuses", List.of()));
    }

    /**
     * The violations the period's constructor reported for these parts, in its order, as its checks
     * were written before issue 16's change: every field name built, a set of the steps' identifiers.
     * (The other parts given are valid: a referral, a validated decision, an adhesion on the first
     * assignment's day, no entry data, no follow-up.)
     */
    private static List<Violation> checksAsWritten(Referral referral, List<StatusChange> statuses, EntryDecision decision, Adhesion adhesion,
            List<ReferentAssignment> referents, List<Step> steps, Exit exit) {
        List<Violation> found = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 0; i < statuses.size(); i++) {
            LocalDate since = statuses.get(i).since();
            String field = "statuses[" + i + "].since";
            order(found, field, since, previous == null ? "referral.referredOn" : "statuses[" + (i - 1) + "].since",
                    previous == null ? referral.referredOn() : previous.plusDays(1));
            previous = since;
        }
        order(found, "entryDecision.decidedOn", decision.decidedOn(), "referral.referredOn", referral.referredOn());
        LocalDate entry = adhesion.entryDate();
        order(found, "adhesion.entryDate", entry, "entryDecision.decidedOn", decision.decidedOn());
        for (int i = 1; i < referents.size(); i++) {
            order(found, "referents[" + i + "].from", referents.get(i).from(), "referents[" + (i - 1) + "].from", referents.get(i - 1).from());
        }
        Set<StepId> seen = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (!seen.add(step.id())) {
                found.add(Violation.of(CohortError.DUPLICATE, "steps", step.id()));
            }
            order(found, "steps[" + i + "].start", step.start(), "adhesion.entryDate", entry);
        }
        if (exit != null) {
            order(found, "exit.exitedOn", exit.exitedOn(), "adhesion.entryDate", entry);
            for (int i = 0; i < referents.size(); i++) {
                order(found, "exit.exitedOn", exit.exitedOn(), "referents[" + i + "].from", referents.get(i).from());
            }
            for (int i = 0; i < statuses.size(); i++) {
                order(found, "exit.exitedOn", exit.exitedOn(), "statuses[" + i + "].since", statuses.get(i).since());
            }
            for (int i = 0; i < steps.size(); i++) {
                order(found, "exit.exitedOn", exit.exitedOn(), "steps[" + i + "].start", steps.get(i).start());
            }
        }
        return found;
    }

    private static void order(List<Violation> found, String field, LocalDate date, String earlierField, LocalDate earlier) {
        if (date != null && earlier != null && date.isBefore(earlier)) {
            found.add(Violation.of(CohortError.DATE_ORDER, field, date, earlierField, earlier));
        }
    }
}
