package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import java.util.Set;
import java.util.TreeSet;

/**
 * The account of one operation in the global grant's ledger (compte de l'opération): what is
 * reserved, committed, decommitted, paid and accepted, who appraised it, and where it stands.
 *
 * @param operation the operation, not null
 * @param envelope the envelope it draws on, not null
 * @param reserved the amount reserved and not yet committed or released
 * @param committed the amount committed (zero until committed)
 * @param decommitted the amount decommitted since
 * @param paid the amount paid
 * @param accepted the amount accepted by the service-done checks
 * @param appraisers the persons who asked its reservations as instructors, copied
 * @param isCommitted whether it has been committed (once only)
 * @param started whether an interim payment or a service-done check has been recorded
 * @param balancePaid whether the balance has been paid
 */
public record OperationAccount(OperationId operation, EnvelopeKey envelope, Money reserved, Money committed, Money decommitted,
        Money paid, Money accepted, Set<String> appraisers, boolean isCommitted, boolean started, boolean balancePaid) {

    /**
     * Copies the appraisers.
     */
    public OperationAccount {
        appraisers = java.util.Collections.unmodifiableSet(new TreeSet<>(appraisers));
    }

    static OperationAccount opened(OperationId operation, EnvelopeKey envelope) {
        return new OperationAccount(operation, envelope, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Set.of(),
                false, false, false);
    }

    /**
     * The commitment net of decommitments.
     *
     * @return committed minus decommitted
     */
    public Money netCommitment() {
        return committed.minus(decommitted);
    }

    /**
     * What is left to pay on the commitment.
     *
     * @return net commitment minus paid
     */
    public Money leftToPay() {
        return netCommitment().minus(paid);
    }

    /**
     * What the service-done checks accepted and is not paid yet (zero when payments, advance
     * included, went beyond it).
     *
     * @return accepted minus paid, at least zero
     */
    public Money acceptedUnpaid() {
        Money unpaid = accepted.minus(paid);
        return unpaid.isPositive() ? unpaid : Money.ZERO;
    }

    /**
     * What a decommitment may take back: the net commitment less what was paid and less what the
     * checks accepted and is still unpaid, so that the accepted balance can always be paid.
     *
     * @return the net commitment minus the larger of paid and accepted
     */
    public Money decommittable() {
        return leftToPay().minus(acceptedUnpaid());
    }

    OperationAccount reserve(Money amount, String instructor) {
        Set<String> all = new TreeSet<>(appraisers);
        all.add(instructor);
        return new OperationAccount(operation, envelope, reserved.plus(amount), committed, decommitted, paid, accepted, all,
                isCommitted, started, balancePaid);
    }

    OperationAccount release(Money amount) {
        return new OperationAccount(operation, envelope, reserved.minus(amount), committed, decommitted, paid, accepted, appraisers,
                isCommitted, started, balancePaid);
    }

    OperationAccount commit(Money amount) {
        return new OperationAccount(operation, envelope, Money.ZERO, committed.plus(amount), decommitted, paid, accepted, appraisers, true,
                started, balancePaid);
    }

    OperationAccount pay(PaymentKind kind, Money amount) {
        return new OperationAccount(operation, envelope, reserved, committed, decommitted, paid.plus(amount), accepted, appraisers,
                isCommitted, started || kind != PaymentKind.ADVANCE, balancePaid || kind == PaymentKind.BALANCE);
    }

    OperationAccount decommit(Money amount) {
        return new OperationAccount(operation, envelope, reserved, committed, decommitted.plus(amount), paid, accepted, appraisers,
                isCommitted, started, balancePaid);
    }

    OperationAccount accept(Money amount) {
        return new OperationAccount(operation, envelope, reserved, committed, decommitted, paid, accepted.plus(amount), appraisers,
                isCommitted, true, balancePaid);
    }
}
