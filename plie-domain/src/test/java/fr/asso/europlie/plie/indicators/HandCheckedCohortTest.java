package fr.asso.europlie.plie.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.ParticipantId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The 2026 indicators of {@link HandCheckedCohort}, each expected value counted by hand in the
 * fixture's table: the participants named in the comment are those that count.
 */
@DisplayName("a hand-checked cohort of 34 people")
class HandCheckedCohortTest {

    static final ReportPeriod YEAR_2026 = ReportPeriod.year(2026);
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
    static HandCheckedCohort fixture;
    static IndicatorReport report;

    @BeforeAll
    static void compute() {
        fixture = new HandCheckedCohort();
        report = fixture.indicators().report(fixture.cohort.participants(), YEAR_2026, Slice.all(), AS_OF);
    }

    static GenderBreakdown wmn(int women, int men, int nonBinary) {
        return new GenderBreakdown(women, men, nonBinary);
    }

    @Test
    @DisplayName("the FSE+ common indicators match the hand count, by gender")
    void esfIndicators() {
        Map<EsfIndicator, GenderBreakdown> expected = new EnumMap<>(EsfIndicator.class);
        // W: A01 A03 A06 A08 A10 A11 A14 A16 A18 A20 C06; M: A02 A04 A07 A09 A12 A15 A17 A19; NB: A05 A13.
        expected.put(EsfIndicator.EECO01, wmn(11, 8, 2));
        // W: A01 A03 A08 A11 A18 A20 C06; M: A04 A09 A12 A15 A19; NB: A05.
        expected.put(EsfIndicator.EECO02, wmn(7, 5, 1));
        // W: A01 A11 A20; M: A04 (under 25, over 6 months) A09 (12 months and a day) A15 A19. Not A03, A05, A08, A12, A18, C06.
        expected.put(EsfIndicator.EECO03, wmn(3, 4, 0));
        // W: A10 A16; M: A02 A07; NB: A13.
        expected.put(EsfIndicator.EECO04, wmn(2, 2, 1));
        // W: A06 A14; M: A17.
        expected.put(EsfIndicator.EECO05, wmn(2, 1, 0));
        // W: A16 (16); M: A02 (17, 18 the next day).
        expected.put(EsfIndicator.EECO06, wmn(1, 1, 0));
        // W: A03 (18 on the day) A18 (26); M: A04 (24) A07 (28); NB: A05 (25) A13 (25). Not A06 (30).
        expected.put(EsfIndicator.EECO07, wmn(2, 2, 2));
        // W: A10 (60); M: A09 (55 on the day) A17 (56). Not A08 (54).
        expected.put(EsfIndicator.EECO08, wmn(1, 2, 0));
        // W: A01 A03 A08 A14 A16; M: A02 A09 A19.
        expected.put(EsfIndicator.EECO09, wmn(5, 3, 0));
        // W: A11 A18 C06; M: A04 A07 A17; NB: A05 A13.
        expected.put(EsfIndicator.EECO10, wmn(3, 3, 2));
        // W: A06 A10 A20; M: A12 A15.
        expected.put(EsfIndicator.EECO11, wmn(3, 2, 0));
        // W: A01 A18; M: A09. A13 refused to answer: not counted.
        expected.put(EsfIndicator.EECO12, wmn(2, 1, 0));
        // W: A06 A11.
        expected.put(EsfIndicator.EECO13, wmn(2, 0, 0));
        // W: A06 A16; NB: A05.
        expected.put(EsfIndicator.EECO14, wmn(2, 0, 1));
        // W: A11; M: A04.
        expected.put(EsfIndicator.EECO15, wmn(1, 1, 0));
        // W: A11; M: A07 A19.
        expected.put(EsfIndicator.EECO16, wmn(1, 2, 0));
        // W: A01 A10 A14; M: A19.
        expected.put(EsfIndicator.EECO17, wmn(3, 1, 0));
        // W: A01 B04 B06; M: A12; NB: A05.
        expected.put(EsfIndicator.EECR01, wmn(3, 1, 1));
        // M: A07 A12.
        expected.put(EsfIndicator.EECR02, wmn(0, 2, 0));
        // W: B04; NB: A05.
        expected.put(EsfIndicator.EECR03, wmn(1, 0, 1));
        // W: A06 B01; M: A04; NB: B03.
        expected.put(EsfIndicator.EECR04, wmn(2, 1, 1));
        // W: B01 B04; M: B02; NB: B03. Not B08: left in 2025.
        expected.put(EsfIndicator.EECR05, wmn(2, 1, 1));
        // W: B01; NB: B03 (both employed at entry). Not B04: unemployed at entry.
        expected.put(EsfIndicator.EECR06, wmn(1, 0, 1));

        assertThat(report.plieEsfProfile().values()).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    @DisplayName("ages are those at the date of entry, birthdays on the day included")
    void agesAtEntry() {
        assertThat(EsfEntryData.ageOn(LocalDate.of(2008, 3, 10), LocalDate.of(2026, 3, 9))).isEqualTo(17);
        assertThat(fixture.cohort.participant(fixture.ids.get("A02")).orElseThrow().currentPeriod().entryData().ageAtEntry()).isEqualTo(17);
        assertThat(fixture.cohort.participant(fixture.ids.get("A03")).orElseThrow().currentPeriod().entryData().ageAtEntry()).isEqualTo(18);
        assertThat(fixture.cohort.participant(fixture.ids.get("A08")).orElseThrow().currentPeriod().entryData().ageAtEntry()).isEqualTo(54);
        assertThat(fixture.cohort.participant(fixture.ids.get("A09")).orElseThrow().currentPeriod().entryData().ageAtEntry()).isEqualTo(55);
        assertThat(fixture.cohort.participant(fixture.ids.get("C06")).orElseThrow().periods())
                .extracting(p -> p.entryData().ageAtEntry()).containsExactly(49, 50);
    }

    @Test
    @DisplayName("the cohort figures match the hand count")
    void cohortFigures() {
        CohortFigures figures = report.plieFigures();
        // Active on 31 December 2025: B01 to B07. Not B08 (left 31 Oct), not C06 (left that very day).
        assertThat(figures.caseloadAtStart()).isEqualTo(7);
        // A01 to A20, C01, C02 and C06's second period. Not C03 (no adhesion), C04 (refused), C05 (2027).
        assertThat(figures.entries()).isEqualTo(23);
        // A01 A04 A05 A06 A07 A10 A12 A18, B01 to B06.
        assertThat(figures.exits()).isEqualTo(14);
        // 7 + 23 - 14: A02 A03 A08 A09 A11 A13 A14 A15 A16 A17 A19 A20, B07, C01, C02, C06.
        assertThat(figures.caseloadAtEnd()).isEqualTo(16);
        // A04 and B01 (employment), A05 and B04 (qualifying training), A07 (long training).
        assertThat(figures.positiveExits()).isEqualTo(5);
        // 5 / 14 = 35.71 %: below the 50 % objective.
        assertThat(figures.positiveExitRate()).isEqualByComparingTo("35.7");
        assertThat(figures.positiveExitObjective()).isEqualByComparingTo("50");
        assertThat(figures.meetsObjective()).isFalse();
        assertThat(figures.exitsByReason()).containsEntry(ExitReason.DROPOUT, 4).containsEntry(ExitReason.EMPLOYMENT, 2)
                .containsEntry(ExitReason.QUALIFYING_TRAINING, 2).containsEntry(ExitReason.LONG_TRAINING, 1)
                .containsEntry(ExitReason.REORIENTATION, 1).containsEntry(ExitReason.RETIREMENT, 1).containsEntry(ExitReason.MOVED_AWAY, 2)
                .containsEntry(ExitReason.HEALTH, 1).containsEntry(ExitReason.BUSINESS_CREATION, 0);
        // Days from entry to exit: A01 261, A04 187, A05 229, A06 119, A07 196, A10 197, A12 25, A18 18,
        // B01 364, B02 270, B03 332, B04 211, B05 512, B06 207: 3128 days / 14 = 223.43.
        assertThat(figures.averagePathwayDays()).isEqualByComparingTo("223.4");
        // Followed in 2026: the 7 of the start and the 23 entries = 30. Steps started by 31 December: one
        // assessment each (30), plus A04's CDD, A05's and A07's trainings, B01's CDI and B04's training: 35 / 30.
        assertThat(figures.followed()).isEqualTo(30);
        assertThat(figures.stepsPerParticipant()).isEqualByComparingTo("1.17");
    }

    @Test
    @DisplayName("the completeness report lists missing entry data after four weeks, missing exit data and due six-month data")
    void completeness() {
        CompletenessReport completeness = report.completeness();
        // C01 entered 16 February without data (due 16 March); C02 entered 10 December: not due before 7 January.
        // Exit data: A10 (15 Dec) and B05 (30 Jun). Six-month data due: C06's first period (left 31 Dec 2025, due 30 Jun),
        // A18 (20 Feb, due 20 Aug), B06 (29 May, due 29 Nov), B05 (30 Jun, due 30 Dec). Not A12 (31 Jul: due 31 Jan 2027).
        assertThat(completeness.items()).containsExactly(
                item("C01", 1, CompletenessReport.Kind.ENTRY_DATA_MISSING, "2026-03-16"),
                item("C06", 1, CompletenessReport.Kind.SIX_MONTH_DATA_DUE, "2026-06-30"),
                item("B05", 1, CompletenessReport.Kind.EXIT_DATA_MISSING, "2026-07-28"),
                item("A18", 1, CompletenessReport.Kind.SIX_MONTH_DATA_DUE, "2026-08-20"),
                item("B06", 1, CompletenessReport.Kind.SIX_MONTH_DATA_DUE, "2026-11-29"),
                item("B05", 1, CompletenessReport.Kind.SIX_MONTH_DATA_DUE, "2026-12-30"),
                item("A10", 1, CompletenessReport.Kind.EXIT_DATA_MISSING, "2027-01-12"));
        assertThat(completeness.count(CompletenessReport.Kind.SIX_MONTH_DATA_DUE)).isEqualTo(4);
    }

    @Test
    @DisplayName("a slice by operator counts only the participations its operations funded")
    void operatorSlice() {
        // The training centre funds A05's and A07's trainings (entered 2026) and B04's (entered 2025).
        IndicatorReport training = fixture.indicators().report(fixture.cohort.participants(), YEAR_2026,
                Slice.all().withOperator(HandCheckedCohort.TRAINING_CENTRE), AS_OF);
        assertThat(training.plieFigures().caseloadAtStart()).isEqualTo(1);
        assertThat(training.plieFigures().entries()).isEqualTo(2);
        assertThat(training.plieFigures().exits()).isEqualTo(3);
        assertThat(training.plieFigures().caseloadAtEnd()).isZero();
        assertThat(training.plieFigures().positiveExitRate()).isEqualByComparingTo("100.0");
        assertThat(training.plieEsfProfile().get(EsfIndicator.EECO01)).isEqualTo(wmn(0, 1, 1));
        assertThat(training.plieEsfProfile().get(EsfIndicator.EECR03)).isEqualTo(wmn(1, 0, 1));
        assertThat(training.plieFigures()).isEqualTo(fixture.indicators().report(fixture.cohort.participants(), YEAR_2026,
                Slice.all().withAxis(fr.asso.europlie.plie.protocol.StrategicAxisId.of("AXE-2")), AS_OF).plieFigures());
    }

    @Test
    @DisplayName("a slice by referent and the full report's breakdowns agree with the hand count")
    void referentSliceAndFullReport() {
        // Bruno follows B01 to B08: 7 active on 31 Dec 2025, none enters, B01 to B06 leave, B07 stays.
        IndicatorReport bruno = fixture.indicators().report(fixture.cohort.participants(), YEAR_2026,
                Slice.all().withReferent(fr.asso.europlie.plie.cohort.CohortFixture.BRUNO), AS_OF);
        assertThat(List.of(bruno.plieFigures().caseloadAtStart(), bruno.plieFigures().entries(), bruno.plieFigures().exits(), bruno.plieFigures().caseloadAtEnd()))
                .containsExactly(7, 0, 6, 1);
        assertThat(bruno.plieEsfProfile().get(EsfIndicator.EECR05)).isEqualTo(wmn(2, 1, 1));

        FullIndicatorReport full = fixture.indicators().fullReport(fixture.cohort.participants(), YEAR_2026, AS_OF);
        assertThat(full.overall().plieEsfProfile()).isEqualTo(report.plieEsfProfile());
        assertThat(full.overall().plieFigures()).isEqualTo(report.plieFigures());
        assertThat(full.overall().completeness()).isEqualTo(report.completeness());
        assertThat(full.byReferent().get(fr.asso.europlie.plie.cohort.CohortFixture.BRUNO).plieFigures()).isEqualTo(bruno.plieFigures());
        assertThat(full.byOperator().get(HandCheckedCohort.TRAINING_CENTRE).plieEsfProfile().get(EsfIndicator.EECO01)).isEqualTo(wmn(0, 1, 1));
        // Every participant lives in a QPV: the QPV slice is the whole cohort.
        assertThat(full.byTargetPublic().get("QPV").plieFigures()).isEqualTo(report.plieFigures());
        assertThat(full.byTargetPublic().get("DELD").plieFigures().entries()).isLessThan(report.plieFigures().entries());
    }

    static CompletenessReport.Item item(String name, int period, CompletenessReport.Kind kind, String due) {
        ParticipantId id = fixture.ids.get(name);
        return new CompletenessReport.Item(id, period, kind, LocalDate.parse(due));
    }

    @Test
    @DisplayName("the positive-exit rate is measured against the protocol's objective")
    void objective() {
        fr.asso.europlie.plie.cohort.CohortSettings lower = fixture.cohort.settings();
        Indicators at35 = new Indicators(new fr.asso.europlie.plie.cohort.CohortSettings(lower.eligibility(), new BigDecimal("35"),
                lower.caseloadCap(), lower.doubleAccompaniment(), lower.department(), lower.maximumDuration(), lower.exitRules(), lower.retention(),
                lower.sixMonthDataMonths()),
                EsfSettings.defaults(), HandCheckedCohort.OPERATIONS);
        assertThat(at35.report(fixture.cohort.participants(), YEAR_2026, Slice.all(), AS_OF).plieFigures().meetsObjective()).isTrue();
    }
}
