package fr.asso.europlie.plie.workflow.internal;

import static fr.asso.europlie.plie.offer.OfferFixture.OPERATORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.error.ConflictingChangeException;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.ConcurrentProgrammingChangeException;
import fr.asso.europlie.plie.offer.OfferError;
import fr.asso.europlie.plie.offer.OfferFixture;
import fr.asso.europlie.plie.offer.OfferSettings;
import fr.asso.europlie.plie.offer.Operators;
import fr.asso.europlie.plie.offer.Programming;
import fr.asso.europlie.plie.offer.ProgrammingRecord;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.offer.RegionCategory;
import fr.asso.europlie.plie.workflow.ConflictException;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.StoreException;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.programming.ProgrammingAuditEntry;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The programmings kept in the engine's database, store level: a write under a stale revision is
 * a conflict that changes nothing (neither the stored programming nor the audit rows its command
 * wrote before it), and two plans holding the same call id never see each other's programming,
 * trail or global grant.
 */
@DisplayName("the programmings' store: optimistic revisions and plans kept apart, on H2 and PostgreSQL")
class JdbcProgrammingsTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final PlanId OTHER_PLAN = PlanId.of("plie-bergerac");
    private static final CallId CALL = OfferFixture.CALL;

    /** An engine on a test database and a runner that tries each command once, so that a conflict is reported at once. */
    private static final class Store implements AutoCloseable {
        final ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        final PlieEngine engine;
        final CommandRunner runner;
        private final org.flowable.common.engine.impl.interceptor.CommandExecutor executor;

        Store(Databases.Target database) {
            String name = "programmings-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
            engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build();
            executor = ((ProcessEngineConfigurationImpl) ProcessEngines.getProcessEngine(name).getProcessEngineConfiguration())
                    .getCommandExecutor();
            runner = new CommandRunner(executor, 1);
        }

        JdbcProgrammings of(PlanId plan) {
            return new JdbcProgrammings(plan, clock);
        }

        org.flowable.common.engine.impl.interceptor.CommandExecutor executor() {
            return executor;
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

    /** Three successive records of the fixture call's programming: opened, with one application, closed. */
    private record History(ProgrammingRecord opened, ProgrammingRecord submitted, ProgrammingRecord closed) {

        static History of(Operators operators, OfferSettings settings) {
            Programming open = OfferFixture.anOpenProgramming();
            ProgrammingRecord opened = ProgrammingRecord.of(open, operators, settings);
            ProgrammingRecord submitted = opened.next(open.submit(OfferFixture.anOperation("OP-1"), LocalDate.of(2026, 1, 15),
                    operators, settings));
            return new History(opened, submitted, submitted.next(submitted.programming().close()));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an update under a stale revision (read, or held by the command's own lock) is refused as a conflict (PLIE-OFFER-041) and leaves the "
            + "stored programming, its revision, its global grant and its audit rows as they were, the command's own audit row included")
    void staleRevisionRefused(Databases.Kind kind) {
        History round = History.of(OPERATORS, OfferSettings.defaults());
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcProgrammings programmings = store.of(PlanId.DEFAULT);
            store.run(() -> {
                programmings.add(round.opened());
                programmings.recordGlobalGrant(CALL, GlobalGrantId.of("SG-2026"));
                ProgrammingAudit.append(PlanId.DEFAULT, entry("CALL_OPENED", store), null);
            });
            store.run(() -> {
                programmings.update(round.submitted(), 1);
                ProgrammingAudit.append(PlanId.DEFAULT, entry("SUBMISSION", store), null);
            });
            List<ProgrammingAuditEntry> trailBefore = store.inTransaction(() -> ProgrammingAudit.of(PlanId.DEFAULT, CALL.value()));
            assertThat(trailBefore).extracting(ProgrammingAuditEntry::step).containsExactly("CALL_OPENED", "SUBMISSION");

            // computed from revision 1 while the store is at 2; the command wrote an audit row before
            ConflictingChangeException stale = conflict(store, () -> {
                ProgrammingAudit.append(PlanId.DEFAULT, entry("CLOSING", store), null);
                programmings.update(round.opened().next(round.opened().programming().close()), 1);
            });
            assertThat(stale.subjectId()).isEqualTo(CALL.value());
            assertThat(stale.expected()).isOne();
            assertThat(stale.found()).isEqualTo(2);
            // the same, the row locked by the command itself (the revision it read with the lock is checked)
            ConflictingChangeException locked = conflict(store, () -> {
                assertThat(programmings.lock(CALL)).isTrue();
                ProgrammingAudit.append(PlanId.DEFAULT, entry("CLOSING", store), null);
                programmings.update(round.opened().next(round.opened().programming().close()), 1);
            });
            assertThat(locked.expected()).isOne();
            assertThat(locked.found()).isEqualTo(2);
            // a second programming of the same call
            assertThat(conflict(store, () -> programmings.add(ProgrammingRecord.of(OfferFixture.anOpenProgramming(), OPERATORS,
                    OfferSettings.defaults()))).found()).isEqualTo(2);
            // a programming never stored
            ProgrammingRecord elsewhere = History.of(OPERATORS, OfferSettings.defaults()).opened();
            assertThat(conflict(store, () -> store.of(OTHER_PLAN).update(elsewhere.next(elsewhere.programming().close()), 1)).found())
                    .isEqualTo(-1);

            ProgrammingRecord stored = store.inTransaction(() -> programmings.find(CALL)).orElseThrow();
            assertThat(stored.revision()).isEqualTo(2);
            assertThat(stored).isEqualTo(round.submitted());
            assertThat(stored.programming().state()).isEqualTo(ProgrammingState.OPEN);
            assertThat(store.inTransaction(() -> stateColumn(PlanId.DEFAULT))).containsExactly("OPEN");
            assertThat(store.inTransaction(() -> programmings.globalGrant(CALL))).contains(GlobalGrantId.of("SG-2026"));
            assertThat(store.inTransaction(() -> ProgrammingAudit.of(PlanId.DEFAULT, CALL.value()))).isEqualTo(trailBefore);
            assertThat(store.inTransaction(() -> stateColumn(OTHER_PLAN))).isEmpty();

            // under the right revision the same change goes through
            store.run(() -> programmings.update(round.closed(), 2));
            assertThat(store.inTransaction(() -> programmings.find(CALL))).contains(round.closed());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("two plans hold a programming of the same call apart: reads, locks, lists of rows and of audit entries, updates and "
            + "global grants of one never see the other's")
    void plansKeptApart(Databases.Kind kind) {
        History here = History.of(OPERATORS, OfferSettings.defaults());
        OfferSettings otherSettings = OfferSettings.defaults().withOperationCoFinancingRate(RegionCategory.MORE_DEVELOPED, BigDecimal.valueOf(35));
        History there = History.of(Operators.of(OfferFixture.ASSOCIATION), otherSettings);
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            store.engine.registerPlan(OTHER_PLAN, "PLIE du Bergeracois");
            JdbcProgrammings a = store.of(PlanId.DEFAULT);
            JdbcProgrammings b = store.of(OTHER_PLAN);
            store.run(() -> {
                a.add(here.opened());
                a.recordGlobalGrant(CALL, GlobalGrantId.of("SG-A"));
                ProgrammingAudit.append(PlanId.DEFAULT, entry("CALL_OPENED", store), null);
            });

            // the other plan sees nothing of it, and cannot update it
            assertThat(store.inTransaction(() -> b.find(CALL))).isEmpty();
            assertThat(store.inTransaction(() -> b.lock(CALL))).isFalse();
            assertThat(store.inTransaction(() -> b.globalGrant(CALL))).isEmpty();
            assertThat(store.inTransaction(() -> ProgrammingAudit.of(OTHER_PLAN, CALL.value()))).isEmpty();
            assertThat(store.inTransaction(() -> stateColumn(OTHER_PLAN))).isEmpty();
            assertThat(conflict(store, () -> b.update(here.submitted(), 1)).found()).isEqualTo(-1);
            assertThat(store.inTransaction(() -> a.find(CALL))).contains(here.opened());

            // the same call id in the other plan, with its own operators and settings, taken two revisions further
            store.run(() -> {
                b.add(there.opened());
                ProgrammingAudit.append(OTHER_PLAN, entry("CALL_OPENED", store), null);
            });
            store.run(() -> {
                assertThat(b.lock(CALL)).isTrue();
                b.update(there.submitted(), 1);
                b.update(there.closed(), 2);
                b.recordGlobalGrant(CALL, GlobalGrantId.of("SG-B"));
                ProgrammingAudit.append(OTHER_PLAN, entry("CLOSING", store), null);
            });

            assertThat(store.inTransaction(() -> a.find(CALL))).contains(here.opened());
            assertThat(store.inTransaction(() -> b.find(CALL))).contains(there.closed());
            assertThat(store.inTransaction(() -> b.find(CALL)).orElseThrow().operators()).isEqualTo(Operators.of(OfferFixture.ASSOCIATION));
            assertThat(store.inTransaction(() -> b.find(CALL)).orElseThrow().settings()).isEqualTo(otherSettings);
            assertThat(store.inTransaction(() -> a.globalGrant(CALL))).contains(GlobalGrantId.of("SG-A"));
            assertThat(store.inTransaction(() -> b.globalGrant(CALL))).contains(GlobalGrantId.of("SG-B"));
            assertThat(store.inTransaction(() -> stateColumn(PlanId.DEFAULT))).containsExactly("OPEN");
            assertThat(store.inTransaction(() -> stateColumn(OTHER_PLAN))).containsExactly("CLOSED");
            assertThat(store.inTransaction(() -> ProgrammingAudit.of(PlanId.DEFAULT, CALL.value())))
                    .extracting(ProgrammingAuditEntry::step).containsExactly("CALL_OPENED");
            assertThat(store.inTransaction(() -> ProgrammingAudit.of(OTHER_PLAN, CALL.value())))
                    .extracting(ProgrammingAuditEntry::step).containsExactly("CALL_OPENED", "CLOSING");

            // a stale revision in the default plan although the other is at 3: the revision is the plan's own
            ConflictingChangeException stale = conflict(store, () -> a.update(here.closed(), 3));
            assertThat(stale.expected()).isEqualTo(3);
            assertThat(stale.found()).isOne();
            store.run(() -> a.update(here.submitted(), 1));
            assertThat(store.inTransaction(() -> a.find(CALL))).contains(here.submitted());
            assertThat(store.inTransaction(() -> b.find(CALL))).contains(there.closed());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a stale write is a conflict (PLIE-OFFER-041) the command runner retries like the other stores': the next attempt "
            + "reads again and succeeds, with one audit row")
    void conflictRetriedByTheRunner(Databases.Kind kind) {
        History round = History.of(OPERATORS, OfferSettings.defaults());
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcProgrammings programmings = store.of(PlanId.DEFAULT);
            store.run(() -> programmings.add(round.opened()));
            AtomicInteger attempts = new AtomicInteger();
            ProgrammingRecord result = new CommandRunner(store.executor(), 3).run(null, CALL.value(), () -> {
                ProgrammingRecord read = programmings.find(CALL).orElseThrow();
                ProgrammingAudit.append(PlanId.DEFAULT, entry("CLOSING", store), null);
                if (attempts.incrementAndGet() == 1) {
                    // another command, in a transaction of its own (another thread), took an application between this one's read and its write
                    Thread other = new Thread(() -> store.run(() -> programmings.update(round.submitted(), 1)));
                    other.start();
                    try {
                        other.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                ProgrammingRecord next = read.next(read.programming().close());
                programmings.update(next, read.revision());
                return next;
            });
            assertThat(attempts).hasValue(2);
            assertThat(result).isEqualTo(round.closed());
            assertThat(store.inTransaction(() -> programmings.find(CALL))).contains(round.closed());
            assertThat(store.inTransaction(() -> ProgrammingAudit.of(PlanId.DEFAULT, CALL.value())))
                    .extracting(ProgrammingAuditEntry::step).containsExactly("CLOSING");
        }
    }

    /** An audit line of the fixture's programming. */
    private static AuditEntry entry(String step, Store store) {
        return new AuditEntry(CALL.value(), store.clock.instant(), "animatrice.plie", null, step, "DONE", null, null, 0);
    }

    /** Runs a write in a command of its own, which must be refused as a conflict on a programming; the conflict. */
    private static ConflictingChangeException conflict(Store store, Runnable write) {
        ConflictException refused = catchThrowableOfType(ConflictException.class, () -> store.run(write));
        assertThat(refused).as("refused as a conflict").isNotNull();
        assertThat(refused.getSuppressed()).singleElement().isInstanceOf(ConcurrentProgrammingChangeException.class);
        ConflictingChangeException conflict = (ConflictingChangeException) refused.getSuppressed()[0];
        assertThat(conflict.code()).isEqualTo(OfferError.CONCURRENT_CHANGE.code());
        assertThat(conflict.subjectKind()).isEqualTo("programming");
        assertThat(conflict.subjectId()).isEqualTo(CALL.value());
        assertThat(conflict.violation().field()).isEqualTo("programmingId");
        return conflict;
    }

    /** The state column of the plan's programming rows, whatever their call. */
    private static List<String> stateColumn(PlanId plan) {
        List<String> states = new ArrayList<>();
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT state FROM plie_programming WHERE plan_id = ? ORDER BY id")) {
            select.setString(1, plan.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    states.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("read programmings", e);
        }
        return states;
    }
}
