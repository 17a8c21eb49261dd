package fr.asso.europlie.plie.funds;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.funds.FundsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the in-memory store of global grants")
class InMemoryGlobalGrantsTest {

    /** Reads, applies, stores; on a concurrent change reads again and retries. */
    private static String reserveWithRetry(GlobalGrants store, LedgerCommand command) {
        while (true) {
            GlobalGrant read = store.get(aGrant().id());
            LedgerResult result;
            try {
                result = read.apply(command);
            } catch (RuleViolationException refused) {
                return refused.code();
            }
            try {
                store.update(result.grant(), read.revision());
                return "applied";
            } catch (RuleViolationException concurrent) {
                assertThat(concurrent.code()).isEqualTo("PLIE-FUNDS-028");
            }
        }
    }

    @Test
    @DisplayName("two reservations of the last euros at once: one is applied, the other refused, the envelope never over-committed")
    void lastEurosReservedOnce() throws Exception {
        InMemoryGlobalGrants store = new InMemoryGlobalGrants();
        store.add(aGrant().apply(reserve(OP, 90_000)).grant());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String id : List.of("OP-X", "OP-Y")) {
            LedgerCommand command = reserve(OperationId.of(id), 10_000);
            Callable<String> task = () -> {
                start.await();
                return reserveWithRetry(store, command);
            };
            outcomes.add(pool.submit(task));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();
        assertThat(results).containsExactlyInAnyOrder("applied", "PLIE-FUNDS-004");
        GlobalGrant stored = store.get(aGrant().id());
        assertThat(stored.balance(Y2026).available()).isEqualTo(Money.ZERO);
        assertThat(stored.revision()).isEqualTo(2);
    }

    @Test
    @DisplayName("an update computed from an old revision is refused and changes nothing")
    void staleUpdateRefused() {
        InMemoryGlobalGrants store = new InMemoryGlobalGrants();
        GlobalGrant grant = aGrant();
        store.add(grant);
        store.update(grant.apply(reserve(OP, 1)).grant(), 0);
        assertRefused(() -> store.update(grant.apply(reserve(OP, 2)).grant(), 0), FundsError.CONCURRENT_CHANGE, "globalGrantId",
                "SG-OI-PERIGUEUX");
        assertThat(store.get(grant.id()).balance(Y2026).reserved()).isEqualTo(Money.euros(1));
        assertRefused(() -> store.add(grant), FundsError.CONCURRENT_CHANGE, "globalGrantId", "SG-OI-PERIGUEUX");
        assertRefused(() -> store.get(GlobalGrantId.of("SG-X")), FundsError.NOT_FOUND, "globalGrantId", "SG-X");
    }
}
