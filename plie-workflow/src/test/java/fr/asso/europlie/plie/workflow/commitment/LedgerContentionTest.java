package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.funds.EnvelopeBalance;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.funds.MovementKind;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.internal.CommitmentLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No over-commitment under contention (PROCESSES.md "What every process guarantees"): many
 * operations reserve and commit against one envelope at once, from 8 threads on one engine and
 * from two engines on the same PostgreSQL database. Whatever the interleaving, reservations plus
 * commitments never exceed the envelope, and every operation ends committed, waiting or refused
 * with a recorded reason.
 */
@DisplayName("operations reserving and committing against one envelope at once never over-commit it")
class LedgerContentionTest {

    private static final EnvelopeKey ENVELOPE = EnvelopeKey.of("1", "h", 2026);
    private static final Money AMOUNT = Money.euros(100_000);
    private static final GlobalGrantId GRANT = GlobalGrantId.of("SG-2026");
    private static final int OPERATIONS = 60;
    private static final int THREADS = 8;

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("60 operations from 8 threads on one engine")
    void eightThreadsOneEngine(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            engine.ledger.addGrant(Grants.of(GRANT, OrganisationId.of("OI"), Map.of(ENVELOPE, AMOUNT)));
            run(kind + ", one engine", List.of(engine.ledger, engine.ledger));
            check(engine.ledger, kind + ", one engine");
        }
    }

    @Test
    @DisplayName("60 operations from 8 threads on two engines sharing one PostgreSQL database")
    void twoEnginesOnePostgresql() throws Exception {
        try (Databases.Target database = Databases.postgres(); LedgerEngine one = new LedgerEngine(database);
                LedgerEngine two = new LedgerEngine(database)) {
            one.ledger.addGrant(Grants.of(GRANT, OrganisationId.of("OI"), Map.of(ENVELOPE, AMOUNT)));
            run("PostgreSQL, two engines", List.of(one.ledger, two.ledger));
            check(one.ledger, "PostgreSQL, two engines");
            assertThat(two.ledger.grant(GRANT)).isEqualTo(one.ledger.grant(GRANT));
        }
    }

    /** Each operation asks 3 000 to 4 950 €: together about twice the envelope, so the last ones cannot all be covered. */
    private static Money asked(int i) {
        return Money.euros(3_000 + (i * 37 % 40) * 50L);
    }

    private static void run(String where, List<CommitmentLedger> engines) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < OPERATIONS; i++) {
                final int n = i;
                CommitmentLedger ledger = engines.get(n % engines.size());
                done.add(threads.submit(() -> {
                    OperationId operation = OperationId.of("OP-" + n);
                    WhenUncovered choice = WhenUncovered.values()[n % 3];
                    CommitmentStatus reserved = ledger.reserve(GRANT, operation, ENVELOPE, asked(n), "instructeur." + n, choice,
                            IdempotencyKey.of("reserve-" + n));
                    // a retry of the same reservation (a lost answer) is applied once
                    ledger.reserve(GRANT, operation, ENVELOPE, asked(n), "instructeur." + n, choice, IdempotencyKey.of("reserve-" + n));
                    if (reserved.state() == CommitmentState.RESERVED) {
                        if (n % 10 == 7) {
                            // the instructor may not commit his own operation: refused, nothing changes
                            try {
                                ledger.commit(GRANT, operation, reserved.amount(), eligible(reserved.amount()), " INSTRUCTEUR." + n, IdempotencyKey.of("self-" + n));
                                throw new AssertionError("the instructor committed " + operation);
                            } catch (RuleViolationException e) {
                                assertThat(e.violations()).anyMatch(v -> v.code() == FundsError.SEPARATION_OF_FUNCTIONS);
                            }
                        }
                        ledger.commit(GRANT, operation, reserved.amount(), eligible(reserved.amount()), "gestionnaire." + (n % 3), IdempotencyKey.of("commit-" + n));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void check(CommitmentLedger ledger, String where) {
        GlobalGrant grant = ledger.grant(GRANT).orElseThrow();
        EnvelopeBalance balance = grant.balance(ENVELOPE);
        List<CommitmentStatus> statuses = ledger.statuses(GRANT);
        Money committed = Money.sum(statuses.stream().filter(s -> s.state() == CommitmentState.COMMITTED).map(CommitmentStatus::amount)
                .toList());
        long waiting = statuses.stream().filter(s -> s.state() == CommitmentState.WAITING).count();
        long refused = statuses.stream().filter(s -> s.state() == CommitmentState.REFUSED).count();
        long committedCount = statuses.stream().filter(s -> s.state() == CommitmentState.COMMITTED).count();
        System.out.printf("contention (%s): %d operations, %d threads, committed %s € (%d operations), %d waiting, %d refused, envelope %s €%n",
                where, OPERATIONS, THREADS, committed, committedCount, waiting, refused, balance.amount());

        assertThat(statuses).hasSize(OPERATIONS);
        assertThat(statuses).allSatisfy(s -> {
            assertThat(s.state()).isIn(CommitmentState.COMMITTED, CommitmentState.WAITING, CommitmentState.REFUSED);
            assertThat(s.reason()).isNotBlank();
        });
        assertThat(statuses).filteredOn(s -> s.state() != CommitmentState.COMMITTED)
                .allSatisfy(s -> assertThat(s.reason()).contains("ne couvre pas"));
        // never over the envelope; nothing left reserved; the ledger and the statuses agree to the cent
        assertThat(balance.committed().plus(balance.reserved()).isGreaterThan(balance.amount())).isFalse();
        assertThat(balance.reserved()).isEqualTo(Money.ZERO);
        assertThat(balance.committed()).isEqualTo(committed);
        assertThat(Money.sum(grant.movements().stream().filter(m -> m.kind() == MovementKind.COMMITMENT).map(m -> m.amount()).toList()))
                .isEqualTo(committed);
        // one reservation and one commitment per committed operation: the retries were applied once
        assertThat(grant.journal()).hasSize((int) (2 * committedCount));
        // contention did happen: the envelope could not cover every operation
        assertThat(waiting + refused).isPositive();
        assertThat(committedCount).isGreaterThan(OPERATIONS / 3);
    }

    /** An eligible cost of twice the amount: a 50 % share, within the priority's rate. */
    private static fr.asso.europlie.plie.money.Money eligible(fr.asso.europlie.plie.money.Money amount) {
        return fr.asso.europlie.plie.money.Money.ofCents(2 * amount.cents());
    }
}
