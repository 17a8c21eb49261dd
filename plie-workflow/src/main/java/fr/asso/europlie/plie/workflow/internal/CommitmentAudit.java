package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.util.List;

/**
 * The audit trail of the OI's commitment of FSE+ funds (process C), table
 * {@code plie_commitment_audit}, written in the engine's current transaction like {@link AuditLog}:
 * an entry exists exactly when the step it records committed. Entries are {@link AuditEntry} lines
 * whose {@code protocolId} is the operation's id and whose {@code round} is the appraisal round
 * (0 before the first appraisal).
 */
public final class CommitmentAudit {

    private static final AuditLog.Table TABLE =
            new AuditLog.Table("plie_commitment_audit", "operation_id", "appraisal_round", "commitment of ");

    private CommitmentAudit() {
    }

    /**
     * Appends an entry in the current engine transaction.
     *
     * @param plan the plan
     * @param entry the entry, its protocolId being the operation's id
     * @param processInstanceId the process instance, may be null
     */
    public static void append(PlanId plan, AuditEntry entry, String processInstanceId) {
        AuditLog.append(TABLE, plan, entry, processInstanceId);
    }

    /**
     * The entries of an operation, oldest first.
     *
     * @param plan the plan
     * @param operationId the operation
     * @return the entries, possibly empty
     */
    public static List<AuditEntry> of(PlanId plan, String operationId) {
        return AuditLog.query(TABLE, plan, operationId, null);
    }
}
