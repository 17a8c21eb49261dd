package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the store's tables are created and upgraded by versioned scripts")
class SchemaMigrationsTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a fresh database gets every script once; a second run applies nothing")
    void appliesOnce(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind)) {
            SchemaMigrations migrations = new SchemaMigrations(database.dataSource());
            List<Integer> every = SchemaMigrations.versions();
            assertThat(migrations.migrate()).isEqualTo(every);
            assertThat(migrations.migrate()).isEmpty();
            assertThat(migrations.applied()).containsOnlyKeys(every);
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT plan_id, id, revision, state, document FROM plie_protocol").close();
                statement.executeQuery("SELECT plan_id, protocol_id, step, outcome FROM plie_audit").close();
                statement.executeQuery("SELECT id, name FROM plie_plan").close();
                statement.executeQuery("SELECT plan_id, id, revision, intermediate_body, document FROM plie_global_grant").close();
                statement.executeQuery("SELECT plan_id, grant_id, revision, idempotency_key FROM plie_ledger_entry").close();
                statement.executeQuery("SELECT plan_id, operation_id, grant_id, state, amount, reason FROM plie_fse_commitment").close();
                statement.executeQuery("SELECT plan_id, id, revision, state, document, operators, settings FROM plie_programming").close();
                statement.executeQuery("SELECT plan_id, programming_id, step, outcome, session_number FROM plie_programming_audit").close();
                statement.executeQuery("SELECT plan_id, operation_id, step, outcome, appraisal_round FROM plie_commitment_audit").close();
                statement.executeQuery("SELECT plan_id, id, seq, revision, is_open, document FROM plie_participant").close();
                statement.executeQuery("SELECT plan_id, participant_id, referent_id, first_day, end_day FROM plie_caseload_span").close();
                statement.executeQuery("SELECT plan_id, participant_id, person_key, document FROM plie_participant_identity").close();
                statement.executeQuery("SELECT plan_id, participant_id, erased_on, retained_until FROM plie_participant_erasure").close();
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a schema newer than the library is refused, and so is a script changed after it ran")
    void refusesNewerOrChangedSchema(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind)) {
            SchemaMigrations migrations = new SchemaMigrations(database.dataSource());
            migrations.migrate();
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE plie_schema_version SET checksum = 'tampered' WHERE version = 1");
            }
            InvalidValueException changed = org.assertj.core.api.Assertions.catchThrowableOfType(
                    InvalidValueException.class, migrations::migrate);
            assertThat(changed.violation().code()).isEqualTo(WorkflowError.MIGRATION_CHANGED);
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO plie_schema_version (version, script, checksum, applied_at) "
                        + "VALUES (99, 'V099__future.sql', 'x', CURRENT_TIMESTAMP)");
            }
            InvalidValueException newer = org.assertj.core.api.Assertions.catchThrowableOfType(
                    InvalidValueException.class, migrations::migrate);
            assertThat(newer.violation().code()).isEqualTo(WorkflowError.SCHEMA_TOO_NEW);
            assertThat(newer.getMessage()).contains("99");
            assertThat(SchemaMigrations.versions()).hasSize(SchemaMigrations.SCRIPTS.size()).isSorted().doesNotHaveDuplicates()
                    .last().isEqualTo(SchemaMigrations.latestVersion());
        }
    }
}
