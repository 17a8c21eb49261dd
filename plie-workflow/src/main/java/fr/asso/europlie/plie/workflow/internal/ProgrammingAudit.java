package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.util.List;

/**
 * The programmings' audit trail, table {@code plie_programming_audit}, written in the engine's
 * current transaction like {@link AuditLog}. Entries are {@link AuditEntry} lines whose
 * {@code protocolId} is the programming's id (its call's) and whose {@code round} is the steering
 * committee session (0 before the first).
 */
public final class ProgrammingAudit {

    private static final AuditLog.Table TABLE =
            new AuditLog.Table("plie_programming_audit", "programming_id", "session_number", "programming ");

    private ProgrammingAudit() {
    }

    /**
     * Appends an entry in the current engine transaction.
     *
     * @param plan the plan
     * @param entry the entry, its protocolId being the programming's id
     * @param processInstanceId the process instance, may be null
     */
    public static void append(PlanId plan, AuditEntry entry, String processInstanceId) {
        AuditLog.append(TABLE, plan, entry, processInstanceId);
    }

    /**
     * The entries of a programming, oldest first.
     *
     * @param plan the plan
     * @param programmingId the programming
     * @return the entries
     */
    public static List<AuditEntry> of(PlanId plan, String programmingId) {
        return AuditLog.query(TABLE, plan, programmingId, null);
    }
}
