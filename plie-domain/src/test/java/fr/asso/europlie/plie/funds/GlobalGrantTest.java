package fr.asso.europlie.plie.funds;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static fr.asso.europlie.plie.funds.FundsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.money.MoneyError;
import fr.asso.europlie.plie.offer.OperationId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the global grant and its ledger")
class GlobalGrantTest {

    private static final OperationId OTHER = OperationId.of("OP-2026-002");

    @Test
    @DisplayName("a reservation takes part of the envelope; one beyond what is left is refused and changes nothing")
    void reservationWithinEnvelope() {
        GlobalGrant grant = aGrant().apply(reserve(OP, 70_000)).grant();
        assertThat(grant.balance(Y2026).available()).isEqualTo(Money.euros(30_000));
        PlieException error = assertRefused(() -> grant.apply(reserve(OTHER, 30_001)), FundsError.ENVELOPE_EXCEEDED, "amount", "30001.00");
        assertThat(error.violation().message(Messages.FRENCH)).contains("30000.00").contains("1/h/2026").contains("100000.00");
        assertThat(grant.movements()).hasSize(1);
        assertThat(grant.account(OTHER)).isEmpty();
        assertThat(grant.apply(reserve(OTHER, 30_000)).grant().balance(Y2026).available()).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("the appraiser of an operation cannot be recorded as the one who decides its commitment")
    void separationOfFunctions() {
        GlobalGrant reserved = aGrant().apply(reserve(OP, 50_000)).grant();
        LedgerCommand.Commit byInstructor = new LedgerCommand.Commit(aKey(), OP, Money.euros(50_000), Money.euros(100_000), INSTRUCTOR, at(5), "décision");
        PlieException error = assertRefused(() -> reserved.apply(byInstructor), FundsError.SEPARATION_OF_FUNCTIONS, "actor", INSTRUCTOR);
        assertThat(error.violation().message(Messages.ENGLISH)).contains("OP-2026-001");
        assertThat(reserved.account(OP).orElseThrow().isCommitted()).isFalse();
        assertThat(reserved.apply(commit(OP, 50_000)).grant().account(OP).orElseThrow().isCommitted()).isTrue();
    }

    @Test
    @DisplayName("the appraiser cannot slip past the separation of functions by spelling their name with other capitals, spaces, invisible or full-width characters")
    void separationOfFunctionsIgnoresCaseAndSpaces() {
        GlobalGrant reserved = aGrant().apply(reserve(OP, 50_000)).grant();
        for (String disguised : List.of(" " + INSTRUCTOR, INSTRUCTOR + " ", INSTRUCTOR.toUpperCase(java.util.Locale.ROOT),
                INSTRUCTOR + "\u00A0", "\u200B" + INSTRUCTOR, INSTRUCTOR.replace(".", ".\u200D"),
                "\uFF49nstructeur.oi", INSTRUCTOR.replace("e", "e\u00AD"))) {
            LedgerCommand.Commit commit = new LedgerCommand.Commit(aKey(), OP, Money.euros(50_000), Money.euros(100_000), disguised, at(5), "décision");
            assertRefused(() -> reserved.apply(commit), FundsError.SEPARATION_OF_FUNCTIONS, "actor", disguised);
        }
        assertThat(reserved.account(OP).orElseThrow().isCommitted()).isFalse();
    }

    @Test
    @DisplayName("a commitment takes the reservation; the rest goes back to the envelope")
    void commitmentFromReservation() {
        LedgerResult result = aGrant().apply(reserve(OP, 50_000)).grant().apply(commit(OP, 45_000));
        assertThat(result.movements()).extracting(Movement::kind).containsExactly(MovementKind.COMMITMENT, MovementKind.RELEASE);
        EnvelopeBalance balance = result.grant().balance(Y2026);
        assertThat(balance.reserved()).isEqualTo(Money.ZERO);
        assertThat(balance.committed()).isEqualTo(Money.euros(45_000));
        assertThat(balance.available()).isEqualTo(Money.euros(55_000));
    }

    @Test
    @DisplayName("an operation is committed once")
    void committedOnce() {
        GlobalGrant committed = aGrantWithCommitted(40_000);
        assertRefused(() -> committed.apply(commit(OP, 1)), FundsError.ALREADY_COMMITTED, "operation", "OP-2026-001");
        assertRefused(() -> committed.apply(reserve(OP, 1)), FundsError.ALREADY_COMMITTED, "operation", "OP-2026-001");
    }

    @Test
    @DisplayName("a raise of a committed operation goes back through reservation: the top-up reserves the difference, refused like a first reservation when the envelope cannot cover it, then a manager commits it with the new eligible cost")
    void topUpOfACommittedOperation() {
        GlobalGrant committed = aGrantWithCommitted(40_000).apply(reserve(OTHER, 50_000)).grant();
        LedgerCommand.TopUp tooMuch = new LedgerCommand.TopUp(aKey(), OP, Money.euros(10_001), INSTRUCTOR, at(6), "avenant en hausse");
        assertRefused(() -> committed.apply(tooMuch), FundsError.ENVELOPE_EXCEEDED, "amount", "10001.00");
        assertRefused(() -> committed.apply(new LedgerCommand.TopUp(aKey(), OTHER, Money.euros(1), INSTRUCTOR, at(6), "hausse")),
                FundsError.NOT_COMMITTED, "operation", OTHER.value());
        assertThat(committed.movements()).hasSize(3);

        LedgerResult reserved = committed.apply(new LedgerCommand.TopUp(aKey(), OP, Money.euros(10_000), INSTRUCTOR, at(6), "avenant en hausse"));
        assertThat(reserved.movements()).extracting(Movement::kind).containsExactly(MovementKind.RESERVATION);
        assertThat(reserved.grant().balance(Y2026).available()).isEqualTo(Money.ZERO);
        LedgerCommand.Commit byInstructor = new LedgerCommand.Commit(aKey(), OP, Money.euros(10_000), Money.euros(100_000), INSTRUCTOR, at(7),
                "hausse");
        assertRefused(() -> reserved.grant().apply(byInstructor), FundsError.SEPARATION_OF_FUNCTIONS, "actor", INSTRUCTOR);
        // 50 000 € on an eligible cost of 60 000 € is over the priority's 60 %: the new eligible cost is the base of the rate
        LedgerCommand.Commit overRate = new LedgerCommand.Commit(aKey(), OP, Money.euros(10_000), Money.euros(60_000), MANAGER, at(7), "hausse");
        assertRefused(() -> reserved.grant().apply(overRate), FundsError.PRIORITY_RATE_EXCEEDED, "amount", "10000.00");

        GlobalGrant raised = reserved.grant().apply(new LedgerCommand.Commit(aKey(), OP, Money.euros(8_000), Money.euros(100_000), MANAGER,
                at(7), "avenant signé")).grant();
        OperationAccount account = raised.account(OP).orElseThrow();
        assertThat(account.netCommitment()).isEqualTo(Money.euros(48_000));
        assertThat(account.reserved()).isEqualTo(Money.ZERO);
        assertThat(raised.balance(Y2026).available()).isEqualTo(Money.euros(2_000));
        // and the stored journal replays to the same grant
        assertThat(GlobalGrant.replay(raised.id(), raised.intermediateBody(), raised.envelopes(), raised.priorities(), raised.journal()))
                .isEqualTo(raised);
        assertThat(fr.asso.europlie.plie.json.funds.GlobalGrantJson.read(fr.asso.europlie.plie.json.funds.GlobalGrantJson.write(raised)))
                .isEqualTo(raised);
    }

    @Test
    @DisplayName("no raise once the balance is paid (PLIE-FUNDS-038)")
    void noTopUpAfterTheBalance() {
        GlobalGrant paid = aGrantWithCommitted(10_000).apply(serviceDone(OP, 10_000, 0)).grant()
                .apply(pay(OP, PaymentKind.BALANCE, 10_000)).grant();
        PlieException error = assertRefused(() -> paid.apply(new LedgerCommand.TopUp(aKey(), OP, Money.euros(1), INSTRUCTOR, at(8), "hausse")),
                FundsError.TOP_UP_AFTER_BALANCE, "operation", OP.value());
        assertThat(error.violation().message(Messages.FRENCH)).contains("solde");
        assertThat(error.violation().message(Messages.ENGLISH)).contains("balance");
    }

    @Test
    @DisplayName("the in-memory agreements store: one per operation, an update extends the stored versions under the revision read")
    void inMemoryAgreements() {
        GrantAgreements store = new InMemoryGrantAgreements();
        fr.asso.europlie.plie.offer.OperationPeriod period = fr.asso.europlie.plie.offer.OperationPeriod.of(java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2026, 12, 31));
        GrantAgreement signed = GrantAgreement.sign(GrantAgreementId.of("CONV-1"), OP, OI, OI, Money.euros(1_000), Money.euros(2_000), period,
                java.time.LocalDate.of(2026, 2, 1));
        store.add(signed);
        assertRefused(() -> store.add(new GrantAgreement(GrantAgreementId.of("CONV-2"), OP, OI, OI, signed.versions())),
                FundsError.AGREEMENT_CONCURRENT_CHANGE, "grantAgreementId", "CONV-2");
        GrantAgreement amended = signed.amend(Money.euros(900), Money.euros(2_000), period, java.time.LocalDate.of(2026, 3, 1), "baisse",
                Money.ZERO);
        assertRefused(() -> store.update(amended, 0), FundsError.AGREEMENT_CONCURRENT_CHANGE, "grantAgreementId", "CONV-1");
        assertRefused(() -> store.update(signed, 1), FundsError.AGREEMENT_CONCURRENT_CHANGE, "grantAgreementId", "CONV-1");
        store.update(amended, 1);
        assertThat(store.ofOperation(OP)).contains(amended);
        assertRefused(() -> store.get(GrantAgreementId.of("CONV-9")), FundsError.AGREEMENT_NOT_FOUND, "grantAgreementId", "CONV-9");
    }

    @Test
    @DisplayName("a commitment beyond the reservation, or without one, is refused")
    void commitmentNeedsReservation() {
        GlobalGrant reserved = aGrant().apply(reserve(OP, 10_000)).grant();
        assertRefused(() -> reserved.apply(commit(OP, 10_001)), FundsError.OVER_RESERVATION, "amount", "10001.00");
        assertRefused(() -> reserved.apply(commit(OTHER, 1)), FundsError.UNKNOWN_OPERATION, "operation", "OP-2026-002");
    }

    @Test
    @DisplayName("a payment beyond the accepted amount is refused, and an interim payment needs a service-done check")
    void paymentBeyondAccepted() {
        GlobalGrant committed = aGrantWithCommitted(40_000);
        assertRefused(() -> committed.apply(pay(OP, PaymentKind.INTERIM, 1)), FundsError.OVER_ACCEPTED, "amount", "1.00");
        GlobalGrant checked = committed.apply(serviceDone(OP, 20_000, 2_500)).grant();
        assertThat(checked.account(OP).orElseThrow().accepted()).isEqualTo(Money.euros(17_500));
        PlieException error = assertRefused(() -> checked.apply(pay(OP, PaymentKind.INTERIM, 17_501)), FundsError.OVER_ACCEPTED,
                "amount", "17501.00");
        assertThat(error.violation().message(Messages.ENGLISH)).contains("17500.00");
        GlobalGrant paid = checked.apply(pay(OP, PaymentKind.INTERIM, 17_500)).grant();
        assertThat(paid.account(OP).orElseThrow().paid()).isEqualTo(Money.euros(17_500));
        assertThat(paid.balance(Y2026).paid()).isEqualTo(Money.euros(17_500));
    }

    @Test
    @DisplayName("an advance counts towards the accepted amount and is refused once checks have started")
    void advances() {
        GlobalGrant advanced = aGrantWithCommitted(40_000).apply(pay(OP, PaymentKind.ADVANCE, 8_000)).grant();
        GlobalGrant checked = advanced.apply(serviceDone(OP, 10_000, 0)).grant();
        assertRefused(() -> checked.apply(pay(OP, PaymentKind.INTERIM, 2_001)), FundsError.OVER_ACCEPTED, "amount", "2001.00");
        assertRefused(() -> checked.apply(pay(OP, PaymentKind.ADVANCE, 1)), FundsError.ADVANCE_AFTER_START, "kind", "ADVANCE");
        assertThat(checked.apply(pay(OP, PaymentKind.INTERIM, 2_000)).grant().account(OP).orElseThrow().paid()).isEqualTo(Money.euros(10_000));
    }

    @Test
    @DisplayName("payments never exceed the commitment; after the balance nothing more is paid, the rest is decommitted")
    void balanceAndDecommitment() {
        GlobalGrant committed = aGrantWithCommitted(40_000).apply(serviceDone(OP, 36_000, 0)).grant();
        assertRefused(() -> committed.apply(pay(OP, PaymentKind.ADVANCE, 40_001)), FundsError.OVER_COMMITMENT, "amount", "40001.00");
        GlobalGrant settled = committed.apply(pay(OP, PaymentKind.BALANCE, 36_000)).grant();
        assertRefused(() -> settled.apply(pay(OP, PaymentKind.INTERIM, 1)), FundsError.BALANCE_ALREADY_PAID, "operation", "OP-2026-001");
        assertRefused(() -> settled.apply(new LedgerCommand.Decommit(aKey(), OP, Money.euros(4_001), MANAGER, at(9), "clôture")),
                FundsError.OVER_DECOMMITMENT, "amount", "4001.00");
        GlobalGrant closed = settled.apply(new LedgerCommand.Decommit(aKey(), OP, Money.euros(4_000), MANAGER, at(9), "clôture")).grant();
        assertThat(closed.balance(Y2026).committed()).isEqualTo(Money.euros(36_000));
        assertThat(closed.balance(Y2026).available()).isEqualTo(Money.euros(64_000));
        assertThat(closed.account(OP).orElseThrow().leftToPay()).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("a retried command is applied once; the same key for another command is refused")
    void idempotency() {
        LedgerCommand.Reserve reserve = reserve(OP, 10_000);
        LedgerResult first = aGrant().apply(reserve);
        LedgerResult retry = first.grant().apply(reserve.at(at(3600)));
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.grant()).isSameAs(first.grant());
        assertThat(retry.movements()).isEqualTo(first.movements());
        assertThat(retry.grant().balance(Y2026).reserved()).isEqualTo(Money.euros(10_000));
        LedgerCommand.Reserve other = new LedgerCommand.Reserve(reserve.key(), OP, Y2026, Money.euros(20_000), INSTRUCTOR, at(1), "x");
        assertRefused(() -> first.grant().apply(other), FundsError.IDEMPOTENCY_CONFLICT, "key", reserve.key().value());
    }

    @Test
    @DisplayName("each movement carries who, when, why and the key")
    void movementsCarryTheirContext() {
        LedgerCommand.Reserve reserve = reserve(OP, 10_000);
        Movement movement = aGrant().apply(reserve).movements().get(0);
        assertThat(movement.actor()).isEqualTo(INSTRUCTOR);
        assertThat(movement.at()).isEqualTo(at(1));
        assertThat(movement.reason()).isEqualTo("instruction favorable");
        assertThat(movement.key()).isEqualTo(reserve.key());
        assertThat(movement.sequence()).isEqualTo(1);
    }

    @Test
    @DisplayName("bad input names the field and the value: negative amounts, unknown envelope, reserving on two envelopes")
    void badInput() {
        PlieException negative = assertRefused(() -> new LedgerCommand.Reserve(aKey(), OP, Y2026, Money.euros(-5), INSTRUCTOR, at(1), " "),
                FundsError.NOT_POSITIVE, "amount", "-5.00");
        assertViolation(negative, FundsError.BLANK, "reason", " ");
        GlobalGrant grant = aGrant();
        EnvelopeKey unknown = EnvelopeKey.of("2", "k", 2026);
        assertRefused(() -> grant.apply(new LedgerCommand.Reserve(aKey(), OP, unknown, Money.euros(5), INSTRUCTOR, at(1), "x")),
                FundsError.UNKNOWN_ENVELOPE, "envelope", "2/k/2026");
        GlobalGrant reserved = grant.apply(reserve(OP, 5)).grant();
        assertRefused(() -> reserved.apply(new LedgerCommand.Reserve(aKey(), OP, Y2027, Money.euros(5), INSTRUCTOR, at(1), "x")),
                FundsError.OTHER_ENVELOPE, "envelope", "1/h/2027");
        assertRefused(() -> GlobalGrant.of(GlobalGrantId.of("SG"), OI, java.util.Map.of(Y2026, Money.euros(-1)), PRIORITIES), MoneyError.NEGATIVE,
                "envelopes.1/h/2026", "-1.00");
        assertThat(reserved.journal()).hasSize(1);
    }

    @Test
    @DisplayName("a service-done check accepts the declared amount minus its rejections, each with a reason")
    void serviceDoneCheck() {
        ServiceDoneCheck check = serviceDone(OP, 20_000, 2_500).check();
        assertThat(check.rejected()).isEqualTo(Money.euros(2_500));
        assertThat(check.accepted()).isEqualTo(Money.euros(17_500));
        assertRefused(() -> new ServiceDoneCheck(OP, CONTROLLER, at(1), Money.euros(10),
                List.of(new ServiceDoneCheck.Rejection(Money.euros(11), "hors période")), 1, 1), FundsError.REJECTED_OVER_DECLARED,
                "rejections", "11.00");
        assertRefused(() -> new ServiceDoneCheck.Rejection(Money.euros(1), ""), FundsError.BLANK, "rejection.reason", "");
        assertRefused(() -> new ServiceDoneCheck(OP, CONTROLLER, at(1), Money.euros(10), List.of(), 3, 4), FundsError.BAD_COUNT,
                "participantsAccepted", "4");
        GlobalGrant committed = aGrantWithCommitted(10_000);
        assertRefused(() -> committed.apply(serviceDone(OP, 10_001, 0)), FundsError.ACCEPTED_OVER_COMMITMENT, "check.accepted", "10001.00");
        assertRefused(() -> aGrant().apply(reserve(OP, 5)).grant().apply(serviceDone(OP, 1, 0)), FundsError.NOT_COMMITTED, "operation",
                "OP-2026-001");
    }

    @Test
    @DisplayName("a grant is rebuilt by replaying its journal; a journal that breaks a rule is refused naming its position")
    void replay() {
        GlobalGrant grant = aGrantWithCommitted(10_000).apply(serviceDone(OP, 5_000, 0)).grant();
        GlobalGrant copy = GlobalGrant.replay(grant.id(), grant.intermediateBody(), grant.envelopes(), grant.priorities(), grant.journal());
        assertThat(copy).isEqualTo(grant);
        assertThat(copy.movements()).isEqualTo(grant.movements());
        assertRefused(() -> GlobalGrant.replay(grant.id(), grant.intermediateBody(), java.util.Map.of(Y2026, Money.euros(1_000)),
                PRIORITIES, grant.journal()), FundsError.ENVELOPE_EXCEEDED, "journal[0].amount", "10000.00");
    }

    @Test
    @DisplayName("the art. 112 rate holds across the priority when committing: one operation may go above it, the priority may not")
    void coFinancingRatePerPriority() {
        OperationId third = OperationId.of("OP-2026-003");
        // Priority 1, transition region: 60 %. OP: 12,000 of 40,000 (30 %); OTHER: 33,000 of 40,000 (82.5 %, above 60 % alone);
        // together 45,000 of 80,000 = 56.25 %: accepted.
        GlobalGrant grant = aGrant().apply(reserve(OP, 12_000)).grant().apply(reserve(OTHER, 33_000)).grant()
                .apply(reserve(third, 20_000)).grant()
                .apply(new LedgerCommand.Commit(aKey(), OP, Money.euros(12_000), Money.euros(40_000), MANAGER, at(2), "convention")).grant()
                .apply(new LedgerCommand.Commit(aKey(), OTHER, Money.euros(33_000), Money.euros(40_000), MANAGER, at(2), "convention")).grant();
        assertThat(grant.account(OTHER).orElseThrow().netCommitment()).isEqualTo(Money.euros(33_000));
        // The third: 20,000 of 20,000 would give 65,000 of 100,000 = 65 %; the cap is 60,000, so 15,000 at most.
        PlieException error = assertRefused(() -> grant.apply(new LedgerCommand.Commit(aKey(), third, Money.euros(20_000),
                Money.euros(20_000), MANAGER, at(3), "convention")), FundsError.PRIORITY_RATE_EXCEEDED, "amount", "20000.00");
        assertThat(error.violations()).hasSize(1);
        assertThat(error.getMessage(Messages.ENGLISH)).contains("priority 1").contains("65.00 %").contains("60 %")
                .contains("TRANSITION").contains("EUR 15000.00").contains("art. 112");
        assertThat(grant.apply(new LedgerCommand.Commit(aKey(), third, Money.euros(15_000), Money.euros(20_000), MANAGER, at(3),
                "convention")).grant().account(third).orElseThrow().netCommitment()).isEqualTo(Money.euros(15_000));
    }

    @Test
    @DisplayName("every priority of the envelopes needs its region category, and a commitment its eligible cost")
    void priorityCategoryAndEligibleCost() {
        assertRefused(() -> GlobalGrant.of(GlobalGrantId.of("SG"), OI, java.util.Map.of(Y2026, Money.euros(1)), java.util.Map.of()),
                FundsError.PRIORITY_WITHOUT_CATEGORY, "priorities.1", "1");
        assertRefused(() -> new LedgerCommand.Commit(aKey(), OP, Money.euros(10), Money.euros(9), MANAGER, at(2), "convention"),
                FundsError.AMOUNT_OVER_COST, "amount", "10.00");
    }

    @Test
    @DisplayName("a decommitment never takes back what a service-done check accepted and is still unpaid, so the accepted balance can be paid")
    void decommitmentKeepsTheAcceptedUnpaid() {
        // 40,000 committed, 8,000 advanced, 17,500 accepted: 9,500 accepted and unpaid, 32,000 left to pay
        GlobalGrant checked = FundsFixture.aGrantWithCommitted(40_000).apply(pay(OP, PaymentKind.ADVANCE, 8_000)).grant()
                .apply(serviceDone(OP, 20_000, 2_500)).grant();
        OperationAccount account = checked.account(OP).orElseThrow();
        assertThat(account.acceptedUnpaid()).isEqualTo(Money.euros(9_500));
        assertThat(account.decommittable()).isEqualTo(Money.euros(22_500));
        // down to the paid amount (what the old rule accepted) is refused, nothing changed
        PlieException error = assertRefused(() -> checked.apply(new LedgerCommand.Decommit(aKey(), OP, Money.euros(32_000), MANAGER, at(9),
                "clôture")), FundsError.DECOMMIT_ACCEPTED_UNPAID, "amount", "32000.00");
        assertThat(error.violations().get(0).details()).containsExactly("9500.00", "22500.00");
        assertThat(checked.account(OP)).contains(account);
        // what may be decommitted is, and the accepted balance is then paid in full
        GlobalGrant decommitted = checked.apply(new LedgerCommand.Decommit(aKey(), OP, Money.euros(22_500), MANAGER, at(9), "clôture"))
                .grant();
        GlobalGrant paid = decommitted.apply(pay(OP, PaymentKind.BALANCE, 9_500)).grant();
        assertThat(paid.account(OP).orElseThrow().paid()).isEqualTo(Money.euros(17_500));
        assertThat(paid.account(OP).orElseThrow().leftToPay()).isEqualTo(Money.ZERO);
    }
}
