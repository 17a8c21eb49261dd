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
 * A store's document column that a script keeps in its row on H2 ({@code ${inline_text:table.column}}),
 * checked alike for each table on a fresh database and on one the previous release migrated and
 * wrote to: H2's longest {@code CHARACTER VARYING} (PostgreSQL's {@code TEXT}), {@code NOT NULL}
 * kept, any text read back as it was written, up to the longest document the reader accepts by
 * default.
 */
abstract class InlineDocumentColumnTest {

    /** @return the table, whose column {@code document} the script changes */
    abstract String table();

    /** @return the script's version */
    abstract int script();

    /** @return an insert of one row of plan {@code default}, its parameters the id, the document and the time */
    abstract String insert();

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a fresh database has the document as H2's longest CHARACTER VARYING, or PostgreSQL's TEXT, not null either way")
    void freshDatabase(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind)) {
            assertThat(new SchemaMigrations(database.dataSource()).migrate()).contains(script());
            assertColumn(database.dataSource(), kind);
            String document = "{\"id\":\"PLIE-1\",\"nom\":\"Comité de pilotage – Département\",\"😀\":\"œuvre\"}".repeat(500);
            insert(database.dataSource(), "D-NEW", document);
            assertThat(read(database.dataSource(), "D-NEW")).isEqualTo(document);
            assertThatThrownBy(() -> insert(database.dataSource(), "D-NULL", null)).isInstanceOf(SQLException.class)
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
            migrations.migrate(script() - 1);
            String old = "{\"signataire\":\"Région Auvergne-Rhône-Alpes\",\"emoji\":\"😀\",\"quote\":\"\\\"\"}".repeat(400);
            insert(data, "D-OLD", old);
            insert(data, "D-EMPTY", "");

            // Up to this script only: later ones are their own tests' business.
            assertThat(migrations.migrate(script())).containsExactly(script());

            assertColumn(data, kind);
            assertThat(read(data, "D-OLD")).isEqualTo(old);
            assertThat(read(data, "D-EMPTY")).isEmpty();
            AtomicInteger ids = new AtomicInteger();
            qt().withExamples(kind == Databases.Kind.POSTGRESQL ? 25 : 60).withShrinkCycles(0)
                    .forAll(strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 300), integers().between(1, 200))
                    .checkAssert((piece, times) -> {
                        String text = piece.repeat(times) + "😀";
                        String id = "D-" + ids.incrementAndGet();
                        try {
                            insert(data, id, text);
                            assertThat(read(data, id)).isEqualTo(text);
                            update(data, "D-OLD", text);
                            assertThat(read(data, "D-OLD")).isEqualTo(text);
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
        Path folder = Files.createTempDirectory(Path.of("target"), table());
        try (Databases.Target memory = Databases.h2Memory(); Databases.Target file = Databases.h2File(folder.resolve("store"))) {
            for (Databases.Target database : new Databases.Target[] {memory, file}) {
                new SchemaMigrations(database.dataSource()).migrate();
                insert(database.dataSource(), "D-LONG", document);
                assertThat(read(database.dataSource(), "D-LONG")).hasSize(longest).isEqualTo(document);
            }
        }
    }

    @Test
    @DisplayName("the placeholder is H2's ALTER of the column's type, and no statement at all on PostgreSQL")
    void placeholder() {
        assertThat(Dialect.H2.apply("${inline_text:" + table() + ".document}"))
                .isEqualTo("ALTER TABLE " + table() + " ALTER COLUMN document SET DATA TYPE CHARACTER VARYING");
        assertThat(Dialect.POSTGRESQL.apply("${inline_text:" + table() + ".document}")).isEmpty();
    }

    /** The column's type: H2's CHARACTER VARYING of its longest length, or PostgreSQL's text; not nullable. */
    private void assertColumn(DataSource data, Databases.Kind kind) throws SQLException {
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT data_type, character_maximum_length, is_nullable "
                        + "FROM information_schema.columns WHERE UPPER(table_schema) = UPPER(CURRENT_SCHEMA) "
                        + "AND UPPER(table_name) = UPPER('" + table() + "') AND UPPER(column_name) = 'DOCUMENT'")) {
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

    private void insert(DataSource data, String id, String document) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement statement = connection.prepareStatement(insert())) {
            statement.setString(1, id);
            statement.setString(2, document);
            statement.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            statement.executeUpdate();
        }
    }

    private void update(DataSource data, String id, String document) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table() + " SET revision = revision + 1, document = ? WHERE plan_id = 'default' AND id = ?")) {
            update.setString(1, document);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private String read(DataSource data, String id) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT document FROM " + table() + " WHERE plan_id = 'default' AND id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
