package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The plans known to the database (table {@code plie_plan}), in the engine's transaction.
 */
public final class PlanRegistry {

    /** The name the upgrade gives the default plan. */
    public static final String DEFAULT_NAME = "PLIE";

    /** The longest plan name. */
    public static final int MAX_NAME = 200;

    private PlanRegistry() {
    }

    /**
     * Refuses a blank or over-long name.
     *
     * @param name the name
     */
    public static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "plan.name", name);
        }
        Limits.text(name.strip(), "plan.name", MAX_NAME);
    }

    /**
     * Registers a plan, or renames it.
     *
     * @param id the plan
     * @param name its name, checked
     * @param now the time of registration
     */
    public static void register(PlanId id, String name, Instant now) {
        try {
            if (name(id).isPresent()) {
                try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                        "UPDATE plie_plan SET name = ? WHERE id = ?")) {
                    update.setString(1, name.strip());
                    update.setString(2, id.value());
                    EngineTransaction.changed();
                    update.executeUpdate();
                }
                return;
            }
            try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                    "INSERT INTO plie_plan (id, name, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, id.value());
                insert.setString(2, name.strip());
                insert.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                EngineTransaction.changed();
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                // Registered by another node meanwhile: a conflict, retried by the command runner.
                throw new fr.asso.europlie.plie.protocol.ConcurrentChangeException(
                        fr.asso.europlie.plie.protocol.ProtocolId.of("plan-" + id.value()), 0, 0);
            }
            throw new StoreException("register plan " + id, e);
        }
    }

    /**
     * A registered plan's name.
     *
     * @param id the plan
     * @return its name, or empty when not registered
     */
    public static Optional<String> name(PlanId id) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT name FROM plie_plan WHERE id = ?")) {
            select.setString(1, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read plan " + id, e);
        }
    }
}
