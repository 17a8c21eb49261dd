package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Creates and upgrades the store's tables (migrations du schéma) with versioned SQL scripts,
 * recorded in the table {@code plie_schema_version}: each script runs once, in order, in its own
 * transaction; an applied script that has since changed, or a schema newer than the library, is
 * refused.
 *
 * <p>Scripts are resources {@code Vnnn__name.sql} next to this class, listed in {@link #SCRIPTS};
 * a new version of the library adds a script and never edits a released one. A script's version
 * is the number in its name (the numbers increase along the list, possibly with gaps, such as
 * numbers reserved for work on other branches).
 */
public final class SchemaMigrations {

    /**
     * The scripts, in the order they apply; the version of each is the number in its name
     * ({@code V007__...} is version 7). Versions rise along the list and may leave a gap (a number
     * reserved for a script that another branch adds).
     */
    public static final List<String> SCRIPTS = List.of("V001__protocol_store.sql", "V002__audit_trail.sql", "V003__plans.sql",
            "V004__programming_store.sql",
            "V005__global_grant_store.sql",
            "V007__commitment_audit.sql",
            "V008__cohort_store.sql", "V009__personal_data.sql",
            "V010__grant_agreement_store.sql",
            "V012__programming_global_grant.sql",
            "V013__ledger_journal.sql",
            "V014__referent_audit.sql",
            "V016__caseload_span_end.sql",
            "V017__documents_lz4.sql",
            "V018__protocol_document_inline.sql",
            "V019__programming_document_inline.sql",
            "V020__participant_document_inline.sql");

    private static final String VERSION_TABLE = "plie_schema_version";

    private final DataSource dataSource;

    /**
     * Creates the runner.
     *
     * @param dataSource the database, not null
     */
    public SchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The schema version that this library expects.
     *
     * @return the version of the last script
     */
    public static int latestVersion() {
        return version(SCRIPTS.get(SCRIPTS.size() - 1));
    }

    /**
     * The versions of the scripts, in order.
     *
     * @return the version of each script of {@link #SCRIPTS}
     */
    public static List<Integer> versions() {
        return SCRIPTS.stream().map(SchemaMigrations::version).toList();
    }

    /** The version of a script: the number between its {@code V} and its {@code __}. */
    static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /**
     * Applies the scripts not applied yet.
     *
     * @return the versions applied by this call, in order (empty when the schema was up to date)
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-007}) when the schema is newer than this
     *     library, ({@code PLIE-WORKFLOW-010}) when an applied script changed
     * @throws IllegalStateException when the database cannot be reached or a script fails
     */
    public List<Integer> migrate() {
        return migrate(latestVersion());
    }

    /**
     * Applies the scripts not applied yet, up to a version: the schema of an earlier release of
     * the library, for upgrade tests.
     *
     * @param upTo the last version to apply, one of {@link #versions()}
     * @return the versions applied by this call, in order
     */
    public List<Integer> migrate(int upTo) {
        if (!versions().contains(upTo)) {
            throw new IllegalArgumentException("no schema version " + upTo);
        }
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            createVersionTable(connection);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                List<Integer> applied = migrate(connection, dialect, upTo);
                connection.commit();
                return applied;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot migrate the PLIE store: " + e.getMessage(), e);
        }
    }

    /**
     * The versions already applied to the database, with their checksums.
     *
     * @return version to checksum, in order; empty when no script ran
     * @throws IllegalStateException when the database cannot be read
     */
    public Map<Integer, String> applied() {
        try (Connection connection = dataSource.getConnection()) {
            createVersionTable(connection);
            return applied(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the PLIE schema version: " + e.getMessage(), e);
        }
    }

    private List<Integer> migrate(Connection connection, Dialect dialect, int upTo) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement lock = connection.createStatement()) {
                // Two applications starting at once: the second waits, then finds the work done.
                lock.execute("LOCK TABLE " + VERSION_TABLE + " IN EXCLUSIVE MODE");
            }
        }
        Map<Integer, String> applied = applied(connection);
        int newest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newest > latestVersion()) {
            throw new InvalidValueException(WorkflowError.SCHEMA_TOO_NEW, VERSION_TABLE, newest, latestVersion());
        }
        List<Integer> done = new java.util.ArrayList<>();
        for (String name : SCRIPTS) {
            int version = version(name);
            if (version > upTo) {
                break;
            }
            String script = read(name);
            String checksum = checksum(script);
            String known = applied.get(version);
            if (known != null) {
                if (!known.equals(checksum)) {
                    throw new InvalidValueException(WorkflowError.MIGRATION_CHANGED, VERSION_TABLE, name, checksum, known);
                }
                continue;
            }
            run(connection, dialect.apply(script));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + VERSION_TABLE + " (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, name);
                insert.setString(3, checksum);
                insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            done.add(version);
        }
        return List.copyOf(done);
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " ("
                    + "version INT NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                    + "checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static Map<Integer, String> applied(Connection connection) throws SQLException {
        Map<Integer, String> applied = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + VERSION_TABLE + " ORDER BY version")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getString(2));
            }
        }
        return applied;
    }

    private static void run(Connection connection, String script) throws SQLException {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(withoutComments.toString())) {
                if (!sql.isBlank()) {
                    statement.execute(sql.strip());
                }
            }
        }
    }

    /** The statements of a script: split at each semicolon outside a dollar-quoted body ({@code $$ ... $$}). */
    static List<String> statements(String script) {
        List<String> statements = new java.util.ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < script.length(); i++) {
            if (script.startsWith("$$", i)) {
                quoted = !quoted;
                i++;
            } else if (script.charAt(i) == ';' && !quoted) {
                statements.add(script.substring(start, i));
                start = i + 1;
            }
        }
        statements.add(script.substring(start));
        return statements;
    }

    private static String read(String name) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checksum(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
