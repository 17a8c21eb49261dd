package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import java.time.Instant;

/**
 * One movement of the global grant's ledger (mouvement): what moved, for which operation and
 * envelope, how much, who did it, when, why, under which idempotency key. Movements are never
 * changed or removed; balances are their sums.
 *
 * @param sequence the movement's number in the ledger, from 1
 * @param kind what moved, not null
 * @param paymentKind the kind of payment, null unless a payment
 * @param operation the operation, not null
 * @param envelope the envelope, not null
 * @param amount the amount, above zero
 * @param actor the person who acted, not blank
 * @param at when, not null
 * @param reason why, not blank
 * @param key the idempotency key of the command that made it, not null
 */
public record Movement(long sequence, MovementKind kind, PaymentKind paymentKind, OperationId operation, EnvelopeKey envelope,
        Money amount, String actor, Instant at, String reason, IdempotencyKey key) {

    /**
     * Checks the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException naming every bad component
     */
    public Movement {
        new Require().present("kind", kind).present("operation", operation).present("envelope", envelope)
                .positive("amount", amount).present("actor", actor).present("at", at).present("reason", reason)
                .present("key", key).orThrow();
    }
}
