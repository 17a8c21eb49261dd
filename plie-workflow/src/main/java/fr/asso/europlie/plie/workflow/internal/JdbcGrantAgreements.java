package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.error.ConflictingChangeException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GrantAgreement;
import fr.asso.europlie.plie.funds.GrantAgreementId;
import fr.asso.europlie.plie.funds.GrantAgreements;
import fr.asso.europlie.plie.json.funds.GrantAgreementJson;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The grant agreements of a plan kept in the engine's database (conventions en base), the
 * persistent implementation of the domain's {@link GrantAgreements} port: table
 * {@code plie_grant_agreement} holds one row per agreement with its JSON document
 * ({@link GrantAgreementJson}, every version) and its revision (the number of versions), one
 * agreement per operation of the plan. Every read and write runs on the engine's current
 * transaction ({@link EngineTransaction}), so an agreement is stored or amended with the ledger
 * movement that backs it, or not at all.
 *
 * <p>Writes are optimistic, as the port says: an update names the revision it was computed from,
 * must extend the stored agreement by its amendments, and is refused ({@code PLIE-FUNDS-036},
 * retried by the {@link CommandRunner}) otherwise; nothing is written then.
 */
public final class JdbcGrantAgreements implements GrantAgreements {

    /** The SQL state of a unique-key violation (the same on H2 and PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final PlanId plan;
    private final Clock clock;

    /**
     * Creates the store.
     *
     * @param plan the plan whose agreements these are, not null
     * @param clock the clock that stamps rows, not null
     */
    public JdbcGrantAgreements(PlanId plan, Clock clock) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<GrantAgreement> find(GrantAgreementId id) {
        Objects.requireNonNull(id, "id");
        return row("id", id.value()).map(Row::document).map(GrantAgreementJson::read);
    }

    @Override
    public Optional<GrantAgreement> ofOperation(OperationId operation) {
        Objects.requireNonNull(operation, "operation");
        return row("operation_id", operation.value()).map(Row::document).map(GrantAgreementJson::read);
    }

    @Override
    public void add(GrantAgreement agreement) {
        Objects.requireNonNull(agreement, "agreement");
        Optional<Long> earlier = earlier(agreement);
        if (earlier.isPresent()) {
            throw conflict(agreement.id(), -1, earlier.get());
        }
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_grant_agreement (plan_id, id, operation_id, operator, intermediate_body, revision, document, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, plan.value());
            insert.setString(2, agreement.id().value());
            insert.setString(3, agreement.operation().value());
            insert.setString(4, agreement.operator().value());
            insert.setString(5, agreement.intermediateBody().value());
            insert.setLong(6, agreement.versions().size());
            insert.setString(7, GrantAgreementJson.writeCompact(agreement));
            insert.setObject(8, now());
            EngineTransaction.changed();
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // another transaction stored an agreement with this id or for this operation meanwhile
                throw conflict(agreement.id(), -1, agreement.versions().size());
            }
            throw new StoreException("insert grant agreement " + agreement.id(), e);
        }
    }

    @Override
    public void update(GrantAgreement agreement, long readRevision) {
        Objects.requireNonNull(agreement, "agreement");
        Row stored = row("id", agreement.id().value()).orElseThrow(() -> conflict(agreement.id(), readRevision, -1));
        if (stored.revision() != readRevision || !GrantAgreements.extendsStored(GrantAgreementJson.read(stored.document()), agreement)) {
            throw conflict(agreement.id(), readRevision, stored.revision());
        }
        int updated;
        try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                "UPDATE plie_grant_agreement SET revision = ?, document = ?, updated_at = ? WHERE plan_id = ? AND id = ? AND revision = ?")) {
            update.setLong(1, agreement.versions().size());
            update.setString(2, GrantAgreementJson.writeCompact(agreement));
            update.setObject(3, now());
            update.setString(4, plan.value());
            update.setString(5, agreement.id().value());
            update.setLong(6, readRevision);
            EngineTransaction.changed();
            updated = update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update grant agreement " + agreement.id(), e);
        }
        if (updated == 0) {
            throw conflict(agreement.id(), readRevision, row("id", agreement.id().value()).map(Row::revision).orElse(-1L));
        }
    }

    /**
     * Locks an operation's agreement row until the current transaction ends, so that two
     * amendments of one agreement run one after the other (the revision check stays as a safety net).
     *
     * @param operation the operation, not null
     * @return true when the operation has an agreement (now locked)
     */
    public boolean lock(OperationId operation) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision FROM plie_grant_agreement WHERE plan_id = ? AND operation_id = ? FOR UPDATE")) {
            select.setString(1, plan.value());
            select.setString(2, operation.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new StoreException("lock grant agreement of " + operation, e);
        }
    }

    /** A conflict the {@link CommandRunner} retries in a fresh transaction, as it does the other stores' (marked {@link ConflictingChangeException}). */
    private static RuleViolationException conflict(GrantAgreementId id, long expected, long found) {
        return new ConflictingChangeException(FundsError.AGREEMENT_CONCURRENT_CHANGE, "grantAgreement", "grantAgreementId", id, expected,
                found);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private record Row(long revision, String document) {
    }

    /** The revision of a row of this plan under the agreement's id or for its operation, in one statement. */
    private Optional<Long> earlier(GrantAgreement agreement) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision FROM plie_grant_agreement WHERE plan_id = ? AND (id = ? OR operation_id = ?)")) {
            select.setString(1, plan.value());
            select.setString(2, agreement.id().value());
            select.setString(3, agreement.operation().value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read grant agreement " + agreement.id(), e);
        }
    }

    /** The row whose column (a fixed name of this class, never input) holds a value, in this plan. */
    private Optional<Row> row(String column, String value) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision, document FROM plie_grant_agreement WHERE plan_id = ? AND " + column + " = ?")) {
            select.setString(1, plan.value());
            select.setString(2, value);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Row(rows.getLong(1), rows.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read grant agreement " + value, e);
        }
    }
}
