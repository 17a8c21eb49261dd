package fr.asso.europlie.plie.workflow.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The H2 trigger that keeps a table append-only (table en ajout seul), created by the migrations
 * ({@link Dialect#apply}) before every UPDATE and DELETE of the table's rows: each is refused with
 * SQL state {@value #SQL_STATE}, the state PostgreSQL's trigger raises, so nothing is changed. Not
 * for use by applications: H2 instantiates it by name.
 */
public final class AppendOnlyTrigger implements Trigger {

    /** The SQL state of the refusal, as PostgreSQL's {@code RAISE EXCEPTION} (raise_exception). */
    public static final String SQL_STATE = "P0001";

    private String table = "?";
    private String operation = "UPDATE or DELETE";

    /** Creates the trigger (by H2, by name). */
    public AppendOnlyTrigger() {
    }

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = tableName;
        operation = type == DELETE ? "DELETE" : type == UPDATE ? "UPDATE" : operation;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw refusal(table, operation);
    }

    /** The refusal of a change to an append-only table. */
    static SQLException refusal(String table, String operation) {
        return new SQLException(operation + " on " + table + " refused: the table is append-only", SQL_STATE);
    }
}
