package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.error.ConflictingChangeException;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GrantAgreement;
import fr.asso.europlie.plie.funds.GrantAgreementId;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.OperationPeriod;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.ConflictException;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.internal.CommandRunner;
import fr.asso.europlie.plie.workflow.internal.JdbcGrantAgreements;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The grant agreements kept in the engine's database, store level: a round trip gives the same
 * agreement, a stale or re-based write is a conflict that changes nothing (and that the command
 * runner retries), each plan keeps its own agreements.
 */
@DisplayName("the grant agreements kept in the database: round trip, conflicts that change nothing and are retried, plans apart")
class JdbcGrantAgreementsTest {

    private static final OperationPeriod PERIOD = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));

    private static GrantAgreement signed(String id, String operation, long euros) {
        return GrantAgreement.sign(GrantAgreementId.of(id), OperationId.of(operation), OrganisationId.of("ASSO-TREMPLIN"),
                OrganisationId.of("OI-DORDOGNE"), Money.euros(euros), Money.euros(euros * 2), PERIOD, LocalDate.of(2026, 2, 1));
    }

    private static GrantAgreement amended(GrantAgreement agreement, long euros, String reason) {
        return agreement.amend(Money.euros(euros), Money.euros(euros * 2), PERIOD, LocalDate.of(2026, 6, 1), reason, Money.ZERO);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an agreement stored, then amended, reads back equal, by id and by operation")
    void roundTrip(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            JdbcGrantAgreements store = new JdbcGrantAgreements(PlanId.DEFAULT, engine.clock);
            GrantAgreement first = signed("CONV-1", "OP-1", 6_000);
            engine.inTransaction(() -> {
                store.add(first);
                return null;
            });
            assertThat(engine.inTransaction(() -> store.find(first.id()))).contains(first);
            assertThat(engine.inTransaction(() -> store.ofOperation(OperationId.of("OP-1")))).contains(first);
            assertThat(engine.inTransaction(() -> store.find(GrantAgreementId.of("CONV-2")))).isEmpty();

            GrantAgreement second = amended(first, 5_000, "avenant en baisse");
            engine.inTransaction(() -> {
                assertThat(store.lock(OperationId.of("OP-1"))).isTrue();
                store.update(second, 1);
                return null;
            });
            assertThat(engine.inTransaction(() -> store.find(first.id()))).contains(second);
            assertThat(engine.inTransaction(() -> store.ofOperation(OperationId.of("OP-1")))).contains(second);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the simplified cost options are stored with the agreement and kept by its amendments, never rewritten by an update; "
            + "a row written before they were kept (document without them) reads as none stated and is amended")
    void simplifiedCostOptionsStored(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            JdbcGrantAgreements store = new JdbcGrantAgreements(PlanId.DEFAULT, engine.clock);
            GrantAgreement stating = GrantAgreement.sign(GrantAgreementId.of("CONV-1"), OperationId.of("OP-1"),
                    OrganisationId.of("ASSO-TREMPLIN"), OrganisationId.of("OI-DORDOGNE"), Money.euros(6_000), Money.euros(12_000), PERIOD,
                    LocalDate.of(2026, 2, 1), "forfait 40 % des frais de personnel");
            GrantAgreement lower = amended(stating, 5_000, "avenant en baisse");
            engine.inTransaction(() -> {
                store.add(stating);
                return null;
            });
            assertThat(engine.inTransaction(() -> store.find(stating.id())).orElseThrow().simplifiedCostOptions())
                    .isEqualTo("forfait 40 % des frais de personnel");
            engine.inTransaction(() -> {
                store.update(lower, 1);
                return null;
            });
            assertThat(engine.inTransaction(() -> store.ofOperation(OperationId.of("OP-1")))).contains(lower);
            // an update that rewrites them does not extend the stored agreement
            GrantAgreement rewritten = new GrantAgreement(lower.id(), lower.operation(), lower.operator(), lower.intermediateBody(),
                    amended(lower, 4_000, "suite").versions(), "coûts unitaires");
            assertConflict(engine, () -> store.update(rewritten, 2));
            assertThat(engine.inTransaction(() -> store.find(stating.id()))).contains(lower);

            // a row as stored before: its document has no simplifiedCostOptions member
            GrantAgreement before = signed("CONV-OLD", "OP-OLD", 3_000);
            String document = fr.asso.europlie.plie.json.funds.GrantAgreementJson.write(before);
            assertThat(document).doesNotContain("simplifiedCostOptions");
            engine.inTransaction(() -> {
                try (java.sql.PreparedStatement insert = fr.asso.europlie.plie.workflow.internal.EngineTransaction.connection().prepareStatement(
                        "INSERT INTO plie_grant_agreement (plan_id, id, operation_id, operator, intermediate_body, revision, document, updated_at) "
                                + "VALUES ('default', 'CONV-OLD', 'OP-OLD', 'ASSO-TREMPLIN', 'OI-DORDOGNE', 1, ?, CURRENT_TIMESTAMP)")) {
                    insert.setString(1, document);
                    insert.executeUpdate();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            GrantAgreement read = engine.inTransaction(() -> store.ofOperation(OperationId.of("OP-OLD"))).orElseThrow();
            assertThat(read).isEqualTo(before);
            assertThat(read.simplifiedCostOptions()).isEmpty();
            engine.inTransaction(() -> {
                store.update(amended(read, 2_000, "avenant en baisse"), 1);
                return null;
            });
            assertThat(engine.inTransaction(() -> store.find(GrantAgreementId.of("CONV-OLD"))).orElseThrow().versions()).hasSize(2);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a stale revision, a rewritten history under the right revision, a second agreement of the id or the operation are refused (PLIE-FUNDS-036) and change nothing")
    void staleRevisionRefused(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            JdbcGrantAgreements store = new JdbcGrantAgreements(PlanId.DEFAULT, engine.clock);
            GrantAgreement first = signed("CONV-1", "OP-1", 6_000);
            GrantAgreement second = amended(first, 5_000, "avenant en baisse");
            engine.inTransaction(() -> {
                store.add(first);
                store.update(second, 1);
                return null;
            });

            // computed from revision 1 while the store is at 2
            assertConflict(engine, () -> store.update(amended(first, 4_000, "autre avenant"), 1));
            // the right revision, but its first two versions are not the stored ones
            assertConflict(engine, () -> store.update(amended(amended(first, 4_500, "réécrit"), 4_000, "suite"), 2));
            // the same revision, nothing new
            assertConflict(engine, () -> store.update(second, 2));
            // an agreement never stored
            assertConflict(engine, () -> store.update(amended(signed("CONV-9", "OP-9", 10), 5, "x"), 1));
            // a second agreement under the same id, or for the same operation
            assertConflict(engine, () -> store.add(signed("CONV-1", "OP-2", 1_000)));
            assertConflict(engine, () -> store.add(signed("CONV-2", "OP-1", 1_000)));

            assertThat(engine.inTransaction(() -> store.find(first.id()))).contains(second);
            assertThat(engine.inTransaction(() -> store.find(GrantAgreementId.of("CONV-2")))).isEmpty();
            assertThat(engine.inTransaction(() -> store.ofOperation(OperationId.of("OP-2")))).isEmpty();
            assertThat(engine.inTransaction(() -> store.find(GrantAgreementId.of("CONV-9")))).isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a stale write is a conflict the command runner retries like the other stores': the next attempt reads again and succeeds")
    void conflictRetriedByTheRunner(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            JdbcGrantAgreements store = new JdbcGrantAgreements(PlanId.DEFAULT, engine.clock);
            GrantAgreement first = signed("CONV-1", "OP-1", 6_000);
            engine.inTransaction(() -> {
                store.add(first);
                return null;
            });
            AtomicInteger attempts = new AtomicInteger();
            GrantAgreement result = new CommandRunner(engineExecutor(engine), 3).run(null, "CONV-1", () -> {
                GrantAgreement read = store.find(first.id()).orElseThrow();
                if (attempts.incrementAndGet() == 1) {
                    // another command, in a transaction of its own (another thread), amended it between this one's read and its write
                    Thread other = new Thread(() -> engine.inTransaction(() -> {
                        store.update(amended(first, 5_500, "avenant concurrent"), 1);
                        return null;
                    }));
                    other.start();
                    try {
                        other.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                GrantAgreement next = amended(read, read.current().esfAmount().amount().longValue() - 500, "avenant");
                store.update(next, read.versions().size());
                return next;
            });
            assertThat(attempts).hasValue(2);
            assertThat(result.versions()).hasSize(3);
            assertThat(engine.inTransaction(() -> store.find(first.id()))).contains(result);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("two plans keep their agreements apart, the same id and operation in each")
    void plansApart(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            engine.engine.registerPlan(PlanId.of("plie-b"), "PLIE B");
            JdbcGrantAgreements a = new JdbcGrantAgreements(PlanId.DEFAULT, engine.clock);
            JdbcGrantAgreements b = new JdbcGrantAgreements(PlanId.of("plie-b"), engine.clock);
            GrantAgreement inA = signed("CONV-1", "OP-1", 6_000);
            GrantAgreement inB = signed("CONV-1", "OP-1", 70);
            engine.inTransaction(() -> {
                a.add(inA);
                assertThat(b.find(inA.id())).isEmpty();
                assertThat(b.ofOperation(OperationId.of("OP-1"))).isEmpty();
                assertThat(b.lock(OperationId.of("OP-1"))).isFalse();
                b.add(inB);
                b.update(amended(inB, 60, "avenant B"), 1);
                return null;
            });
            assertThat(engine.inTransaction(() -> a.find(inA.id()))).contains(inA);
            assertThat(engine.inTransaction(() -> b.find(inA.id()))).contains(amended(inB, 60, "avenant B"));
            // a stale revision in A, although B is at 2: the revision is the plan's own
            assertConflict(engine, () -> a.update(amended(inA, 1, "x"), 2));
            assertThat(engine.inTransaction(() -> a.find(inA.id()))).contains(inA);
        }
    }

    private static org.flowable.common.engine.impl.interceptor.CommandExecutor engineExecutor(LedgerEngine engine) {
        return engine.executor();
    }

    private static void assertConflict(LedgerEngine engine, Runnable write) {
        ConflictException conflict = catchThrowableOfType(ConflictException.class, () -> engine.once().run(null, "x", () -> {
            write.run();
            return null;
        }));
        assertThat(conflict).as("refused as a conflict").isNotNull();
        assertThat(conflict.getSuppressed()).singleElement().isInstanceOfSatisfying(ConflictingChangeException.class, e -> {
            assertThat(e.violation().code()).isEqualTo(FundsError.AGREEMENT_CONCURRENT_CHANGE);
            assertThat(e.subjectKind()).isEqualTo("grantAgreement");
        });
    }
}
