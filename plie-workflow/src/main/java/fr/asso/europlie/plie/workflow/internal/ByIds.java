package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.PlanId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A plan's rows for a list of ids in one query, each id looked up in the table's primary key: the
 * ids sent as one array and joined to the table ({@code FROM UNNEST(?) AS k(id) JOIN table t ON
 * t.plan_id = ? AND t.id_column = k.id}). Not {@code plan_id = ? AND id IN (...)}, which H2 looks up
 * on the key's first column only, reading the whole plan, and PostgreSQL too while the table has no
 * statistics (a bulk load's own rows never have any); nor {@code (plan_id, id) IN ((?, ?), ...)},
 * which PostgreSQL without statistics tests on every row of the plan (docs/PERFORMANCE.md
 * section 44). The join keeps the index lookups on both databases, with or without statistics.
 */
final class ByIds {

    /** What is done with each row found. */
    @FunctionalInterface
    interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    private ByIds() {
    }

    /**
     * Runs a query whose first parameter is the ids' array and second the plan, in the command's
     * transaction, and gives each row found to {@code action}.
     *
     * @param sql the query, {@code UNNEST(?)} first
     * @param plan the plan
     * @param ids the ids looked up
     * @param action what is done with each row
     * @throws SQLException when the database refuses the query
     */
    static void select(String sql, PlanId plan, List<String> ids, Row action) throws SQLException {
        Connection connection = EngineTransaction.connection();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("varchar", ids.toArray());
            try {
                select.setArray(1, array);
                select.setString(2, plan.value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        action.accept(rows);
                    }
                }
            } finally {
                array.free();
            }
        }
    }
}
