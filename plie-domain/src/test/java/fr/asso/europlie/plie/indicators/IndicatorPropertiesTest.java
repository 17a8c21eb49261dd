package fr.asso.europlie.plie.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("indicator properties over generated cohorts")
class IndicatorPropertiesTest {

    static final CohortSettings SETTINGS = CohortFixture.defaultSettings();
    static final LocalDate START = CohortFixture.GENERATED_FROM;

    /** Realistic generated cohorts of 0 to 80 participants. */
    static Gen<SyntheticCohort.Generated> cohorts() {
        return CohortFixture.generatedCohorts(80);
    }

    /** Report periods within the generated span. */
    static Gen<ReportPeriod> periods() {
        return integers().between(0, 2400).zip(integers().between(0, 900),
                (offset, length) -> new ReportPeriod(START.plusDays(offset), START.plusDays(offset + length)));
    }

    @Test
    @DisplayName("entries minus exits equals the change in the active caseload over any period")
    void entriesMinusExitsIsTheCaseloadChange() {
        qt().withExamples(150).forAll(cohorts(), periods()).checkAssert((generated, period) -> {
            CohortData data = generated.data();
            Indicators indicators = new Indicators(SETTINGS, EsfSettings.defaults(), generated.operations());
            CohortFigures figures = indicators.report(data.participants(), period, Slice.all(), period.to()).plieFigures();
            assertThat(figures.entries() - figures.exits()).isEqualTo(figures.caseloadAtEnd() - figures.caseloadAtStart());
            assertThat(indicators.caseloadOn(data.participants(), period.to(), Slice.all())).isEqualTo(figures.caseloadAtEnd());
            assertThat(indicators.caseloadOn(data.participants(), period.from().minusDays(1), Slice.all())).isEqualTo(figures.caseloadAtStart());
        });
    }

    @Test
    @DisplayName("every FSE+ indicator's gender breakdown sums to its total, within every slice of the full report")
    void genderBreakdownsSumToTotals() {
        qt().withExamples(100).forAll(cohorts(), periods()).checkAssert((generated, period) -> {
            Indicators indicators = new Indicators(SETTINGS, EsfSettings.defaults(), generated.operations());
            FullIndicatorReport report = indicators.fullReport(generated.data().participants(), period, period.to());
            // Counted here from the data, not by the code under test: entries and exits in the period with entry data, by gender.
            int[] entered = new int[Gender.values().length];
            int[] left = new int[Gender.values().length];
            for (Participant participant : generated.data().participants()) {
                for (AccompanimentPeriod p : participant.periods()) {
                    if (p.entryData() != null) {
                        entered[p.entryData().gender().ordinal()] += period.contains(p.entryDate()) ? 1 : 0;
                        left[p.entryData().gender().ordinal()] += period.contains(p.exitDate()) ? 1 : 0;
                    }
                }
            }
            EsfIndicators overall = report.overall().plieEsfProfile();
            for (Gender gender : Gender.values()) {
                assertThat(overall.get(EsfIndicator.EECO01).of(gender)).as("EECO01 %s", gender).isEqualTo(entered[gender.ordinal()]);
                for (EsfIndicator indicator : EsfIndicator.values()) {
                    assertThat(overall.get(indicator).of(gender)).as("%s %s", indicator, gender)
                            .isLessThanOrEqualTo(indicator.isResult() ? left[gender.ordinal()] : entered[gender.ordinal()]);
                }
            }
            assertPartitions(overall);
            List.of(report.byReferent(), report.byOperator(), report.byOperation(), report.byAxis(), report.byTargetPublic())
                    .forEach(slices -> slices.values().forEach(slice -> assertPartitions(slice.plieEsfProfile())));
        });
    }

    /** Within each gender, labour market status (EECO02/04/05) and ISCED group (EECO09/10/11) each split EECO01 exactly. */
    static void assertPartitions(EsfIndicators esf) {
        for (Gender gender : Gender.values()) {
            int total = esf.get(EsfIndicator.EECO01).of(gender);
            assertThat(esf.get(EsfIndicator.EECO02).of(gender) + esf.get(EsfIndicator.EECO04).of(gender) + esf.get(EsfIndicator.EECO05).of(gender))
                    .as("one labour market status each, %s", gender).isEqualTo(total);
            assertThat(esf.get(EsfIndicator.EECO09).of(gender) + esf.get(EsfIndicator.EECO10).of(gender) + esf.get(EsfIndicator.EECO11).of(gender))
                    .as("one ISCED group each, %s", gender).isEqualTo(total);
            assertThat(esf.get(EsfIndicator.EECO03).of(gender)).as("long-term unemployed among the unemployed, %s", gender)
                    .isLessThanOrEqualTo(esf.get(EsfIndicator.EECO02).of(gender));
        }
    }

    @Test
    @DisplayName("property: the FSE+ report counts each person once per operation, whatever the re-entries, and the plan is the sum")
    void esfReportPerOperation() {
        qt().withExamples(100).forAll(cohorts(), periods()).checkAssert((generated, period) -> {
            Indicators indicators = new Indicators(SETTINGS, EsfSettings.defaults(), generated.operations());
            EsfReport report = indicators.esfReport(generated.data().participants(), period);
            // Counted here from the data: for each operation, the distinct persons whose first period in it has entry data
            // and an entry date in the period.
            java.util.Map<fr.asso.europlie.plie.offer.OperationId, Integer> entered = new java.util.HashMap<>();
            for (Participant participant : generated.data().participants()) {
                java.util.Set<fr.asso.europlie.plie.offer.OperationId> seen = new java.util.HashSet<>();
                for (AccompanimentPeriod p : participant.periods()) {
                    if (p.entryDate() == null) {
                        continue;
                    }
                    for (var step : p.steps()) {
                        var op = step.operation();
                        if (op != null && seen.add(op) && p.entryData() != null && period.contains(p.entryDate())) {
                            entered.merge(op, 1, Integer::sum);
                        }
                    }
                }
            }
            for (var op : generated.operations().operations().keySet()) {
                assertThat(report.of(op).total(EsfIndicator.EECO01)).as(op.value()).isEqualTo(entered.getOrDefault(op, 0));
                EsfIndicators values = report.of(op);
                assertThat(values.total(EsfIndicator.EECO02) + values.total(EsfIndicator.EECO04) + values.total(EsfIndicator.EECO05))
                        .isEqualTo(values.total(EsfIndicator.EECO01));
            }
            for (EsfIndicator indicator : EsfIndicator.values()) {
                assertThat(report.plan().total(indicator))
                        .isEqualTo(report.byOperation().values().stream().mapToInt(v -> v.total(indicator)).sum());
            }
        });
    }
}
