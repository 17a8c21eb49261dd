package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.util.List;

/**
 * The participants' audit trail, table {@code plie_cohort_audit}, written in the engine's current
 * transaction like {@link AuditLog}. Entries are {@link AuditEntry} lines whose {@code protocolId}
 * is the participant's id and whose {@code round} is the number of the period the command acted on.
 */
public final class CohortAudit {

    private static final AuditLog.Table TABLE =
            new AuditLog.Table("plie_cohort_audit", "participant_id", "period_number", "participant ");

    private CohortAudit() {
    }

    /**
     * Appends an entry in the current engine transaction.
     *
     * @param plan the plan
     * @param entry the entry, its protocolId being the participant's id
     */
    public static void append(PlanId plan, AuditEntry entry) {
        AuditLog.append(TABLE, plan, entry, null);
    }

    /**
     * The entries of a participant, oldest first.
     *
     * @param plan the plan
     * @param participantId the participant
     * @return the entries
     */
    public static List<AuditEntry> of(PlanId plan, String participantId) {
        return AuditLog.query(TABLE, plan, participantId, null);
    }
}
