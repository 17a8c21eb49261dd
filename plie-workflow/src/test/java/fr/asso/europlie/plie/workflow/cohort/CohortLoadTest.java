package fr.asso.europlie.plie.workflow.cohort;

import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE_ACTOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.BRUNO;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.FRANCE_TRAVAIL;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.PLAN;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TEAM;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportResult;
import fr.asso.europlie.plie.cohort.ImportedExits;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.workflow.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("a load into the store goes through the commands, with the caseloads the store already holds")
class CohortLoadTest {

    private static final int CAP = 3;

    /** Three people who entered in Alice's caseload some weeks ago and are still followed, built by the in-memory commands. */
    private static CohortData threeOfAlice() {
        AtomicInteger next = new AtomicInteger();
        Cohort source = new Cohort(CohortWorld.settings(80), () -> ParticipantId.of("X-" + next.incrementAndGet()));
        source.addReferent(Referent.fullTime(ALICE, PLAN));
        source.addReferent(Referent.fullTime(BRUNO, PLAN));
        for (int i = 0; i < 3; i++) {
            ParticipantId id = source.refer(CohortWorld.person("Imported" + i), Referral.of(FRANCE_TRAVAIL, TODAY.minusDays(60)),
                    CohortWorld.longTermJobseeker());
            source.validateEntry(id, TODAY.minusDays(50));
            source.adhere(id, Adhesion.signedOn(TODAY.minusDays(40).plusDays(i), ALICE, PLAN), null);
        }
        return source.toData();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("all or nothing: a load that would take Alice beyond the cap her stored caseload leaves is refused, and nothing is stored")
    void beyondTheStoredCaseloadRefused(Databases.Kind kind) throws SQLException {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database, CAP)) {
            world.entered("Stored1", ALICE_ACTOR);
            world.entered("Stored2", ALICE_ACTOR);

            InvalidValueException refused = catchThrowableOfType(InvalidValueException.class, () -> world.cohort.load(TEAM, threeOfAlice()));

            assertThat(refused.violations()).extracting(v -> v.code().code() + " " + v.field() + " " + v.value()).containsExactly(
                    "PLIE-COHORT-007 participants[1].periods[0].adhesion.referent ref-alice",
                    "PLIE-COHORT-007 participants[2].periods[0].adhesion.referent ref-alice");
            assertThat(world.cohort.size(TEAM)).isEqualTo(2);
            assertThat(world.cohort.caseload(TEAM, ALICE, TODAY)).isEqualTo(2);
            assertThat(count(database, "SELECT COUNT(*) FROM plie_participant_identity")).isEqualTo(2);
            assertThat(count(database, "SELECT COUNT(*) FROM plie_caseload_span")).isEqualTo(2);
            assertThat(world.cohort.auditTrail(TEAM, ParticipantId.of("X-1"))).isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("valid participants: exactly those the commands accept are stored and audited, the others reported")
    void validParticipantsStored(Databases.Kind kind) throws SQLException {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database, CAP)) {
            world.entered("Stored1", ALICE_ACTOR);
            world.entered("Stored2", ALICE_ACTOR);

            ImportResult result = world.cohort.load(TEAM, threeOfAlice(), ImportMode.VALID_PARTICIPANTS, ImportedExits.STRICT);

            assertThat(result.data().participants()).extracting(p -> p.id().value()).containsExactly("X-1");
            assertThat(result.rejected()).extracting(Violation::code).containsExactly(CohortError.CASELOAD_CAP_REACHED,
                    CohortError.CASELOAD_CAP_REACHED);
            assertThat(world.cohort.size(TEAM)).isEqualTo(3);
            assertThat(world.cohort.caseload(TEAM, ALICE, TODAY)).isEqualTo(CAP);
            assertThat(count(database, "SELECT COUNT(*) FROM plie_participant_identity")).isEqualTo(3);
            assertThat(world.cohort.participant(TEAM, ParticipantId.of("X-1"))).isPresent();
            assertThat(world.cohort.participant(TEAM, ParticipantId.of("X-2"))).isEmpty();
            assertThat(world.cohort.auditTrail(TEAM, ParticipantId.of("X-1"))).extracting(e -> e.step()).containsExactly("LOAD");
            assertThat(world.cohort.auditTrail(TEAM, ParticipantId.of("X-2"))).isEmpty();

            InvalidValueException again = catchThrowableOfType(InvalidValueException.class, () -> world.cohort.load(TEAM, threeOfAlice()));
            assertThat(again.violations()).extracting(Violation::code).contains(CohortError.DUPLICATE);
            assertThat(world.cohort.size(TEAM)).isEqualTo(3);
        }
    }

    private static int count(Databases.Target database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            if (database.schema() != null) {
                connection.setSchema(database.schema());
            }
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
