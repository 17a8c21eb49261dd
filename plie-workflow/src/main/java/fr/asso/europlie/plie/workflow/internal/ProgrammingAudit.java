package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.programming.ProgrammingAuditEntry;
import java.util.List;

/**
 * The programmings' audit trail, table {@code plie_programming_audit}, written in the engine's
 * current transaction like {@link AuditLog}, whose statements it shares: internally an
 * {@link AuditEntry} line carries the programming's id (its call's) in {@code protocolId} and the
 * steering committee session in {@code round}; the facade reads them as
 * {@link ProgrammingAuditEntry}, the programming's own public type.
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
    public static List<ProgrammingAuditEntry> of(PlanId plan, String programmingId) {
        return AuditLog.query(TABLE, plan, programmingId, null).stream()
                .map(e -> new ProgrammingAuditEntry(CallId.of(e.protocolId()), e.at(), e.userId(), e.organisation(), e.step(), e.outcome(),
                        e.reason(), e.reference(), e.round()))
                .toList();
    }
}
