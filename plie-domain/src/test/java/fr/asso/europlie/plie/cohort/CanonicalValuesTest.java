package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cohort's records share equal days, identifiers and small values (issue 16, heap per
 * participant) and sharing changes no value: whatever comes in, what the record holds is equal to
 * it, even when values collide in the tables.
 */
@DisplayName("the cohort's records share equal values without changing any")
class CanonicalValuesTest {

    private static final OrganisationId PLAN = OrganisationId.of("PLIE");

    /** A day equal to this one but another instance. */
    private static LocalDate copy(LocalDate day) {
        return LocalDate.ofEpochDay(day.toEpochDay());
    }

    @Test
    @DisplayName("any day, in or beyond the table's range and colliding in it, is given back equal")
    void anyDayStaysEqual() {
        qt().forAll(longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()), integers().between(0, 4))
                .checkAssert((epochDay, laps) -> {
                    LocalDate day = LocalDate.ofEpochDay(epochDay);
                    // another day in the same slot first, then the day: each comes back equal to itself
                    long other = epochDay + (laps + 1L) * 65_536L;
                    if (other <= LocalDate.MAX.toEpochDay()) {
                        assertThat(Canonical.day(LocalDate.ofEpochDay(other))).isEqualTo(LocalDate.ofEpochDay(other));
                    }
                    assertThat(Canonical.day(day)).isEqualTo(day);
                    assertThat(Canonical.day(copy(day))).isEqualTo(day);
                });
    }

    @Test
    @DisplayName("any value in a small table, colliding or not, is given back equal, and an equal value met just before is shared")
    void anyValueStaysEqual() {
        qt().forAll(integers().between(0, 1_000_000), integers().between(0, 1_000_000)).checkAssert((a, b) -> {
            StepId first = StepId.of("S" + a);
            StepId second = StepId.of("S" + b);
            StepId sharedFirst = Canonical.STEP_IDS.of(first);
            assertThat(sharedFirst).isEqualTo(first);
            assertThat(Canonical.STEP_IDS.of(StepId.of("S" + a))).isSameAs(sharedFirst);
            assertThat(Canonical.STEP_IDS.of(second)).isEqualTo(second);
            assertThat(Canonical.STEP_IDS.of(first)).isEqualTo(first);
        });
    }

    @Test
    @DisplayName("two periods built from equal but distinct values hold the same instances of the days, identifiers and small records")
    void periodsShareTheirValues() {
        LocalDate day = LocalDate.of(2024, 3, 4);
        AccompanimentPeriod one = period(day);
        AccompanimentPeriod two = period(copy(day));

        assertThat(two).isEqualTo(one);
        assertThat(two.referral()).isSameAs(one.referral());
        assertThat(two.entryDecision()).isSameAs(one.entryDecision());
        assertThat(two.adhesion().participantSignedOn()).isSameAs(one.adhesion().planSignedOn());
        assertThat(two.adhesion().referent()).isSameAs(one.adhesion().referent());
        assertThat(two.statuses()).isSameAs(one.statuses());
        assertThat(two.targetPublics()).isSameAs(one.targetPublics());
        assertThat(two.steps().get(0).id()).isSameAs(one.steps().get(0).id());
        assertThat(two.steps().get(0).operation()).isSameAs(one.steps().get(0).operation());
        assertThat(two.steps().get(0).workingTime()).isSameAs(one.steps().get(0).workingTime());
        assertThat(two.steps().get(0).start()).isSameAs(one.steps().get(0).start());
        // the exit is folded into the period's facts and made on each call: equal, its day and data shared
        assertThat(two.exit()).isEqualTo(one.exit());
        assertThat(two.exit().exitedOn()).isSameAs(one.exit().exitedOn());
        assertThat(two.exit().data()).isSameAs(one.exit().data());
        assertThat(two.sixMonthData()).isSameAs(one.sixMonthData());
        assertThat(two.followUps().get(0)).isSameAs(one.followUps().get(0));
    }

    @Test
    @DisplayName("an adhesion's entry day is the last signature's, whether the days are one shared instance, equal copies or different")
    void entryDateIsTheLastSignature() {
        qt().forAll(integers().between(0, 3000), integers().between(0, 3000), integers().between(0, 3000), integers().between(0, 2))
                .checkAssert((a, b, c, sharing) -> {
                    LocalDate start = LocalDate.of(2019, 1, 1);
                    LocalDate participant = start.plusDays(a);
                    LocalDate referent = sharing == 0 ? participant : start.plusDays(sharing == 1 ? a : b);
                    LocalDate plan = sharing == 0 ? participant : start.plusDays(sharing == 1 ? a : c);
                    Adhesion adhesion = new Adhesion(participant, ReferentId.of("REF-1"), referent, PLAN, plan);
                    LocalDate last = participant;
                    last = referent.isAfter(last) ? referent : last;
                    last = plan.isAfter(last) ? plan : last;
                    assertThat(adhesion.entryDate()).isEqualTo(last);
                });
    }

    @Test
    @DisplayName("free text is never shared away: a referral or decision with text keeps its own")
    void freeTextKept() {
        LocalDate day = LocalDate.of(2024, 3, 4);
        Referral plain = Referral.of(OrganisationId.of("FT"), copy(day));
        Referral other = new Referral(OrganisationId.of("FT"), copy(day), "Accompagnement global");
        AccompanimentPeriod withText = AccompanimentPeriod.referred(1, other, Set.of(TargetPublic.RSA_RECIPIENTS), true, ParticipantStatus.JOBSEEKER);
        AccompanimentPeriod without = AccompanimentPeriod.referred(1, plain, Set.of(TargetPublic.RSA_RECIPIENTS), false, ParticipantStatus.JOBSEEKER);

        assertThat(withText.referral().otherPtiScheme()).isEqualTo("Accompagnement global");
        assertThat(without.referral().otherPtiScheme()).isNull();
        // the day is still shared: the two referrals built one after the other hold one day
        assertThat(other.referredOn()).isSameAs(plain.referredOn());
        // the periods may take an equal referral built earlier (by another test), whose day was shared
        // from a table slot since taken by another day: equal, not necessarily the same object
        assertThat(withText.referral().referredOn()).isEqualTo(without.referral().referredOn());
    }

    private static AccompanimentPeriod period(LocalDate day) {
        ReferentId referent = ReferentId.of("REF-1");
        LocalDate entry = copy(day).plusDays(10);
        LocalDate exit = copy(day).plusDays(200);
        Step step = Step.insertionJob(StepId.of("S-1"), new BigDecimal("0.50"), entry.plusDays(1), exit, OperationId.of("OP-1"));
        return new AccompanimentPeriod(1, Referral.of(OrganisationId.of("FT"), copy(day)), Set.of(TargetPublic.RSA_RECIPIENTS), false,
                new EntryDecision(copy(day).plusDays(5), true, null),
                new Adhesion(copy(entry), ReferentId.of(referent.value()), copy(entry), OrganisationId.of(PLAN.value()), copy(entry)),
                List.of(new ReferentAssignment(referent, copy(entry), null)), List.of(new StatusChange(copy(day), ParticipantStatus.JOBSEEKER)),
                List.of(step), null, List.of(new InWorkFollowUp(copy(entry).plusDays(100), copy(entry).plusDays(150), false)),
                new Exit(copy(exit), ExitReason.DROPOUT, new EsfExitData(copy(exit), false, false, false, true)),
                new EsfSixMonthData(copy(exit).plusMonths(7), true, false));
    }
}
