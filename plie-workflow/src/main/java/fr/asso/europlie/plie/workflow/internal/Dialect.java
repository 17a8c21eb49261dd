package fr.asso.europlie.plie.workflow.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases the store supports (dialecte): embedded H2 and PostgreSQL. The few differences
 * between them are substituted into the migration scripts.
 */
public enum Dialect {
    /** H2 2.x, the embedded default. */
    H2("CLOB"),
    /** PostgreSQL, for production. */
    POSTGRESQL("TEXT");

    private final String text;

    Dialect(String text) {
        this.text = text;
    }

    /**
     * Substitutes the dialect's types into a script ({@code ${text}} for long text).
     *
     * @param script the script, not null
     * @return the script for this dialect
     */
    String apply(String script) {
        return script.replace("${text}", text);
    }

    /**
     * Finds the dialect of a connection from its metadata.
     *
     * @param connection an open connection, not null
     * @return the dialect
     * @throws SQLException when the metadata cannot be read
     * @throws IllegalStateException when the database is neither H2 nor PostgreSQL
     */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("unsupported database: " + product + " (H2 or PostgreSQL expected)");
    }
}
