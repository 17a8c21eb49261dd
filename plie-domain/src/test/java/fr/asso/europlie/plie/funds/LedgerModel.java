package fr.asso.europlie.plie.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.json.funds.GlobalGrantJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The reference model of the ledger and the generator of command sequences, shared by the
 * model-based properties of the in-memory ledger ({@link LedgerModelTest}) and of the stored ones
 * (plie-workflow): QuickTheories generates sequences of reserve, release, commit, top-up (the raise of
 * a committed operation, then its commitment), pay, decommit and service-done commands, with retries under the same key and keys reused for other commands; each
 * is applied to a {@link Ledger} and to a reference model written here in plain {@link BigDecimal}
 * arithmetic. After every action: the ledger accepts or refuses exactly as the model says (with the
 * same codes), a refused command changes nothing, the invariants hold, and every balance equals the
 * sum of the movements to the cent and the model's.
 */
public final class LedgerModel {

    /** A ledger under test: applies a command (to its stored grant) and tells its current state. */
    public interface Ledger {
        /**
         * Applies a command.
         *
         * @param command the command
         * @return the result, the grant's new state stored
         * @throws RuleViolationException when refused, nothing changed
         */
        LedgerResult apply(LedgerCommand command);

        /**
         * The grant as it stands now.
         *
         * @return the grant
         */
        GlobalGrant current();
    }

    /** How many actions of each outcome the runs saw: a property must reach every interesting state. */
    public static final Map<String, Integer> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    /** The outcomes every property must have seen. */
    public static final List<String> EXPECTED_OUTCOMES = List.of("accepted Reserve", "accepted Release", "accepted Commit",
            "accepted Pay", "accepted Decommit", "accepted RecordServiceDone", "accepted TopUp", "accepted top-up Commit", "replayed", "conflict", "refused PLIE-FUNDS-004",
            "refused PLIE-FUNDS-009", "refused PLIE-FUNDS-011", "refused PLIE-FUNDS-012", "refused PLIE-FUNDS-013",
            "refused PLIE-FUNDS-014", "refused PLIE-FUNDS-017", "refused PLIE-FUNDS-032");

    /** Six generated numbers describe one action. */
    public static final int FIELDS = 6;

    private static final EnvelopeKey[] ENVELOPES = {EnvelopeKey.of("1", "h", 2026), EnvelopeKey.of("1", "h", 2027)};
    private static final BigDecimal[] ENVELOPE_AMOUNTS = {new BigDecimal("100000.00"), new BigDecimal("60000.00")};
    private static final EnvelopeKey UNKNOWN_ENVELOPE = EnvelopeKey.of("2", "k", 2026);
    private static final OperationId[] OPERATIONS = {OperationId.of("OP-A"), OperationId.of("OP-B"), OperationId.of("OP-C")};
    private static final String[] PEOPLE = {"instructeur.a", "instructeur.b", "gestionnaire"};

    private LedgerModel() {
    }

    // ------------------------------------------------------------------ the reference model

    /** One operation in the model: plain decimals. */
    private static final class Op {
        int envelope;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal decommitted = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal accepted = BigDecimal.ZERO;
        BigDecimal eligible = BigDecimal.ZERO;
        final Set<String> appraisers = new HashSet<>();
        boolean isCommitted;
        boolean started;
        boolean balancePaid;
        boolean interimOrBalancePaid;

        Op copy() {
            Op c = new Op();
            c.envelope = envelope;
            c.reserved = reserved;
            c.committed = committed;
            c.decommitted = decommitted;
            c.paid = paid;
            c.accepted = accepted;
            c.eligible = eligible;
            c.appraisers.addAll(appraisers);
            c.isCommitted = isCommitted;
            c.started = started;
            c.balancePaid = balancePaid;
            c.interimOrBalancePaid = interimOrBalancePaid;
            return c;
        }

        BigDecimal net() {
            return committed.subtract(decommitted);
        }
    }

    /** The model's state: operations, applied commands by key. */
    private static final class Model {
        final Map<OperationId, Op> ops = new LinkedHashMap<>();
        final Map<IdempotencyKey, LedgerCommand> applied = new HashMap<>();

        BigDecimal used(int envelope) {
            BigDecimal total = BigDecimal.ZERO;
            for (Op op : ops.values()) {
                if (op.envelope == envelope) {
                    total = total.add(op.reserved).add(op.net());
                }
            }
            return total;
        }

        /**
         * The art. 112 rule of the one priority of the model (85 %): the FSE+ committed net on it
         * plus this commitment within the rate of the eligible costs of its committed operations,
         * this operation's replaced by the commitment's (a top-up's commitment restates it).
         */
        boolean overPriorityRate(OperationId operation, LedgerCommand.Commit commit) {
            BigDecimal esf = commit.amount().amount();
            BigDecimal costs = commit.eligibleCost().amount();
            for (Map.Entry<OperationId, Op> entry : ops.entrySet()) {
                Op other = entry.getValue();
                if (!other.isCommitted) {
                    continue;
                }
                esf = esf.add(other.net());
                if (!entry.getKey().equals(operation)) {
                    costs = costs.add(other.eligible);
                }
            }
            BigDecimal cap = costs.multiply(new BigDecimal("85")).divide(new BigDecimal("100")).setScale(2, java.math.RoundingMode.DOWN);
            return esf.compareTo(cap) > 0;
        }

        /** The codes the command must be refused with (empty: accepted), applying it when accepted. */
        Set<String> apply(LedgerCommand command) {
            Set<String> refusals = new TreeSet<>();
            Op existing = ops.get(command.operation());
            Op op;
            if (command instanceof LedgerCommand.Reserve r) {
                int envelope = indexOf(r.envelope());
                if (envelope < 0) {
                    return Set.of("PLIE-FUNDS-003");
                }
                op = existing == null ? new Op() : existing.copy();
                if (existing == null) {
                    op.envelope = envelope;
                }
                BigDecimal amount = r.amount().amount();
                if (op.isCommitted) {
                    refusals.add("PLIE-FUNDS-008");
                }
                if (op.envelope != envelope) {
                    refusals.add("PLIE-FUNDS-016");
                }
                if (used(envelope).add(amount).compareTo(ENVELOPE_AMOUNTS[envelope]) > 0) {
                    refusals.add("PLIE-FUNDS-004");
                }
                op.reserved = op.reserved.add(amount);
                op.appraisers.add(r.actor());
            } else if (existing == null) {
                return Set.of("PLIE-FUNDS-005");
            } else {
                op = existing.copy();
                if (command instanceof LedgerCommand.Release r) {
                    if (r.amount().amount().compareTo(op.reserved) > 0) {
                        refusals.add("PLIE-FUNDS-006");
                    }
                    op.reserved = op.reserved.subtract(r.amount().amount());
                } else if (command instanceof LedgerCommand.Commit c) {
                    // committed once; afterwards only what a top-up reserved
                    boolean again = op.isCommitted && op.reserved.signum() == 0;
                    if (again) {
                        refusals.add("PLIE-FUNDS-008");
                    } else if (overPriorityRate(command.operation(), c)) {
                        refusals.add("PLIE-FUNDS-030");
                    }
                    if (op.appraisers.contains(c.actor())) {
                        refusals.add("PLIE-FUNDS-009");
                    }
                    if (c.amount().amount().compareTo(op.reserved) > 0) {
                        refusals.add("PLIE-FUNDS-007");
                    }
                    op.reserved = BigDecimal.ZERO;
                    op.committed = op.committed.add(c.amount().amount());
                    op.eligible = c.eligibleCost().amount();
                    op.isCommitted = true;
                } else if (!op.isCommitted) {
                    return Set.of("PLIE-FUNDS-010");
                } else if (command instanceof LedgerCommand.Pay p) {
                    BigDecimal after = op.paid.add(p.amount().amount());
                    if (op.balancePaid) {
                        refusals.add("PLIE-FUNDS-013");
                    }
                    if (after.compareTo(op.net()) > 0) {
                        refusals.add("PLIE-FUNDS-011");
                    }
                    if (p.kind() == PaymentKind.ADVANCE && op.started) {
                        refusals.add("PLIE-FUNDS-017");
                    }
                    if (p.kind() != PaymentKind.ADVANCE && after.compareTo(op.accepted) > 0) {
                        refusals.add("PLIE-FUNDS-012");
                    }
                    op.paid = after;
                    if (p.kind() != PaymentKind.ADVANCE) {
                        op.started = true;
                        op.interimOrBalancePaid = true;
                    }
                    op.balancePaid |= p.kind() == PaymentKind.BALANCE;
                } else if (command instanceof LedgerCommand.TopUp t) {
                    if (op.balancePaid) {
                        refusals.add("PLIE-FUNDS-038");
                    }
                    if (used(op.envelope).add(t.amount().amount()).compareTo(ENVELOPE_AMOUNTS[op.envelope]) > 0) {
                        refusals.add("PLIE-FUNDS-004");
                    }
                    op.reserved = op.reserved.add(t.amount().amount());
                    op.appraisers.add(t.actor());
                } else if (command instanceof LedgerCommand.Decommit d) {
                    BigDecimal leftToPay = op.net().subtract(op.paid);
                    BigDecimal acceptedUnpaid = op.accepted.subtract(op.paid).max(BigDecimal.ZERO);
                    if (d.amount().amount().compareTo(leftToPay) > 0) {
                        refusals.add("PLIE-FUNDS-014");
                    } else if (d.amount().amount().compareTo(leftToPay.subtract(acceptedUnpaid)) > 0) {
                        refusals.add("PLIE-FUNDS-032");
                    }
                    op.decommitted = op.decommitted.add(d.amount().amount());
                } else {
                    ServiceDoneCheck check = ((LedgerCommand.RecordServiceDone) command).check();
                    BigDecimal rejected = BigDecimal.ZERO;
                    for (ServiceDoneCheck.Rejection rejection : check.rejections()) {
                        rejected = rejected.add(rejection.amount().amount());
                    }
                    BigDecimal accepted = check.declared().amount().subtract(rejected);
                    if (op.balancePaid) {
                        refusals.add("PLIE-FUNDS-013");
                    }
                    if (op.accepted.add(accepted).compareTo(op.net()) > 0) {
                        refusals.add("PLIE-FUNDS-018");
                    }
                    op.accepted = op.accepted.add(accepted);
                    op.started = true;
                }
            }
            if (refusals.isEmpty()) {
                ops.put(command.operation(), op);
                applied.put(command.key(), command);
            }
            return refusals;
        }
    }

    private static int indexOf(EnvelopeKey key) {
        for (int i = 0; i < ENVELOPES.length; i++) {
            if (ENVELOPES[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ the commands generated

    private static Money cents(long cents) {
        return Money.ofCents(cents);
    }

    /** Builds the command of one generated action, sometimes aiming at an amount the model makes interesting. */
    private static LedgerCommand command(int[] a, IdempotencyKey key, Model model, Instant at) {
        OperationId operation = OPERATIONS[a[1] % OPERATIONS.length];
        Op op = model.ops.get(operation);
        // mostly reserve an operation the ledger does not know yet, mostly commit one only reserved
        int kind = op == null && a[0] % 4 != 0 ? 0
                : op != null && (!op.isCommitted || op.reserved.signum() > 0) && a[0] % 3 == 0 ? 2
                : new int[] {0, 0, 1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 6}[a[0] % 13];
        long random = 1 + a[2] % 4_000_000L;
        boolean aim = a[2] % 3 != 0 && op != null;
        switch (kind) {
            case 0: {
                EnvelopeKey envelope = a[3] % 9 == 8 ? UNKNOWN_ENVELOPE : ENVELOPES[a[3] % 2];
                return new LedgerCommand.Reserve(key, operation, envelope, cents(random), PEOPLE[a[4] % 2], at, "réservation");
            }
            case 1:
                return new LedgerCommand.Release(key, operation, aim ? positive(op.reserved, random) : cents(random), PEOPLE[2], at,
                        "libération");
            case 2: {
                // the eligible cost is twice the amount: a 50 % share, within the priority's 85 %, so the
                // art. 112 rule (tested on its own in GlobalGrantTest) never refuses here
                // a top-up's commitment states the operation's whole new eligible cost: twice its new commitment
                Money amount = aim ? positive(op.reserved, random) : cents(random);
                long base = op != null && op.isCommitted ? Money.of(op.net()).cents() : 0;
                return new LedgerCommand.Commit(key, operation, amount, Money.ofCents(2 * (base + amount.cents())),
                        PEOPLE[a[4] % 4 == 0 ? a[4] % 2 : 2], at, "engagement");
            }
            case 3: {
                PaymentKind paymentKind = PaymentKind.values()[a[3] % 3];
                Money amount = !aim ? cents(random) : paymentKind == PaymentKind.ADVANCE ? positive(op.net().subtract(op.paid), random)
                        : positive(op.accepted.min(op.net()).subtract(op.paid), random);
                return new LedgerCommand.Pay(key, operation, paymentKind, amount, PEOPLE[2], at, "paiement");
            }
            case 6: {
                // a raise of a committed operation: aimed at what its envelope has left, or random
                BigDecimal left = op == null ? BigDecimal.ZERO : ENVELOPE_AMOUNTS[op.envelope].subtract(model.used(op.envelope));
                return new LedgerCommand.TopUp(key, operation, aim && a[3] % 2 == 0 ? positive(left, random) : cents(random),
                        PEOPLE[a[4] % 2], at, "hausse par avenant");
            }
            case 4:
            {
                // aimed at what is left to pay (refused while an accepted amount is unpaid) or at what may be decommitted
                BigDecimal left = op == null ? BigDecimal.ZERO : op.net().subtract(op.paid);
                BigDecimal decommittable = op == null ? BigDecimal.ZERO : left.subtract(op.accepted.subtract(op.paid).max(BigDecimal.ZERO));
                return new LedgerCommand.Decommit(key, operation, aim ? positive(a[3] % 2 == 0 ? decommittable : left, random)
                        : cents(random), PEOPLE[2], at, "dégagement");
            }
            default: {
                Money declared = aim ? positive(op.net().subtract(op.accepted), random) : cents(random);
                long rejected = a[4] % 2 == 0 ? 0 : declared.cents() / 4;
                List<ServiceDoneCheck.Rejection> rejections = rejected == 0 ? List.of()
                        : List.of(new ServiceDoneCheck.Rejection(cents(rejected), "hors période"));
                return new LedgerCommand.RecordServiceDone(key, new ServiceDoneCheck(operation, "controleur", at, declared, rejections, 10, 9),
                        "CSF");
            }
        }
    }

    private static Money positive(BigDecimal aimed, long fallbackCents) {
        return aimed.signum() > 0 ? Money.of(aimed) : cents(fallbackCents);
    }

    /**
     * The grant every run starts from: two envelopes, an empty ledger.
     *
     * @return the grant
     */
    public static GlobalGrant initialGrant() {
        return GlobalGrant.of(GlobalGrantId.of("SG"), OrganisationId.of("OI"),
                Map.of(ENVELOPES[0], Money.of(ENVELOPE_AMOUNTS[0]), ENVELOPES[1], Money.of(ENVELOPE_AMOUNTS[1])),
                Map.of("1", fr.asso.europlie.plie.offer.RegionCategory.LESS_DEVELOPED));
    }

    /**
     * Runs the actions that generated numbers describe (six numbers an action) through a ledger and
     * the model, checking after each that they agree.
     *
     * @param numbers the generated numbers
     * @param ledger the ledger under test, starting from {@link #initialGrant()}
     */
    public static void run(List<Integer> numbers, Ledger ledger) {
        Model model = new Model();
        List<LedgerCommand> tried = new ArrayList<>();
        Map<IdempotencyKey, List<Movement>> movementsByKey = new HashMap<>();
        for (int step = 0; step + FIELDS <= numbers.size(); step += FIELDS) {
            int[] a = numbers.subList(step, step + FIELDS).stream().mapToInt(Integer::intValue).toArray();
            Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step);
            LedgerCommand command;
            int retry = a[5] % 8;
            if (retry == 0 && !tried.isEmpty()) {
                command = tried.get(a[5] % tried.size()).at(at); // the same command again, later
            } else if (retry == 1 && !tried.isEmpty()) {
                command = command(a, tried.get(a[5] % tried.size()).key(), model, at); // a used key, another command
            } else {
                command = command(a, IdempotencyKey.of("k" + step), model, at);
            }
            tried.add(command);
            step(ledger, model, command, movementsByKey);
            checkInvariants(ledger.current(), model);
        }
        GlobalGrant grant = ledger.current();
        // and whatever the ledger went through, its document reads back the same
        assertThat(GlobalGrantJson.read(GlobalGrantJson.write(grant))).isEqualTo(grant);
    }

    private static void step(Ledger ledger, Model model, LedgerCommand command, Map<IdempotencyKey, List<Movement>> movementsByKey) {
        LedgerCommand earlier = model.applied.get(command.key());
        GlobalGrant before = ledger.current();
        int movementsBefore = before.movements().size();
        if (earlier != null) {
            if (earlier.at(Instant.EPOCH).equals(command.at(Instant.EPOCH))) {
                LedgerResult result = ledger.apply(command);
                assertThat(result.replayed()).as("retry of %s", command).isTrue();
                assertThat(result.movements()).isEqualTo(movementsByKey.get(command.key()));
                assertThat(ledger.current()).isEqualTo(before);
                SEEN.merge("replayed", 1, Integer::sum);
                return;
            }
            RuleViolationException conflict = catchThrowableOfType(RuleViolationException.class, () -> ledger.apply(command));
            assertThat(conflict).as("key reused by %s", command).isNotNull();
            assertThat(codes(conflict)).containsExactly("PLIE-FUNDS-015");
            assertThat(ledger.current().movements()).hasSize(movementsBefore);
            SEEN.merge("conflict", 1, Integer::sum);
            return;
        }
        boolean topUpCommit = command instanceof LedgerCommand.Commit && model.ops.containsKey(command.operation())
                && model.ops.get(command.operation()).isCommitted;
        Set<String> expected = model.apply(command);
        if (expected.isEmpty()) {
            LedgerResult result = ledger.apply(command);
            assertThat(result.replayed()).isFalse();
            assertThat(ledger.current().movements()).hasSize(movementsBefore + result.movements().size());
            movementsByKey.put(command.key(), result.movements());
            SEEN.merge(topUpCommit ? "accepted top-up Commit" : "accepted " + command.getClass().getSimpleName(), 1, Integer::sum);
            return;
        }
        RuleViolationException refusal = catchThrowableOfType(RuleViolationException.class, () -> ledger.apply(command));
        assertThat(refusal).as("the model refuses %s with %s", command, expected).isNotNull();
        assertThat(codes(refusal)).as("codes for %s", command).isEqualTo(expected);
        assertThat(ledger.current().movements()).hasSize(movementsBefore);
        assertThat(ledger.current()).isEqualTo(before);
        expected.forEach(code -> SEEN.merge("refused " + code, 1, Integer::sum));
    }

    private static Set<String> codes(RuleViolationException e) {
        return e.violations().stream().map(Violation::code).map(c -> c.code()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void checkInvariants(GlobalGrant grant, Model model) {
        Map<OperationId, BigDecimal[]> sums = new HashMap<>(); // reserved, net commitment, paid, accepted
        for (Movement m : grant.movements()) {
            BigDecimal[] s = sums.computeIfAbsent(m.operation(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal x = m.amount().amount();
            switch (m.kind()) {
                case RESERVATION -> s[0] = s[0].add(x);
                case RELEASE -> s[0] = s[0].subtract(x);
                case COMMITMENT -> {
                    s[0] = s[0].subtract(x);
                    s[1] = s[1].add(x);
                }
                case DECOMMITMENT -> s[1] = s[1].subtract(x);
                case PAYMENT -> s[2] = s[2].add(x);
                case SERVICE_DONE -> s[3] = s[3].add(x);
            }
        }
        assertThat(grant.accounts()).hasSize(model.ops.size());
        for (Map.Entry<OperationId, Op> entry : model.ops.entrySet()) {
            Op op = entry.getValue();
            OperationAccount account = grant.account(entry.getKey()).orElseThrow();
            BigDecimal[] s = sums.get(entry.getKey());
            assertThat(account.reserved().amount()).isEqualByComparingTo(op.reserved).isEqualByComparingTo(s[0]);
            assertThat(account.netCommitment().amount()).isEqualByComparingTo(op.net()).isEqualByComparingTo(s[1]);
            assertThat(account.paid().amount()).isEqualByComparingTo(op.paid).isEqualByComparingTo(s[2]);
            assertThat(account.accepted().amount()).isEqualByComparingTo(op.accepted).isEqualByComparingTo(s[3]);
            assertThat(account.reserved().isNegative()).isFalse();
            // payments never exceed the commitment, nor (once interim or balance is paid) the accepted amount
            assertThat(op.paid).isLessThanOrEqualTo(op.net());
            // a decommitment never took back what the checks accepted and is still unpaid
            assertThat(op.accepted).isLessThanOrEqualTo(op.net());
            if (op.interimOrBalancePaid) {
                assertThat(op.paid).isLessThanOrEqualTo(op.accepted);
            }
        }
        for (int e = 0; e < ENVELOPES.length; e++) {
            EnvelopeBalance balance = grant.balance(ENVELOPES[e]);
            BigDecimal used = model.used(e);
            // reservations plus commitments never exceed the envelope
            assertThat(used).isLessThanOrEqualTo(ENVELOPE_AMOUNTS[e]);
            assertThat(balance.reserved().plus(balance.committed()).amount()).isEqualByComparingTo(used);
            assertThat(balance.available().amount()).isEqualByComparingTo(ENVELOPE_AMOUNTS[e].subtract(used));
        }
    }
}
