package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import java.time.Instant;

/**
 * A command on the global grant's ledger (opération sur le grand livre): reserve, release, commit,
 * top up a committed operation, pay, decommit, or record a service-done check. Each says who acts, when (an instant passed in,
 * never read from a clock), why, and carries the idempotency key under which a retry is applied
 * once.
 *
 * <p>Two commands are the same request when they are equal but for their instant: a retry after
 * a failure comes later with the same content.
 */
public sealed interface LedgerCommand {

    /**
     * The idempotency key.
     *
     * @return the key, never null
     */
    IdempotencyKey key();

    /**
     * The operation concerned.
     *
     * @return the operation, never null
     */
    OperationId operation();

    /**
     * The person who acts.
     *
     * @return the actor, never blank
     */
    String actor();

    /**
     * When the command was given.
     *
     * @return the instant, never null
     */
    Instant at();

    /**
     * Why.
     *
     * @return the reason, never blank
     */
    String reason();

    /**
     * The same command at another instant.
     *
     * @param instant not null
     * @return the copy
     */
    LedgerCommand at(Instant instant);

    /**
     * Whether another command is the same request (equal but for the instant).
     *
     * @param other not null
     * @return true for a retry of this command
     */
    default boolean sameRequestAs(LedgerCommand other) {
        return at(Instant.EPOCH).equals(other.at(Instant.EPOCH));
    }

    /**
     * Reserves part of an envelope for an operation, asked by the OI instructor who appraised it
     * (PROCESSES.md C step 2).
     *
     * @param key the idempotency key
     * @param operation the operation
     * @param envelope the envelope of priority, objective and year
     * @param amount the FSE+ amount, above zero
     * @param actor the instructor who appraised the operation and asks the reservation
     * @param at when
     * @param reason why
     */
    record Reserve(IdempotencyKey key, OperationId operation, EnvelopeKey envelope, Money amount, String actor, Instant at,
            String reason) implements LedgerCommand {
        /**
         * Checks the components.
         *
         * @throws InvalidValueException naming every bad component
         */
        public Reserve {
            LedgerCommands.check(key, operation, actor, at, reason).present("envelope", envelope).positive("amount", amount).orThrow();
        }

        @Override
        public Reserve at(Instant instant) {
            return new Reserve(key, operation, envelope, amount, actor, instant, reason);
        }
    }

    /**
     * Releases part of an operation's reservation back to its envelope.
     *
     * @param key the idempotency key
     * @param operation the operation
     * @param amount the amount, above zero
     * @param actor who
     * @param at when
     * @param reason why
     */
    record Release(IdempotencyKey key, OperationId operation, Money amount, String actor, Instant at, String reason)
            implements LedgerCommand {
        /**
         * Checks the components.
         *
         * @throws InvalidValueException naming every bad component
         */
        public Release {
            LedgerCommands.check(key, operation, actor, at, reason).positive("amount", amount).orThrow();
        }

        @Override
        public Release at(Instant instant) {
            return new Release(key, operation, amount, actor, instant, reason);
        }
    }

    /**
     * Commits an amount to an operation from its reservation, decided by the OI manager; what is
     * left of the reservation goes back to the envelope. On an operation already committed, it
     * commits the raise its {@link TopUp} reserved (the eligible cost then replaces the earlier one);
     * without such a reservation it is refused ({@code PLIE-FUNDS-008}).
     *
     * @param key the idempotency key
     * @param operation the operation
     * @param amount the amount committed, above zero, at most the reservation
     * @param eligibleCost the operation's total eligible cost (the grant agreement's), above zero and
     *     at least the amount: the base of the priority's co-financing rate (art. 112)
     * @param actor the manager who decides, who must not have appraised the operation
     * @param at when
     * @param reason why (the grant agreement, the committee's opinion)
     */
    record Commit(IdempotencyKey key, OperationId operation, Money amount, Money eligibleCost, String actor, Instant at, String reason)
            implements LedgerCommand {
        /**
         * Checks the components.
         *
         * @throws InvalidValueException naming every bad component; {@code PLIE-FUNDS-023} when the
         *     amount is above the eligible cost
         */
        public Commit {
            Require require = LedgerCommands.check(key, operation, actor, at, reason).positive("amount", amount)
                    .positive("eligibleCost", eligibleCost);
            if (amount != null && eligibleCost != null && amount.isGreaterThan(eligibleCost)) {
                require.add(Violation.of(FundsError.AMOUNT_OVER_COST, "amount", amount, eligibleCost));
            }
            require.orThrow();
        }

        @Override
        public Commit at(Instant instant) {
            return new Commit(key, operation, amount, eligibleCost, actor, instant, reason);
        }
    }

    /**
     * Reserves a raise of a committed operation's FSE+ amount in its envelope (complément de
     * réservation): an amendment that raises the grant agreement goes back through reservation, the
     * difference reserved here (refused, nothing changed, when the envelope cannot cover it) and
     * then committed by a {@link Commit} of the OI manager, or given back by a {@link Release}.
     *
     * @param key the idempotency key
     * @param operation the operation, committed
     * @param amount the raise, above zero
     * @param actor the instructor who appraised the raise
     * @param at when
     * @param reason why (the amendment asked, the programming's raise)
     */
    record TopUp(IdempotencyKey key, OperationId operation, Money amount, String actor, Instant at, String reason)
            implements LedgerCommand {
        /**
         * Checks the components.
         *
         * @throws InvalidValueException naming every bad component
         */
        public TopUp {
            LedgerCommands.check(key, operation, actor, at, reason).positive("amount", amount).orThrow();
        }

        @Override
        public TopUp at(Instant instant) {
            return new TopUp(key, operation, amount, actor, instant, reason);
        }
    }

    /**
     * Pays an operator: an advance, an interim payment or the balance.
     *
     * @param key the idempotency key
     * @param operation the operation
     * @param kind the kind of payment
     * @param amount the amount, above zero
     * @param actor who
     * @param at when
     * @param reason why
     */
    record Pay(IdempotencyKey key, OperationId operation, PaymentKind kind, Money amount, String actor, Instant at, String reason)
            implements LedgerCommand {
        /**
         * Checks the components.
         *
         * @throws InvalidValueException naming every bad component
         */
        public Pay {
            LedgerCommands.check(key, operation, actor, at, reason).present("kind", kind).positive("amount", amount).orThrow();
        }

        @Override
        public Pay at(Instant instant) {
            return new Pay(key, operation, kind, amount, actor, instant, reason);
        }
    }

    /**
     * Decommits what will not be spent, back to the envelope.
     *
     * @param key the idempotency key
     * @param operation the operation
     * @param amount the amount, above zero, at most what is left to pay
     * @param actor who
     * @param at when
     * @param reason why
     */
    record Decommit(IdempotencyKey key, OperationId operation, Money amount, String actor, Instant at, String reason)
            implements LedgerCommand {
        /**
         * Checks the components.
         *
         * @throws InvalidValueException naming every bad component
         */
        public Decommit {
            LedgerCommands.check(key, operation, actor, at, reason).positive("amount", amount).orThrow();
        }

        @Override
        public Decommit at(Instant instant) {
            return new Decommit(key, operation, amount, actor, instant, reason);
        }
    }

    /**
     * Records a service-done check: its accepted amount is what interim and balance payments may
     * reach.
     *
     * @param key the idempotency key
     * @param check the check, whose operation, controller and instant this command takes
     * @param reason why (the controller's conclusion)
     */
    record RecordServiceDone(IdempotencyKey key, ServiceDoneCheck check, String reason) implements LedgerCommand {
        /**
         * Checks the components.
         *
         * @throws InvalidValueException naming every bad component
         */
        public RecordServiceDone {
            new Require().present("key", key).present("check", check).present("reason", reason).orThrow();
        }

        @Override
        public OperationId operation() {
            return check.operation();
        }

        @Override
        public String actor() {
            return check.controller();
        }

        @Override
        public Instant at() {
            return check.at();
        }

        @Override
        public RecordServiceDone at(Instant instant) {
            return new RecordServiceDone(key, new ServiceDoneCheck(check.operation(), check.controller(), instant, check.declared(),
                    check.rejections(), check.participantsDeclared(), check.participantsAccepted()), reason);
        }
    }
}
