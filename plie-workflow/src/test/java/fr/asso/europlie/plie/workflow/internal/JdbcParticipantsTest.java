package fr.asso.europlie.plie.workflow.internal;

import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static fr.asso.europlie.plie.cohort.CohortFixture.BRUNO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ParticipantVersion;
import fr.asso.europlie.plie.cohort.PersonalData;
import fr.asso.europlie.plie.error.ConflictingChangeException;
import fr.asso.europlie.plie.workflow.ConflictException;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.StoreException;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the participants' store: optimistic revisions and plans kept apart, on H2 and PostgreSQL")
class JdbcParticipantsTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final LocalDate ENTRY = LocalDate.of(2026, 3, 2);
    private static final PlanId OTHER_PLAN = PlanId.of("plie-bergerac");

    /** An engine on a test database and a runner that tries each command once, so that a conflict is reported at once. */
    private static final class Store implements AutoCloseable {
        final ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        final PlieEngine engine;
        final CommandRunner runner;

        Store(Databases.Target database) {
            String name = "participants-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
            engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build();
            runner = new CommandRunner(((ProcessEngineConfigurationImpl) ProcessEngines.getProcessEngine(name)
                    .getProcessEngineConfiguration()).getCommandExecutor(), 1);
        }

        JdbcParticipants of(PlanId plan) {
            return new JdbcParticipants(plan, clock, CohortFixture.PUBLICS);
        }

        <T> T inTransaction(Supplier<T> body) {
            return runner.run(null, "test", body);
        }

        void run(Runnable body) {
            inTransaction(() -> {
                body.run();
                return null;
            });
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    /** Three successive states of one participant: entered with Alice, handed over to Bruno, left. */
    private record History(Participant entered, Participant handedOver, Participant left) {

        static History of(String name) {
            Cohort cohort = CohortFixture.aCohort();
            ParticipantId id = CohortFixture.anEnteredJobseeker(cohort, name, ENTRY, ALICE);
            Participant entered = cohort.participant(id).orElseThrow();
            cohort.reassignReferent(id, BRUNO, ENTRY.plusMonths(1), null);
            Participant handedOver = cohort.participant(id).orElseThrow();
            cohort.exit(id, ENTRY.plusMonths(2), ExitReason.MOVED_AWAY, null);
            return new History(entered, handedOver, cohort.participant(id).orElseThrow());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an update under a stale revision is refused (PLIE-COHORT-040) and leaves the stored participant, its revision and its caseload as they were")
    void staleRevisionRefused(Databases.Kind kind) {
        History martin = History.of("Martin");
        ParticipantId id = martin.entered().id();
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcParticipants participants = store.of(PlanId.DEFAULT);
            store.run(() -> participants.add(martin.entered()));
            store.run(() -> participants.update(martin.handedOver(), 1));
            List<String> spansBefore = store.inTransaction(() -> spans(PlanId.DEFAULT, id));
            assertThat(spansBefore).hasSize(2);

            ConflictException refused = catchThrowableOfType(ConflictException.class,
                    () -> store.run(() -> participants.update(martin.left(), 1)));

            ConflictingChangeException conflict = (ConflictingChangeException) refused.getSuppressed()[0];
            assertThat(conflict.code()).isEqualTo(CohortError.CONCURRENT_CHANGE.code());
            assertThat(conflict.subjectId()).isEqualTo(id.value());
            assertThat(conflict.expected()).isOne();
            assertThat(conflict.found()).isEqualTo(2);
            ParticipantVersion stored = store.inTransaction(() -> participants.find(id)).orElseThrow();
            assertThat(stored.revision()).isEqualTo(2);
            assertThat(stored.participant()).isEqualTo(martin.handedOver());
            assertThat(stored.participant().isOpen()).isTrue();
            assertThat(store.inTransaction(() -> spans(PlanId.DEFAULT, id))).isEqualTo(spansBefore);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a stale update rolls back the whole command: what the command wrote before it is not stored either")
    void staleRevisionRollsTheCommandBack(Databases.Kind kind) {
        History martin = History.of("Martin");
        History durand = History.of("Durand");
        Participant other = withId(durand.entered(), "P-2");
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcParticipants participants = store.of(PlanId.DEFAULT);
            store.run(() -> participants.add(martin.entered()));

            catchThrowableOfType(ConflictException.class, () -> store.run(() -> {
                participants.add(other);
                participants.update(martin.handedOver(), 7);
            }));

            assertThat(store.inTransaction(participants::count)).isOne();
            assertThat(store.inTransaction(() -> participants.find(other.id()))).isEmpty();
            assertThat(store.inTransaction(() -> participants.find(martin.entered().id())))
                    .contains(new ParticipantVersion(martin.entered(), 1));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an update of a participant the store does not hold is refused (found revision -1) and stores nothing")
    void updateOfAnAbsentParticipantRefused(Databases.Kind kind) {
        History martin = History.of("Martin");
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcParticipants participants = store.of(PlanId.DEFAULT);

            ConflictException refused = catchThrowableOfType(ConflictException.class,
                    () -> store.run(() -> participants.update(martin.handedOver(), 1)));

            assertThat(((ConflictingChangeException) refused.getSuppressed()[0]).found()).isEqualTo(-1);
            assertThat(store.inTransaction(participants::count)).isZero();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("two plans hold the same participant id apart: reads, counts, pages, updates and removals of one never see the other")
    void plansKeptApart(Databases.Kind kind) {
        History martin = History.of("Martin");
        History durand = History.of("Durand");
        ParticipantId id = martin.entered().id();
        Participant inOther = durand.handedOver();
        assertThat(inOther.id()).isEqualTo(id);
        Participant second = withId(durand.entered(), "P-2");
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcParticipants here = store.of(PlanId.DEFAULT);
            JdbcParticipants there = store.of(OTHER_PLAN);
            store.run(() -> {
                here.add(martin.entered());
                here.add(second);
                there.add(inOther);
            });

            assertThat(store.inTransaction(here::count)).isEqualTo(2);
            assertThat(store.inTransaction(there::count)).isOne();
            assertThat(store.inTransaction(() -> here.find(id))).contains(new ParticipantVersion(martin.entered(), 1));
            assertThat(store.inTransaction(() -> there.lock(id))).contains(new ParticipantVersion(inOther, 1));
            assertThat(store.inTransaction(() -> there.find(second.id()))).isEmpty();
            assertThat(store.inTransaction(() -> all(there))).containsExactly(inOther);
            assertThat(store.inTransaction(() -> all(here))).containsExactly(martin.entered(), second);
            List<String> spansThere = store.inTransaction(() -> spans(OTHER_PLAN, id));
            assertThat(spansThere).hasSize(2);

            store.run(() -> here.update(martin.handedOver(), 1));
            store.run(() -> here.update(martin.left(), 2));

            assertThat(store.inTransaction(() -> there.find(id))).contains(new ParticipantVersion(inOther, 1));
            assertThat(store.inTransaction(() -> spans(OTHER_PLAN, id))).isEqualTo(spansThere);
            store.run(() -> there.update(durand.left(), 1));
            assertThat(store.inTransaction(() -> here.find(id))).contains(new ParticipantVersion(martin.left(), 3));

            List<String> spansHere = store.inTransaction(() -> spans(PlanId.DEFAULT, id));
            assertThat(store.inTransaction(() -> there.remove(id))).isTrue();
            assertThat(store.inTransaction(() -> there.remove(second.id()))).isFalse();
            assertThat(store.inTransaction(there::count)).isZero();
            assertThat(store.inTransaction(() -> spans(OTHER_PLAN, id))).isEmpty();
            assertThat(store.inTransaction(here::count)).isEqualTo(2);
            assertThat(store.inTransaction(() -> here.find(id))).contains(new ParticipantVersion(martin.left(), 3));
            assertThat(store.inTransaction(() -> spans(PlanId.DEFAULT, id))).isEqualTo(spansHere).isNotEmpty();
        }
    }

    /** Participants P-0 to P-(count - 1), cycling through the three states of a history (one, two and two closed spans). */
    private static List<Participant> many(int count) {
        History history = History.of("Martin");
        Participant[] states = {history.entered(), history.handedOver(), history.left()};
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            participants.add(withId(states[i % 3], "P-" + i));
        }
        return participants;
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("addAll stores what add stores one by one, across several batches, the same ids stored in another plan: the same participants in the same order, at revision 1, the same caseload rows")
    void addAllStoresWhatAddStores(Databases.Kind kind) {
        List<Participant> participants = many(2 * JdbcParticipants.BATCH + 3);
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcParticipants batched = store.of(PlanId.DEFAULT);
            JdbcParticipants oneByOne = store.of(OTHER_PLAN);
            // One by one first, in the other plan: addAll's lookup must not take those for its own.
            store.run(() -> participants.forEach(oneByOne::add));
            store.run(() -> batched.addAll(participants));

            assertThat(store.inTransaction(() -> all(batched))).isEqualTo(participants);
            assertThat(store.inTransaction(() -> all(oneByOne))).isEqualTo(participants);
            assertThat(store.inTransaction(batched::count)).isEqualTo(participants.size());
            for (Participant participant : List.of(participants.get(0), participants.get(JdbcParticipants.BATCH),
                    participants.get(participants.size() - 1))) {
                assertThat(store.inTransaction(() -> batched.find(participant.id()))).contains(new ParticipantVersion(participant, 1));
            }
            List<String> spans = store.inTransaction(() -> allSpans(PlanId.DEFAULT));
            assertThat(spans).hasSize(participants.stream().mapToInt(p -> p.caseloadSpans().size()).sum())
                    .isEqualTo(store.inTransaction(() -> allSpans(OTHER_PLAN)));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("addAll with one participant stored already, or one id listed twice, is refused as add refuses (PLIE-COHORT-040, that participant named) and stores none of the list")
    void addAllRefusedAsAddIs(Databases.Kind kind) {
        List<Participant> participants = many(JdbcParticipants.BATCH + 10);
        Participant stored = participants.get(JdbcParticipants.BATCH + 5);
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcParticipants here = store.of(PlanId.DEFAULT);
            store.run(() -> here.add(stored));
            List<String> spansBefore = store.inTransaction(() -> allSpans(PlanId.DEFAULT));

            ConflictException refused = catchThrowableOfType(ConflictException.class, () -> store.run(() -> here.addAll(participants)));
            ConflictingChangeException conflict = (ConflictingChangeException) refused.getSuppressed()[0];
            assertThat(conflict.code()).isEqualTo(CohortError.CONCURRENT_CHANGE.code());
            assertThat(conflict.subjectId()).isEqualTo(stored.id().value());
            assertThat(conflict.found()).isOne();

            List<Participant> twice = new ArrayList<>(participants);
            twice.remove(stored);
            twice.add(JdbcParticipants.BATCH + 2, participants.get(3));
            refused = catchThrowableOfType(ConflictException.class, () -> store.run(() -> here.addAll(twice)));
            assertThat(((ConflictingChangeException) refused.getSuppressed()[0]).subjectId()).isEqualTo(participants.get(3).id().value());

            assertThat(store.inTransaction(here::count)).isOne();
            assertThat(store.inTransaction(() -> all(here))).containsExactly(stored);
            assertThat(store.inTransaction(() -> allSpans(PlanId.DEFAULT))).isEqualTo(spansBefore);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a page's identities are read in one query, each participant's from its own plan: the same ids in another plan, with other names, are not taken, and ids without an identity are left out")
    void identitiesOfAPageStayInTheirPlan(Databases.Kind kind) {
        List<ParticipantId> page = new ArrayList<>();
        for (int i = 0; i < JdbcParticipants.PAGE; i++) {
            page.add(ParticipantId.of(String.format("P-%04d", i)));
        }
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcPersonalData here = new JdbcPersonalData(PlanId.DEFAULT);
            JdbcPersonalData other = new JdbcPersonalData(OTHER_PLAN);
            store.run(() -> {
                for (int i = 0; i < page.size(); i++) {
                    // In the other plan every id has an identity; here only the even ones.
                    other.put(page.get(i), PersonalData.of("Autre" + i, "Plan", LocalDate.of(1970, 1, 1)));
                    if (i % 2 == 0) {
                        here.put(page.get(i), PersonalData.of("Nom" + i, "Camille", LocalDate.of(1980, 5, 14)));
                    }
                }
            });

            Map<ParticipantId, PersonalData> found = store.inTransaction(() -> here.findAll(page));

            assertThat(found).hasSize(page.size() / 2);
            for (int i = 0; i < page.size(); i++) {
                if (i % 2 == 0) {
                    assertThat(found.get(page.get(i)).lastName()).isEqualTo("Nom" + i);
                } else {
                    assertThat(found).doesNotContainKey(page.get(i));
                }
            }
            assertThat(store.inTransaction(() -> other.findAll(page.subList(0, 3))).get(page.get(1)).lastName()).isEqualTo("Autre1");
        }
    }

    /** Every caseload row of a plan, as "participant referent first..end", sorted. */
    private static List<String> allSpans(PlanId plan) {
        List<String> spans = new ArrayList<>();
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT participant_id, referent_id, first_day, end_day FROM plie_caseload_span WHERE plan_id = ? "
                        + "ORDER BY participant_id, first_day, referent_id")) {
            select.setString(1, plan.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    spans.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getDate(3) + ".." + rows.getDate(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return spans;
    }

    /** The same participant under another id (its document with the id replaced). */
    private static Participant withId(Participant participant, String id) {
        return new Participant(ParticipantId.of(id), participant.periods());
    }

    private static List<Participant> all(JdbcParticipants store) {
        List<Participant> all = new ArrayList<>();
        store.all().forEach(all::add);
        return all;
    }

    /** A participant's caseload rows in a plan, as "referent first..end", in the order of their first day. */
    private static List<String> spans(PlanId plan, ParticipantId id) {
        List<String> spans = new ArrayList<>();
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT referent_id, first_day, end_day FROM plie_caseload_span WHERE plan_id = ? AND participant_id = ? "
                        + "ORDER BY first_day, referent_id")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    spans.add(rows.getString(1) + " " + rows.getDate(2) + ".." + rows.getDate(3));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("read spans", e);
        }
        return spans;
    }
}
