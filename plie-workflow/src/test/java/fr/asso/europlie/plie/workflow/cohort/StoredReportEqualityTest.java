package fr.asso.europlie.plie.workflow.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.indicators.EsfSettings;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.Indicators;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the report drawn from the store equals the report over the same cohort in memory")
class StoredReportEqualityTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("3,000 generated participants loaded through the facade give the in-memory report's figures")
    void sameFigures(Databases.Kind kind) {
        SyntheticCohort.Generated generated = new SyntheticCohort(StoredCohortReport.SETTINGS, StoredCohortReport.START,
                StoredCohortReport.END).generate(7, 3_000);
        FullIndicatorReport expected = new Indicators(StoredCohortReport.SETTINGS, EsfSettings.defaults(), generated.operations())
                .fullReport(generated.data().participants(), StoredCohortReport.PERIOD, StoredCohortReport.END);
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(ManualClock.at(Instant.parse("2028-01-02T08:00:00Z")), WorkflowSettings.defaults())
                        .build()) {
            engine.cohort().configure(StoredCohortReport.SETTINGS, generated.operations(), () -> ParticipantId.of("unused"));
            CohortData data = generated.data();
            assertThat(engine.cohort().load(StoredCohortReport.TEAM, new CohortData(data.referents(), data.participants(), data.identities(),
                    Map.of()))).isEqualTo(3_000);
            FullIndicatorReport stored = engine.cohort().report(StoredCohortReport.TEAM, StoredCohortReport.PERIOD, StoredCohortReport.END);
            assertThat(stored.overall()).isEqualTo(expected.overall());
            assertThat(stored.byReferent()).isEqualTo(expected.byReferent());
            assertThat(stored.byOperation()).isEqualTo(expected.byOperation());
            assertThat(stored).isEqualTo(expected);
            assertThat(stored.toString()).isEqualTo(expected.toString());
        }
    }
}
