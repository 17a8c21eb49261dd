package fr.asso.europlie.plie.indicators;

import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static fr.asso.europlie.plie.cohort.CohortFixture.aCohort;
import static fr.asso.europlie.plie.cohort.CohortFixture.anEnteredJobseeker;
import static fr.asso.europlie.plie.cohort.CohortFixture.unemployedWoman;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.json.cohort.CohortJson;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("six-month results count only data collected from six months after the exit")
class SixMonthResultsTest {

    private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);
    private static final LocalDate EXIT = LocalDate.of(2026, 3, 31);

    /** A jobseeker entered on 5 January 2026, left on 31 March 2026 employed. */
    private static ParticipantId exited(Cohort cohort, String name) {
        ParticipantId id = anEnteredJobseeker(cohort, name, JAN_5, ALICE);
        cohort.recordEntryData(id, unemployedWoman(LocalDate.of(2026, 1, 20), 45, LocalDate.of(2024, 1, 5)));
        cohort.exit(id, EXIT, ExitReason.DROPOUT, new EsfExitData(EXIT, false, false, false, true));
        return id;
    }

    @Test
    @DisplayName("through the API, data collected on 29 September for an exit on 31 March is refused; from 30 September it is a six-month result")
    void tooEarlyThroughTheApi() {
        Cohort cohort = aCohort();
        ParticipantId id = exited(cohort, "Lemaire");
        // 31 March + 6 months = 30 September: the first day on which six-month data may be collected
        PlieException error = assertRefused(() -> cohort.recordSixMonthData(id, 1, new EsfSixMonthData(LocalDate.of(2026, 9, 29), true, false)),
                CohortError.SIX_MONTH_DATA_TOO_EARLY, "sixMonthData.collectedOn", "2026-09-29");
        assertThat(error.getMessage(Messages.ENGLISH)).contains("2026-03-31").contains("2026-09-30");
        assertThat(error.getMessage(Messages.FRENCH)).contains("2026-09-30");
        assertThat(cohort.participant(id).orElseThrow().period(1).orElseThrow().sixMonthData()).isNull();
        cohort.recordSixMonthData(id, 1, new EsfSixMonthData(LocalDate.of(2026, 9, 30), true, false));
        Indicators indicators = new Indicators(cohort.settings(), EsfSettings.defaults(), OperationDirectory.empty());
        assertThat(indicators.report(cohort.participants(), ReportPeriod.year(2026), Slice.all(), LocalDate.of(2026, 12, 31))
                .plieEsfProfile().total(EsfIndicator.EECR05)).isEqualTo(1);
    }

    @Test
    @DisplayName("an import carrying data collected three months after the exit is refused whole, naming the period")
    void tooEarlyInAnImport() {
        Cohort source = aCohort();
        ParticipantId id = exited(source, "Lemaire");
        source.recordSixMonthData(id, 1, new EsfSixMonthData(LocalDate.of(2026, 10, 1), true, false));
        String json = CohortJson.write(source.toData()).replace("\"collectedOn\" : \"2026-10-01\"", "\"collectedOn\" : \"2026-06-30\"");
        CohortData data = CohortJson.read(json, source.settings().eligibility().targetPublics());
        Cohort target = aCohort();
        int before = target.participants().size();
        assertRefused(() -> target.load(data), CohortError.SIX_MONTH_DATA_TOO_EARLY,
                "participants[0].periods[0].sixMonthData.collectedOn", "2026-06-30");
        assertThat(target.participants()).hasSize(before);
    }

    @Test
    @DisplayName("the delay is a setting, shared with the indicators' FSE+ settings")
    void delayIsASetting() {
        Cohort cohort = aCohort(fr.asso.europlie.plie.cohort.CohortFixture.defaultSettings().withSixMonthDataMonths(3));
        ParticipantId id = exited(cohort, "Lemaire");
        cohort.recordSixMonthData(id, 1, new EsfSixMonthData(LocalDate.of(2026, 6, 30), true, false));
        assertRefused(() -> new Indicators(cohort.settings(), EsfSettings.defaults(), OperationDirectory.empty()),
                IndicatorError.OUT_OF_RANGE, "esf.sixMonthDataMonths", "6");
        Indicators threeMonths = new Indicators(cohort.settings(), new EsfSettings(25, 6, 12, 4, 3), OperationDirectory.empty());
        assertThat(threeMonths.report(cohort.participants(), ReportPeriod.year(2026), Slice.all(), LocalDate.of(2026, 12, 31))
                .plieEsfProfile().total(EsfIndicator.EECR05)).isEqualTo(1);
    }
}
