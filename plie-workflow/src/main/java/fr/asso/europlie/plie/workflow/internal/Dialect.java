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

    /** A placeholder that sets a column's compression where the server offers it: {@code ${compression:table.column=method}}. */
    private static final java.util.regex.Pattern COMPRESSION = java.util.regex.Pattern.compile(
            "\\$\\{compression:([a-z_]+)\\.([a-z_]+)=([a-z0-9]+)}");

    /** A placeholder that keeps a long text column's values in their row on H2: {@code ${inline_text:table.column}}. */
    private static final java.util.regex.Pattern INLINE_TEXT = java.util.regex.Pattern.compile(
            "\\$\\{inline_text:([a-z_]+)\\.([a-z_]+)}");

    /**
     * Substitutes the dialect's types and statements into a script: {@code ${text}} for long
     * text; {@code ${append_only:table}} for the statements that refuse every UPDATE and DELETE of
     * the table's rows (on PostgreSQL a PL/pgSQL trigger, TRUNCATE refused too; on H2 the trigger
     * class {@link AppendOnlyTrigger}), each refusal with SQL state {@value AppendOnlyTrigger#SQL_STATE};
     * {@code ${compression:table.column=method}} for the compression of a column's values stored
     * out of line (TOAST), on PostgreSQL only and only when the server offers the method (see
     * {@link #compression}); nothing on H2; {@code ${inline_text:table.column}} for the statement
     * that makes a long text column keep its values in their row (see {@link #inlineText}).
     *
     * @param script the script, not null
     * @return the script for this dialect
     */
    String apply(String script) {
        String typed = APPEND_ONLY.matcher(script.replace("${text}", text)).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                appendOnly(m.group(1))));
        String compressed = COMPRESSION.matcher(typed).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                compression(m.group(1), m.group(2), m.group(3))));
        return INLINE_TEXT.matcher(compressed).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                inlineText(m.group(1), m.group(2))));
    }

    /**
     * The statement that makes a long text column keep its values in their row. On H2 a {@code CLOB}
     * is stored apart from the row, encoded to UTF-8 on each write and decoded on each read: the
     * column becomes a {@code CHARACTER VARYING} of H2's longest length (1,000,000,000 characters),
     * which H2 keeps in the row as the string it is given; the values already stored are converted,
     * the column's nullability kept. On PostgreSQL, whose {@code TEXT} is kept in the row (or
     * compressed out of line by the server, see {@link #compression}) already, nothing (an empty
     * statement).
     */
    private String inlineText(String table, String column) {
        if (this == POSTGRESQL) {
            return "";
        }
        return "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE CHARACTER VARYING";
    }

    /**
     * The statement that compresses a column's values with a method (such as {@code lz4}) from
     * now on. On PostgreSQL, a block that runs {@code ALTER TABLE ... ALTER COLUMN ... SET
     * COMPRESSION} only when the server lists the method among those of {@code
     * default_toast_compression} (PostgreSQL 14 or later, built with the method's library); on an
     * older server, or one built without it, the block does nothing, and the ALTER, run through
     * {@code EXECUTE}, is never parsed. Values already stored keep their compression until they are
     * written again. On H2, which has no such setting, nothing (an empty statement).
     */
    private String compression(String table, String column, String method) {
        if (this == H2) {
            return "";
        }
        return "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND '" + method
                + "' = ANY (enumvals)) THEN EXECUTE 'ALTER TABLE " + table + " ALTER COLUMN " + column + " SET COMPRESSION "
                + method + "'; END IF; END $$";
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
