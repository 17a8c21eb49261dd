package fr.asso.europlie.plie.indicators;

import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static fr.asso.europlie.plie.cohort.CohortFixture.BRUNO;
import static fr.asso.europlie.plie.cohort.CohortFixture.FRANCE_TRAVAIL;
import static fr.asso.europlie.plie.cohort.CohortFixture.PLAN;
import static fr.asso.europlie.plie.cohort.CohortFixture.aCohort;
import static fr.asso.europlie.plie.cohort.CohortFixture.aLongTermJobseeker;
import static fr.asso.europlie.plie.cohort.CohortFixture.anEnteredJobseeker;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Four people, two of whom re-enter, in three operations, worked out by hand for 2026 (RULES.md
 * section 5, "how participants are counted for FSE+"). Everyone was born on 14 May 1980, is
 * unemployed since 5 January 2024 (so long-term unemployed at every entry) and has ISCED 3.
 *
 * <pre>
 * OP-A  the PLIE's accompaniment operation, which funds ALICE (not BRUNO)
 * OP-B  an assessment operation
 * OP-C  a workshop operation
 *
 * W1 woman  p1 2026-01-05 ALICE, step OP-B, left 2026-04-30 (job searching)
 *           p2 2026-06-15 ALICE, left 2026-11-30 (employed)
 * M1 man    2026-02-02 BRUNO, step OP-C, still in
 * M2 man    p1 2026-01-12 ALICE, left 2026-03-31 (nothing)
 *           p2 2026-05-04 BRUNO, step OP-B, left 2026-10-30 (employed)
 * W2 woman  p1 2025-03-03 ALICE, left 2025-12-19; p2 2026-02-02 ALICE, still in
 *
 * OP-A: W1 (p1+p2: one participant, entered 2026-01-05, final exit 2026-11-30 employed),
 *       M2 (p1: entered 2026-01-12, final exit 2026-03-31, no result),
 *       W2 (p1+p2: first entry in 2025, no final exit yet: nothing in 2026)
 *       -> EECO01 W1 M1, EECR01 0, EECR04 W1
 * OP-B: W1 (p1: entered 2026-01-05, left 2026-04-30 job searching),
 *       M2 (p2 only: entered 2026-05-04, left 2026-10-30 employed)
 *       -> EECO01 W1 M1, EECR01 W1, EECR04 M1
 * OP-C: M1 -> EECO01 M1
 * plan = OP-A + OP-B + OP-C -> EECO01 W2 M3 (5), EECR01 W1, EECR04 W1 M1
 *
 * The PLIE's own figures count accompaniment periods: entries in 2026 W1p1, W1p2, M1, M2p1, M2p2,
 * W2p2 = 6; exits W1p1, W1p2, M2p1, M2p2 = 4, none positive; followed 6.
 * </pre>
 */
@DisplayName("the FSE+ report counts participants per operation, a re-entry into the same operation once; the plan sums the operations")
class EsfReportPerOperationTest {

    private static final OperationId OP_A = OperationId.of("OP-A");
    private static final OperationId OP_B = OperationId.of("OP-B");
    private static final OperationId OP_C = OperationId.of("OP-C");
    private static final LocalDate UNEMPLOYED_SINCE = LocalDate.of(2024, 1, 5);
    private static final OperationDirectory DIRECTORY = new OperationDirectory(Map.of(
            OP_A, new OperationDirectory.OperationInfo(PLAN, StrategicAxisId.of("AXE-1")),
            OP_B, new OperationDirectory.OperationInfo(OrganisationId.of("ASSO-BILAN"), StrategicAxisId.of("AXE-1")),
            OP_C, new OperationDirectory.OperationInfo(OrganisationId.of("ASSO-ATELIER"), StrategicAxisId.of("AXE-2"))))
            .withAccompaniment(ALICE, OP_A);

    private static EsfEntryData entryData(LocalDate collected, Gender gender, int age) {
        return new EsfEntryData(collected, gender, age, LabourMarketStatus.UNEMPLOYED, UNEMPLOYED_SINCE, IscedLevel.ISCED_3,
                Declaration.NO, Declaration.NO, Declaration.NO, Declaration.NO, false, false);
    }

    private static EsfExitData leaving(LocalDate on, boolean jobSearching, boolean employed) {
        return new EsfExitData(on, jobSearching, false, false, employed);
    }

    private static void reenter(Cohort cohort, ParticipantId id, LocalDate entry, ReferentId referent, Gender gender, int age) {
        cohort.reenter(id, Referral.of(FRANCE_TRAVAIL, entry.minusWeeks(2)), aLongTermJobseeker(entry.minusWeeks(2)));
        cohort.validateEntry(id, entry.minusWeeks(1));
        cohort.adhere(id, Adhesion.signedOn(entry, referent, PLAN), null);
        cohort.recordEntryData(id, entryData(entry, gender, age));
    }

    private static Cohort handCheckedCohort() {
        Cohort cohort = aCohort();
        ParticipantId w1 = anEnteredJobseeker(cohort, "Arnaud", LocalDate.of(2026, 1, 5), ALICE);
        cohort.recordEntryData(w1, entryData(LocalDate.of(2026, 1, 5), Gender.WOMAN, 45));
        cohort.addStep(w1, Step.of(StepId.of("W1-BILAN"), StepType.ASSESSMENT, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 3, 31), OP_B));
        cohort.exit(w1, LocalDate.of(2026, 4, 30), ExitReason.DROPOUT, leaving(LocalDate.of(2026, 4, 30), true, false));
        reenter(cohort, w1, LocalDate.of(2026, 6, 15), ALICE, Gender.WOMAN, 46);
        cohort.exit(w1, LocalDate.of(2026, 11, 30), ExitReason.DROPOUT, leaving(LocalDate.of(2026, 11, 30), false, true));

        ParticipantId m1 = anEnteredJobseeker(cohort, "Bernard", LocalDate.of(2026, 2, 2), BRUNO);
        cohort.recordEntryData(m1, entryData(LocalDate.of(2026, 2, 2), Gender.MAN, 45));
        cohort.addStep(m1, Step.of(StepId.of("M1-ATELIER"), StepType.ASSESSMENT, LocalDate.of(2026, 2, 9), null, OP_C));

        ParticipantId m2 = anEnteredJobseeker(cohort, "Chevalier", LocalDate.of(2026, 1, 12), ALICE);
        cohort.recordEntryData(m2, entryData(LocalDate.of(2026, 1, 12), Gender.MAN, 45));
        cohort.exit(m2, LocalDate.of(2026, 3, 31), ExitReason.HEALTH, leaving(LocalDate.of(2026, 3, 31), false, false));
        reenter(cohort, m2, LocalDate.of(2026, 5, 4), BRUNO, Gender.MAN, 45);
        cohort.addStep(m2, Step.of(StepId.of("M2-BILAN"), StepType.ASSESSMENT, LocalDate.of(2026, 5, 11), LocalDate.of(2026, 7, 31), OP_B));
        cohort.exit(m2, LocalDate.of(2026, 10, 30), ExitReason.DROPOUT, leaving(LocalDate.of(2026, 10, 30), false, true));

        ParticipantId w2 = anEnteredJobseeker(cohort, "Dupuis", LocalDate.of(2025, 3, 3), ALICE);
        cohort.recordEntryData(w2, entryData(LocalDate.of(2025, 3, 3), Gender.WOMAN, 44));
        cohort.exit(w2, LocalDate.of(2025, 12, 19), ExitReason.DROPOUT, leaving(LocalDate.of(2025, 12, 19), true, false));
        reenter(cohort, w2, LocalDate.of(2026, 2, 2), ALICE, Gender.WOMAN, 45);
        return cohort;
    }

    private final Cohort cohort = handCheckedCohort();
    private final Indicators indicators = new Indicators(cohort.settings(), EsfSettings.defaults(), DIRECTORY);
    private final EsfReport report = indicators.esfReport(cohort.participants(), ReportPeriod.year(2026));

    @Test
    @DisplayName("OP-A, the accompaniment operation: W1's two periods are one participant, W2's re-entry adds nothing in 2026")
    void accompanimentOperation() {
        EsfIndicators a = report.of(OP_A);
        assertThat(a.get(EsfIndicator.EECO01)).isEqualTo(new GenderBreakdown(1, 1, 0));
        assertThat(a.get(EsfIndicator.EECO02)).isEqualTo(new GenderBreakdown(1, 1, 0));
        assertThat(a.get(EsfIndicator.EECO03)).isEqualTo(new GenderBreakdown(1, 1, 0));
        assertThat(a.get(EsfIndicator.EECO10)).isEqualTo(new GenderBreakdown(1, 1, 0));
        assertThat(a.get(EsfIndicator.EECR01)).isEqualTo(GenderBreakdown.ZERO); // W1's first exit is not her final exit from OP-A
        assertThat(a.get(EsfIndicator.EECR04)).isEqualTo(new GenderBreakdown(1, 0, 0));
    }

    @Test
    @DisplayName("OP-B: M2 enters it only in his second period, whose entry data counts")
    void assessmentOperation() {
        EsfIndicators b = report.of(OP_B);
        assertThat(b.get(EsfIndicator.EECO01)).isEqualTo(new GenderBreakdown(1, 1, 0));
        assertThat(b.get(EsfIndicator.EECR01)).isEqualTo(new GenderBreakdown(1, 0, 0));
        assertThat(b.get(EsfIndicator.EECR04)).isEqualTo(new GenderBreakdown(0, 1, 0));
    }

    @Test
    @DisplayName("OP-C: M1 alone, still in")
    void workshopOperation() {
        EsfIndicators c = report.of(OP_C);
        assertThat(c.get(EsfIndicator.EECO01)).isEqualTo(new GenderBreakdown(0, 1, 0));
        assertThat(c.get(EsfIndicator.EECR04)).isEqualTo(GenderBreakdown.ZERO);
        assertThat(report.byOperation()).containsOnlyKeys(OP_A, OP_B, OP_C);
    }

    @Test
    @DisplayName("the plan's FSE+ report is the sum over operations: 5 participants (2 women, 3 men), not the 6 periods entered")
    void planIsTheSum() {
        assertThat(report.plan().get(EsfIndicator.EECO01)).isEqualTo(new GenderBreakdown(2, 3, 0));
        assertThat(report.plan().get(EsfIndicator.EECO03)).isEqualTo(new GenderBreakdown(2, 3, 0));
        assertThat(report.plan().get(EsfIndicator.EECR01)).isEqualTo(new GenderBreakdown(1, 0, 0));
        assertThat(report.plan().get(EsfIndicator.EECR04)).isEqualTo(new GenderBreakdown(1, 1, 0));
        for (EsfIndicator indicator : EsfIndicator.values()) {
            int sum = report.byOperation().values().stream().mapToInt(i -> i.total(indicator)).sum();
            assertThat(report.plan().total(indicator)).as(indicator.name()).isEqualTo(sum);
        }
    }

    @Test
    @DisplayName("the PLIE's own figures keep counting accompaniment periods: 6 entries, 4 exits, 6 followed")
    void plieFiguresCountPeriods() {
        CohortFigures figures = indicators.report(cohort.participants(), ReportPeriod.year(2026), Slice.all(), LocalDate.of(2026, 12, 31))
                .plieFigures();
        assertThat(figures.entries()).isEqualTo(6);
        assertThat(figures.exits()).isEqualTo(4);
        assertThat(figures.positiveExits()).isZero();
        assertThat(figures.followed()).isEqualTo(6);
    }

    @Test
    @DisplayName("in 2025, W2 entered and left OP-A, but her final exit from it is still to come")
    void previousYear() {
        EsfReport year2025 = indicators.esfReport(cohort.participants(), ReportPeriod.year(2025));
        assertThat(year2025.of(OP_A).get(EsfIndicator.EECO01)).isEqualTo(new GenderBreakdown(1, 0, 0));
        assertThat(year2025.of(OP_A).get(EsfIndicator.EECR01)).isEqualTo(GenderBreakdown.ZERO);
        assertThat(year2025.plan().total(EsfIndicator.EECO01)).isEqualTo(1);
    }

    @Test
    @DisplayName("the JSON document gives both, each under its own name: plieFigures counts periods, esfReport participants per operation")
    void bothInJson() {
        CohortFigures figures = indicators.report(cohort.participants(), ReportPeriod.year(2026), Slice.all(), LocalDate.of(2026, 12, 31))
                .plieFigures();
        tools.jackson.databind.JsonNode root = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(fr.asso.europlie.plie.json.indicators.IndicatorsJson.write(figures, report));
        assertThat(root.path("format").asString()).isEqualTo("plie/indicators");
        assertThat(root.at("/plieFigures/counts").asString()).isEqualTo("ACCOMPANIMENT_PERIODS");
        assertThat(root.at("/plieFigures/entries").asInt()).isEqualTo(6);
        assertThat(root.at("/esfReport/counts").asString()).isEqualTo("PARTICIPANTS_PER_OPERATION");
        assertThat(root.at("/esfReport/operations/0/operation").asString()).isEqualTo("OP-A");
        assertThat(root.at("/esfReport/operations/0/indicators/EECR04/women").asInt()).isEqualTo(1);
        assertThat(root.at("/esfReport/plan/EECO01/women").asInt()).isEqualTo(2);
        assertThat(root.at("/esfReport/plan/EECO01/men").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("the CSV files give both, each under its own name")
    void bothInCsv() {
        CohortFigures figures = indicators.report(cohort.participants(), ReportPeriod.year(2026), Slice.all(), LocalDate.of(2026, 12, 31))
                .plieFigures();
        String plie = fr.asso.europlie.plie.cohort.csv.IndicatorsCsv.plieFigures(figures, ';');
        assertThat(plie.lines()).contains("figure;value", "counts;ACCOMPANIMENT_PERIODS", "entries;6", "exits;4", "followed;6");
        String esfCsv = fr.asso.europlie.plie.cohort.csv.IndicatorsCsv.esfReport(report, ';');
        assertThat(esfCsv.lines()).contains("operation;indicator;women;men;nonBinary;total", "OP-A;EECO01;1;1;0;2", "OP-B;EECR04;0;1;0;1",
                "OP-C;EECO01;0;1;0;1", "PLAN;EECO01;2;3;0;5", "PLAN;EECR04;1;1;0;2");
        assertThat(esfCsv.lines().count()).isEqualTo(1 + 4L * EsfIndicator.values().length);
    }
}
