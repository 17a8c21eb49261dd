package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.funds.OperationAccount;
import fr.asso.europlie.plie.funds.PaymentKind;
import fr.asso.europlie.plie.funds.ServiceDoneCheck;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.OperationPeriod;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.transaction.InjectedFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Atomicity of process C and its execution: a database failure injected at a random write of a
 * random command (the ledger's journal row, the audit line written after the ledger, or Flowable's
 * removal of the completed task, flushed at the very end of the command) leaves the state of the
 * last successful command, on H2 and PostgreSQL: the same ledger, audit trail, waiting steps and
 * published statuses; once the failure is lifted the command succeeds, and the whole run ends with
 * the trail of a run that never failed.
 */
@DisplayName("process C: a failure injected at a random write leaves the state of the last successful command")
class CommitmentFailureTest {

    private static final AtomicInteger OPERATIONS = new AtomicInteger();
    private static final OrganisationId OI = OrganisationId.of("OI-DORDOGNE");
    private static final OrganisationId OPERATOR = OrganisationId.of("ASSO-TREMPLIN");
    private static final EnvelopeKey ENVELOPE = EnvelopeKey.of("4", "h", 2026);
    private static final GlobalGrantId GRANT = GlobalGrantId.of("SG-2026");
    private static final Actor INSTRUCTOR = Actor.of("instructeur.a", OI, Role.OI_INSTRUCTOR);
    private static final Actor MANAGER = Actor.of("gestionnaire.b", OI, Role.OI_MANAGER);
    private static final Actor SIGNATORY = Actor.of("presidente", OPERATOR, Role.OPERATOR);
    private static final OperationPeriod PERIOD = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 6, 30));

    /** A write made to fail by a trigger ({@link InjectedFailure.Trigger}, shared with the other atomicity tests). */
    private enum Failure {
        LEDGER_ROW("plie_ledger_entry", "INSERT"), AUDIT_LINE("plie_commitment_audit", "INSERT"), TASK_REMOVAL("act_ru_task", "DELETE"),
        AGREEMENT_ROW("plie_grant_agreement", "INSERT");

        final InjectedFailure.Trigger trigger;

        Failure(String table, String event) {
            this.trigger = new InjectedFailure.Trigger("plie_fail_c_" + name().toLowerCase(), table, event);
        }

        void on(Databases.Target database) {
            trigger.on(database);
        }

        void off(Databases.Target database) {
            trigger.off(database);
        }
    }

    /** One command of an operation's commitment and execution, as its actor would run it. */
    private record Command(String name, Consumer<OperationId> run) {
    }

    private static IdempotencyKey key(OperationId op, String name) {
        return IdempotencyKey.of(op.value() + "/" + name);
    }

    private static List<Command> commands(FseCommitment fse, ManualClock clock) {
        List<Command> commands = new ArrayList<>();
        commands.add(new Command("start", op -> fse.start(INSTRUCTOR, op, OPERATOR, Money.euros(6_000))));
        commands.add(new Command("appraise", op -> fse.appraise(INSTRUCTOR, op, new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(12_000),
                Money.euros(6_000), "forfait 40 %", WhenUncovered.WAIT))));
        commands.add(new Command("committee", op -> fse.recordCommitteeOpinion(INSTRUCTOR, op, CommitteeOpinion.FAVOURABLE, "ok")));
        commands.add(new Command("decide", op -> fse.decide(MANAGER, op)));
        commands.add(new Command("sign", op -> fse.signAgreement(SIGNATORY, op, PERIOD)));
        commands.add(new Command("advance", op -> fse.pay(MANAGER, op, PaymentKind.ADVANCE, Money.euros(1_000), "avance", key(op, "a"))));
        commands.add(new Command("report 1", op -> fse.submitReport(SIGNATORY, op, Money.euros(3_000), "rapport 1")));
        commands.add(new Command("check 1", op -> fse.recordServiceDone(INSTRUCTOR, new ServiceDoneCheck(op, "controleur", clock.instant(),
                Money.euros(3_000), List.of(new ServiceDoneCheck.Rejection(Money.euros(500), "hors période")), 10, 9), key(op, "c1"))));
        commands.add(new Command("answer", op -> fse.answerContradictory(SIGNATORY, op, "observations")));
        commands.add(new Command("conclude", op -> fse.concludeContradictory(INSTRUCTOR, op, Money.euros(100), "admis en partie",
                key(op, "c1b"))));
        commands.add(new Command("interim", op -> fse.pay(MANAGER, op, PaymentKind.INTERIM, Money.euros(1_600), "acompte", key(op, "i"))));
        commands.add(new Command("report 2", op -> fse.submitReport(SIGNATORY, op, Money.euros(1_000), "rapport final")));
        commands.add(new Command("check 2", op -> fse.recordServiceDone(INSTRUCTOR, new ServiceDoneCheck(op, "controleur", clock.instant(),
                Money.euros(1_000), List.of(), 10, 10), key(op, "c2"))));
        commands.add(new Command("balance", op -> fse.pay(MANAGER, op, PaymentKind.BALANCE, Money.euros(1_000), "solde", key(op, "b"))));
        commands.add(new Command("close", op -> fse.close(MANAGER, op, "soldée", key(op, "d"))));
        return List.copyOf(commands);
    }

    /** What a user sees of an operation: its ledger account, trail, waiting steps and the statuses heard. */
    private record Snapshot(Optional<OperationAccount> account, int journal, List<String> trail, String commitmentStep, String executionStep,
            int heard) {
        static Snapshot of(FseCommitment fse, OperationId op, List<CommitmentStatus> heard) {
            return new Snapshot(fse.account(MANAGER, op), fse.globalGrant(MANAGER, GRANT).orElseThrow().journal().size(), trailOf(fse, op),
                    fse.view(MANAGER, op).waitingStep(), fse.execution(MANAGER, op).waitingStep(), heard.size());
        }
    }

    private static List<String> trailOf(FseCommitment fse, OperationId op) {
        return fse.history(MANAGER, op).stream().map(e -> e.step() + " " + e.outcome() + " " + e.userId()).toList();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("random failures along a commitment and its execution: each failed command changes nothing, and the run ends as a clean one")
    void failuresLeaveTheLastSuccessfulState(Databases.Kind kind) {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).name("fail-" + ProcessHandle.current().pid() + "-"
                        + OPERATIONS.incrementAndGet()).build()) {
            FseCommitment fse = engine.fseCommitment();
            List<CommitmentStatus> heard = new CopyOnWriteArrayList<>();
            fse.addListener(heard::add);
            fse.openGlobalGrant(MANAGER, Grants.of(GRANT, OI, Map.of(ENVELOPE, Money.euros(10_000_000))));
            List<Command> commands = commands(fse, clock);
            int points = commands.size() * Failure.values().length;
            AtomicInteger failed = new AtomicInteger();
            OperationId clean = run(database, fse, commands, List.of(), heard, failed);
            List<String> cleanTrail = trailOf(fse, clean);
            OperationAccount cleanAccount = fse.account(MANAGER, clean).orElseThrow();

            // One failure sure to be on its way (every command appends its audit line, here the appraisal's),
            // so that the random examples below, which may all miss, never leave the injection itself untested.
            OperationId sure = run(database, fse, commands, List.of(Failure.values().length + Failure.AUDIT_LINE.ordinal()), heard, failed);
            assertThat(failed.get()).as("the audit line's failure fired at the appraisal").isEqualTo(1);
            assertThat(trailOf(fse, sure)).isEqualTo(cleanTrail);

            int examples = Integer.getInteger("plie.transaction.examples", kind == Databases.Kind.H2 ? 8 : 4);
            qt().withExamples(examples).withShrinkCycles(0)
                    .forAll(lists().of(integers().between(0, points - 1)).ofSizeBetween(1, 4))
                    .checkAssert(failures -> {
                        OperationId op = run(database, fse, commands, failures, heard, failed);
                        assertThat(trailOf(fse, op)).isEqualTo(cleanTrail);
                        OperationAccount account = fse.account(MANAGER, op).orElseThrow();
                        assertThat(List.of(account.netCommitment(), account.paid(), account.accepted(), account.decommitted()))
                                .isEqualTo(List.of(cleanAccount.netCommitment(), cleanAccount.paid(), cleanAccount.accepted(),
                                        cleanAccount.decommitted()));
                        assertThat(fse.execution(MANAGER, op).running()).isFalse();
                    });
            System.out.printf("commitment failures (%s): %d examples, %d injected failures fired%n", kind, examples, failed.get());
            assertThat(failed.get()).isPositive();
        }
    }

    /**
     * Runs the commands on a new operation; before each command scheduled to fail, its failure is
     * injected and the command tried once: when it fails, nothing a user sees has changed; then the
     * failure is lifted and the command run for real (unless it succeeded, the failure not being on
     * its way).
     */
    private static OperationId run(Databases.Target database, FseCommitment fse, List<Command> commands, List<Integer> failures,
            List<CommitmentStatus> heard, AtomicInteger failed) {
        OperationId op = OperationId.of("OP-FAIL-" + OPERATIONS.incrementAndGet());
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            boolean done = false;
            for (int failure : failures) {
                if (done || failure / Failure.values().length != i) {
                    continue;
                }
                Failure injected = Failure.values()[failure % Failure.values().length];
                Snapshot before = i == 0 ? null : Snapshot.of(fse, op, heard);
                injected.on(database);
                Throwable thrown;
                try {
                    thrown = catchThrowable(() -> command.run().accept(op));
                } finally {
                    injected.off(database);
                }
                if (thrown == null) {
                    done = true;
                } else {
                    failed.incrementAndGet();
                    if (before != null) {
                        assertThat(Snapshot.of(fse, op, heard)).as("%s failed on %s", command.name(), injected).isEqualTo(before);
                    } else {
                        assertThat(fse.view(MANAGER, op).running()).as("start failed on %s", injected).isFalse();
                    }
                }
            }
            if (!done) {
                command.run().accept(op);
            }
        }
        return op;
    }
}
