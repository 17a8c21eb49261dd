package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referents;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The referents of a plan in the engine's database (référents en base), table
 * {@code plie_referent}, in the current transaction. A referent's row is also the lock that
 * serialises the designations counting its caseload ({@link JdbcCohortCounts}).
 */
public final class JdbcReferents implements Referents {

    private final PlanId plan;

    /**
     * Creates the store.
     *
     * @param plan the plan, not null
     */
    public JdbcReferents(PlanId plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public Optional<Referent> find(ReferentId id) {
        Objects.requireNonNull(id, "id");
        List<Referent> found = select(" AND id = ?", id.value());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public void put(Referent referent) {
        Objects.requireNonNull(referent, "referent");
        boolean known = find(referent.id()).isPresent();
        String sql = known
                ? "UPDATE plie_referent SET employer = ?, full_time_equivalent = ? WHERE plan_id = ? AND id = ?"
                : "INSERT INTO plie_referent (employer, full_time_equivalent, plan_id, id) VALUES (?, ?, ?, ?)";
        try (PreparedStatement write = EngineTransaction.connection().prepareStatement(sql)) {
            write.setString(1, referent.employer().value());
            write.setBigDecimal(2, referent.fullTimeEquivalent());
            write.setString(3, plan.value());
            write.setString(4, referent.id().value());
            EngineTransaction.changed();
            write.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("write referent " + referent.id(), e);
        }
    }

    @Override
    public Collection<Referent> all() {
        return select("", null);
    }

    private List<Referent> select(String condition, String id) {
        List<Referent> referents = new ArrayList<>();
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT id, employer, full_time_equivalent FROM plie_referent WHERE plan_id = ?" + condition + " ORDER BY seq")) {
            select.setString(1, plan.value());
            if (id != null) {
                select.setString(2, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    referents.add(new Referent(ReferentId.of(rows.getString(1)), OrganisationId.of(rows.getString(2)), rows.getBigDecimal(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("read the referents of plan " + plan, e);
        }
        return List.copyOf(referents);
    }
}
