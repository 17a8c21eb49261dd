package fr.asso.europlie.plie.workflow.cohort;

import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE_ACTOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.FRANCE_TRAVAIL;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TEAM;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.Erasure;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfReport;
import fr.asso.europlie.plie.indicators.EsfSettings;
import fr.asso.europlie.plie.indicators.Indicators;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("erasure and retention against the store leave the FSE+ figures unchanged")
class CohortErasureTest {

    private static final ReportPeriod YEAR = new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    private static final LocalDate LAST_PAYMENT = LocalDate.of(2026, 12, 15);

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("erasing removes the identity row only; the pathway, every indicator and the FSE+ report stay; the purge after retention removes that pathway alone; the other participants are untouched throughout")
    void eraseThenPurge(Databases.Kind kind) throws SQLException {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            List<ParticipantId> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ParticipantId id = world.entered("Person" + i, ALICE_ACTOR);
                world.cohort.recordEntryData(ALICE_ACTOR, id, 1, new EsfEntryData(TODAY, i % 2 == 0 ? Gender.WOMAN : Gender.MAN, 45,
                        LabourMarketStatus.UNEMPLOYED, TODAY.minusYears(2), IscedLevel.ISCED_2, Declaration.NO, Declaration.NO, Declaration.NO,
                        Declaration.NO, false, false));
                world.cohort.addStep(ALICE_ACTOR, id, Step.training(StepId.of("S-" + i), StepType.PRE_QUALIFYING_TRAINING, TODAY,
                        TODAY.plusMonths(1), CohortWorld.TRAINING_OPERATION));
                if (i < 2) {
                    world.cohort.exit(ALICE_ACTOR, id, TODAY.plusMonths(2), ExitReason.MOVED_AWAY,
                            new EsfExitData(TODAY.plusMonths(2), false, false, false, true));
                }
                ids.add(id);
            }
            FullIndicatorReport before = world.cohort.report(TEAM, YEAR, TODAY.plusMonths(3));
            assertThat(before.overall().esf().total(EsfIndicator.EECO01)).isEqualTo(4);
            ParticipantId erased = ids.get(0);
            var pathway = world.cohort.participant(TEAM, erased).orElseThrow().periods();
            EsfReport esfBefore = world.cohort.esfReport(TEAM, YEAR);
            assertThat(esfBefore.plan().total(EsfIndicator.EECO01)).isEqualTo(4);
            Others others = Others.of(world, ids.subList(1, ids.size()));

            Erasure erasure = world.cohort.erase(TEAM, erased, LAST_PAYMENT);

            assertThat(erasure.retainedUntil()).isEqualTo(LocalDate.of(2031, 12, 31));
            assertThat(rows(database, "plie_participant_identity", erased)).isZero();
            assertThat(rows(database, "plie_participant_erasure", erased)).isOne();
            assertThat(rows(database, "plie_participant", erased)).isOne();
            ParticipantView view = world.cohort.participant(TEAM, erased).orElseThrow();
            assertThat(view.identityIfVisible()).isEmpty();
            assertThat(view.periods()).isEqualTo(pathway);
            assertThat(world.cohort.report(TEAM, YEAR, TODAY.plusMonths(3))).isEqualTo(before);
            assertThat(world.cohort.esfReport(TEAM, YEAR)).isEqualTo(esfBefore);
            others.assertUntouched(world, database);

            List<AuditEntry> trail = world.cohort.auditTrail(TEAM, erased);
            PlieException twice = catchThrowableOfType(PlieException.class, () -> world.cohort.erase(TEAM, erased, LAST_PAYMENT));
            assertThat(twice.violations()).extracting(Violation::code).containsExactly(CohortError.ALREADY_ERASED);
            PlieException reentry = catchThrowableOfType(PlieException.class, () -> world.cohort.reenter(TEAM, erased,
                    Referral.of(FRANCE_TRAVAIL, TODAY.plusMonths(4)), CohortWorld.longTermJobseeker()));
            assertThat(reentry.violations()).extracting(Violation::code).containsExactly(CohortError.ALREADY_ERASED);
            assertThat(world.cohort.auditTrail(TEAM, erased)).isEqualTo(trail);

            world.clock.advance(Duration.ofDays(365L * 5 + 300));
            assertThat(world.cohort.purgeAfterRetention(TEAM)).isEmpty();
            assertThat(world.cohort.esfReport(TEAM, YEAR)).isEqualTo(esfBefore);
            world.clock.advance(Duration.ofDays(60));
            assertThat(world.cohort.purgeAfterRetention(TEAM)).containsExactly(erased);
            assertThat(rows(database, "plie_participant", erased)).isZero();
            assertThat(rows(database, "plie_participant_erasure", erased)).isZero();
            assertThat(spans(database, erased)).isZero();
            assertThat(world.cohort.size(TEAM)).isEqualTo(3);
            assertThat(world.cohort.participant(TEAM, ids.get(1))).isPresent();
            // After retention the purged pathway no longer counts: the FSE+ report is exactly the one
            // over the other participants, as stored before the purge; theirs are untouched.
            EsfReport esfAfter = world.cohort.esfReport(TEAM, YEAR);
            assertThat(esfAfter).isEqualTo(new Indicators(CohortWorld.settings(80), EsfSettings.defaults(), CohortWorld.operations())
                    .esfReport(others.participants(), YEAR));
            assertThat(esfAfter.plan().total(EsfIndicator.EECO01)).isEqualTo(3);
            others.assertUntouched(world, database);
        }
    }

    /** The other participants as the animation team saw them, and their audit trails, before the erasure. */
    private record Others(List<ParticipantView> views, List<List<AuditEntry>> trails) {

        static Others of(CohortWorld world, List<ParticipantId> ids) {
            return new Others(ids.stream().map(id -> world.cohort.participant(TEAM, id).orElseThrow()).toList(),
                    ids.stream().map(id -> world.cohort.auditTrail(TEAM, id)).toList());
        }

        List<Participant> participants() {
            return views.stream().map(v -> new Participant(v.id(), v.periods())).toList();
        }

        void assertUntouched(CohortWorld world, Databases.Target database) throws SQLException {
            for (int i = 0; i < views.size(); i++) {
                ParticipantId id = views.get(i).id();
                assertThat(world.cohort.participant(TEAM, id)).contains(views.get(i));
                assertThat(world.cohort.participant(TEAM, id).orElseThrow().identityIfVisible()).isPresent();
                assertThat(world.cohort.auditTrail(TEAM, id)).isEqualTo(trails.get(i));
                assertThat(rows(database, "plie_participant_identity", id)).isOne();
                assertThat(rows(database, "plie_participant_erasure", id)).isZero();
                assertThat(spans(database, id)).isOne();
            }
        }
    }

    private static int rows(Databases.Target database, String table, ParticipantId id) throws SQLException {
        String column = "plie_participant".equals(table) ? "id" : "participant_id";
        return count(database, "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", id);
    }

    private static int spans(Databases.Target database, ParticipantId id) throws SQLException {
        return count(database, "SELECT COUNT(*) FROM plie_caseload_span WHERE participant_id = ?", id);
    }

    private static int count(Databases.Target database, String sql, ParticipantId id) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            if (database.schema() != null) {
                connection.setSchema(database.schema());
            }
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, id.value());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        }
    }
}
