package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import fr.asso.europlie.plie.json.ReadLimits;
import fr.asso.europlie.plie.workflow.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Script {@code V018}: the protocol's document kept in its row on H2 (a {@code CHARACTER VARYING}
 * instead of a {@code CLOB}), on a fresh database and on one the previous release migrated (up to
 * {@code V017}) and wrote to; the column stays {@code TEXT} on PostgreSQL; any text reads back as
 * it was written, up to the longest document the reader accepts by default.
 */
@DisplayName("the protocol's document kept in its row on H2 (script V018)")
class ProtocolDocumentInlineTest {

    private static final int PREVIOUS_RELEASE = 17;

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a fresh database has the document as H2's longest CHARACTER VARYING, or PostgreSQL's TEXT, not null either way")
    void freshDatabase(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind)) {
            assertThat(new SchemaMigrations(database.dataSource()).migrate()).contains(18);
            assertColumn(database.dataSource(), kind);
            String document = "{\"id\":\"PLIE-1\",\"nom\":\"Comité de pilotage – Département\",\"😀\":\"œuvre\"}".repeat(500);
            insert(database.dataSource(), "P-NEW", document);
            assertThat(read(database.dataSource(), "P-NEW")).isEqualTo(document);
            assertThatThrownBy(() -> insert(database.dataSource(), "P-NULL", null)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23502");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an upgraded database keeps each document it had, character for character, and stores any text after")
    void upgradedDatabase(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind)) {
            DataSource data = database.dataSource();
            SchemaMigrations migrations = new SchemaMigrations(data);
            migrations.migrate(PREVIOUS_RELEASE);
            String old = "{\"signataire\":\"Région Auvergne-Rhône-Alpes\",\"emoji\":\"😀\",\"quote\":\"\\\"\"}".repeat(400);
            insert(data, "P-OLD", old);
            insert(data, "P-EMPTY", "");

            assertThat(migrations.migrate()).containsExactly(18);

            assertColumn(data, kind);
            assertThat(read(data, "P-OLD")).isEqualTo(old);
            assertThat(read(data, "P-EMPTY")).isEmpty();
            AtomicInteger ids = new AtomicInteger();
            qt().withExamples(kind == Databases.Kind.POSTGRESQL ? 25 : 60).withShrinkCycles(0)
                    .forAll(strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 300), integers().between(1, 200))
                    .checkAssert((piece, times) -> {
                        String text = piece.repeat(times) + "😀";
                        String id = "P-" + ids.incrementAndGet();
                        try {
                            insert(data, id, text);
                            assertThat(read(data, id)).isEqualTo(text);
                            update(data, "P-OLD", text);
                            assertThat(read(data, "P-OLD")).isEqualTo(text);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
    }

    @Test
    @DisplayName("on H2, in memory and in a file, a document as long as the reader accepts by default is stored and read back whole")
    void longestDocumentOnH2() throws Exception {
        int longest = Math.toIntExact(ReadLimits.defaults().maxDocumentLength());
        String unit = "é😀{\"a\":1}";
        String document = unit.repeat(longest / unit.length()) + "x".repeat(longest % unit.length());
        Path folder = Files.createTempDirectory(Path.of("target"), "v018");
        try (Databases.Target memory = Databases.h2Memory(); Databases.Target file = Databases.h2File(folder.resolve("store"))) {
            for (Databases.Target database : new Databases.Target[] {memory, file}) {
                new SchemaMigrations(database.dataSource()).migrate();
                insert(database.dataSource(), "P-LONG", document);
                assertThat(read(database.dataSource(), "P-LONG")).isEqualTo(document);
            }
        }
    }

    @Test
    @DisplayName("the placeholder is H2's ALTER of the column's type, and no statement at all on PostgreSQL")
    void placeholder() {
        assertThat(Dialect.H2.apply("${inline_text:plie_protocol.document}"))
                .isEqualTo("ALTER TABLE plie_protocol ALTER COLUMN document SET DATA TYPE CHARACTER VARYING");
        assertThat(Dialect.POSTGRESQL.apply("${inline_text:plie_protocol.document}")).isEmpty();
    }

    /** The column's type: H2's CHARACTER VARYING of its longest length, or PostgreSQL's text; not nullable. */
    private static void assertColumn(DataSource data, Databases.Kind kind) throws SQLException {
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT data_type, character_maximum_length, is_nullable "
                        + "FROM information_schema.columns WHERE UPPER(table_schema) = UPPER(CURRENT_SCHEMA) "
                        + "AND UPPER(table_name) = 'PLIE_PROTOCOL' AND UPPER(column_name) = 'DOCUMENT'")) {
            assertThat(row.next()).isTrue();
            if (kind == Databases.Kind.H2) {
                assertThat(row.getString(1)).isEqualTo("CHARACTER VARYING");
                assertThat(row.getLong(2)).isEqualTo(1_000_000_000L);
            } else {
                assertThat(row.getString(1)).isEqualTo("text");
            }
            assertThat(row.getString(3)).isEqualTo("NO");
            assertThat(row.next()).isFalse();
        }
    }

    private static void insert(DataSource data, String id, String document) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO plie_protocol (plan_id, id, revision, state, document, updated_at) VALUES ('default', ?, 1, 'DRAFT', ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, document);
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static void update(DataSource data, String id, String document) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE plie_protocol SET revision = revision + 1, document = ? WHERE plan_id = 'default' AND id = ?")) {
            update.setString(1, document);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String read(DataSource data, String id) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT document FROM plie_protocol WHERE plan_id = 'default' AND id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
