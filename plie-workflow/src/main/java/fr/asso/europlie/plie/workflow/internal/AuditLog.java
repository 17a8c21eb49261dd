package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.audit.AuditEntry;

import fr.asso.europlie.plie.workflow.internal.EngineTransaction;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail's table {@code plie_audit} (journal d'audit), written in the engine's current
 * transaction so that an entry exists exactly when the step it records happened.
 */
public final class AuditLog {

    /**
     * An audit table: the protocols' ({@code plie_audit}) or the programmings'
     * ({@code plie_programming_audit}), which keep the same lines under other column names.
     *
     * @param name the table
     * @param subject the column of the protocol's or programming's id
     * @param round the column of the round or committee session
     * @param what how a failure names the subject ("" or "programming ")
     */
    record Table(String name, String subject, String round, String what) {
    }

    /** The protocols' audit trail. */
    static final Table PROTOCOLS = new Table("plie_audit", "protocol_id", "round_number", "");

    private AuditLog() {
    }

    /**
     * Appends an entry in the current engine transaction.
     *
     * @param plan the plan
     * @param entry the entry, not null
     * @param processInstanceId the process instance it belongs to, may be null
     * @throws StoreException when the database fails
     * @throws IllegalStateException outside an engine command
     */
    public static void append(PlanId plan, AuditEntry entry, String processInstanceId) {
        append(PROTOCOLS, plan, entry, processInstanceId);
    }

    static void append(Table table, PlanId plan, AuditEntry entry, String processInstanceId) {
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO " + table.name() + " (" + table.subject() + ", occurred_at, actor_user, actor_organisation, step, "
                        + "outcome, reason, reference, " + table.round() + ", process_instance_id, plan_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, entry.protocolId());
            insert.setObject(2, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
            insert.setString(3, entry.userId());
            nullable(insert, 4, entry.organisation());
            insert.setString(5, entry.step());
            insert.setString(6, entry.outcome());
            nullable(insert, 7, entry.reason());
            nullable(insert, 8, entry.reference());
            insert.setInt(9, entry.round());
            nullable(insert, 10, processInstanceId);
            insert.setString(11, plan.value());
            EngineTransaction.changed();
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("append to the audit trail of " + table.what() + entry.protocolId(), e);
        }
    }

    /**
     * The entries of a protocol, oldest first.
     *
     * @param plan the plan
     * @param protocolId the protocol
     * @return the entries, possibly empty
     */
    public static List<AuditEntry> of(PlanId plan, String protocolId) {
        return query(PROTOCOLS, plan, protocolId, null);
    }

    /**
     * The entries of one process instance, oldest first.
     *
     * @param plan the plan
     * @param protocolId the protocol
     * @param processInstanceId the process instance
     * @return the entries, possibly empty
     */
    public static List<AuditEntry> ofProcess(PlanId plan, String protocolId, String processInstanceId) {
        return query(PROTOCOLS, plan, protocolId, processInstanceId);
    }

    /**
     * Whether an organisation acted on a protocol: some entry of its trail was recorded for it.
     *
     * @param plan the plan
     * @param protocolId the protocol
     * @param organisation the organisation's id
     * @return true when an entry names it
     */
    public static boolean mentions(PlanId plan, String protocolId, String organisation) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT 1 FROM plie_audit WHERE plan_id = ? AND protocol_id = ? AND actor_organisation = ?")) {
            select.setString(1, plan.value());
            select.setString(2, protocolId);
            select.setString(3, organisation);
            select.setMaxRows(1);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new StoreException("read the audit trail of " + protocolId, e);
        }
    }

    static List<AuditEntry> query(Table table, PlanId plan, String subject, String processInstanceId) {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT " + table.subject() + ", occurred_at, actor_user, actor_organisation, step, outcome, reason, reference, "
                        + table.round() + " FROM " + table.name() + " WHERE plan_id = ? AND " + table.subject() + " = ?"
                        + (processInstanceId == null ? "" : " AND process_instance_id = ?") + " ORDER BY id")) {
            select.setString(1, plan.value());
            select.setString(2, subject);
            if (processInstanceId != null) {
                select.setString(3, processInstanceId);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8), rows.getInt(9)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("read the audit trail of " + table.what() + subject, e);
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
