package fr.asso.europlie.plie.workflow;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the workflow tests run on: embedded H2 (in memory or in a file under target/)
 * and a real PostgreSQL named by {@code PLIE_TEST_JDBC_URL}. Without that variable, PostgreSQL
 * tests are skipped locally with a message, and fail when {@code CI=true}.
 */
public final class Databases {

    /** The environment variable naming the PostgreSQL test database. */
    public static final String URL_VARIABLE = "PLIE_TEST_JDBC_URL";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    // The pid alone repeats across runs (containers recycle pids) and would meet a schema left by an earlier run.
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36) + "_"
            + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);

    private Databases() {
    }

    /** Where a test's engine keeps its data. */
    public enum Kind {
        /** Embedded H2. */
        H2,
        /** PostgreSQL from {@code PLIE_TEST_JDBC_URL}. */
        POSTGRESQL
    }

    /** A database for one test: its data source, the schema, and how to build an engine on it. */
    public record Target(Kind kind, DataSource dataSource, String schema, HikariDataSource pool) implements AutoCloseable {

        /**
         * A builder of an engine on this database, async executor off.
         *
         * @param clock the clock
         * @param settings the settings
         * @return the builder
         */
        public PlieEngine.Builder engine(ManualClock clock, WorkflowSettings settings) {
            PlieEngine.Builder builder = PlieEngine.builder().dataSource(dataSource).clock(clock).settings(settings)
                    .asyncExecutor(false);
            return schema == null ? builder : builder.databaseSchema(schema);
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.close();
            }
        }
    }

    /**
     * A fresh database of a kind.
     *
     * @param kind H2 or PostgreSQL
     * @return the database
     */
    public static Target fresh(Kind kind) {
        return kind == Kind.H2 ? h2Memory() : postgres();
    }

    /**
     * A private in-memory H2 database.
     *
     * @return the database
     */
    public static Target h2Memory() {
        return target(Kind.H2, "jdbc:h2:mem:plie-test-" + RUN + "-" + COUNTER.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", null);
    }

    /**
     * An H2 database in a file, which outlives the engine (and the JVM).
     *
     * @param file the file's path without extension
     * @return the database
     */
    public static Target h2File(Path file) {
        return target(Kind.H2, PlieEngine.h2FileUrl(file), null);
    }

    /**
     * A fresh schema of the PostgreSQL test database; skipped (or failed in CI) without one.
     *
     * @return the database
     */
    public static Target postgres() {
        String url = postgresUrl();
        String schema = "plie_t_" + RUN + "_" + COUNTER.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + url + ": " + e.getMessage(), e);
        }
        return target(Kind.POSTGRESQL, url, schema);
    }

    /**
     * An existing schema of the PostgreSQL test database (to reopen it after a crash).
     *
     * @param schema the schema
     * @return the database
     */
    public static Target postgresSchema(String schema) {
        return target(Kind.POSTGRESQL, postgresUrl(), schema);
    }

    /**
     * The PostgreSQL test URL, or the test is skipped (locally) or failed (CI).
     *
     * @return the URL
     */
    public static String postgresUrl() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String message = URL_VARIABLE + " is not set: the PostgreSQL variant of this test cannot run";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: a test that needs PostgreSQL and cannot reach it fails)");
            }
            Assumptions.abort(message + "; skipped locally (see .ci/run to start one)");
        }
        return url;
    }

    private static HikariDataSource pool(String url, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (url.startsWith("jdbc:h2:")) {
            config.setUsername("sa");
        }
        if (schema != null) {
            config.setSchema(schema);
        }
        config.setMaximumPoolSize(12);
        config.setPoolName("plie-test-" + COUNTER.incrementAndGet());
        return new HikariDataSource(config);
    }

    private static Target target(Kind kind, String url, String schema) {
        HikariDataSource pool = pool(url, schema);
        return new Target(kind, pool, schema, pool);
    }
}
