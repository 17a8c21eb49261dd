package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.RegionCategory;
import fr.asso.europlie.plie.organisation.Identifiers;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The global grant of an intermediate body (subvention globale): the FSE+ envelopes by priority,
 * specific objective and year, and the ledger (grand livre) that reserves, releases, commits, pays
 * and decommits them for operations (RULES.md section 4, PROCESSES.md C).
 *
 * <p>Immutable: {@link #apply(LedgerCommand)} returns a new grant with the movements it made, or
 * throws before anything is built, so a refused command changes nothing. Invariants, after every
 * command:
 * <ul>
 *   <li>for each envelope, reservations plus commitments (net of decommitments) never exceed it;</li>
 *   <li>payments never exceed the commitment (net of decommitments), and once an interim payment
 *       or the balance is paid, never exceed the amount accepted by the service-done checks;</li>
 *   <li>a decommitment never takes back what the service-done checks accepted and is still unpaid:
 *       the commitment (net of decommitments) stays at least the larger of the paid and the accepted
 *       amounts;</li>
 *   <li>an operation is committed once, by someone who did not appraise it (names compared as people
 *       read them: {@link Identifiers#samePerson}); afterwards a raise goes back through reservation
 *       ({@link LedgerCommand.TopUp}, refused like a first reservation when the envelope cannot
 *       cover it) and is committed by someone who appraised neither the operation nor the raise;</li>
 *   <li>when committing, the FSE+ committed (net of decommitments) on each priority stays within the
 *       co-financing rate of the priority's region category (Regulation (EU) 2021/1060 art. 112(3))
 *       applied to the eligible costs of the operations committed on it: the rate holds per
 *       priority, not per operation;</li>
 *   <li>each balance equals the sum of the movements;</li>
 *   <li>a command retried under the same idempotency key is applied once; a different command under
 *       a used key is refused.</li>
 * </ul>
 */
public final class GlobalGrant {

    private record Applied(LedgerCommand command, List<Movement> movements) {
    }

    private final GlobalGrantId id;
    private final OrganisationId intermediateBody;
    private final SortedMap<EnvelopeKey, Money> envelopes;
    private final SortedMap<String, RegionCategory> priorities;
    private final List<LedgerCommand> journal;
    private final List<Movement> movements;
    private final Map<OperationId, OperationAccount> accounts;
    private final Map<IdempotencyKey, Applied> applied;
    /**
     * Running totals of the working copy a replay changes in place (null on every other grant):
     * the balance of an envelope and the art. 112 sums of a priority are then read in constant
     * time instead of by going through every account and command, which made replaying a journal
     * of many operations quadratic.
     */
    private Totals totals;

    /** The sums a replay keeps up to date as it applies each command. */
    private static final class Totals {
        final Map<EnvelopeKey, Money[]> byEnvelope = new HashMap<>();   // reserved, net committed, paid
        final Map<String, Money[]> byPriority = new HashMap<>();         // net committed FSE+, eligible costs
        final java.util.Set<OperationId> committed = new java.util.HashSet<>();
        final Map<OperationId, Money> eligibleCosts = new HashMap<>();

        static Money[] zeros(int size) {
            Money[] sums = new Money[size];
            java.util.Arrays.fill(sums, Money.ZERO);
            return sums;
        }

        void remove(OperationAccount account) {
            Money[] e = byEnvelope.computeIfAbsent(account.envelope(), k -> zeros(3));
            e[0] = e[0].minus(account.reserved());
            e[1] = e[1].minus(account.netCommitment());
            e[2] = e[2].minus(account.paid());
            if (committed.contains(account.operation())) {
                Money[] p = byPriority.computeIfAbsent(account.envelope().priority(), k -> zeros(2));
                p[0] = p[0].minus(account.netCommitment());
            }
        }

        void add(OperationAccount account) {
            Money[] e = byEnvelope.computeIfAbsent(account.envelope(), k -> zeros(3));
            e[0] = e[0].plus(account.reserved());
            e[1] = e[1].plus(account.netCommitment());
            e[2] = e[2].plus(account.paid());
            if (committed.contains(account.operation())) {
                Money[] p = byPriority.computeIfAbsent(account.envelope().priority(), k -> zeros(2));
                p[0] = p[0].plus(account.netCommitment());
            }
        }
    }

    private GlobalGrant(GlobalGrantId id, OrganisationId intermediateBody, SortedMap<EnvelopeKey, Money> envelopes,
            SortedMap<String, RegionCategory> priorities, List<LedgerCommand> journal, List<Movement> movements,
            Map<OperationId, OperationAccount> accounts, Map<IdempotencyKey, Applied> applied) {
        this.id = id;
        this.intermediateBody = intermediateBody;
        this.envelopes = envelopes;
        this.priorities = priorities;
        this.journal = journal;
        this.movements = movements;
        this.accounts = accounts;
        this.applied = applied;
    }

    /**
     * A global grant with its envelopes, the region category of each of its priorities and an
     * empty ledger.
     *
     * @param id the grant, not null
     * @param intermediateBody the OI that holds it, not null
     * @param envelopes the amount of each envelope, zero or more, at least one
     * @param priorities the region category of each priority of the envelopes, which sets its
     *     co-financing rate (art. 112(3)); every priority of the envelopes present
     * @return the grant
     * @throws InvalidValueException naming every missing part or negative envelope;
     *     ({@code PLIE-FUNDS-031}) a priority without its category
     */
    public static GlobalGrant of(GlobalGrantId id, OrganisationId intermediateBody, Map<EnvelopeKey, Money> envelopes,
            Map<String, RegionCategory> priorities) {
        Require require = new Require().present("id", id).present("intermediateBody", intermediateBody).present("envelopes", envelopes)
                .present("priorities", priorities);
        if (envelopes != null) {
            if (envelopes.isEmpty()) {
                require.add(Violation.of(FundsError.BLANK, "envelopes", "{}"));
            }
            envelopes.forEach((key, amount) -> require.present("envelopes", key).nonNegative("envelopes." + key, amount));
            if (priorities != null) {
                envelopes.keySet().stream().filter(Objects::nonNull).map(EnvelopeKey::priority).distinct()
                        .filter(priority -> priorities.get(priority) == null)
                        .forEach(priority -> require.add(Violation.of(FundsError.PRIORITY_WITHOUT_CATEGORY, "priorities." + priority,
                                priority)));
            }
        }
        require.orThrow();
        return new GlobalGrant(id, intermediateBody, Collections.unmodifiableSortedMap(new TreeMap<>(envelopes)),
                Collections.unmodifiableSortedMap(new TreeMap<>(priorities)), List.of(), List.of(), Map.of(), Map.of());
    }

    /**
     * Rebuilds a grant by replaying its journal of applied commands (JSON, database): every rule is
     * checked again, so a journal that breaks one is refused.
     *
     * @param id the grant
     * @param intermediateBody the OI
     * @param envelopes the envelopes
     * @param priorities the region category of each priority
     * @param journal the applied commands, in order
     * @return the grant
     * @throws InvalidValueException or {@link RuleViolationException} naming the command's position
     */
    public static GlobalGrant replay(GlobalGrantId id, OrganisationId intermediateBody, Map<EnvelopeKey, Money> envelopes,
            Map<String, RegionCategory> priorities, List<LedgerCommand> journal) {
        GlobalGrant start = of(id, intermediateBody, envelopes, priorities);
        // One working copy, changed in place: replaying n commands costs n steps, not n copies.
        GlobalGrant grant = new GlobalGrant(start.id, start.intermediateBody, start.envelopes, start.priorities,
                new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>(), new HashMap<>());
        grant.totals = new Totals();
        for (int i = 0; i < journal.size(); i++) {
            try {
                grant.applyInPlace(journal.get(i));
            } catch (RuleViolationException e) {
                final String at = "journal[" + i + "]";
                throw new InvalidValueException(e.violations().stream().map(v -> v.under(at)).toList());
            }
        }
        return new GlobalGrant(grant.id, grant.intermediateBody, grant.envelopes, grant.priorities,
                Collections.unmodifiableList(grant.journal),
                Collections.unmodifiableList(grant.movements), Collections.unmodifiableMap(grant.accounts),
                Collections.unmodifiableMap(grant.applied));
    }

    /** Applies a command to this working copy's own collections (replay only); a retry changes nothing. */
    private void applyInPlace(LedgerCommand command) {
        Objects.requireNonNull(command, "command");
        if (retried(command) != null) {
            return;
        }
        List<Movement> made = new ArrayList<>();
        OperationAccount after = decided(command, made);
        OperationAccount before = accounts.get(after.operation());
        if (before != null) {
            totals.remove(before);
        }
        if (command instanceof LedgerCommand.Commit commit) {
            totals.committed.add(commit.operation());
            Money[] p = totals.byPriority.computeIfAbsent(after.envelope().priority(), k -> Totals.zeros(2));
            // a top-up's commitment replaces the operation's eligible cost
            Money earlier = totals.eligibleCosts.put(commit.operation(), commit.eligibleCost());
            p[1] = p[1].plus(commit.eligibleCost()).minus(earlier == null ? Money.ZERO : earlier);
        }
        totals.add(after);
        journal.add(command);
        movements.addAll(made);
        accounts.put(after.operation(), after);
        applied.put(command.key(), new Applied(command, List.copyOf(made)));
    }

    /** The movements of an earlier identical command under the same key, or null for a new key. */
    private List<Movement> retried(LedgerCommand command) {
        Applied earlier = applied.get(command.key());
        if (earlier == null) {
            return null;
        }
        if (earlier.command().sameRequestAs(command)) {
            return earlier.movements();
        }
        throw new RuleViolationException(FundsError.IDEMPOTENCY_CONFLICT, "key", command.key(),
                earlier.command().getClass().getSimpleName() + " " + earlier.command().operation());
    }

    /** The account after the command, its movements added to {@code made}, or every refusal thrown. */
    private OperationAccount decided(LedgerCommand command, List<Movement> made) {
        List<Violation> refusals = new ArrayList<>();
        OperationAccount after = decide(command, refusals, made);
        if (!refusals.isEmpty()) {
            throw new RuleViolationException(refusals);
        }
        return after;
    }

    // ------------------------------------------------------------------------------ commands

    /**
     * Applies a ledger command.
     *
     * @param command not null
     * @return the grant after it and the movements it made; for a retry under the same key, this
     *     grant and the earlier movements
     * @throws RuleViolationException with every rule the command would break, the grant unchanged:
     *     {@code PLIE-FUNDS-015} for a key reused by another command, and per command the codes
     *     listed on {@link FundsError}
     */
    public LedgerResult apply(LedgerCommand command) {
        Objects.requireNonNull(command, "command");
        List<Movement> earlier = retried(command);
        if (earlier != null) {
            return new LedgerResult(this, earlier, true);
        }
        List<Movement> made = new ArrayList<>();
        OperationAccount after = decided(command, made);
        List<LedgerCommand> newJournal = new ArrayList<>(journal);
        newJournal.add(command);
        List<Movement> newMovements = new ArrayList<>(movements);
        newMovements.addAll(made);
        Map<OperationId, OperationAccount> newAccounts = new LinkedHashMap<>(accounts);
        newAccounts.put(after.operation(), after);
        Map<IdempotencyKey, Applied> newApplied = new HashMap<>(applied);
        newApplied.put(command.key(), new Applied(command, List.copyOf(made)));
        GlobalGrant next = new GlobalGrant(id, intermediateBody, envelopes, priorities, Collections.unmodifiableList(newJournal),
                Collections.unmodifiableList(newMovements), Collections.unmodifiableMap(newAccounts), Collections.unmodifiableMap(newApplied));
        return new LedgerResult(next, made, false);
    }

    private OperationAccount decide(LedgerCommand command, List<Violation> refusals, List<Movement> made) {
        OperationAccount account = accounts.get(command.operation());
        if (command instanceof LedgerCommand.Reserve reserve) {
            return reserve(reserve, account, refusals, made);
        }
        if (account == null) {
            refusals.add(Violation.of(FundsError.UNKNOWN_OPERATION, "operation", command.operation()));
            return null;
        }
        if (command instanceof LedgerCommand.Release release) {
            if (release.amount().isGreaterThan(account.reserved())) {
                refusals.add(Violation.of(FundsError.OVER_RELEASE, "amount", release.amount(), account.reserved()));
            }
            move(made, MovementKind.RELEASE, null, account, release.amount(), command, command.reason());
            return account.release(release.amount());
        }
        if (command instanceof LedgerCommand.Commit commit) {
            return commit(commit, account, refusals, made);
        }
        if (!account.isCommitted()) {
            refusals.add(Violation.of(FundsError.NOT_COMMITTED, "operation", command.operation()));
            return null;
        }
        if (command instanceof LedgerCommand.Pay pay) {
            return pay(pay, account, refusals, made);
        }
        if (command instanceof LedgerCommand.TopUp topUp) {
            return topUp(topUp, account, refusals, made);
        }
        if (command instanceof LedgerCommand.Decommit decommit) {
            if (decommit.amount().isGreaterThan(account.leftToPay())) {
                refusals.add(Violation.of(FundsError.OVER_DECOMMITMENT, "amount", decommit.amount(), account.leftToPay()));
            } else if (decommit.amount().isGreaterThan(account.decommittable())) {
                // what a service-done check accepted and is still unpaid stays committed, so that it can be paid
                refusals.add(Violation.of(FundsError.DECOMMIT_ACCEPTED_UNPAID, "amount", decommit.amount(), account.acceptedUnpaid(),
                        account.decommittable()));
            }
            move(made, MovementKind.DECOMMITMENT, null, account, decommit.amount(), command, command.reason());
            return account.decommit(decommit.amount());
        }
        LedgerCommand.RecordServiceDone check = (LedgerCommand.RecordServiceDone) command;
        Money accepted = check.check().accepted();
        if (account.balancePaid()) {
            refusals.add(Violation.of(FundsError.BALANCE_ALREADY_PAID, "operation", command.operation()));
        }
        if (account.accepted().plus(accepted).isGreaterThan(account.netCommitment())) {
            refusals.add(Violation.of(FundsError.ACCEPTED_OVER_COMMITMENT, "check.accepted", accepted, account.accepted(),
                    account.netCommitment()));
        }
        if (accepted.isPositive()) {
            move(made, MovementKind.SERVICE_DONE, null, account, accepted, command, command.reason());
        }
        return account.accept(accepted);
    }

    private OperationAccount reserve(LedgerCommand.Reserve reserve, OperationAccount existing, List<Violation> refusals,
            List<Movement> made) {
        Money envelope = envelopes.get(reserve.envelope());
        if (envelope == null) {
            refusals.add(Violation.of(FundsError.UNKNOWN_ENVELOPE, "envelope", reserve.envelope(), envelopes.keySet()));
            return null;
        }
        OperationAccount account = existing == null ? OperationAccount.opened(reserve.operation(), reserve.envelope()) : existing;
        if (account.isCommitted()) {
            refusals.add(Violation.of(FundsError.ALREADY_COMMITTED, "operation", reserve.operation(), account.committed()));
        }
        if (!account.envelope().equals(reserve.envelope())) {
            refusals.add(Violation.of(FundsError.OTHER_ENVELOPE, "envelope", reserve.envelope(), account.envelope()));
        }
        Money available = balance(reserve.envelope()).available();
        if (reserve.amount().isGreaterThan(available)) {
            refusals.add(Violation.of(FundsError.ENVELOPE_EXCEEDED, "amount", reserve.amount(), available, reserve.envelope(), envelope));
        }
        move(made, MovementKind.RESERVATION, null, account, reserve.amount(), reserve, reserve.reason());
        return account.reserve(reserve.amount(), reserve.actor());
    }

    /** A raise of a committed operation reserved in its envelope, as a first reservation would be. */
    private OperationAccount topUp(LedgerCommand.TopUp topUp, OperationAccount account, List<Violation> refusals, List<Movement> made) {
        if (account.balancePaid()) {
            refusals.add(Violation.of(FundsError.TOP_UP_AFTER_BALANCE, "operation", topUp.operation(), topUp.amount()));
        }
        Money available = balance(account.envelope()).available();
        if (topUp.amount().isGreaterThan(available)) {
            refusals.add(Violation.of(FundsError.ENVELOPE_EXCEEDED, "amount", topUp.amount(), available, account.envelope(),
                    envelopes.get(account.envelope())));
        }
        move(made, MovementKind.RESERVATION, null, account, topUp.amount(), topUp, topUp.reason());
        return account.reserve(topUp.amount(), topUp.actor());
    }

    private OperationAccount commit(LedgerCommand.Commit commit, OperationAccount account, List<Violation> refusals, List<Movement> made) {
        // committed once; afterwards only the raise a top-up reserved
        boolean again = account.isCommitted() && !account.reserved().isPositive();
        if (again) {
            refusals.add(Violation.of(FundsError.ALREADY_COMMITTED, "operation", commit.operation(), account.committed()));
        }
        if (account.appraisers().stream().anyMatch(appraiser -> samePerson(appraiser, commit.actor()))) {
            refusals.add(Violation.of(FundsError.SEPARATION_OF_FUNCTIONS, "actor", commit.actor(), commit.operation()));
        }
        if (commit.amount().isGreaterThan(account.reserved())) {
            refusals.add(Violation.of(FundsError.OVER_RESERVATION, "amount", commit.amount(), account.reserved()));
        }
        if (!again) {
            // the rate is checked on a commitment that could be made, not on one committed a second time
            withinPriorityRate(commit, account).ifPresent(refusals::add);
        }
        move(made, MovementKind.COMMITMENT, null, account, commit.amount(), commit, commit.reason());
        Money rest = account.reserved().minus(commit.amount());
        if (rest.isPositive()) {
            move(made, MovementKind.RELEASE, null, account, rest, commit, "reste de la réservation libéré à l’engagement");
        }
        return account.commit(commit.amount());
    }

    /**
     * The art. 112 rule, checked across the priority when committing: the FSE+ committed on the
     * priority (net of decommitments) plus this commitment stays within the rate of the priority's
     * region category applied to the eligible costs of the operations committed on it plus this
     * one. The cap is rounded down to the cent, so it never exceeds the rate.
     */
    private Optional<Violation> withinPriorityRate(LedgerCommand.Commit commit, OperationAccount account) {
        String priority = account.envelope().priority();
        RegionCategory category = priorities.get(priority);
        BigDecimal rate = category.maximumRatePercent();
        Money esf = commit.amount();
        Money costs = commit.eligibleCost();
        if (totals != null) {
            Money[] sums = totals.byPriority.getOrDefault(priority, Totals.zeros(2));
            esf = esf.plus(sums[0]);
            costs = costs.plus(sums[1]).minus(totals.eligibleCosts.getOrDefault(commit.operation(), Money.ZERO));
        } else {
            // the eligible cost of each operation committed on the priority is its last commitment's
            Map<OperationId, Money> eligible = new LinkedHashMap<>();
            for (LedgerCommand earlier : journal) {
                if (earlier instanceof LedgerCommand.Commit c && accounts.get(c.operation()).envelope().priority().equals(priority)) {
                    eligible.put(c.operation(), c.eligibleCost());
                }
            }
            eligible.remove(commit.operation());
            for (Map.Entry<OperationId, Money> other : eligible.entrySet()) {
                esf = esf.plus(accounts.get(other.getKey()).netCommitment());
                costs = costs.plus(other.getValue());
            }
            if (account.isCommitted()) {
                esf = esf.plus(account.netCommitment());
            }
        }
        Money cap = Money.rounded(costs.amount().multiply(rate).divide(BigDecimal.valueOf(100)), RoundingMode.DOWN);
        if (!esf.isGreaterThan(cap)) {
            return Optional.empty();
        }
        String share = esf.amount().multiply(BigDecimal.valueOf(100)).divide(costs.amount(), 2, RoundingMode.HALF_UP).toPlainString();
        Money room = cap.minus(esf.minus(commit.amount()));
        return Optional.of(Violation.of(FundsError.PRIORITY_RATE_EXCEEDED, "amount", commit.amount(), priority, share,
                rate.toPlainString(), category, room.isPositive() ? room : Money.ZERO));
    }

    /**
     * The region category of each priority of the grant, which sets its co-financing rate.
     *
     * @return the categories by priority, sorted, unmodifiable
     */
    public SortedMap<String, RegionCategory> priorities() {
        return priorities;
    }

    /**
     * Whether two actor names designate the same person for the separation of functions: names are
     * compared as people read them ({@link Identifiers#samePerson}: without invisible characters,
     * NFKC, spaces and case aside), so that a differently spelt name cannot slip past the rule.
     */
    private static boolean samePerson(String one, String other) {
        return Identifiers.samePerson(one, other);
    }

    private OperationAccount pay(LedgerCommand.Pay pay, OperationAccount account, List<Violation> refusals, List<Movement> made) {
        Money paidAfter = account.paid().plus(pay.amount());
        if (account.balancePaid()) {
            refusals.add(Violation.of(FundsError.BALANCE_ALREADY_PAID, "operation", pay.operation()));
        }
        if (paidAfter.isGreaterThan(account.netCommitment())) {
            refusals.add(Violation.of(FundsError.OVER_COMMITMENT, "amount", pay.amount(), account.leftToPay(), account.netCommitment()));
        }
        if (pay.kind() == PaymentKind.ADVANCE && account.started()) {
            refusals.add(Violation.of(FundsError.ADVANCE_AFTER_START, "kind", pay.kind(), pay.operation()));
        }
        if (pay.kind() != PaymentKind.ADVANCE && paidAfter.isGreaterThan(account.accepted())) {
            refusals.add(Violation.of(FundsError.OVER_ACCEPTED, "amount", pay.amount(), account.accepted(), account.paid()));
        }
        move(made, MovementKind.PAYMENT, pay.kind(), account, pay.amount(), pay, pay.reason());
        return account.pay(pay.kind(), pay.amount());
    }

    private void move(List<Movement> made, MovementKind kind, PaymentKind paymentKind, OperationAccount account, Money amount,
            LedgerCommand command, String reason) {
        made.add(new Movement(movements.size() + made.size() + 1L, kind, paymentKind, account.operation(), account.envelope(), amount,
                command.actor(), command.at(), reason, command.key()));
    }

    // ------------------------------------------------------------------------------ queries

    /**
     * Where an envelope stands.
     *
     * @param key the envelope, not null
     * @return its balance
     * @throws RuleViolationException ({@code PLIE-FUNDS-003}) for an unknown envelope
     */
    public EnvelopeBalance balance(EnvelopeKey key) {
        Money amount = envelopes.get(key);
        if (amount == null) {
            throw new RuleViolationException(FundsError.UNKNOWN_ENVELOPE, "envelope", key, envelopes.keySet());
        }
        Money reserved = Money.ZERO;
        Money committed = Money.ZERO;
        Money paid = Money.ZERO;
        if (totals != null) {
            Money[] sums = totals.byEnvelope.getOrDefault(key, Totals.zeros(3));
            return new EnvelopeBalance(key, amount, sums[0], sums[1], sums[2], amount.minus(sums[0]).minus(sums[1]));
        }
        for (OperationAccount account : accounts.values()) {
            if (account.envelope().equals(key)) {
                reserved = reserved.plus(account.reserved());
                committed = committed.plus(account.netCommitment());
                paid = paid.plus(account.paid());
            }
        }
        return new EnvelopeBalance(key, amount, reserved, committed, paid, amount.minus(reserved).minus(committed));
    }

    /**
     * The account of an operation.
     *
     * @param operation not null
     * @return the account, when the operation has a reservation
     */
    public Optional<OperationAccount> account(OperationId operation) {
        return Optional.ofNullable(accounts.get(operation));
    }

    /**
     * The accounts of every operation, in the order of their first reservation.
     *
     * @return the accounts
     */
    public List<OperationAccount> accounts() {
        return List.copyOf(accounts.values());
    }

    /**
     * Every movement, oldest first.
     *
     * @return the movements
     */
    public List<Movement> movements() {
        return movements;
    }

    /**
     * Every command applied, oldest first (retries excluded): the journal from which
     * {@link #replay} rebuilds the grant.
     *
     * @return the commands
     */
    public List<LedgerCommand> journal() {
        return journal;
    }

    /**
     * The revision: the number of commands applied, raised by one at every change; stores use it
     * for optimistic locking.
     *
     * @return the revision, from 0
     */
    public long revision() {
        return journal.size();
    }

    /**
     * The envelopes.
     *
     * @return the amount of each envelope, sorted by key
     */
    public SortedMap<EnvelopeKey, Money> envelopes() {
        return envelopes;
    }

    /**
     * The grant's identifier.
     *
     * @return the identifier
     */
    public GlobalGrantId id() {
        return id;
    }

    /**
     * The intermediate body that holds the grant.
     *
     * @return the OI
     */
    public OrganisationId intermediateBody() {
        return intermediateBody;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GlobalGrant that && id.equals(that.id) && intermediateBody.equals(that.intermediateBody)
                && envelopes.equals(that.envelopes) && priorities.equals(that.priorities) && journal.equals(that.journal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, intermediateBody, envelopes, journal);
    }

    @Override
    public String toString() {
        return "GlobalGrant[" + id + " of " + intermediateBody + ", " + envelopes.size() + " envelopes, " + movements.size() + " movements]";
    }
}
