package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.workflow.ChildJvm;
import fr.asso.europlie.plie.workflow.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.h2.api.Trigger;

/**
 * An H2 trigger of the crash tests' child JVMs: fired by the write the child's trigger is put on
 * (the ledger's journal insert of the commitment, the programming's row update of a steering
 * committee decision), inside that command's transaction and before its commit, it says
 * {@code IN_TRANSACTION} and stalls there until the test kills the JVM. Outside the child (no
 * system property {@code plie.crash}) it does nothing.
 */
public final class StallingTrigger implements Trigger {

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
        if (!Boolean.getBoolean("plie.crash")) {
            return;
        }
        System.out.println("IN_TRANSACTION");
        System.out.flush();
        try {
            TimeUnit.MINUTES.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(3);
    }

    /**
     * The PostgreSQL session of a child that stalls in its trigger ({@code pg_sleep}) on a write to
     * the given table, inside that command's transaction; fails when the child dies or never gets there.
     *
     * @param database the crash database, seen from the test
     * @param child the child JVM
     * @param table the table the child's trigger is on
     * @return the session's backend pid
     * @throws Exception on a database error or an interruption
     */
    public static long stalledSession(Databases.Target database, ChildJvm child, String table) throws Exception {
        for (int i = 0; i < 600; i++) {
            assertThat(child.isAlive()).as("the child's output:\n%s", child.output()).isTrue();
            try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE wait_event = 'PgSleep' "
                            + "AND state = 'active' AND query ILIKE '%" + table + "%'")) {
                if (rows.next()) {
                    return rows.getLong(1);
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the child never reached its write to " + table + "; its output:\n" + child.output());
    }

    /**
     * Runs SQL statements on the crash database (to end the child's orphaned session, to drop its trigger).
     *
     * @param database the database
     * @param statements the statements, in order
     * @throws SQLException on a database error
     */
    public static void execute(Databases.Target database, String... statements) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
