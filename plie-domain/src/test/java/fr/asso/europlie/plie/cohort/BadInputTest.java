package fr.asso.europlie.plie.cohort;

import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static fr.asso.europlie.plie.cohort.CohortFixture.aCohort;
import static fr.asso.europlie.plie.cohort.CohortFixture.anEnteredJobseeker;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("bad input gets a clear error naming the field and the value, and changes nothing")
class BadInputTest {

    static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

    @Test
    @DisplayName("an exit before the entry")
    void exitBeforeEntry() {
        Cohort cohort = aCohort();
        ParticipantId id = anEnteredJobseeker(cohort, "Arnaud", JAN_5, ALICE);
        Participant before = cohort.participant(id).orElseThrow();
        PlieException error = assertRefused(() -> cohort.exit(id, LocalDate.of(2026, 1, 4), ExitReason.DROPOUT, null),
                CohortError.DATE_ORDER, "exit.exitedOn", "2026-01-04");
        assertThat(error.violation().details()).containsExactly("adhesion.entryDate", "2026-01-05");
        assertThat(cohort.participant(id)).contains(before);
    }

    @Test
    @DisplayName("an age at entry that is not the age on the entry date (here, on the collection day) is refused and changes nothing")
    void ageNotOnTheEntryDate() {
        Cohort cohort = aCohort();
        // Born 14 May 1980, entered 4 May 2026: 45 at entry, 46 on 29 May when the data is collected.
        LocalDate entry = LocalDate.of(2026, 5, 4);
        ParticipantId id = anEnteredJobseeker(cohort, "Garnier", entry, ALICE);
        Participant before = cohort.participant(id).orElseThrow();
        PlieException error = assertRefused(() -> cohort.recordEntryData(id, CohortFixture.unemployedWoman(LocalDate.of(2026, 5, 29), 46,
                LocalDate.of(2024, 1, 1))), CohortError.INCOMPATIBLE, "entryData.ageAtEntry", "46");
        assertThat(error.violation().details()).containsExactly("adhesion.entryDate", "2026-05-04 (45)");
        assertThat(cohort.participant(id)).contains(before);

        cohort.recordEntryData(id, CohortFixture.unemployedWoman(LocalDate.of(2026, 5, 29), 45, LocalDate.of(2024, 1, 1)));
        assertThat(cohort.participant(id).orElseThrow().currentPeriod().entryData().ageAtEntry()).isEqualTo(45);
    }

    @Test
    @DisplayName("an import whose age at entry contradicts the identity's birth date is refused whole")
    void importedAgeNotOnTheEntryDate() {
        Cohort source = aCohort();
        ParticipantId id = anEnteredJobseeker(source, "Lemoine", LocalDate.of(2026, 5, 4), ALICE);
        source.recordEntryData(id, CohortFixture.unemployedWoman(LocalDate.of(2026, 5, 29), 45, LocalDate.of(2024, 1, 1)));
        CohortData good = source.toData();
        AccompanimentPeriod.Draft draft = source.participant(id).orElseThrow().currentPeriod().draft();
        draft.entryData = CohortFixture.unemployedWoman(LocalDate.of(2026, 5, 29), 46, LocalDate.of(2024, 1, 1));
        CohortData bad = new CohortData(good.referents(), List.of(new Participant(id, List.of(draft.build()))), good.identities(), good.erasures());

        Cohort target = aCohort();
        PlieException error = assertRefused(() -> target.load(bad), CohortError.INCOMPATIBLE,
                "participants[0].periods[0].entryData.ageAtEntry", "46");
        assertThat(error.violation().details()).containsExactly("adhesion.entryDate", "2026-05-04 (45)");
        assertThat(target.size()).isZero();
        target.load(good);
        assertThat(target.toData()).isEqualTo(good);
    }

    @Test
    @DisplayName("an import with an unknown target public, a duplicate identifier and an orphan identity, all reported at once")
    void importWithUnknownTargetPublic() {
        Cohort source = aCohort();
        ParticipantId id = anEnteredJobseeker(source, "Barbier", JAN_5, ALICE);
        AccompanimentPeriod period = source.participant(id).orElseThrow().currentPeriod();
        AccompanimentPeriod alien = new AccompanimentPeriod(1, period.referral(), Set.of(new TargetPublic("MARTIENS", "Martiens")), false,
                period.entryDecision(), period.adhesion(), period.referents(), period.statuses(), period.steps(), null, List.of(), null, null);
        CohortData data = new CohortData(List.of(), List.of(new Participant(id, List.of(alien)), source.participant(id).orElseThrow()),
                Map.of(ParticipantId.of("P-404"), CohortFixture.aPerson("Fantome")), Map.of());

        Cohort target = aCohort();
        anEnteredJobseeker(target, "Déjà là", JAN_5, ALICE);
        CohortData targetBefore = target.toData();
        PlieException error = assertRefused(() -> target.load(data), CohortError.UNKNOWN_TARGET_PUBLIC,
                "participants[0].periods[0].targetPublics", "MARTIENS");
        assertViolation(error, CohortError.DUPLICATE, "participants[0].participantId", "P-1");
        assertViolation(error, CohortError.DUPLICATE, "participants[1].participantId", "P-1");
        assertViolation(error, CohortError.UNKNOWN_PARTICIPANT, "identities", "P-404");
        assertThat(target.toData()).isEqualTo(targetBefore);
    }

    @Test
    @DisplayName("overlapping periods of one participant")
    void overlappingPeriods() {
        Cohort cohort = aCohort();
        ParticipantId id = anEnteredJobseeker(cohort, "Caron", JAN_5, ALICE);
        cohort.exit(id, LocalDate.of(2026, 6, 30), ExitReason.DROPOUT, null);
        AccompanimentPeriod first = cohort.participant(id).orElseThrow().currentPeriod();
        AccompanimentPeriod second = AccompanimentPeriod.referred(2, Referral.of(CohortFixture.FRANCE_TRAVAIL, LocalDate.of(2026, 6, 1)),
                Set.of(TargetPublic.LONG_TERM_JOBSEEKERS), false, ParticipantStatus.JOBSEEKER);
        PlieException error = assertRefused(() -> new Participant(id, List.of(first, second)), CohortError.OVERLAPPING_PERIODS,
                "periods[1].referral.referredOn", "2026-06-01");
        assertThat(error.violation().details()).containsExactly("1", "2026-06-30");
        // A first period still open: a second period can never start, whatever its date.
        AccompanimentPeriod.Draft reopened = first.draft();
        reopened.exit = null;
        assertRefused(() -> new Participant(id, List.of(reopened.build(), AccompanimentPeriod.referred(2,
                Referral.of(CohortFixture.FRANCE_TRAVAIL, LocalDate.of(2027, 1, 4)), Set.of(TargetPublic.LONG_TERM_JOBSEEKERS), false,
                ParticipantStatus.JOBSEEKER))), CohortError.OVERLAPPING_PERIODS, "periods[1].referral.referredOn", "2027-01-04");
    }

    @Test
    @DisplayName("a step with fields that do not fit its type reports each of them")
    void inconsistentStep() {
        PlieException error = assertRefused(() -> new Step(StepId.of("S1"), StepType.ASSESSMENT, JAN_5, LocalDate.of(2026, 1, 4), null, null,
                ContractType.CDI, new BigDecimal("1.5"), null, null), CohortError.NOT_APPLICABLE, "step.contract", "CDI");
        assertViolation(error, CohortError.NOT_APPLICABLE, "step.workingTime", "1.5");
        assertViolation(error, CohortError.OUT_OF_RANGE, "step.workingTime", "1.5");
        assertViolation(error, CohortError.DATE_ORDER, "step.end", "2026-01-04");
        assertRefused(() -> Step.employment(StepId.of("S2"), null, null, JAN_5, null, null), CohortError.REQUIRED_FOR, "step.contract", "null");
    }

    @Test
    @DisplayName("FSE+ data that contradicts itself")
    void contradictoryEsfData() {
        assertRefused(() -> new EsfExitData(JAN_5, true, false, false, true), CohortError.INCOMPATIBLE, "exitData.jobSearching", "true");
        assertRefused(() -> new EsfSixMonthData(JAN_5, false, true), CohortError.INCOMPATIBLE, "sixMonthData.improvedSituation", "true");
        PlieException error = assertRefused(() -> new EsfEntryData(JAN_5, Gender.MAN, 130, LabourMarketStatus.INACTIVE, JAN_5, IscedLevel.ISCED_3,
                Declaration.NO, Declaration.NO, Declaration.NO, null, false, false), CohortError.OUT_OF_RANGE, "entryData.ageAtEntry", "130");
        assertViolation(error, CohortError.NOT_APPLICABLE, "entryData.unemployedSince", "2026-01-05");
        assertViolation(error, CohortError.BLANK, "entryData.minority", "null");
    }

    @Test
    @DisplayName("entry data recorded twice is refused: nothing is overwritten")
    void entryDataTwice() {
        Cohort cohort = aCohort();
        ParticipantId id = anEnteredJobseeker(cohort, "Dumas", JAN_5, ALICE);
        cohort.recordEntryData(id, CohortFixture.unemployedWoman(LocalDate.of(2026, 1, 20), 45, LocalDate.of(2023, 1, 1)));
        List<AccompanimentPeriod> before = new ArrayList<>(cohort.participant(id).orElseThrow().periods());
        assertRefused(() -> cohort.recordEntryData(id, CohortFixture.unemployedWoman(LocalDate.of(2026, 1, 21), 46, LocalDate.of(2023, 1, 1))),
                CohortError.ALREADY_RECORDED, "entryData", "2026-01-20");
        assertThat(cohort.participant(id).orElseThrow().periods()).isEqualTo(before);
    }
}
