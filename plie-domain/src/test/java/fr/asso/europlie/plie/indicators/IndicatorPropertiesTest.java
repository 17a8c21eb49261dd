package fr.asso.europlie.plie.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import java.time.LocalDate;
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
            CohortFigures figures = indicators.report(data.participants(), period, Slice.all(), period.to()).figures();
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
            EsfIndicators overall = report.overall().esf();
            for (EsfIndicator indicator : EsfIndicator.values()) {
                GenderBreakdown breakdown = overall.get(indicator);
                assertThat(breakdown.women() + breakdown.men() + breakdown.nonBinary()).isEqualTo(breakdown.total());
                assertThat(breakdown.total()).isLessThanOrEqualTo(indicator.isResult() ? report.overall().figures().exits() : overall.total(EsfIndicator.EECO01));
            }
            int byGender = 0;
            for (fr.asso.europlie.plie.cohort.Gender gender : fr.asso.europlie.plie.cohort.Gender.values()) {
                byGender += overall.get(EsfIndicator.EECO01).of(gender);
            }
            assertThat(byGender).isEqualTo(overall.total(EsfIndicator.EECO01));
            assertThat(overall.total(EsfIndicator.EECO02) + overall.total(EsfIndicator.EECO04) + overall.total(EsfIndicator.EECO05))
                    .as("each participant has exactly one labour market status").isEqualTo(overall.total(EsfIndicator.EECO01));
        });
    }
}
