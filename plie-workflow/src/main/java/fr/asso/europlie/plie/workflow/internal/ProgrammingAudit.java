package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The programmings' audit trail, table {@code plie_programming_audit}, written in the engine's
 * current transaction like {@link AuditLog}. Entries are {@link AuditEntry} lines whose
 * {@code protocolId} is the programming's id (its call's) and whose {@code round} is the steering
 * committee session (0 before the first).
 */
public final class ProgrammingAudit {

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
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_programming_audit (plan_id, programming_id, occurred_at, actor_user, actor_organisation, step, "
                        + "outcome, reason, reference, session_number, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, plan.value());
            insert.setString(2, entry.protocolId());
            insert.setObject(3, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
            insert.setString(4, entry.userId());
            nullable(insert, 5, entry.organisation());
            insert.setString(6, entry.step());
            insert.setString(7, entry.outcome());
            nullable(insert, 8, entry.reason());
            nullable(insert, 9, entry.reference());
            insert.setInt(10, entry.round());
            nullable(insert, 11, processInstanceId);
            EngineTransaction.changed();
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("append to the audit trail of programming " + entry.protocolId(), e);
        }
    }

    /**
     * The entries of a programming, oldest first.
     *
     * @param plan the plan
     * @param programmingId the programming
     * @return the entries
     */
    public static List<AuditEntry> of(PlanId plan, String programmingId) {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT programming_id, occurred_at, actor_user, actor_organisation, step, outcome, reason, reference, session_number "
                        + "FROM plie_programming_audit WHERE plan_id = ? AND programming_id = ? ORDER BY id")) {
            select.setString(1, plan.value());
            select.setString(2, programmingId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8), rows.getInt(9)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("read the audit trail of programming " + programmingId, e);
        }
        return List.copyOf(entries);
    }

    private static void nullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
