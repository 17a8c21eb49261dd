package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.offer.OperationId;
import java.time.Instant;

/** The checks common to every ledger command. */
final class LedgerCommands {

    private LedgerCommands() {
    }

    static Require check(IdempotencyKey key, OperationId operation, String actor, Instant at, String reason) {
        return new Require().present("key", key).present("operation", operation).present("actor", actor).present("at", at)
                .present("reason", reason);
    }
}
