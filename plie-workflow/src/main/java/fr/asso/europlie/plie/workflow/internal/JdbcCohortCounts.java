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
 * current transaction: a referent's caseload spans over a stretch of days are two range reads of
 * the index {@code plie_caseload_span_referent_end} (plan, referent, last day excluded; script
 * {@code V016}): the spans still open, and those that end after the stretch begins, each filtered on
 * its first day, so that neither reads the spans that ended before the stretch (a referent's whole
 * history of assignments); its caseload on a day is the count of the same two ranges. Each is taken
 * after locking the referent's row ({@code plie_referent}) until the transaction ends, so that two
 * designations racing for the last place of a caseload run one after the other and the second sees
 * the first on every day of its span; a person's open period is a look-up by person key in the
 * identities, taken after locking the plan's row ({@code plie_plan}), so that two referrals of one
 * person run one after the other (referrals are few: a plan's referrals are serialised).
 */
public final class JdbcCohortCounts implements CohortCounts {

    /** A referent's open spans, one participant left out: plan, referent, participant. */
    private static final String OPEN_SPANS = "SELECT first_day, end_day FROM plie_caseload_span "
            + "WHERE plan_id = ? AND referent_id = ? AND participant_id <> ? AND end_day IS NULL";
    /** A referent's spans ending after a day, one participant left out: plan, referent, participant, day. */
    private static final String ENDING_SPANS = "SELECT first_day, end_day FROM plie_caseload_span "
            + "WHERE plan_id = ? AND referent_id = ? AND participant_id <> ? AND end_day > ?";

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
        // the open spans and those ending after the day: two ranges of the index on (plan, referent, end)
        try (PreparedStatement count = EngineTransaction.connection().prepareStatement(
                "SELECT COUNT(*) FROM (" + OPEN_SPANS + " AND first_day <= ? UNION ALL " + ENDING_SPANS + " AND first_day <= ?) spans")) {
            String excludedId = excluded == null ? "" : excluded.value();
            count.setString(1, plan.value());
            count.setString(2, referent.value());
            count.setString(3, excludedId);
            count.setDate(4, Date.valueOf(day));
            count.setString(5, plan.value());
            count.setString(6, referent.value());
            count.setString(7, excludedId);
            count.setDate(8, Date.valueOf(day));
            count.setDate(9, Date.valueOf(day));
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
        // the open spans, and those ending after the first day: two ranges of the index on (plan, referent, end), not the
        // referent's whole history; the first day filters the rows they find
        String before = end == null ? "" : " AND first_day < ?";
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                OPEN_SPANS + before + " UNION ALL " + ENDING_SPANS + before)) {
            String excludedId = excluded == null ? "" : excluded.value();
            int p = 1;
            select.setString(p++, plan.value());
            select.setString(p++, referent.value());
            select.setString(p++, excludedId);
            if (end != null) {
                select.setDate(p++, Date.valueOf(end));
            }
            select.setString(p++, plan.value());
            select.setString(p++, referent.value());
            select.setString(p++, excludedId);
            select.setDate(p++, Date.valueOf(from));
            if (end != null) {
                select.setDate(p, Date.valueOf(end));
            }
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
