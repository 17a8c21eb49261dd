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

    private final Trigger trigger;

    InjectedFailure(String table, String event) {
        this.trigger = new Trigger("plie_fail_" + name().toLowerCase(), table, event);
    }

    /**
     * Makes every such write fail from now on, until {@link #off(Databases.Target)}.
     *
     * @param database the database
     */
    public void on(Databases.Target database) {
        trigger.on(database);
    }

    /**
     * Lets such writes succeed again.
     *
     * @param database the database
     */
    public void off(Databases.Target database) {
        trigger.off(database);
    }

    /**
     * A failing trigger on any table and event, for the failures other tests inject at their own
     * writes (the ledger's journal, the commitment's audit...).
     *
     * @param name the trigger's (and PostgreSQL function's) name, an SQL identifier
     * @param table the table, as created by the migrations
     * @param event {@code INSERT}, {@code UPDATE} or {@code DELETE}
     */
    public record Trigger(String name, String table, String event) {

        /**
         * Makes every such write fail from now on, until {@link #off(Databases.Target)}.
         *
         * @param database the database
         */
        public void on(Databases.Target database) {
            execute(database, database.kind() == Databases.Kind.H2
                    ? new String[] {"CREATE TRIGGER " + name + " BEFORE " + event + " ON " + table.toUpperCase()
                            + " FOR EACH ROW CALL \"" + FailingTrigger.class.getName() + "\""}
                    : new String[] {"CREATE FUNCTION " + name + "() RETURNS trigger AS $$ BEGIN "
                            + "RAISE EXCEPTION 'injected failure on " + table + "'; END $$ LANGUAGE plpgsql",
                        "CREATE TRIGGER " + name + " BEFORE " + event + " ON " + table + " FOR EACH ROW "
                            + "EXECUTE FUNCTION " + name + "()"});
        }

        /**
         * Lets such writes succeed again.
         *
         * @param database the database
         */
        public void off(Databases.Target database) {
            execute(database, database.kind() == Databases.Kind.H2
                    ? new String[] {"DROP TRIGGER " + name}
                    : new String[] {"DROP TRIGGER " + name + " ON " + table, "DROP FUNCTION " + name + "()"});
        }
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
