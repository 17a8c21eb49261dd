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

    /** A placeholder that makes a table append-only: {@code ${append_only:table}}. */
    private static final java.util.regex.Pattern APPEND_ONLY = java.util.regex.Pattern.compile("\\$\\{append_only:([a-z_]+)}");

    /**
     * Substitutes the dialect's types and statements into a script: {@code ${text}} for long
     * text; {@code ${append_only:table}} for the statements that refuse every UPDATE and DELETE of
     * the table's rows (on PostgreSQL a PL/pgSQL trigger, TRUNCATE refused too; on H2 the trigger
     * class {@link AppendOnlyTrigger}), each refusal with SQL state {@value AppendOnlyTrigger#SQL_STATE}.
     *
     * @param script the script, not null
     * @return the script for this dialect
     */
    String apply(String script) {
        return APPEND_ONLY.matcher(script.replace("${text}", text)).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                appendOnly(m.group(1))));
    }

    private String appendOnly(String table) {
        if (this == H2) {
            return "CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table + " FOR EACH ROW CALL '"
                    + AppendOnlyTrigger.class.getName() + "'";
        }
        return "CREATE OR REPLACE FUNCTION plie_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION '% on % refused: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = '"
                + AppendOnlyTrigger.SQL_STATE + "'; END $$;\n"
                + "CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION plie_refuse_change();\n"
                + "CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
                + " FOR EACH STATEMENT EXECUTE FUNCTION plie_refuse_change()";
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
