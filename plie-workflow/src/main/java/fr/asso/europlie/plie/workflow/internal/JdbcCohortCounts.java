package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.cohort.CaseloadSpan;
import fr.asso.europlie.plie.cohort.CohortCounts;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.PersonKey;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The counts of a plan's cohort answered by the engine's database (comptages en base), in the
 * current transaction: a referent's caseload spans over a stretch of days are one range read of the
 * index {@code plie_caseload_span_referent} (plan, referent, first day: the spans that start before
 * the stretch ends, those that end before it begins left out), and its caseload on a day one count
 * over the same index, each taken after locking the referent's row ({@code plie_referent}) until
 * the transaction ends, so that two designations racing for the last place of a caseload run one
 * after the other and the second sees the first on every day of its span; a person's open period
 * is a look-up by person key in the identities, taken after locking the plan's row
 * ({@code plie_plan}), so that two referrals of one person run one after the other (referrals are
 * few: a plan's referrals are serialised).
 */
public final class JdbcCohortCounts implements CohortCounts {

    private final PlanId plan;

    /**
     * Creates the counts.
     *
     * @param plan the plan, not null
     */
    public JdbcCohortCounts(PlanId plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    @Override
    public int caseload(ReferentId referent, LocalDate day, ParticipantId excluded) {
        Objects.requireNonNull(referent, "referent");
        Objects.requireNonNull(day, "day");
        lock("SELECT id FROM plie_referent WHERE plan_id = ? AND id = ? FOR UPDATE", plan.value(), referent.value());
        try (PreparedStatement count = EngineTransaction.connection().prepareStatement(
                "SELECT COUNT(*) FROM plie_caseload_span WHERE plan_id = ? AND referent_id = ? AND first_day <= ? "
                        + "AND (end_day IS NULL OR end_day > ?) AND participant_id <> ?")) {
            count.setString(1, plan.value());
            count.setString(2, referent.value());
            count.setDate(3, Date.valueOf(day));
            count.setDate(4, Date.valueOf(day));
            count.setString(5, excluded == null ? "" : excluded.value());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("count the caseload of referent " + referent, e);
        }
    }

    @Override
    public Optional<ParticipantId> openPeriodOf(PersonKey person, ParticipantId excluded) {
        Objects.requireNonNull(person, "person");
        lock("SELECT id FROM plie_plan WHERE id = ? FOR UPDATE", plan.value());
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT i.participant_id FROM plie_participant_identity i JOIN plie_participant p "
                        + "ON p.plan_id = i.plan_id AND p.id = i.participant_id "
                        + "WHERE i.plan_id = ? AND i.person_key = ? AND p.is_open = TRUE AND i.participant_id <> ? ORDER BY p.seq")) {
            select.setString(1, plan.value());
            select.setString(2, person.value());
            select.setString(3, excluded == null ? "" : excluded.value());
            select.setMaxRows(1);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(ParticipantId.of(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("look up the open periods of a person", e);
        }
    }

    @Override
    public List<CaseloadSpan> caseloadSpans(ReferentId referent, LocalDate from, LocalDate end, ParticipantId excluded) {
        Objects.requireNonNull(referent, "referent");
        Objects.requireNonNull(from, "from");
        lock("SELECT id FROM plie_referent WHERE plan_id = ? AND id = ? FOR UPDATE", plan.value(), referent.value());
        // the index's prefix (plan, referent) and its range on the first day; the end and the participant filter the rows it finds
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT first_day, end_day FROM plie_caseload_span WHERE plan_id = ? AND referent_id = ?"
                        + (end == null ? "" : " AND first_day < ?") + " AND (end_day IS NULL OR end_day > ?) AND participant_id <> ?")) {
            int p = 1;
            select.setString(p++, plan.value());
            select.setString(p++, referent.value());
            if (end != null) {
                select.setDate(p++, Date.valueOf(end));
            }
            select.setDate(p++, Date.valueOf(from));
            select.setString(p, excluded == null ? "" : excluded.value());
            List<CaseloadSpan> spans = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Date last = rows.getDate(2);
                    spans.add(new CaseloadSpan(referent, rows.getDate(1).toLocalDate(), last == null ? null : last.toLocalDate()));
                }
            }
            return spans;
        } catch (SQLException e) {
            throw new StoreException("read the caseload of referent " + referent, e);
        }
    }

    /** Runs a SELECT ... FOR UPDATE: the rows it finds stay locked until the transaction ends. */
    private static void lock(String sql, String... keys) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) {
                select.setString(i + 1, keys[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    // locked
                }
            }
        } catch (SQLException e) {
            throw new StoreException("lock " + String.join("/", keys), e);
        }
    }
}
