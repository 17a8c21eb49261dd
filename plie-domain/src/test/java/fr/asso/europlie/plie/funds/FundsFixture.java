package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.RegionCategory;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary of funds scenarios: the OI of Périgueux with a 2026 envelope of 100,000 euros on
 * priority 1, objective h, an instructor who appraises and a manager who decides.
 */
public final class FundsFixture {

    /** The OI. */
    public static final OrganisationId OI = OrganisationId.of("OI-PERIGUEUX");
    /** The 2026 envelope. */
    public static final EnvelopeKey Y2026 = EnvelopeKey.of("1", "h", 2026);
    /** The 2027 envelope. */
    public static final EnvelopeKey Y2027 = EnvelopeKey.of("1", "h", 2027);
    /** The OI instructor. */
    public static final String INSTRUCTOR = "instructeur.oi";
    /** The OI manager. */
    public static final String MANAGER = "gestionnaire.oi";
    /** The controller. */
    public static final String CONTROLLER = "controleur.csf";
    /** An operation. */
    public static final OperationId OP = OperationId.of("OP-2026-001");

    private static int keys;

    private FundsFixture() {
    }

    /**
     * An instant, seconds after 1 April 2026.
     *
     * @param seconds the offset
     * @return the instant
     */
    public static Instant at(long seconds) {
        return Instant.parse("2026-04-01T09:00:00Z").plusSeconds(seconds);
    }

    /**
     * A fresh idempotency key.
     *
     * @return the key
     */
    public static IdempotencyKey aKey() {
        return IdempotencyKey.of("cmd-" + (++keys));
    }

    /** Priority 1 of the grant, in a transition region: co-financing rate of 60 % (art. 112). */
    public static final Map<String, RegionCategory> PRIORITIES = Map.of("1", RegionCategory.TRANSITION);

    /**
     * The grant: 100,000 euros in 2026, 80,000 in 2027, priority 1 in a transition region.
     *
     * @return the grant
     */
    public static GlobalGrant aGrant() {
        return GlobalGrant.of(GlobalGrantId.of("SG-OI-PERIGUEUX"), OI, Map.of(Y2026, Money.euros(100_000), Y2027, Money.euros(80_000)),
                PRIORITIES);
    }

    /**
     * A reservation by the instructor.
     *
     * @param operation the operation
     * @param euros the amount
     * @return the command
     */
    public static LedgerCommand.Reserve reserve(OperationId operation, long euros) {
        return new LedgerCommand.Reserve(aKey(), operation, Y2026, Money.euros(euros), INSTRUCTOR, at(1), "instruction favorable");
    }

    /**
     * A commitment by the manager, for an operation whose eligible cost is twice the amount (an FSE+
     * share of 50 %, within the priority's 60 %).
     *
     * @param operation the operation
     * @param euros the amount
     * @return the command
     */
    public static LedgerCommand.Commit commit(OperationId operation, long euros) {
        return new LedgerCommand.Commit(aKey(), operation, Money.euros(euros), Money.euros(2 * euros), MANAGER, at(2), "convention signée");
    }

    /**
     * A payment.
     *
     * @param operation the operation
     * @param kind the kind
     * @param euros the amount
     * @return the command
     */
    public static LedgerCommand.Pay pay(OperationId operation, PaymentKind kind, long euros) {
        return new LedgerCommand.Pay(aKey(), operation, kind, Money.euros(euros), MANAGER, at(3), "mise en paiement");
    }

    /**
     * A service-done check accepting the declared amount minus one rejection.
     *
     * @param operation the operation
     * @param declared the declared amount
     * @param rejected the rejected amount (0 for none)
     * @return the command
     */
    public static LedgerCommand.RecordServiceDone serviceDone(OperationId operation, long declared, long rejected) {
        List<ServiceDoneCheck.Rejection> rejections = rejected == 0 ? List.of()
                : List.of(new ServiceDoneCheck.Rejection(Money.euros(rejected), "dépenses hors période"));
        return new LedgerCommand.RecordServiceDone(aKey(),
                new ServiceDoneCheck(operation, CONTROLLER, at(4), Money.euros(declared), rejections, 40, 38), "CSF conclu");
    }

    /**
     * A grant where the operation is reserved and committed.
     *
     * @param euros the amount
     * @return the grant
     */
    public static GlobalGrant aGrantWithCommitted(long euros) {
        return aGrant().apply(reserve(OP, euros)).grant().apply(commit(OP, euros)).grant();
    }

    /**
     * A grant with every kind of movement: advance, service done with a rejection, interim
     * payment, decommitment, and a second operation's reservation.
     *
     * @return the grant
     */
    public static GlobalGrant aBusyGrant() {
        return aGrantWithCommitted(40_000)
                .apply(pay(OP, PaymentKind.ADVANCE, 8_000)).grant()
                .apply(serviceDone(OP, 20_000, 2_500)).grant()
                .apply(pay(OP, PaymentKind.INTERIM, 9_500)).grant()
                .apply(new LedgerCommand.Decommit(aKey(), OP, Money.euros(5_000), MANAGER, at(10), "sous-réalisation")).grant()
                .apply(reserve(OperationId.of("OP-2026-002"), 12_345)).grant();
    }
}
