package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.CaseloadSpan;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the caseload counts read by the spans' end (V016) answer what the first-day scan answered, on H2 and PostgreSQL")
class JdbcCohortCountsTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final PlanId OTHER_PLAN = PlanId.of("plie-bergerac");
    private static final LocalDate ORIGIN = LocalDate.of(2020, 1, 1);
    private static final int DAYS = 7 * 365;

    /** One stored span: its plan, participant, referent and days. */
    private record Row(PlanId plan, String participant, String referent, LocalDate first, LocalDate end) {
    }

    /** Years of assignments of three referents, a sixth of them still open, and a few of another plan. */
    private static List<Row> history(Random random) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            LocalDate first = ORIGIN.plusDays(random.nextInt(DAYS));
            LocalDate end = random.nextInt(6) == 0 ? null : first.plusDays(1 + random.nextInt(400));
            PlanId plan = random.nextInt(20) == 0 ? OTHER_PLAN : PlanId.DEFAULT;
            rows.add(new Row(plan, "P-" + random.nextInt(1200), "REF-" + random.nextInt(3), first, end));
        }
        return rows;
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("property: over years of spans, the spans of a stretch (bounded or open-ended) and the caseload of a day are those of the first-day scan and of the spans themselves")
    void sameCounts(Databases.Kind kind) {
        Random random = new Random(12);
        List<Row> rows = history(random);
        String name = "counts-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        try (Databases.Target database = Databases.fresh(kind);
                var engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build()) {
            assertThat(new SchemaMigrations(database.dataSource()).applied()).containsKey(16);
            CommandRunner runner = new CommandRunner(((ProcessEngineConfigurationImpl) ProcessEngines.getProcessEngine(name)
                    .getProcessEngineConfiguration()).getCommandExecutor(), 1);
            inTransaction(runner, () -> {
                insert(rows);
                return null;
            });
            JdbcCohortCounts counts = new JdbcCohortCounts(PlanId.DEFAULT);
            int open = 0;
            int nonEmpty = 0;
            for (int q = 0; q < 300; q++) {
                ReferentId referent = ReferentId.of("REF-" + random.nextInt(4)); // REF-3 has no span
                LocalDate from = ORIGIN.plusDays(random.nextInt(DAYS + 200) - 100);
                LocalDate end = random.nextInt(3) == 0 ? null : from.plusDays(1 + random.nextInt(500));
                ParticipantId excluded = random.nextBoolean() ? null : ParticipantId.of("P-" + random.nextInt(1200));
                List<String> expected = expected(rows, referent, from, end, excluded);
                List<String> found = inTransaction(runner, () -> sorted(counts.caseloadSpans(referent, from, end, excluded)));
                List<String> scanned = inTransaction(runner, () -> firstDayScan(referent, from, end, excluded));
                assertThat(found).as("%s from %s to %s without %s", referent, from, end, excluded).isEqualTo(expected).isEqualTo(scanned);
                int day = inTransaction(runner, () -> counts.caseload(referent, from, excluded));
                assertThat(day).as("caseload of %s on %s without %s", referent, from, excluded)
                        .isEqualTo(expected(rows, referent, from, from.plusDays(1), excluded).size())
                        .isEqualTo(inTransaction(runner, () -> firstDayScan(referent, from, from.plusDays(1), excluded)).size());
                open += end == null ? 1 : 0;
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
            // the examples reach both forms of the query and find spans
            assertThat(open).isGreaterThan(50);
            assertThat(nonEmpty).isGreaterThan(150);
        }
    }

    private static <T> T inTransaction(CommandRunner runner, Supplier<T> body) {
        return runner.run(null, "test", body);
    }

    /** The spans as the in-memory cohort judges them: those of the plan and referent that overlap the days, one participant left out. */
    private static List<String> expected(List<Row> rows, ReferentId referent, LocalDate from, LocalDate end, ParticipantId excluded) {
        List<CaseloadSpan> spans = new ArrayList<>();
        for (Row row : rows) {
            CaseloadSpan span = new CaseloadSpan(ReferentId.of(row.referent()), row.first(), row.end());
            if (row.plan().equals(PlanId.DEFAULT) && row.referent().equals(referent.value())
                    && (excluded == null || !excluded.value().equals(row.participant())) && span.overlaps(from, end)) {
                spans.add(span);
            }
        }
        return sorted(spans);
    }

    private static List<String> sorted(List<CaseloadSpan> spans) {
        return spans.stream().map(s -> s.first() + ".." + s.end()).sorted().toList();
    }

    /** The query before V016: one range of the first-day index, the end filtered on the rows it reads. */
    private static List<String> firstDayScan(ReferentId referent, LocalDate from, LocalDate end, ParticipantId excluded) {
        List<CaseloadSpan> spans = new ArrayList<>();
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT first_day, end_day FROM plie_caseload_span WHERE plan_id = ? AND referent_id = ?"
                        + (end == null ? "" : " AND first_day < ?") + " AND (end_day IS NULL OR end_day > ?) AND participant_id <> ?")) {
            int p = 1;
            select.setString(p++, PlanId.DEFAULT.value());
            select.setString(p++, referent.value());
            if (end != null) {
                select.setDate(p++, Date.valueOf(end));
            }
            select.setDate(p++, Date.valueOf(from));
            select.setString(p, excluded == null ? "" : excluded.value());
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    Date last = found.getDate(2);
                    spans.add(new CaseloadSpan(referent, found.getDate(1).toLocalDate(), last == null ? null : last.toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("scan the spans", e);
        }
        return sorted(spans);
    }

    private static void insert(List<Row> rows) {
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_caseload_span (plan_id, participant_id, referent_id, first_day, end_day) VALUES (?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                insert.setString(1, row.plan().value());
                insert.setString(2, row.participant());
                insert.setString(3, row.referent());
                insert.setDate(4, Date.valueOf(row.first()));
                insert.setDate(5, row.end() == null ? null : Date.valueOf(row.end()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("insert the spans", e);
        }
    }
}
