package fr.asso.europlie.plie.workflow.commitment;

import java.sql.Connection;
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
}
