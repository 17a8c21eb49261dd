package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import fr.asso.europlie.plie.workflow.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Script {@code V017}: the protocol's and the programming's documents compressed with lz4 on a
 * PostgreSQL that offers it, on a fresh database and on one the previous release migrated (up to
 * {@code V016}) and wrote to; nothing on H2; the text read back is the text written, whenever it
 * was written.
 */
@DisplayName("the rewritten documents' compression (script V017)")
class DocumentCompressionTest {

    /** A table whose document V017 compresses, and how a test row is inserted into it. */
    private enum Table {
        PROTOCOL("plie_protocol", "INSERT INTO plie_protocol (plan_id, id, revision, state, document, updated_at) "
                + "VALUES ('default', ?, 1, 'DRAFT', ?, ?)"),
        PROGRAMMING("plie_programming", "INSERT INTO plie_programming (plan_id, id, revision, state, document, operators, "
                + "settings, updated_at) VALUES ('default', ?, 1, 'OPEN', ?, '[]', '{}', ?)");

        private final String name;
        private final String insert;

        Table(String name, String insert) {
            this.name = name;
            this.insert = insert;
        }
    }

    private static final int PREVIOUS_RELEASE = 16;
    private static final String[] WORDS = {"protocole", "signataire", "\"axe\":", "{\"id\":\"PLIE-", "comité", "budget", "2026",
        "financeur", "Département", "\"montant\":\"150000.00\"", "opérateur", "],", "délibération", "EPCI", "œuvre"};

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a fresh database stores new protocol and programming documents with lz4 where PostgreSQL offers it, and reads them back unchanged")
    void freshDatabase(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind)) {
            assertThat(new SchemaMigrations(database.dataSource()).migrate()).contains(17);
            for (Table table : Table.values()) {
                String document = document(20_000, 1);
                insert(database.dataSource(), table, "P-NEW", document);
                assertThat(read(database.dataSource(), table, "P-NEW")).isEqualTo(document);
                if (kind == Databases.Kind.POSTGRESQL) {
                    boolean lz4 = offersLz4(database.dataSource());
                    assertThat(columnCompression(database.dataSource(), table)).as(table.name).isEqualTo(lz4 ? "l" : "");
                    assertThat(storedCompression(database.dataSource(), table, "P-NEW")).as(table.name).isEqualTo(lz4 ? "lz4" : "pglz");
                }
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an upgraded database keeps the rows it had (pglz until rewritten), compresses what is written after with lz4, and any text reads back unchanged")
    void upgradedDatabase(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind)) {
            DataSource data = database.dataSource();
            SchemaMigrations migrations = new SchemaMigrations(data);
            migrations.migrate(PREVIOUS_RELEASE);
            String old = document(16_000, 2);
            boolean postgres = kind == Databases.Kind.POSTGRESQL;
            for (Table table : Table.values()) {
                insert(data, table, "P-OLD", old);
                if (postgres) {
                    assertThat(storedCompression(data, table, "P-OLD")).as(table.name).isEqualTo("pglz");
                }
            }

            assertThat(migrations.migrate(17)).containsExactly(17);

            String rewritten = document(16_000, 3);
            for (Table table : Table.values()) {
                assertThat(read(data, table, "P-OLD")).as(table.name).isEqualTo(old);
                if (postgres) {
                    assertThat(storedCompression(data, table, "P-OLD")).as(table.name).isEqualTo("pglz");
                }
                update(data, table, "P-OLD", rewritten);
                assertThat(read(data, table, "P-OLD")).as(table.name).isEqualTo(rewritten);
                if (postgres) {
                    assertThat(storedCompression(data, table, "P-OLD")).as(table.name).isEqualTo(offersLz4(data) ? "lz4" : "pglz");
                }
            }
            AtomicInteger ids = new AtomicInteger();
            qt().withExamples(postgres ? 25 : 60).withShrinkCycles(0)
                    .forAll(integers().between(0, 40_000), integers().allPositive(),
                            strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 300))
                    .checkAssert((length, seed, tail) -> {
                        String text = document(length, seed) + tail;
                        String id = "P-" + ids.incrementAndGet();
                        try {
                            for (Table table : Table.values()) {
                                insert(data, table, id, text);
                                assertThat(read(data, table, id)).isEqualTo(text);
                                update(data, table, "P-OLD", text);
                                assertThat(read(data, table, "P-OLD")).isEqualTo(text);
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
    }

    @Test
    @DisplayName("on a PostgreSQL without the method, the script's block changes nothing and does not fail; on H2 it is no statement at all")
    void methodNotOffered() throws Exception {
        assertThat(Dialect.H2.apply("${compression:plie_protocol.document=lz4}")).isBlank();
        try (Databases.Target database = Databases.postgres()) {
            new SchemaMigrations(database.dataSource()).migrate(PREVIOUS_RELEASE);
            // No PostgreSQL version compresses TOAST values with zstd: the block must find it missing and skip it.
            String block = Dialect.POSTGRESQL.apply("${compression:plie_protocol.document=zstd}");
            try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(block);
            }
            assertThat(columnCompression(database.dataSource(), Table.PROTOCOL)).isEmpty();
        }
    }

    /** A JSON-like text of about that many characters, compressible as a protocol's document is, drawn from the seed. */
    private static String document(int length, int seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(length + 32);
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(1000)).append(' ');
        }
        return text.substring(0, length);
    }

    private static void insert(DataSource data, Table table, String id, String document) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement insert = connection.prepareStatement(table.insert)) {
            insert.setString(1, id);
            insert.setString(2, document);
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static void update(DataSource data, Table table, String id, String document) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table.name + " SET revision = revision + 1, document = ? WHERE plan_id = 'default' AND id = ?")) {
            update.setString(1, document);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String read(DataSource data, Table table, String id) throws SQLException {
        return single(data, "SELECT document FROM " + table.name + " WHERE plan_id = 'default' AND id = '" + id + "'");
    }

    /** How PostgreSQL stored a row's document: {@code pglz}, {@code lz4}, or null when not compressed. */
    private static String storedCompression(DataSource data, Table table, String id) throws SQLException {
        return single(data, "SELECT pg_column_compression(document) FROM " + table.name + " WHERE plan_id = 'default' AND id = '" + id + "'");
    }

    /** The column's compression method: {@code l} for lz4, empty for the server's default. */
    private static String columnCompression(DataSource data, Table table) throws SQLException {
        return single(data, "SELECT attcompression FROM pg_attribute WHERE attrelid = '" + table.name
                + "'::regclass AND attname = 'document'");
    }

    private static boolean offersLz4(DataSource data) throws SQLException {
        return "true".equals(single(data,
                "SELECT ('lz4' = ANY (enumvals))::text FROM pg_settings WHERE name = 'default_toast_compression'"));
    }

    private static String single(DataSource data, String sql) throws SQLException {
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).as(sql).isTrue();
            return row.getString(1);
        }
    }
}
