package fr.asso.europlie.plie.workflow.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfReport;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.GenderBreakdown;
import fr.asso.europlie.plie.indicators.HandCheckedCohort;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the hand-checked cohort of 34 people, loaded through the facade into the store, gives the hand-checked figures")
class HandCheckedStoredCohortTest {

    private static final ReportPeriod YEAR_2026 = ReportPeriod.year(2026);
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the stored report and FSE+ report equal the in-memory ones, and keep the figures counted by hand")
    void sameFiguresAsInMemory(Databases.Kind kind) {
        HandCheckedCohort fixture = new HandCheckedCohort();
        FullIndicatorReport expected = fixture.indicators().fullReport(fixture.cohort.participants(), YEAR_2026, AS_OF);
        EsfReport expectedEsf = fixture.indicators().esfReport(fixture.cohort.participants(), YEAR_2026);
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(ManualClock.at(Instant.parse("2027-01-04T08:00:00Z")), WorkflowSettings.defaults())
                        .build()) {
            CohortFollowUp cohort = engine.cohort();
            cohort.configure(fixture.cohort.settings(), HandCheckedCohort.OPERATIONS, () -> ParticipantId.of("unused"));

            assertThat(cohort.load(CohortWorld.TEAM, fixture.cohort.toData())).isEqualTo(34);

            FullIndicatorReport stored = cohort.report(CohortWorld.TEAM, YEAR_2026, AS_OF);
            assertThat(stored).isEqualTo(expected);
            assertThat(cohort.esfReport(CohortWorld.TEAM, YEAR_2026)).isEqualTo(expectedEsf);
            // A few of the hand counts of HandCheckedCohortTest, read from the store.
            assertThat(stored.overall().plieEsfProfile().get(EsfIndicator.EECO01)).isEqualTo(new GenderBreakdown(11, 8, 2));
            assertThat(stored.overall().plieEsfProfile().get(EsfIndicator.EECR06)).isEqualTo(new GenderBreakdown(1, 0, 1));
            assertThat(stored.overall().plieFigures().entries()).isEqualTo(23);
            assertThat(stored.overall().plieFigures().exits()).isEqualTo(14);
            assertThat(stored.overall().plieFigures().positiveExits()).isEqualTo(5);
            assertThat(stored.overall().plieFigures().caseloadAtEnd()).isEqualTo(16);
            assertThat(stored.overall().completeness().items()).hasSize(7);
        }
    }
}
