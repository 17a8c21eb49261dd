package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.internal.CommandRunner;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The check the agreement's signature makes before its process steps when it runs in the
 * application's transaction ({@code CommitmentLedger.checkCommit}): it refuses what the commitment
 * would refuse, with the same rule, and writes nothing; and how a command tells whether the runner
 * opened its transaction ({@link CommandRunner#ownTransaction}).
 */
@DisplayName("the commitment's check before the signature's process steps refuses what the commitment would, and writes nothing")
class CheckCommitTest {

    private static final EnvelopeKey ENVELOPE = EnvelopeKey.of("1", "h", 2026);
    private static final GlobalGrantId GRANT = GlobalGrantId.of("SG-2026");
    private static final OperationId OP = OperationId.of("OP-1");

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a commitment the ledger would accept passes, one it would refuse is refused with its rule, the ledger unchanged")
    void refusesWhatTheCommitmentWould(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            engine.ledger.addGrant(Grants.of(GRANT, OrganisationId.of("OI"), Map.of(ENVELOPE, Money.euros(10_000))));
            engine.ledger.reserve(GRANT, OP, ENVELOPE, Money.euros(1_000), "instructeur.a", WhenUncovered.WAIT,
                    IdempotencyKey.of("OP-1/reserve/0"));
            GlobalGrant before = engine.ledger.grant(GRANT).orElseThrow();

            // accepted: the reservation is what would be committed, nothing written
            assertThat(engine.ledger.checkCommit(GRANT, OP, Money.euros(2_000), "gestionnaire.b", IdempotencyKey.of("OP-1/commit/0")))
                    .isEqualTo(Money.euros(1_000));
            assertThat(engine.ledger.grant(GRANT).orElseThrow()).isEqualTo(before);

            // the instructor may not commit: refused as the commitment refuses it
            assertRule(() -> engine.ledger.checkCommit(GRANT, OP, Money.euros(2_000), " Instructeur.A", IdempotencyKey.of("OP-1/commit/0")),
                    FundsError.SEPARATION_OF_FUNCTIONS);
            assertRule(() -> engine.ledger.commit(GRANT, OP, Money.euros(1_000), Money.euros(2_000), " Instructeur.A",
                    IdempotencyKey.of("OP-1/commit/0")), FundsError.SEPARATION_OF_FUNCTIONS);
            // over the priority's co-financing rate (85 % of 1 000 € of eligible cost)
            assertRule(() -> engine.ledger.checkCommit(GRANT, OP, Money.euros(1_000), "gestionnaire.b", IdempotencyKey.of("OP-1/commit/0")),
                    FundsError.PRIORITY_RATE_EXCEEDED);
            // an unknown operation, an unknown grant
            assertRule(() -> engine.ledger.checkCommit(GRANT, OperationId.of("OP-9"), Money.euros(2_000), "gestionnaire.b",
                    IdempotencyKey.of("OP-9/commit/0")), FundsError.UNKNOWN_OPERATION);
            assertRule(() -> engine.ledger.checkCommit(GlobalGrantId.of("SG-AUTRE"), OP, Money.euros(2_000), "gestionnaire.b",
                    IdempotencyKey.of("OP-1/commit/0")), FundsError.NOT_FOUND);
            assertThat(engine.ledger.grant(GRANT).orElseThrow()).isEqualTo(before);

            // the commitment then made as checked; nothing is left reserved, so a second check is refused (nothing to commit)
            engine.ledger.commit(GRANT, OP, Money.euros(1_000), Money.euros(2_000), "gestionnaire.b", IdempotencyKey.of("OP-1/commit/0"));
            assertThatThrownBy(() -> engine.ledger.checkCommit(GRANT, OP, Money.euros(2_000), "gestionnaire.b",
                    IdempotencyKey.of("OP-1/commit/1"))).isInstanceOf(InvalidValueException.class).hasMessageContaining("PLIE-FUNDS-002");
            assertThat(engine.ledger.grant(GRANT).orElseThrow().journal()).hasSize(2);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a command knows whether the runner opened its transaction: yes in the runner's command and the commands it joins, no outside")
    void ownTransaction(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            assertThat(CommandRunner.ownTransaction()).isFalse();
            assertThat(engine.inTransaction(CommandRunner::ownTransaction)).isTrue();
            assertThat(engine.inTransaction(() -> engine.runner.run(null, "nested", CommandRunner::ownTransaction))).isTrue();
            // a Flowable command of the application's own, which a library command joins
            boolean joined = engine.executor().execute(context -> engine.runner.run(null, "joined", CommandRunner::ownTransaction));
            assertThat(joined).isFalse();
            // a runner whose engine runs inside the application's transaction
            CommandRunner outer = new CommandRunner(engine.executor(), 1, () -> true);
            assertThat(outer.run(null, "outer", CommandRunner::ownTransaction)).isFalse();
        }
    }

    private static void assertRule(Runnable call, FundsError code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.violations()).anyMatch(v -> v.code() == code));
    }
}
