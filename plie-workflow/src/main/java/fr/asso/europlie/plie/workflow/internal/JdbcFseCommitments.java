package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import fr.asso.europlie.plie.workflow.commitment.CommitmentState;
import fr.asso.europlie.plie.workflow.commitment.CommitmentStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each operation of a plan stands in the FSE+ commitment, in table
 * {@code plie_fse_commitment}, on the engine's current transaction: written in the same
 * transaction as the ledger movement that changed it.
 */
public final class JdbcFseCommitments {

    private final PlanId plan;

    /**
     * Creates the store.
     *
     * @param plan the plan, not null
     */
    public JdbcFseCommitments(PlanId plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /**
     * Records an operation's status, replacing the one before.
     *
     * @param status not null
     */
    public void record(CommitmentStatus status) {
        String reason = status.reason().length() > 2000 ? status.reason().substring(0, 2000) : status.reason();
        try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                "UPDATE plie_fse_commitment SET grant_id = ?, state = ?, amount = ?, reason = ?, updated_at = ? "
                        + "WHERE plan_id = ? AND operation_id = ?")) {
            update.setString(1, status.grant().value());
            update.setString(2, status.state().name());
            update.setBigDecimal(3, status.amount().amount());
            update.setString(4, reason);
            update.setObject(5, OffsetDateTime.ofInstant(status.at(), ZoneOffset.UTC));
            update.setString(6, plan.value());
            update.setString(7, status.operation().value());
            EngineTransaction.changed();
            if (update.executeUpdate() > 0) {
                return;
            }
        } catch (SQLException e) {
            throw new StoreException("update commitment of " + status.operation(), e);
        }
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_fse_commitment (plan_id, operation_id, grant_id, state, amount, reason, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, plan.value());
            insert.setString(2, status.operation().value());
            insert.setString(3, status.grant().value());
            insert.setString(4, status.state().name());
            insert.setBigDecimal(5, status.amount().amount());
            insert.setString(6, reason);
            insert.setObject(7, OffsetDateTime.ofInstant(status.at(), ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("insert commitment of " + status.operation(), e);
        }
    }

    /**
     * An operation's status.
     *
     * @param operation not null
     * @return the status, when the operation was ever reserved, put on the list or refused
     */
    public Optional<CommitmentStatus> find(OperationId operation) {
        return select(" AND operation_id = ?", operation.value()).stream().findFirst();
    }

    /**
     * Every operation's status on a grant, by operation.
     *
     * @param grant not null
     * @return the statuses
     */
    public List<CommitmentStatus> onGrant(GlobalGrantId grant) {
        return select(" AND grant_id = ? ORDER BY operation_id", grant.value());
    }

    /**
     * The operations waiting for money on a grant, the longest waiting first.
     *
     * @param grant not null
     * @return their statuses
     */
    public List<CommitmentStatus> waiting(GlobalGrantId grant) {
        return select(" AND grant_id = ? AND state = 'WAITING' ORDER BY updated_at, operation_id", grant.value());
    }

    private List<CommitmentStatus> select(String where, String value) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT operation_id, grant_id, state, amount, reason, updated_at FROM plie_fse_commitment WHERE plan_id = ?" + where)) {
            select.setString(1, plan.value());
            select.setString(2, value);
            try (ResultSet rows = select.executeQuery()) {
                List<CommitmentStatus> statuses = new ArrayList<>();
                while (rows.next()) {
                    statuses.add(new CommitmentStatus(OperationId.of(rows.getString(1)), GlobalGrantId.of(rows.getString(2)),
                            CommitmentState.valueOf(rows.getString(3)), Money.of(rows.getBigDecimal(4)), rows.getString(5),
                            rows.getObject(6, OffsetDateTime.class).toInstant()));
                }
                return statuses;
            }
        } catch (SQLException e) {
            throw new StoreException("read commitments", e);
        }
    }
}
