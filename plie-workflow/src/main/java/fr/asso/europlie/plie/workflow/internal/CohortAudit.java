package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.util.List;

/**
 * The participants' audit trail, table {@code plie_cohort_audit}, written in the engine's current
 * transaction like {@link AuditLog}. Entries are {@link AuditEntry} lines whose {@code protocolId}
 * is the participant's id and whose {@code round} is the number of the period the command acted on.
 * The referents' trail (their registrations) is kept apart in {@code plie_referent_audit}: its
 * entries' {@code protocolId} is the referent's id and their round 0.
 */
public final class CohortAudit {

    private static final AuditLog.Table TABLE =
            new AuditLog.Table("plie_cohort_audit", "participant_id", "period_number", "participant ");

    private static final AuditLog.Table REFERENTS =
            new AuditLog.Table("plie_referent_audit", "referent_id", "round_number", "referent ");

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

    /**
     * Appends an entry to a referent's trail in the current engine transaction.
     *
     * @param plan the plan
     * @param entry the entry, its protocolId being the referent's id
     */
    public static void appendReferent(PlanId plan, AuditEntry entry) {
        AuditLog.append(REFERENTS, plan, entry, null);
    }

    /**
     * The entries of a referent, oldest first.
     *
     * @param plan the plan
     * @param referentId the referent
     * @return the entries
     */
    public static List<AuditEntry> ofReferent(PlanId plan, String referentId) {
        return AuditLog.query(REFERENTS, plan, referentId, null);
    }
}
