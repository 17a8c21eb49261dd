package fr.asso.europlie.plie.workflow.transaction;

import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.negotiation.FailingTrigger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database failure injected at a chosen write, by a trigger that fails: the library's own
 * writes (a protocol's revision, an audit line) or Flowable's (a task removed when its step ends,
 * written when the engine flushes at the very end of the command).
 */
public enum InjectedFailure {
    /** The library's update of a protocol's row fails. */
    PROTOCOL_UPDATE("plie_protocol", "UPDATE"),
    /** The library's insert of an audit line fails. */
    AUDIT_INSERT("plie_audit", "INSERT"),
    /** Flowable's removal of the completed task fails, at the end of the command. */
    TASK_DELETE("act_ru_task", "DELETE");

    private final String table;
    private final String event;

    InjectedFailure(String table, String event) {
        this.table = table;
        this.event = event;
    }

    /**
     * Makes every such write fail from now on, until {@link #off(Databases.Target)}.
     *
     * @param database the database
     */
    public void on(Databases.Target database) {
        execute(database, database.kind() == Databases.Kind.H2
                ? new String[] {"CREATE TRIGGER " + trigger() + " BEFORE " + event + " ON " + table.toUpperCase()
                        + " FOR EACH ROW CALL \"" + FailingTrigger.class.getName() + "\""}
                : new String[] {"CREATE FUNCTION " + trigger() + "() RETURNS trigger AS $$ BEGIN "
                        + "RAISE EXCEPTION 'injected failure on " + table + "'; END $$ LANGUAGE plpgsql",
                    "CREATE TRIGGER " + trigger() + " BEFORE " + event + " ON " + table + " FOR EACH ROW "
                        + "EXECUTE FUNCTION " + trigger() + "()"});
    }

    /**
     * Lets such writes succeed again.
     *
     * @param database the database
     */
    public void off(Databases.Target database) {
        execute(database, database.kind() == Databases.Kind.H2
                ? new String[] {"DROP TRIGGER " + trigger()}
                : new String[] {"DROP TRIGGER " + trigger() + " ON " + table, "DROP FUNCTION " + trigger() + "()"});
    }

    private String trigger() {
        return "plie_fail_" + name().toLowerCase();
    }

    private static void execute(Databases.Target database, String... statements) {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            if (database.schema() != null) {
                statement.execute("SET search_path TO " + database.schema());
            }
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inject the failure: " + e.getMessage(), e);
        }
    }
}
