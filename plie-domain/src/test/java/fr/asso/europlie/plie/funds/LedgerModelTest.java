package fr.asso.europlie.plie.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Model-based property of the ledger in memory: see {@link LedgerModel} for the model, the
 * commands generated and what is checked after every action.
 */
@DisplayName("model-based property of the ledger")
class LedgerModelTest {

    @Test
    @DisplayName("property: the real ledger agrees with the model after every action, invariants hold, balances are sums of movements")
    void ledgerAgreesWithTheModel() {
        qt().withExamples(200)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(LedgerModel.FIELDS, LedgerModel.FIELDS * 40))
                .checkAssert(numbers -> LedgerModel.run(numbers, new InMemory()));
        assertThat(LedgerModel.SEEN).as("outcomes seen").containsKeys(LedgerModel.EXPECTED_OUTCOMES.toArray(String[]::new));
    }

    @Test
    @DisplayName("property: replaying the journal after every action (in place, with running totals) gives the same grant and balances")
    void replayAgreesWithTheModel() {
        qt().withExamples(100)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(LedgerModel.FIELDS, LedgerModel.FIELDS * 40))
                .checkAssert(numbers -> LedgerModel.run(numbers, new Replayed()));
    }

    /**
     * The grant rebuilt from its journal after every command, as a store or a document reader
     * does: the replay keeps envelope and priority totals as it goes, and must decide exactly as
     * applying command by command does.
     */
    private static final class Replayed implements LedgerModel.Ledger {
        private GlobalGrant grant = LedgerModel.initialGrant();

        @Override
        public LedgerResult apply(LedgerCommand command) {
            LedgerResult result = grant.apply(command);
            GlobalGrant applied = result.grant();
            GlobalGrant replayed = GlobalGrant.replay(applied.id(), applied.intermediateBody(), applied.envelopes(),
                    applied.priorities(), applied.journal());
            assertThat(replayed).isEqualTo(applied);
            applied.envelopes().keySet().forEach(key -> assertThat(replayed.balance(key)).isEqualTo(applied.balance(key)));
            grant = replayed;
            return new LedgerResult(replayed, result.movements(), result.replayed());
        }

        @Override
        public GlobalGrant current() {
            return grant;
        }
    }

    /** The grant itself, kept in a field: the immutable ledger with no store. */
    private static final class InMemory implements LedgerModel.Ledger {
        private GlobalGrant grant = LedgerModel.initialGrant();

        @Override
        public LedgerResult apply(LedgerCommand command) {
            GlobalGrant before = grant;
            LedgerResult result = grant.apply(command);
            if (result.replayed()) {
                assertThat(result.grant()).isSameAs(before);
            }
            grant = result.grant();
            return result;
        }

        @Override
        public GlobalGrant current() {
            return grant;
        }
    }
}
