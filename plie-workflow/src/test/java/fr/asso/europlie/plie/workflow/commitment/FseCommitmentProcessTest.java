package fr.asso.europlie.plie.workflow.commitment;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.ExecutionReportSchedule;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GlobalGrant;
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
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.flowable.engine.ProcessEngines;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Process C, the OI's commitment of FSE+ funds, one test per path, through the typed facade and
 * the BPMN process, on H2 and PostgreSQL.
 *
 * <p>The paths, each a test of its own that ends with {@link #ends}: each committee opinion
 * (favourable, unfavourable, adjourned), each outcome of an uncovered reservation (reduce, waiting
 * list, propose refusal), the waiting-list take-up, the instructor refused as manager, the
 * agreement deadline with its reminder, then cancellation or extension, a service-done check with
 * rejected amounts and the contradictory procedure, each payment kind (advance, interim, balance),
 * a decommitment during the execution and the closure's. The other tests cover amendments and
 * raises, refusals, settings, audit and atomicity.
 */
@DisplayName("process C: the OI commits FSE+ funds for an operation")
class FseCommitmentProcessTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final OrganisationId OI = OrganisationId.of("OI-DORDOGNE");
    private static final OrganisationId OPERATOR = OrganisationId.of("ASSO-TREMPLIN");
    private static final OrganisationId OTHER_OPERATOR = OrganisationId.of("ASSO-AUTRE");
    private static final EnvelopeKey ENVELOPE = EnvelopeKey.of("4", "h", 2026);
    private static final GlobalGrantId GRANT = GlobalGrantId.of("SG-2026");
    private static final Actor INSTRUCTOR = Actor.of("instructeur.a", OI, Role.OI_INSTRUCTOR);
    private static final Actor MANAGER = Actor.of("gestionnaire.b", OI, Role.OI_MANAGER);
    private static final Actor OPERATOR_SIGNATORY = Actor.of("presidente", OPERATOR, Role.OPERATOR);
    /** The operation's period in its agreement: 30 months, so one interim report and the final one (due 2028-12-31). */
    private static final OperationPeriod PERIOD = OperationPeriod.of(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2028, 6, 30));

    /** One engine with a grant of 10 000 € on the envelope, and the statuses its listener heard. */
    private static final class Fixture implements AutoCloseable {
        final ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        final Databases.Target database;
        final PlieEngine engine;
        final String name = "fse-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
        final List<CommitmentStatus> heard = new CopyOnWriteArrayList<>();

        Fixture(Databases.Kind kind) {
            database = Databases.fresh(kind);
            engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build();
            fse().addListener(heard::add);
            fse().openGlobalGrant(MANAGER, Grants.of(GRANT, OI, Map.of(ENVELOPE, Money.euros(10_000))));
        }

        FseCommitment fse() {
            return engine.fseCommitment();
        }

        /** Process B's publication: the message on which process C starts. */
        void requested(String operation, String amount) {
            ProcessEngines.getProcessEngine(name).getRuntimeService().startProcessInstanceByMessage(CommitmentProcess.MESSAGE,
                    "PROG-2026-1/" + operation, Map.of("planId", "default", "programmingId", "PROG-2026-1", "operationId", operation,
                            "axis", "EMPLOYMENT", "fseAmount", amount));
        }

        CommitmentView appraise(String operation, long euros, WhenUncovered when) {
            return fse().appraise(INSTRUCTOR, OperationId.of(operation), new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(euros * 2),
                    Money.euros(euros), "forfait 40 %", when));
        }

        /** Takes an operation through appraisal, favourable opinion and decision to its signed agreement. */
        void committed(String operation, long euros) {
            OperationId op = OperationId.of(operation);
            fse().start(INSTRUCTOR, op, OPERATOR, Money.euros(euros));
            appraise(operation, euros, WhenUncovered.WAIT);
            fse().recordCommitteeOpinion(INSTRUCTOR, op, CommitteeOpinion.FAVOURABLE, "dossier complet");
            fse().decide(MANAGER, op);
            fse().signAgreement(OPERATOR_SIGNATORY, op, PERIOD);
        }

        /** What a refused command must leave as it was: the ledger's journal, the agreement, the audit trail, the open step. */
        String unchanged(String operation) {
            OperationId op = OperationId.of(operation);
            return grant().journal().size() + " / " + fse().agreement(MANAGER, op).map(a -> a.versions().size()).orElse(0) + " / "
                    + fse().history(MANAGER, op).size() + " / " + view(operation).waitingStep() + " / " + view(operation).status();
        }

        CommitmentView view(String operation) {
            return fse().view(INSTRUCTOR, OperationId.of(operation));
        }

        GlobalGrant grant() {
            return fse().globalGrant(MANAGER, GRANT).orElseThrow();
        }

        @Override
        public void close() {
            engine.close();
            database.close();
        }
    }

    /**
     * The common end of a path: the envelope's figures as stored, read again through the facade
     * (reserved, committed net of decommitments, paid, and what is left available of the 10 000 €),
     * the operation's audit trail (step:outcome, in order, the engine's own entries allowed
     * between), and how many process instances are left running in the engine (the follow-on
     * execution of a committed operation included).
     */
    private static void ends(Fixture f, long reserved, long committed, long paid, long running, String operation, String... history) {
        GlobalGrant stored = f.grant();
        assertThat(stored.balance(ENVELOPE).reserved()).as("reserved").isEqualTo(Money.euros(reserved));
        assertThat(stored.balance(ENVELOPE).committed()).as("committed").isEqualTo(Money.euros(committed));
        assertThat(stored.balance(ENVELOPE).paid()).as("paid").isEqualTo(Money.euros(paid));
        assertThat(stored.balance(ENVELOPE).available()).as("available").isEqualTo(Money.euros(10_000 - reserved - committed));
        assertThat(f.fse().history(MANAGER, OperationId.of(operation))).extracting(e -> e.step() + ":" + e.outcome())
                .containsSubsequence(history).startsWith(history[0]);
        assertThat(ProcessEngines.getProcessEngine(f.name).getRuntimeService().createProcessInstanceQuery().count())
                .as("processes left running").isEqualTo(running);
    }

    private static void on(Databases.Kind kind, Consumer<Fixture> test) {
        try (Fixture fixture = new Fixture(kind)) {
            test.accept(fixture);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a favourable opinion, started by process B's message: appraisal, reservation, decision, agreement signed, commitment recorded and heard")
    void happyPathFromTheMessage(Databases.Kind kind) {
        on(kind, f -> {
            f.requested("OP-1", "6000.00");
            assertThat(f.view("OP-1").waitingStep()).isEqualTo(CommitmentProcess.Task.APPRAISAL);

            CommitmentView reserved = f.appraise("OP-1", 6_000, WhenUncovered.WAIT);
            assertThat(reserved.waitingStep()).isEqualTo(CommitmentProcess.Task.COMMITTEE);
            assertThat(reserved.status().state()).isEqualTo(CommitmentState.RESERVED);
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.euros(6_000));

            f.fse().recordCommitteeOpinion(INSTRUCTOR, OperationId.of("OP-1"), CommitteeOpinion.FAVOURABLE, "dossier complet");
            assertThat(f.fse().decide(MANAGER, OperationId.of("OP-1")).waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT);
            // the operator sees its own operation
            assertThat(f.fse().view(OPERATOR_SIGNATORY, OperationId.of("OP-1")).waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT);

            CommitmentView committed = f.fse().signAgreement(OPERATOR_SIGNATORY, OperationId.of("OP-1"), PERIOD);
            assertThat(committed.running()).isFalse();
            assertThat(committed.status().state()).isEqualTo(CommitmentState.COMMITTED);
            assertThat(committed.status().amount()).isEqualTo(Money.euros(6_000));
            assertThat(f.grant().balance(ENVELOPE).committed()).isEqualTo(Money.euros(6_000));
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.ZERO);
            assertThat(f.grant().account(OperationId.of("OP-1")).orElseThrow().appraisers()).contains("instructeur.a");
            assertThat(f.heard).extracting(CommitmentStatus::state).containsExactly(CommitmentState.RESERVED, CommitmentState.COMMITTED);
            // committed: the commitment process ended, its execution runs
            ends(f, 0, 6_000, 0, 1, "OP-1", "appraisal:RESERVED", "programmingCommittee:FAVOURABLE", "commitmentDecision:DECIDED",
                    "agreementSignature:SIGNED");
        });
    }

    /** OP-1 reserves 8 000 € of the 10 000 €, then OP-2 asks 5 000 €: only 2 000 € are left. */
    private static OperationId uncovered(Fixture f) {
        f.fse().start(INSTRUCTOR, OperationId.of("OP-1"), OPERATOR, Money.euros(8_000));
        f.appraise("OP-1", 8_000, WhenUncovered.WAIT);
        OperationId op = OperationId.of("OP-2");
        f.fse().start(INSTRUCTOR, op, OPERATOR, Money.euros(5_000));
        return op;
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an uncovered amount reduced: what is left of the envelope is reserved, with the reason, and goes to the committee")
    void uncoveredReduced(Databases.Kind kind) {
        on(kind, f -> {
            uncovered(f);
            CommitmentView reduced = f.appraise("OP-2", 5_000, WhenUncovered.REDUCE);
            assertThat(reduced.status().state()).isEqualTo(CommitmentState.RESERVED);
            assertThat(reduced.status().amount()).isEqualTo(Money.euros(2_000));
            assertThat(reduced.status().reason()).contains("réduit");
            assertThat(reduced.waitingStep()).isEqualTo(CommitmentProcess.Task.COMMITTEE);
            ends(f, 10_000, 0, 0, 2, "OP-2", "START:STARTED", "appraisal:RESERVED");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an uncovered amount put on the waiting list: nothing reserved, the process waits")
    void uncoveredWaits(Databases.Kind kind) {
        on(kind, f -> {
            uncovered(f);
            CommitmentView waiting = f.appraise("OP-2", 5_000, WhenUncovered.WAIT);
            assertThat(waiting.status().state()).isEqualTo(CommitmentState.WAITING);
            assertThat(waiting.waitingStep()).isEqualTo(CommitmentProcess.Task.WAITING_LIST);
            ends(f, 8_000, 0, 0, 2, "OP-2", "START:STARTED", "appraisal:WAITING");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an uncovered amount with refusal proposed: refused with its reason, the process ended, nothing reserved")
    void uncoveredRefusalProposed(Databases.Kind kind) {
        on(kind, f -> {
            uncovered(f);
            CommitmentView refused = f.appraise("OP-2", 5_000, WhenUncovered.PROPOSE_REFUSAL);
            assertThat(refused.status().state()).isEqualTo(CommitmentState.REFUSED);
            assertThat(refused.status().reason()).contains("ne couvre pas").contains("refus proposé");
            assertThat(refused.running()).isFalse();
            ends(f, 8_000, 0, 0, 1, "OP-2", "START:STARTED", "appraisal:REFUSED");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an unfavourable opinion refuses the operation with its reason, releases its reservation and ends the process")
    void unfavourableOpinion(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = OperationId.of("OP-1");
            f.fse().start(INSTRUCTOR, op, OPERATOR, Money.euros(4_000));
            f.appraise("OP-1", 4_000, WhenUncovered.WAIT);
            CommitmentView unfavourable = f.fse().recordCommitteeOpinion(INSTRUCTOR, op, CommitteeOpinion.UNFAVOURABLE, "public hors PLIE");
            assertThat(unfavourable.running()).isFalse();
            assertThat(unfavourable.status().state()).isEqualTo(CommitmentState.REFUSED);
            assertThat(unfavourable.status().reason()).contains("défavorable").contains("public hors PLIE");
            assertThat(f.heard).extracting(CommitmentStatus::state).containsExactly(CommitmentState.RESERVED, CommitmentState.REFUSED);
            assertThat(f.grant().journal()).extracting(c -> c.getClass().getSimpleName()).containsExactly("Reserve", "Release");
            ends(f, 0, 0, 0, 0, "OP-1", "START:STARTED", "appraisal:RESERVED", "programmingCommittee:UNFAVOURABLE");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a waiting-list operation is taken up by itself when money is released to its envelope: back to its appraisal, audited, and reserved")
    void waitingListTakenUp(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = uncovered(f);
            assertThat(f.appraise("OP-2", 5_000, WhenUncovered.WAIT).waitingStep()).isEqualTo(CommitmentProcess.Task.WAITING_LIST);
            // OP-1's unfavourable opinion releases its 8 000 €
            f.fse().recordCommitteeOpinion(INSTRUCTOR, OperationId.of("OP-1"), CommitteeOpinion.UNFAVOURABLE, "public hors PLIE");
            assertThat(f.view("OP-2").waitingStep()).isEqualTo(CommitmentProcess.Task.APPRAISAL);
            assertThat(f.fse().history(MANAGER, op)).filteredOn(e -> e.step().equals("TAKEN_UP")).singleElement()
                    .satisfies(e -> assertThat(e.reason()).contains("SG-2026"));
            // no longer on the waiting list: a take-up by hand has nothing to take up
            assertRefused(() -> f.fse().takeUp(INSTRUCTOR, op), WorkflowError.NO_COMMITMENT, "operationId", "OP-2");
            CommitmentView takenUp = f.appraise("OP-2", 5_000, WhenUncovered.WAIT);
            assertThat(takenUp.status().state()).isEqualTo(CommitmentState.RESERVED);
            assertThat(takenUp.waitingStep()).isEqualTo(CommitmentProcess.Task.COMMITTEE);
            ends(f, 5_000, 0, 0, 1, "OP-2", "START:STARTED", "appraisal:WAITING", "TAKEN_UP:TAKEN_UP", "appraisal:RESERVED");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the grant agreement is stored with the commitment, read by the OI and the operation's own operator; an amendment over the commitment or the rate is refused and changes nothing; a lower one decommits the difference, once")
    void agreementStoredAndAmended(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = OperationId.of("OP-1");
            f.committed("OP-1", 6_000);
            fr.asso.europlie.plie.funds.GrantAgreement signed = f.fse().agreement(OPERATOR_SIGNATORY, op).orElseThrow();
            assertThat(signed.versions()).hasSize(1);
            assertThat(signed.operator()).isEqualTo(OPERATOR);
            assertThat(signed.intermediateBody()).isEqualTo(OI);
            assertThat(signed.current().esfAmount()).isEqualTo(Money.euros(6_000));
            assertThat(signed.current().eligibleCost()).isEqualTo(Money.euros(12_000));
            assertThat(signed.current().period()).isEqualTo(PERIOD);
            assertThat(f.fse().agreement(MANAGER, op)).contains(signed);
            assertRefused(() -> f.fse().agreement(Actor.of("tresoriere", OTHER_OPERATOR, Role.OPERATOR), op), WorkflowError.NOT_THE_OPERATOR,
                    "actor.organisation", OTHER_OPERATOR.value());
            assertRefused(() -> f.fse().agreement(Actor.of("autre", OrganisationId.of("OI-GIRONDE"), Role.OI_MANAGER), op),
                    WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");

            String before = f.unchanged("OP-1");
            IdempotencyKey key = IdempotencyKey.of("OP-1/avenant-1");
            assertRefused(() -> f.fse().amendAgreement(MANAGER, op, Money.euros(7_000), Money.euros(14_000), PERIOD, "hausse", key),
                    FundsError.AGREEMENT_OVER_COMMITMENT, "esfAmount", "7000.00");
            // 85 % of 7 000 € is 5 950 €
            assertRefused(() -> f.fse().amendAgreement(MANAGER, op, Money.euros(6_000), Money.euros(7_000), PERIOD, "coût revu", key),
                    FundsError.AGREEMENT_OVER_RATE, "esfAmount", "6000.00");
            assertRefused(() -> f.fse().amendAgreement(INSTRUCTOR, op, Money.euros(5_000), Money.euros(12_000), PERIOD, "baisse", key),
                    WorkflowError.ROLE_REQUIRED, "actor.roles", "instructeur.a");
            assertThat(f.unchanged("OP-1")).isEqualTo(before);

            fr.asso.europlie.plie.funds.GrantAgreement amended = f.fse().amendAgreement(MANAGER, op, Money.euros(5_000), Money.euros(12_000),
                    PERIOD, "public réduit", key);
            assertThat(amended.versions()).hasSize(2);
            assertThat(amended.current().esfAmount()).isEqualTo(Money.euros(5_000));
            assertThat(f.grant().account(op).orElseThrow().netCommitment()).isEqualTo(Money.euros(5_000));
            assertThat(f.grant().balance(ENVELOPE).available()).isEqualTo(Money.euros(5_000));
            assertThat(f.fse().amendAgreement(MANAGER, op, Money.euros(5_000), Money.euros(12_000), PERIOD, "public réduit", key))
                    .isEqualTo(amended);
            assertThat(f.grant().journal()).extracting(c -> c.getClass().getSimpleName()).containsExactly("Reserve", "Commit", "Decommit");
            assertThat(f.fse().agreement(OPERATOR_SIGNATORY, op)).contains(amended);
            assertThat(f.fse().history(MANAGER, op)).filteredOn(e -> e.step().equals("AMENDMENT")).hasSize(1);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a raise goes back through reservation: the difference reserved (top-up), the instructor refused as manager with nothing changed, then committed by the manager and the agreement amended")
    void raiseCovered(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = OperationId.of("OP-1");
            f.committed("OP-1", 6_000);
            assertRefused(() -> f.fse().appraiseIncrease(INSTRUCTOR, op, Money.euros(8_000), Money.euros(16_000), WhenUncovered.WAIT),
                    WorkflowError.NO_COMMITMENT, "operationId", "OP-1");
            assertThat(f.fse().requestIncrease(INSTRUCTOR, op, Money.euros(8_000)).waitingStep())
                    .isEqualTo(CommitmentProcess.Increase.APPRAISAL);
            assertRefused(() -> f.fse().requestIncrease(INSTRUCTOR, op, Money.euros(8_000)), WorkflowError.COMMITMENT_RUNNING, "operationId", "OP-1");
            assertRefused(() -> f.fse().appraiseIncrease(INSTRUCTOR, op, Money.euros(6_000), Money.euros(16_000), WhenUncovered.WAIT),
                    WorkflowError.NOT_A_RAISE, "fseAmount", "6000.00");

            CommitmentView reserved = f.fse().appraiseIncrease(INSTRUCTOR, op, Money.euros(8_000), Money.euros(16_000), WhenUncovered.WAIT);
            assertThat(reserved.waitingStep()).isEqualTo(CommitmentProcess.Increase.DECISION);
            assertThat(reserved.status().state()).isEqualTo(CommitmentState.RESERVED);
            assertThat(reserved.status().amount()).isEqualTo(Money.euros(2_000));
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.euros(2_000));

            String before = f.unchanged("OP-1");
            assertRefused(() -> f.fse().decideIncrease(Actor.of(" Instructeur.A ", OI, Role.OI_MANAGER), op, true, "ok"),
                    WorkflowError.SAME_PERSON, "actor.userId", "Instructeur.A");
            assertRefused(() -> f.fse().decideIncrease(Actor.of("gestionnaire.z", OrganisationId.of("OI-GIRONDE"), Role.OI_MANAGER), op, true,
                    "ok"), WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");
            assertThat(f.unchanged("OP-1")).isEqualTo(before);

            CommitmentView committed = f.fse().decideIncrease(MANAGER, op, true, "besoins confirmés");
            assertThat(committed.running()).isFalse();
            assertThat(committed.status().state()).isEqualTo(CommitmentState.COMMITTED);
            assertThat(committed.status().amount()).isEqualTo(Money.euros(8_000));
            assertThat(f.grant().balance(ENVELOPE).committed()).isEqualTo(Money.euros(8_000));
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.ZERO);
            assertThat(f.grant().journal()).extracting(c -> c.getClass().getSimpleName())
                    .containsExactly("Reserve", "Commit", "TopUp", "Commit");
            fr.asso.europlie.plie.funds.GrantAgreement amended = f.fse().agreement(OPERATOR_SIGNATORY, op).orElseThrow();
            assertThat(amended.versions()).hasSize(2);
            assertThat(amended.current().esfAmount()).isEqualTo(Money.euros(8_000));
            assertThat(amended.current().eligibleCost()).isEqualTo(Money.euros(16_000));
            assertThat(f.fse().history(MANAGER, op)).extracting(e -> e.step() + ":" + e.outcome())
                    .contains("INCREASE:REQUESTED", "increaseAppraisal:RESERVED", "increaseDecision:COMMITTED");
            assertThat(f.heard).extracting(CommitmentStatus::state).endsWith(CommitmentState.RESERVED, CommitmentState.COMMITTED);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a raise the envelope cannot cover: refusal proposed leaves the commitment as it was; sent by message, it waits and is taken up when money is released, then declined by the manager and its reservation released")
    void raiseNotCovered(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = OperationId.of("OP-1");
            f.committed("OP-1", 6_000);
            f.fse().start(INSTRUCTOR, OperationId.of("OP-2"), OPERATOR, Money.euros(3_500));
            f.appraise("OP-2", 3_500, WhenUncovered.WAIT);
            // 500 € left on the envelope

            f.fse().requestIncrease(MANAGER, op, Money.euros(8_000));
            CommitmentView refused = f.fse().appraiseIncrease(INSTRUCTOR, op, Money.euros(8_000), Money.euros(16_000),
                    WhenUncovered.PROPOSE_REFUSAL);
            assertThat(refused.running()).isFalse();
            assertThat(refused.status().state()).isEqualTo(CommitmentState.COMMITTED);
            assertThat(refused.status().amount()).isEqualTo(Money.euros(6_000));
            assertThat(refused.status().reason()).contains("ne couvre pas").contains("hausse refusée");
            assertThat(f.grant().journal()).hasSize(3);
            assertThat(f.fse().agreement(MANAGER, op).orElseThrow().versions()).hasSize(1);

            // process B's amendment (or an integrator) sends the raise as a message
            ProcessEngines.getProcessEngine(f.name).getRuntimeService().startProcessInstanceByMessage(CommitmentProcess.Increase.MESSAGE,
                    "PROG-2026-1/OP-1/increase/1", Map.of("planId", "default", "programmingId", "PROG-2026-1", "operationId", "OP-1",
                            "fseAmount", "8000.00"));
            CommitmentView waiting = f.fse().appraiseIncrease(INSTRUCTOR, op, Money.euros(8_000), Money.euros(16_000), WhenUncovered.WAIT);
            assertThat(waiting.waitingStep()).isEqualTo(CommitmentProcess.Increase.WAITING_LIST);
            assertThat(waiting.status().state()).isEqualTo(CommitmentState.WAITING);
            assertThat(f.grant().journal()).hasSize(3);

            // OP-2's unfavourable opinion releases 3 500 €: the raise is taken up, back to its appraisal
            f.fse().recordCommitteeOpinion(INSTRUCTOR, OperationId.of("OP-2"), CommitteeOpinion.UNFAVOURABLE, "hors public");
            assertThat(f.view("OP-1").waitingStep()).isEqualTo(CommitmentProcess.Increase.APPRAISAL);
            assertThat(f.fse().appraiseIncrease(INSTRUCTOR, op, Money.euros(8_000), Money.euros(16_000), WhenUncovered.WAIT).status().amount())
                    .isEqualTo(Money.euros(2_000));
            CommitmentView declined = f.fse().decideIncrease(MANAGER, op, false, "pas prioritaire cette année");
            assertThat(declined.running()).isFalse();
            assertThat(declined.status().state()).isEqualTo(CommitmentState.COMMITTED);
            assertThat(declined.status().amount()).isEqualTo(Money.euros(6_000));
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.ZERO);
            assertThat(f.grant().balance(ENVELOPE).committed()).isEqualTo(Money.euros(6_000));
            assertThat(f.grant().journal()).extracting(c -> c.getClass().getSimpleName()).endsWith("TopUp", "Release");
            assertThat(f.fse().agreement(OPERATOR_SIGNATORY, op).orElseThrow().versions()).hasSize(1);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a raise the envelope covers in part, reduced by the instructor: what is left is reserved, the manager commits it, "
            + "the agreement amended to the commitment plus the part reserved, the envelope exhausted and never exceeded")
    void raiseReduced(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = OperationId.of("OP-1");
            f.committed("OP-1", 6_000);
            f.fse().start(INSTRUCTOR, OperationId.of("OP-2"), OPERATOR, Money.euros(3_500));
            f.appraise("OP-2", 3_500, WhenUncovered.WAIT);
            Money available = f.grant().balance(ENVELOPE).available();
            assertThat(available).isEqualTo(Money.euros(500));

            f.fse().requestIncrease(MANAGER, op, Money.euros(8_000));
            CommitmentView reduced = f.fse().appraiseIncrease(INSTRUCTOR, op, Money.euros(8_000), Money.euros(16_000), WhenUncovered.REDUCE);
            assertThat(reduced.waitingStep()).isEqualTo(CommitmentProcess.Increase.DECISION);
            assertThat(reduced.status().state()).isEqualTo(CommitmentState.RESERVED);
            assertThat(reduced.status().amount()).isEqualTo(available);
            assertThat(reduced.status().reason()).contains("réduite");
            assertThat(f.grant().balance(ENVELOPE).available()).isEqualTo(Money.ZERO);

            CommitmentView committed = f.fse().decideIncrease(MANAGER, op, true, "hausse partielle acceptée");
            assertThat(committed.running()).isFalse();
            assertThat(committed.status().state()).isEqualTo(CommitmentState.COMMITTED);
            assertThat(committed.status().amount()).isEqualTo(Money.euros(6_000).plus(available));
            assertThat(f.grant().balance(ENVELOPE).committed()).isEqualTo(Money.euros(6_000).plus(available));
            assertThat(f.grant().balance(ENVELOPE).available()).isEqualTo(Money.ZERO);
            assertThat(f.grant().journal()).extracting(c -> c.getClass().getSimpleName()).endsWith("TopUp", "Commit");
            fr.asso.europlie.plie.funds.GrantAgreement amended = f.fse().agreement(OPERATOR_SIGNATORY, op).orElseThrow();
            assertThat(amended.versions()).hasSize(2);
            assertThat(amended.current().esfAmount()).isEqualTo(Money.euros(6_000).plus(available));
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an adjourned opinion sends the operation back to the instructor, its reservation released and asked again")
    void adjourned(Databases.Kind kind) {
        on(kind, f -> {
            f.fse().start(MANAGER, OperationId.of("OP-1"), OPERATOR, Money.euros(4_000));
            f.appraise("OP-1", 4_000, WhenUncovered.WAIT);
            CommitmentView adjourned = f.fse().recordCommitteeOpinion(INSTRUCTOR, OperationId.of("OP-1"), CommitteeOpinion.ADJOURNED,
                    "préciser les publics");
            assertThat(adjourned.waitingStep()).isEqualTo(CommitmentProcess.Task.APPRAISAL);
            assertThat(adjourned.status().state()).isEqualTo(CommitmentState.RELEASED);
            assertThat(adjourned.status().reason()).contains("ajourné").contains("préciser les publics");
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.ZERO);
            CommitmentView again = f.appraise("OP-1", 3_500, WhenUncovered.WAIT);
            assertThat(again.waitingStep()).isEqualTo(CommitmentProcess.Task.COMMITTEE);
            assertThat(f.grant().journal()).extracting(c -> c.getClass().getSimpleName()).containsExactly("Reserve", "Release", "Reserve");
            ends(f, 3_500, 0, 0, 1, "OP-1", "START:STARTED", "appraisal:RESERVED", "programmingCommittee:ADJOURNED", "appraisal:RESERVED");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the simplified cost options of the appraisal are kept: on the view (last appraisal wins, after the process ended too), in the appraisal's audit reference, on the grant agreement and its amendments")
    void simplifiedCostOptionsKept(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = OperationId.of("OP-1");
            f.fse().start(INSTRUCTOR, op, OPERATOR, Money.euros(4_000));
            assertThat(f.view("OP-1").simplifiedCostOptions()).isNull();
            assertThat(f.fse().appraise(INSTRUCTOR, op, new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(8_000), Money.euros(4_000),
                    "forfait 40 % des frais de personnel", WhenUncovered.WAIT)).simplifiedCostOptions())
                    .isEqualTo("forfait 40 % des frais de personnel");
            f.fse().recordCommitteeOpinion(INSTRUCTOR, op, CommitteeOpinion.ADJOURNED, "préciser les coûts");
            assertThat(f.view("OP-1").simplifiedCostOptions()).isEqualTo("forfait 40 % des frais de personnel");
            f.fse().appraise(INSTRUCTOR, op, new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(8_000), Money.euros(4_000),
                    "coûts unitaires : 1 200 € par participant", WhenUncovered.WAIT));
            f.fse().recordCommitteeOpinion(INSTRUCTOR, op, CommitteeOpinion.FAVOURABLE, "dossier complet");
            f.fse().decide(MANAGER, op);
            f.fse().signAgreement(OPERATOR_SIGNATORY, op, PERIOD);

            CommitmentView ended = f.fse().view(OPERATOR_SIGNATORY, op);
            assertThat(ended.running()).isFalse();
            assertThat(ended.simplifiedCostOptions()).isEqualTo("coûts unitaires : 1 200 € par participant");
            assertThat(ended.simplifiedCostOptionsIfAppraised()).contains("coûts unitaires : 1 200 € par participant");
            // the agreement states them too, as the last appraisal did, and an amendment keeps them
            assertThat(f.fse().agreement(OPERATOR_SIGNATORY, op).orElseThrow().simplifiedCostOptions())
                    .isEqualTo("coûts unitaires : 1 200 € par participant");
            assertThat(f.fse().amendAgreement(MANAGER, op, Money.euros(3_000), Money.euros(8_000), PERIOD, "public réduit",
                    IdempotencyKey.of("OP-1/avenant-1")).simplifiedCostOptions()).isEqualTo("coûts unitaires : 1 200 € par participant");
            assertThat(f.fse().history(MANAGER, op)).filteredOn(e -> e.step().equals(CommitmentProcess.Task.APPRAISAL))
                    .extracting(AuditEntry::reference).containsExactly("SG-2026 ; options de coûts simplifiés : forfait 40 % des frais de personnel",
                            "SG-2026 ; options de coûts simplifiés : coûts unitaires : 1 200 € par participant");
            // an over-long description is refused before anything changes
            String before = f.unchanged("OP-1");
            assertRefused(() -> f.fse().appraise(INSTRUCTOR, op, new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(8_000),
                    Money.euros(4_000), "x".repeat(AuditEntry.MAX_REFERENCE + 1), WhenUncovered.WAIT)), WorkflowError.TOO_LONG,
                    "appraisal.simplifiedCostOptions", "x".repeat(60) + "…");
            assertThat(f.unchanged("OP-1")).isEqualTo(before);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an appraisal or a raise over the co-financing rate of its eligible cost (85 %) is refused (PLIE-FUNDS-033) and changes nothing: task open, no audit, no reservation; at the rate it is reserved")
    void appraisalOverTheRateRefused(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = OperationId.of("OP-1");
            f.fse().start(INSTRUCTOR, op, OPERATOR, Money.euros(900));
            String before = f.unchanged("OP-1");
            // 85 % of 1 000 € is 850 €: 850.01 € is over, by one cent
            assertRefused(() -> f.fse().appraise(INSTRUCTOR, op, new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(1_000),
                    Money.of(new java.math.BigDecimal("850.01")), "aucune", WhenUncovered.WAIT)), FundsError.AGREEMENT_OVER_RATE,
                    "appraisal.fseAmount", "850.01");
            assertThat(f.unchanged("OP-1")).isEqualTo(before);
            assertThat(f.view("OP-1").waitingStep()).isEqualTo(CommitmentProcess.Task.APPRAISAL);
            assertThat(f.view("OP-1").status()).isNull();
            assertThat(f.fse().history(MANAGER, op)).extracting(AuditEntry::step).containsExactly("START");
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.ZERO);
            assertThat(f.heard).isEmpty();

            CommitmentView atTheRate = f.fse().appraise(INSTRUCTOR, op, new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(1_000),
                    Money.euros(850), "aucune", WhenUncovered.WAIT));
            assertThat(atTheRate.status().state()).isEqualTo(CommitmentState.RESERVED);
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.euros(850));

            // a raise: the new total over 85 % of the new eligible cost is refused the same way, before any top-up
            f.fse().recordCommitteeOpinion(INSTRUCTOR, op, CommitteeOpinion.FAVOURABLE, "dossier complet");
            f.fse().decide(MANAGER, op);
            f.fse().signAgreement(OPERATOR_SIGNATORY, op, PERIOD);
            f.fse().requestIncrease(INSTRUCTOR, op, Money.euros(1_000));
            String beforeRaise = f.unchanged("OP-1");
            int audited = f.fse().history(MANAGER, op).size();
            assertRefused(() -> f.fse().appraiseIncrease(INSTRUCTOR, op, Money.euros(1_000), Money.euros(1_100), WhenUncovered.WAIT),
                    FundsError.AGREEMENT_OVER_RATE, "fseAmount", "1000.00");
            assertThat(f.unchanged("OP-1")).isEqualTo(beforeRaise);
            assertThat(f.view("OP-1").waitingStep()).isEqualTo(CommitmentProcess.Increase.APPRAISAL);
            assertThat(f.fse().history(MANAGER, op)).hasSize(audited);
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.ZERO);
            assertThat(f.fse().appraiseIncrease(INSTRUCTOR, op, Money.euros(1_000), Money.euros(1_200), WhenUncovered.WAIT).waitingStep())
                    .isEqualTo(CommitmentProcess.Increase.DECISION);
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.euros(150));
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("refusals change nothing: plan roles, the instructor's role for the decision, another operator, another OI")
    void refusals(Databases.Kind kind) {
        on(kind, f -> {
            f.fse().start(INSTRUCTOR, OperationId.of("OP-1"), OPERATOR, Money.euros(4_000));
            OperationId op = OperationId.of("OP-1");
            Actor animation = Actor.of("animatrice", OrganisationId.of("PLIE-PERIGUEUX"), Role.ANIMATION_TEAM, Role.STEERING_COMMITTEE);
            assertRefused(() -> f.fse().start(animation, OperationId.of("OP-9"), OPERATOR, Money.euros(1)), WorkflowError.OI_ROLE_REQUIRED,
                    "actor.roles", "animatrice");
            Actor otherOi = Actor.of("instructeur.x", OrganisationId.of("OI-GIRONDE"), Role.OI_INSTRUCTOR);
            assertRefused(() -> f.fse().appraise(otherOi, op, new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(8_000),
                    Money.euros(4_000), "aucune", WhenUncovered.WAIT)), WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation",
                    "OI-GIRONDE");
            assertRefused(() -> f.fse().start(INSTRUCTOR, op, OPERATOR, Money.euros(1)), WorkflowError.COMMITMENT_RUNNING, "operationId",
                    "OP-1");
            f.appraise("OP-1", 4_000, WhenUncovered.WAIT);
            f.fse().recordCommitteeOpinion(INSTRUCTOR, op, CommitteeOpinion.FAVOURABLE, "ok");

            assertRefused(() -> f.fse().decide(animation, op), WorkflowError.ROLE_REQUIRED, "actor.roles", "animatrice");
            assertRefused(() -> f.fse().decide(INSTRUCTOR, op), WorkflowError.ROLE_REQUIRED, "actor.roles", "instructeur.a");
            assertRefused(() -> f.fse().signAgreement(OPERATOR_SIGNATORY, op, PERIOD), WorkflowError.NO_COMMITMENT, "operationId", "OP-1");
            assertThat(f.view("OP-1").waitingStep()).isEqualTo(CommitmentProcess.Task.DECISION);

            f.fse().decide(MANAGER, op);
            Actor other = Actor.of("president", OTHER_OPERATOR, Role.OPERATOR);
            assertRefused(() -> f.fse().signAgreement(other, op, PERIOD), WorkflowError.NOT_THE_OPERATOR, "actor.organisation", "ASSO-AUTRE");
            assertRefused(() -> f.fse().view(other, op), WorkflowError.NOT_THE_OPERATOR, "actor.organisation", "ASSO-AUTRE");
            assertRefused(() -> f.fse().globalGrant(other, GRANT), WorkflowError.OI_ROLE_REQUIRED, "actor.roles", "president");
            assertThat(f.view("OP-1").waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT);
            assertThat(f.grant().balance(ENVELOPE).committed()).isEqualTo(Money.ZERO);
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.euros(4_000));
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the operation's instructor refused as its manager (PLIE-WORKFLOW separation of functions), whatever the case, spaces, invisible or full-width characters of the name and of the organisation: nothing changes; another manager decides")
    void sameInstructorRefusedAsManager(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = OperationId.of("OP-1");
            f.fse().start(INSTRUCTOR, op, OPERATOR, Money.euros(4_000));
            f.appraise("OP-1", 4_000, WhenUncovered.WAIT);
            f.fse().recordCommitteeOpinion(INSTRUCTOR, op, CommitteeOpinion.FAVOURABLE, "dossier complet");
            Snapshot before = Snapshot.of(f, "OP-1");
            List<Actor> respelt = List.of(Actor.of("INSTRUCTEUR.A", OI, Role.OI_MANAGER),
                    Actor.of(" Instructeur.a ", OI, Role.OI_MANAGER),
                    Actor.of("Instructeur.A\u200B", OrganisationId.of(" OI-DORDOGNE\u00A0"), Role.OI_MANAGER),
                    Actor.of("\uFF49nstructeur.A", OrganisationId.of("\uFF2F\uFF29-DORDOGNE"), Role.OI_MANAGER, Role.OI_INSTRUCTOR));
            for (Actor same : respelt) {
                assertThat(same.userId()).isNotEqualTo(INSTRUCTOR.userId());
                assertRefused(() -> f.fse().decide(same, op), WorkflowError.SAME_PERSON, "actor.userId", same.userId());
            }
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);
            assertThat(f.view("OP-1").waitingStep()).isEqualTo(CommitmentProcess.Task.DECISION);
            assertThat(f.heard).extracting(CommitmentStatus::state).containsExactly(CommitmentState.RESERVED);

            assertThat(f.fse().decide(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT);
            assertThat(f.fse().history(MANAGER, op)).filteredOn(e -> e.step().equals(CommitmentProcess.Task.DECISION)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.userId()).isEqualTo("gestionnaire.b");
                        assertThat(e.reference()).isEqualTo("instructeur.a");
                    });
            ends(f, 4_000, 0, 0, 1, "OP-1", "START:STARTED", "appraisal:RESERVED", "programmingCommittee:FAVOURABLE",
                    "commitmentDecision:DECIDED");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an instructor of an earlier appraisal (before an adjournment) refused as the manager too, nothing changed, rather than the operator's signature failing on the ledger's rule")
    void earlierAppraiserRefusedAsManager(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = OperationId.of("OP-1");
            Actor second = Actor.of("instructeur.c", OI, Role.OI_INSTRUCTOR);
            f.fse().start(INSTRUCTOR, op, OPERATOR, Money.euros(4_000));
            f.appraise("OP-1", 4_000, WhenUncovered.WAIT);
            f.fse().recordCommitteeOpinion(INSTRUCTOR, op, CommitteeOpinion.ADJOURNED, "préciser les publics");
            f.fse().appraise(second, op, new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(8_000), Money.euros(4_000), "forfait 40 %",
                    WhenUncovered.WAIT));
            f.fse().recordCommitteeOpinion(second, op, CommitteeOpinion.FAVOURABLE, "dossier complet");
            Snapshot before = Snapshot.of(f, "OP-1");
            Actor firstAsManager = Actor.of("Instructeur.A", OI, Role.OI_MANAGER);
            assertRefused(() -> f.fse().decide(firstAsManager, op), WorkflowError.SAME_PERSON, "actor.userId", "Instructeur.A");
            assertRefused(() -> f.fse().decide(Actor.of("instructeur.c", OI, Role.OI_MANAGER), op), WorkflowError.SAME_PERSON,
                    "actor.userId", "instructeur.c");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);

            f.fse().decide(MANAGER, op);
            assertThat(f.fse().signAgreement(OPERATOR_SIGNATORY, op, PERIOD).status().state()).isEqualTo(CommitmentState.COMMITTED);
            assertThat(f.grant().account(op).orElseThrow().appraisers()).containsExactly("instructeur.a", "instructeur.c");
            ends(f, 0, 4_000, 0, 1, "OP-1", "START:STARTED", "appraisal:RESERVED", "programmingCommittee:ADJOURNED", "appraisal:RESERVED",
                    "programmingCommittee:FAVOURABLE", "commitmentDecision:DECIDED", "agreementSignature:SIGNED");
        });
    }

    /** The operator reminded at 45 days, the agreement overdue at 60: the manager's decision waits. */
    private static OperationId overdue(Fixture f) {
        OperationId op = decided(f, "OP-1", 4_000);
        f.clock.advance(Duration.ofDays(44));
        f.engine.runDueJobs();
        assertThat(f.view("OP-1").agreementReminders()).isZero();
        f.clock.advance(Duration.ofDays(2));
        f.engine.runDueJobs();
        CommitmentView reminded = f.view("OP-1");
        assertThat(reminded.agreementReminders()).isEqualTo(1);
        assertThat(reminded.waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT);
        f.clock.advance(Duration.ofDays(15));
        f.engine.runDueJobs();
        assertThat(f.view("OP-1").waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT_OVERDUE);
        assertRefused(() -> f.fse().signAgreement(OPERATOR_SIGNATORY, op, PERIOD), WorkflowError.NO_COMMITMENT, "operationId", "OP-1");
        return op;
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the agreement not signed: the operator reminded once at 45 days, overdue at 60 where the signature is closed and the manager's decision waits, the reservation kept")
    void agreementDeadlineWithReminder(Databases.Kind kind) {
        on(kind, f -> {
            overdue(f);
            CommitmentView overdue = f.view("OP-1");
            assertThat(overdue.agreementReminders()).isEqualTo(1);
            assertThat(overdue.status().state()).isEqualTo(CommitmentState.RESERVED);
            ends(f, 4_000, 0, 0, 1, "OP-1", "START:STARTED", "appraisal:RESERVED", "programmingCommittee:FAVOURABLE",
                    "commitmentDecision:DECIDED");
            assertThat(f.fse().history(MANAGER, OperationId.of("OP-1"))).extracting(AuditEntry::step)
                    .doesNotContain(CommitmentProcess.Task.AGREEMENT, CommitmentProcess.Task.AGREEMENT_OVERDUE);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the agreement not signed: a reminder, overdue at 60 days, the manager extends it: signable again, overdue again at the extension's end")
    void agreementDeadlineExtended(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = overdue(f);
            CommitmentView extended = f.fse().decideOverdueAgreement(MANAGER, op, Period.ofDays(30), "signataire absent");
            assertThat(extended.waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT);
            f.clock.advance(Duration.ofDays(31));
            f.engine.runDueJobs();
            assertThat(f.view("OP-1").waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT_OVERDUE);
            ends(f, 4_000, 0, 0, 1, "OP-1", "START:STARTED", "appraisal:RESERVED", "programmingCommittee:FAVOURABLE",
                    "commitmentDecision:DECIDED", "agreementOverdue:EXTENDED");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the agreement not signed by its deadline, the manager cancels: the reservation released, the process ended")
    void agreementDeadlineCancelled(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = overdue(f);
            CommitmentView cancelled = f.fse().decideOverdueAgreement(MANAGER, op, null, "toujours pas signée");
            assertThat(cancelled.running()).isFalse();
            assertThat(cancelled.status().state()).isEqualTo(CommitmentState.RELEASED);
            ends(f, 0, 0, 0, 0, "OP-1", "START:STARTED", "appraisal:RESERVED", "programmingCommittee:FAVOURABLE", "commitmentDecision:DECIDED",
                    "agreementOverdue:CANCELLED");
        });
    }

    /** OP-2 asks 5 000 € while OP-1's 6 000 € leave 4 000 €: it waits on the waiting list. */
    private static void secondWaiting(Fixture f) {
        f.fse().start(INSTRUCTOR, OperationId.of("OP-2"), OPERATOR, Money.euros(5_000));
        assertThat(f.appraise("OP-2", 5_000, WhenUncovered.WAIT).waitingStep()).isEqualTo(CommitmentProcess.Task.WAITING_LIST);
    }

    /** The first report (3 000 €) submitted and checked without rejection: the interim payment waits. */
    private static void firstReportChecked(Fixture f, OperationId op) {
        f.fse().submitReport(OPERATOR_SIGNATORY, op, Money.euros(3_000), "premier rapport d’exécution");
        f.fse().recordServiceDone(INSTRUCTOR, new ServiceDoneCheck(op, "controleur.csf", f.clock.instant(), Money.euros(3_000), List.of(),
                20, 20), IdempotencyKey.of("csf-1"));
        assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.PAYMENT);
    }

    /** The first report paid (3 000 €), the final one (1 000 €) checked: the balance waits. */
    private static void finalReportChecked(Fixture f, OperationId op) {
        firstReportChecked(f, op);
        f.fse().pay(MANAGER, op, PaymentKind.INTERIM, Money.euros(3_000), "acompte", IdempotencyKey.of("pay-2"));
        f.fse().submitReport(OPERATOR_SIGNATORY, op, Money.euros(1_000), "rapport final");
        f.fse().recordServiceDone(INSTRUCTOR, new ServiceDoneCheck(op, "controleur.csf", f.clock.instant(), Money.euros(1_000), List.of(),
                20, 20), IdempotencyKey.of("csf-2"));
        assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.PAYMENT);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a service-done check with rejected amounts: accepted net of the rejections with their reasons, applied once on retry; the operator answers in the contradictory procedure and the OI reinstates part; the payment then waits")
    void serviceDoneCheckWithRejectedAmounts(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = committed(f, "OP-1");
            ExecutionView started = f.fse().execution(OPERATOR_SIGNATORY, op);
            assertThat(started.waitingStep()).isEqualTo(CommitmentProcess.Execution.REPORT);
            assertThat(started.reportNumber()).isEqualTo(1);
            assertThat(started.reportCount()).isEqualTo(2);
            assertThat(started.reportDue()).isEqualTo(Instant.parse("2027-04-01T00:00:00Z"));
            f.fse().submitReport(OPERATOR_SIGNATORY, op, Money.euros(3_000), "premier rapport d’exécution");

            ServiceDoneCheck check = new ServiceDoneCheck(op, "controleur.csf", f.clock.instant(), Money.euros(3_000),
                    List.of(new ServiceDoneCheck.Rejection(Money.euros(500), "dépenses hors période")), 20, 18);
            OperationAccount checked = f.fse().recordServiceDone(INSTRUCTOR, check, IdempotencyKey.of("csf-1"));
            assertThat(checked.accepted()).isEqualTo(Money.euros(2_500));
            // a retry of the same check is applied once, though the step is done
            assertThat(f.fse().recordServiceDone(INSTRUCTOR, check, IdempotencyKey.of("csf-1"))).isEqualTo(checked);
            assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.ANSWER);
            assertThat(f.fse().history(MANAGER, op)).filteredOn(e -> e.step().equals(CommitmentProcess.Execution.SERVICE_DONE))
                    .singleElement().satisfies(e -> assertThat(e.reason()).contains("rejeté 500.00 € : dépenses hors période"));

            f.fse().answerContradictory(OPERATOR_SIGNATORY, op, "les dépenses de décembre relèvent de la période");
            assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.CONCLUSION);
            OperationAccount concluded = f.fse().concludeContradictory(INSTRUCTOR, op, Money.euros(200), "décembre admis en partie",
                    IdempotencyKey.of("csf-1b"));
            assertThat(concluded.accepted()).isEqualTo(Money.euros(2_700));
            assertThat(concluded.paid()).isEqualTo(Money.ZERO);
            assertThat(f.fse().account(OPERATOR_SIGNATORY, op)).contains(concluded);
            assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.PAYMENT);
            ends(f, 0, 6_000, 0, 1, "OP-1", "START:STARTED", "agreementSignature:SIGNED", "executionReport:SUBMITTED",
                    "serviceDoneCheck:ACCEPTED 2500.00", "contradictoryAnswer:ANSWERED", "contradictoryConclusion:REINSTATED 200.00");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the advance payment: paid on the commitment before any report, applied once on retry, the execution still waiting for the first report")
    void advancePayment(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = committed(f, "OP-1");
            OperationAccount advance = f.fse().pay(MANAGER, op, PaymentKind.ADVANCE, Money.euros(1_000), "avance de démarrage",
                    IdempotencyKey.of("pay-1"));
            assertThat(advance.paid()).isEqualTo(Money.euros(1_000));
            assertThat(advance.leftToPay()).isEqualTo(Money.euros(5_000));
            assertThat(f.fse().pay(MANAGER, op, PaymentKind.ADVANCE, Money.euros(1_000), "avance de démarrage", IdempotencyKey.of("pay-1")))
                    .isEqualTo(advance);
            // an interim payment before any check: no payment step waits
            assertRefused(() -> f.fse().pay(MANAGER, op, PaymentKind.INTERIM, Money.euros(1), "acompte", IdempotencyKey.of("pay-0")),
                    WorkflowError.NO_COMMITMENT, "operationId", "OP-1");
            ExecutionView execution = f.fse().execution(OPERATOR_SIGNATORY, op);
            assertThat(execution.waitingStep()).isEqualTo(CommitmentProcess.Execution.REPORT);
            assertThat(execution.reportNumber()).isEqualTo(1);
            assertThat(f.grant().journal()).extracting(c -> c.getClass().getSimpleName()).containsExactly("Reserve", "Commit", "Pay");
            assertThat(f.fse().history(MANAGER, op)).filteredOn(e -> e.step().equals("PAYMENT")).singleElement()
                    .satisfies(e -> assertThat(e.reference()).isEqualTo("pay-1"));
            ends(f, 0, 6_000, 1_000, 1, "OP-1", "START:STARTED", "agreementSignature:SIGNED", "PAYMENT:ADVANCE");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an interim payment: after the first report's check, up to what it accepted (beyond, or a balance, refused with nothing changed), applied once on retry; the next report then due")
    void interimPayment(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = committed(f, "OP-1");
            firstReportChecked(f, op);
            Snapshot before = Snapshot.of(f, "OP-1");
            // the balance is for the final report
            assertRefused(() -> f.fse().pay(MANAGER, op, PaymentKind.BALANCE, Money.euros(3_000), "solde", IdempotencyKey.of("pay-x")),
                    WorkflowError.PAYMENT_KIND, "kind", "BALANCE");
            assertRefused(() -> f.fse().pay(MANAGER, op, PaymentKind.INTERIM, Money.euros(3_001), "acompte", IdempotencyKey.of("pay-x")),
                    FundsError.OVER_ACCEPTED, "amount", "3001.00");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);

            OperationAccount interim = f.fse().pay(MANAGER, op, PaymentKind.INTERIM, Money.euros(3_000), "acompte", IdempotencyKey.of("pay-2"));
            assertThat(f.fse().pay(MANAGER, op, PaymentKind.INTERIM, Money.euros(3_000), "acompte", IdempotencyKey.of("pay-2")))
                    .isEqualTo(interim);
            assertThat(interim.paid()).isEqualTo(Money.euros(3_000));
            assertThat(interim.balancePaid()).isFalse();
            ExecutionView second = f.fse().execution(OPERATOR_SIGNATORY, op);
            assertThat(second.waitingStep()).isEqualTo(CommitmentProcess.Execution.REPORT);
            assertThat(second.reportNumber()).isEqualTo(2);
            assertThat(second.reportDue()).isEqualTo(Instant.parse("2028-12-31T00:00:00Z"));
            ends(f, 0, 6_000, 3_000, 1, "OP-1", "START:STARTED", "agreementSignature:SIGNED", "executionReport:SUBMITTED",
                    "serviceDoneCheck:ACCEPTED 3000.00", "PAYMENT:INTERIM");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the balance payment: after the final report's check (an interim payment there, or beyond what it accepted, refused with nothing changed); the closure then waits")
    void balancePayment(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = committed(f, "OP-1");
            finalReportChecked(f, op);
            Snapshot before = Snapshot.of(f, "OP-1");
            assertRefused(() -> f.fse().pay(MANAGER, op, PaymentKind.INTERIM, Money.euros(1_000), "acompte", IdempotencyKey.of("pay-y")),
                    WorkflowError.PAYMENT_KIND, "kind", "INTERIM");
            assertRefused(() -> f.fse().pay(MANAGER, op, PaymentKind.BALANCE, Money.euros(1_001), "solde", IdempotencyKey.of("pay-y")),
                    FundsError.OVER_ACCEPTED, "amount", "1001.00");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);

            OperationAccount balance = f.fse().pay(MANAGER, op, PaymentKind.BALANCE, Money.euros(1_000), "solde", IdempotencyKey.of("pay-3"));
            assertThat(balance.paid()).isEqualTo(Money.euros(4_000));
            assertThat(balance.balancePaid()).isTrue();
            assertThat(balance.leftToPay()).isEqualTo(Money.euros(2_000));
            assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.CLOSURE);
            ends(f, 0, 6_000, 4_000, 1, "OP-1", "START:STARTED", "agreementSignature:SIGNED", "PAYMENT:INTERIM", "executionReport:SUBMITTED",
                    "serviceDoneCheck:ACCEPTED 1000.00", "PAYMENT:BALANCE");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a decommitment during the execution: what will not be spent released to the envelope, applied once on retry, and the waiting operation taken up")
    void decommitmentReleasedToTheEnvelope(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = committed(f, "OP-1");
            secondWaiting(f);
            OperationAccount decommitted = f.fse().decommit(MANAGER, op, Money.euros(1_500), "sous-réalisation", IdempotencyKey.of("dec-1"));
            assertThat(decommitted.netCommitment()).isEqualTo(Money.euros(4_500));
            assertThat(decommitted.decommitted()).isEqualTo(Money.euros(1_500));
            assertThat(f.fse().decommit(MANAGER, op, Money.euros(1_500), "sous-réalisation", IdempotencyKey.of("dec-1")))
                    .isEqualTo(decommitted);
            assertThat(f.grant().journal()).extracting(c -> c.getClass().getSimpleName()).endsWith("Decommit");
            assertThat(f.grant().journal()).extracting(c -> c.getClass().getSimpleName()).filteredOn("Decommit"::equals).hasSize(1);
            // the execution goes on; the 5 500 € now available take OP-2 up, back to its appraisal
            assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.REPORT);
            assertThat(f.view("OP-2").waitingStep()).isEqualTo(CommitmentProcess.Task.APPRAISAL);
            assertThat(f.fse().history(MANAGER, OperationId.of("OP-2"))).extracting(e -> e.step() + ":" + e.outcome())
                    .endsWith("appraisal:WAITING", "TAKEN_UP:TAKEN_UP");
            ends(f, 0, 4_500, 0, 2, "OP-1", "START:STARTED", "agreementSignature:SIGNED", "DECOMMITMENT:DECOMMITTED");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the closure after the balance decommits what was not paid, released to the envelope: the execution ended, the waiting operation taken up, the account read by its operator")
    void closureDecommitsTheRest(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = committed(f, "OP-1");
            secondWaiting(f);
            finalReportChecked(f, op);
            f.fse().pay(MANAGER, op, PaymentKind.BALANCE, Money.euros(1_000), "solde", IdempotencyKey.of("pay-3"));
            OperationAccount closed = f.fse().close(MANAGER, op, "opération soldée", IdempotencyKey.of("dec-1"));
            assertThat(closed.netCommitment()).isEqualTo(Money.euros(4_000));
            assertThat(closed.decommitted()).isEqualTo(Money.euros(2_000));
            assertThat(closed.leftToPay()).isEqualTo(Money.ZERO);
            assertThat(f.fse().account(OPERATOR_SIGNATORY, op)).contains(closed);
            assertThat(f.fse().execution(MANAGER, op).running()).isFalse();
            assertThat(f.view("OP-2").waitingStep()).isEqualTo(CommitmentProcess.Task.APPRAISAL);
            assertThat(f.fse().history(MANAGER, OperationId.of("OP-2"))).extracting(AuditEntry::step).endsWith("TAKEN_UP");
            // only OP-2's commitment is left running
            ends(f, 0, 4_000, 4_000, 1, "OP-1", "START:STARTED", "agreementSignature:SIGNED", "PAYMENT:INTERIM", "PAYMENT:BALANCE",
                    "closure:CLOSED");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a report past its due date is noted late; the operator not answering the rejections by the deadline, the OI concludes without the answer")
    void lateReportAndUnansweredRejections(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = committed(f, "OP-1");
            f.clock.advance(Duration.between(f.clock.instant(), Instant.parse("2027-04-01T00:00:01Z")));
            f.engine.runDueJobs();
            ExecutionView late = f.fse().execution(MANAGER, op);
            assertThat(late.reportsLate()).isEqualTo(1);
            assertThat(late.reportReminders()).isEqualTo(1);
            assertThat(late.waitingStep()).isEqualTo(CommitmentProcess.Execution.REPORT);
            f.fse().submitReport(OPERATOR_SIGNATORY, op, Money.euros(2_000), "rapport en retard");
            f.fse().recordServiceDone(INSTRUCTOR, new ServiceDoneCheck(op, "controleur.csf", f.clock.instant(), Money.euros(2_000),
                    List.of(new ServiceDoneCheck.Rejection(Money.euros(2_000), "pièces manquantes")), 10, 0), IdempotencyKey.of("csf-1"));
            assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.ANSWER);
            f.clock.advance(Duration.ofDays(31));
            f.engine.runDueJobs();
            assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.CONCLUSION);
            assertRefused(() -> f.fse().answerContradictory(OPERATOR_SIGNATORY, op, "trop tard"), WorkflowError.NO_COMMITMENT, "operationId",
                    "OP-1");
            OperationAccount kept = f.fse().concludeContradictory(INSTRUCTOR, op, Money.ZERO, "sans réponse : rejets maintenus",
                    IdempotencyKey.of("csf-1b"));
            assertThat(kept.accepted()).isEqualTo(Money.ZERO);
            assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.PAYMENT);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the execution's commands refused to each wrong actor: a clear error, ledger, audit and open step unchanged")
    void executionCommandsWithWrongActors(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = committed(f, "OP-1");
            Actor planRoles = Actor.of("animatrice", OrganisationId.of("PLIE-PERIGUEUX"), Role.ANIMATION_TEAM, Role.FUNDER);
            Actor other = Actor.of("president", OTHER_OPERATOR, Role.OPERATOR);
            Actor otherOi = Actor.of("gestionnaire.x", OrganisationId.of("OI-GIRONDE"), Role.OI_MANAGER, Role.OI_INSTRUCTOR);
            Snapshot before = Snapshot.of(f, "OP-1");
            assertRefused(() -> f.fse().submitReport(other, op, Money.euros(1), "x"), WorkflowError.NOT_THE_OPERATOR, "actor.organisation",
                    "ASSO-AUTRE");
            assertRefused(() -> f.fse().submitReport(MANAGER, op, Money.euros(1), "x"), WorkflowError.ROLE_REQUIRED, "actor.roles",
                    "gestionnaire.b");
            assertRefused(() -> f.fse().submitReport(planRoles, op, Money.euros(1), "x"), WorkflowError.ROLE_REQUIRED, "actor.roles",
                    "animatrice");
            assertRefused(() -> f.fse().execution(other, op), WorkflowError.NOT_THE_OPERATOR, "actor.organisation", "ASSO-AUTRE");
            assertRefused(() -> f.fse().execution(otherOi, op), WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");
            assertRefused(() -> f.fse().submitReport(OPERATOR_SIGNATORY, op, Money.euros(1), "x".repeat(AuditEntry.MAX_REASON + 1)),
                    WorkflowError.TOO_LONG, "summary", "x".repeat(60) + "…");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);
            assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.REPORT);

            f.fse().submitReport(OPERATOR_SIGNATORY, op, Money.euros(2_000), "rapport");
            before = Snapshot.of(f, "OP-1");
            ServiceDoneCheck check = new ServiceDoneCheck(op, "controleur.csf", f.clock.instant(), Money.euros(2_000),
                    List.of(new ServiceDoneCheck.Rejection(Money.euros(100), "hors période")), 10, 10);
            assertRefused(() -> f.fse().recordServiceDone(OPERATOR_SIGNATORY, check, IdempotencyKey.of("csf-1")),
                    WorkflowError.OI_ROLE_REQUIRED, "actor.roles", "presidente");
            assertRefused(() -> f.fse().recordServiceDone(otherOi, check, IdempotencyKey.of("csf-1")), WorkflowError.OTHER_INTERMEDIATE_BODY,
                    "actor.organisation", "OI-GIRONDE");
            assertRefused(() -> f.fse().answerContradictory(OPERATOR_SIGNATORY, op, "rien à dire"), WorkflowError.NO_COMMITMENT,
                    "operationId", "OP-1");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);

            f.fse().recordServiceDone(INSTRUCTOR, check, IdempotencyKey.of("csf-1"));
            before = Snapshot.of(f, "OP-1");
            assertRefused(() -> f.fse().answerContradictory(other, op, "x"), WorkflowError.NOT_THE_OPERATOR, "actor.organisation",
                    "ASSO-AUTRE");
            assertRefused(() -> f.fse().answerContradictory(INSTRUCTOR, op, "x"), WorkflowError.ROLE_REQUIRED, "actor.roles",
                    "instructeur.a");
            assertRefused(() -> f.fse().concludeContradictory(INSTRUCTOR, op, Money.ZERO, "x", IdempotencyKey.of("c")),
                    WorkflowError.NO_COMMITMENT, "operationId", "OP-1");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);
            f.fse().answerContradictory(OPERATOR_SIGNATORY, op, "observations");
            before = Snapshot.of(f, "OP-1");
            assertRefused(() -> f.fse().concludeContradictory(OPERATOR_SIGNATORY, op, Money.ZERO, "x", IdempotencyKey.of("c")),
                    WorkflowError.OI_ROLE_REQUIRED, "actor.roles", "presidente");
            assertRefused(() -> f.fse().concludeContradictory(otherOi, op, Money.ZERO, "x", IdempotencyKey.of("c")),
                    WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");
            // reinstating more than the commitment allows: the ledger refuses, the step stays open
            assertRefused(() -> f.fse().concludeContradictory(INSTRUCTOR, op, Money.euros(5_000), "x", IdempotencyKey.of("c")),
                    FundsError.ACCEPTED_OVER_COMMITMENT, "check.accepted", "5000.00");
            assertRefused(() -> f.fse().close(MANAGER, op, "x", IdempotencyKey.of("d")), WorkflowError.NO_COMMITMENT, "operationId", "OP-1");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);
            assertThat(f.fse().execution(MANAGER, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.CONCLUSION);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("deadlines and reminders are settings: a shorter agreement deadline set by the manager applies to the next decisions; settings out of their limits are refused naming each")
    void settings(Databases.Kind kind) {
        on(kind, f -> {
            fr.asso.europlie.plie.error.PlieException invalid = assertRefused(() -> new CommitmentSettings(Period.ofDays(20), Period.ofDays(25),
                    Period.ofMonths(13), Period.ofDays(0), Period.ofDays(91)), WorkflowError.SETTING_OUT_OF_RANGE, "agreementDeadline", "P20D");
            fr.asso.europlie.plie.error.ViolationAssertions.assertViolation(invalid, WorkflowError.SETTING_OUT_OF_RANGE, "agreementReminder", "P25D");
            fr.asso.europlie.plie.error.ViolationAssertions.assertViolation(invalid, WorkflowError.SETTING_OUT_OF_RANGE, "maxAgreementExtension", "P13M");
            fr.asso.europlie.plie.error.ViolationAssertions.assertViolation(invalid, WorkflowError.SETTING_OUT_OF_RANGE, "reportReminder", "P0D");
            fr.asso.europlie.plie.error.ViolationAssertions.assertViolation(invalid, WorkflowError.SETTING_OUT_OF_RANGE, "answerDeadline", "P91D");
            CommitmentSettings shorter = new CommitmentSettings(Period.ofDays(30), Period.ofDays(20), Period.ofMonths(2), Period.ofDays(10),
                    Period.ofDays(15));
            assertRefused(() -> f.fse().useSettings(INSTRUCTOR, shorter), WorkflowError.ROLE_REQUIRED, "actor.roles", "instructeur.a");
            assertThat(f.fse().settings()).isEqualTo(CommitmentSettings.defaults());
            f.fse().useSettings(MANAGER, shorter);
            OperationId op = decided(f, "OP-1", 4_000);
            f.clock.advance(Duration.ofDays(31));
            f.engine.runDueJobs();
            CommitmentView overdue = f.view("OP-1");
            assertThat(overdue.waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT_OVERDUE);
            assertThat(overdue.agreementReminders()).isEqualTo(1);
            assertRefused(() -> f.fse().decideOverdueAgreement(MANAGER, op, Period.ofMonths(3), "prolongation"),
                    WorkflowError.AGREEMENT_EXTENSION, "extension", "P3M");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a failure injected after the ledger write, in the application's own command, leaves nothing: no reservation, no step, no event")
    void failureAfterTheLedgerWriteChangesNothing(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = OperationId.of("OP-1");
            f.fse().start(INSTRUCTOR, op, OPERATOR, Money.euros(6_000));
            RuntimeException injected = new IllegalStateException("injected after the reservation");
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ProcessEngines.getProcessEngine(f.name)
                    .getManagementService().executeCommand(context -> {
                        CommitmentView reserved = f.appraise("OP-1", 6_000, WhenUncovered.WAIT);
                        assertThat(reserved.status().state()).isEqualTo(CommitmentState.RESERVED);
                        throw injected;
                    }));
            assertThat(thrown).isSameAs(injected);
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.ZERO);
            assertThat(f.grant().journal()).isEmpty();
            CommitmentView after = f.view("OP-1");
            assertThat(after.waitingStep()).isEqualTo(CommitmentProcess.Task.APPRAISAL);
            assertThat(after.ledgerStatus()).isEmpty();
            assertThat(f.heard).isEmpty();
            // and the step then succeeds as if it had never failed
            assertThat(f.appraise("OP-1", 6_000, WhenUncovered.WAIT).waitingStep()).isEqualTo(CommitmentProcess.Task.COMMITTEE);
            assertThat(f.grant().balance(ENVELOPE).reserved()).isEqualTo(Money.euros(6_000));
        });
    }

    /** What a refused command must leave as it was: the ledger's journal, the audit trail, the open step. */
    private record Snapshot(int journal, List<AuditEntry> history, String waitingStep) {
        static Snapshot of(Fixture f, String operation) {
            return new Snapshot(f.grant().journal().size(), f.fse().history(MANAGER, OperationId.of(operation)),
                    f.view(operation).waitingStep());
        }
    }

    /** An operation reserved, favourably heard and decided by the manager: waiting for the operator's signature. */
    private static OperationId decided(Fixture f, String operation, long euros) {
        OperationId op = OperationId.of(operation);
        f.fse().start(INSTRUCTOR, op, OPERATOR, Money.euros(euros));
        f.appraise(operation, euros, WhenUncovered.WAIT);
        f.fse().recordCommitteeOpinion(INSTRUCTOR, op, CommitteeOpinion.FAVOURABLE, "ok");
        f.fse().decide(MANAGER, op);
        return op;
    }

    /** A commitment committed for 6 000 €, as the OI's steps and the operator's signature make it. */
    private static OperationId committed(Fixture f, String operation) {
        OperationId op = decided(f, operation, 6_000);
        f.fse().signAgreement(OPERATOR_SIGNATORY, op, PERIOD);
        return op;
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("every command is audited (who, what, when, outcome, why) once, retries included, readable by the OI and the operation's own operator after the process ended")
    void auditTrail(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = committed(f, "OP-1");
            f.fse().pay(MANAGER, op, PaymentKind.ADVANCE, Money.euros(1_000), "avance", IdempotencyKey.of("pay-1"));
            f.fse().pay(MANAGER, op, PaymentKind.ADVANCE, Money.euros(1_000), "avance", IdempotencyKey.of("pay-1"));
            f.fse().submitReport(OPERATOR_SIGNATORY, op, Money.euros(3_000), "premier rapport");
            f.fse().recordServiceDone(INSTRUCTOR, new ServiceDoneCheck(op, "controleur.csf", f.clock.instant(), Money.euros(3_000),
                    List.of(new ServiceDoneCheck.Rejection(Money.euros(500), "dépenses hors période")), 20, 18), IdempotencyKey.of("csf-1"));
            f.fse().decommit(MANAGER, op, Money.euros(1_000), "sous-réalisation", IdempotencyKey.of("dec-1"));

            List<AuditEntry> history = f.fse().history(MANAGER, op);
            assertThat(history).extracting(AuditEntry::step).containsExactly("START", CommitmentProcess.Task.APPRAISAL,
                    CommitmentProcess.Task.COMMITTEE, CommitmentProcess.Task.DECISION, CommitmentProcess.Task.AGREEMENT, "PAYMENT",
                    CommitmentProcess.Execution.REPORT, CommitmentProcess.Execution.SERVICE_DONE, "DECOMMITMENT");
            assertThat(history).extracting(AuditEntry::outcome).containsExactly("STARTED", "RESERVED", "FAVOURABLE", "DECIDED", "SIGNED",
                    "ADVANCE", "SUBMITTED", "ACCEPTED 2500.00", "DECOMMITTED");
            assertThat(history).extracting(AuditEntry::userId).containsExactly("instructeur.a", "instructeur.a", "instructeur.a",
                    "gestionnaire.b", "presidente", "gestionnaire.b", "presidente", "instructeur.a", "gestionnaire.b");
            assertThat(history).allSatisfy(e -> {
                assertThat(e.protocolId()).isEqualTo("OP-1");
                assertThat(e.at()).isEqualTo(f.clock.instant());
            });
            assertThat(history.get(4).organisation()).isEqualTo("ASSO-TREMPLIN");
            assertThat(history.get(7).reason()).contains("rejeté 500.00 € : dépenses hors période");
            assertThat(history.get(5).reference()).isEqualTo("pay-1");
            // the process has ended: its operator still reads its trail and account, another operator nothing
            assertThat(f.view("OP-1").running()).isFalse();
            assertThat(f.fse().history(OPERATOR_SIGNATORY, op)).isEqualTo(history);
            assertThat(f.fse().account(OPERATOR_SIGNATORY, op)).isPresent();
            Actor other = Actor.of("president", OTHER_OPERATOR, Role.OPERATOR);
            assertRefused(() -> f.fse().history(other, op), WorkflowError.NOT_THE_OPERATOR, "actor.organisation", "ASSO-AUTRE");
            assertRefused(() -> f.fse().history(Actor.of("instructeur.x", OrganisationId.of("OI-GIRONDE"), Role.OI_INSTRUCTOR), op),
                    WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");
            assertRefused(() -> f.fse().history(Actor.of("animatrice", OrganisationId.of("PLIE-PERIGUEUX"), Role.ANIMATION_TEAM), op),
                    WorkflowError.OI_ROLE_REQUIRED, "actor.roles", "animatrice");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("each command refused to each wrong actor (plan role, operator, another OI, another plan, the instructor as manager): a clear error, ledger, audit and open step unchanged")
    void eachCommandWithEachWrongActor(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = OperationId.of("OP-1");
            Actor planRoles = Actor.of("animatrice", OrganisationId.of("PLIE-PERIGUEUX"), Role.ANIMATION_TEAM, Role.STEERING_COMMITTEE,
                    Role.TECHNICAL_STAFF, Role.FUNDER, Role.SIGNATORY, Role.DELIBERATING_BODY);
            Actor otherInstructor = Actor.of("instructeur.x", OrganisationId.of("OI-GIRONDE"), Role.OI_INSTRUCTOR);
            Actor otherManager = Actor.of("gestionnaire.x", OrganisationId.of("OI-GIRONDE"), Role.OI_MANAGER);
            Actor otherPlan = Actor.in(fr.asso.europlie.plie.workflow.PlanId.of("plie-autre"), "gestionnaire.b", OI, Role.OI_MANAGER,
                    Role.OI_INSTRUCTOR);
            Actor other = Actor.of("president", OTHER_OPERATOR, Role.OPERATOR);
            f.fse().start(INSTRUCTOR, op, OPERATOR, Money.euros(4_000));
            Appraisal appraisal = new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(8_000), Money.euros(4_000), "aucune", WhenUncovered.WAIT);

            Snapshot before = Snapshot.of(f, "OP-1");
            assertRefused(() -> f.fse().appraise(planRoles, op, appraisal), WorkflowError.ROLE_REQUIRED, "actor.roles", "animatrice");
            assertRefused(() -> f.fse().appraise(MANAGER, op, appraisal), WorkflowError.ROLE_REQUIRED, "actor.roles", "gestionnaire.b");
            assertRefused(() -> f.fse().appraise(OPERATOR_SIGNATORY, op, appraisal), WorkflowError.ROLE_REQUIRED, "actor.roles", "presidente");
            assertRefused(() -> f.fse().appraise(otherInstructor, op, appraisal), WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation",
                    "OI-GIRONDE");
            assertRefused(() -> f.fse().appraise(otherPlan, op, appraisal), WorkflowError.OTHER_PLAN, "actor.plan", "plie-autre");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);

            f.fse().appraise(INSTRUCTOR, op, appraisal);
            before = Snapshot.of(f, "OP-1");
            for (Actor wrong : List.of(planRoles, OPERATOR_SIGNATORY)) {
                assertRefused(() -> f.fse().recordCommitteeOpinion(wrong, op, CommitteeOpinion.UNFAVOURABLE, "non"),
                        WorkflowError.OI_ROLE_REQUIRED, "actor.roles", wrong.userId());
            }
            assertRefused(() -> f.fse().recordCommitteeOpinion(otherManager, op, CommitteeOpinion.UNFAVOURABLE, "non"),
                    WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");
            assertRefused(() -> f.fse().recordCommitteeOpinion(otherPlan, op, CommitteeOpinion.UNFAVOURABLE, "non"), WorkflowError.OTHER_PLAN,
                    "actor.plan", "plie-autre");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);

            f.fse().recordCommitteeOpinion(INSTRUCTOR, op, CommitteeOpinion.FAVOURABLE, "ok");
            before = Snapshot.of(f, "OP-1");
            assertRefused(() -> f.fse().decide(planRoles, op), WorkflowError.ROLE_REQUIRED, "actor.roles", "animatrice");
            assertRefused(() -> f.fse().decide(OPERATOR_SIGNATORY, op), WorkflowError.ROLE_REQUIRED, "actor.roles", "presidente");
            assertRefused(() -> f.fse().decide(otherManager, op), WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");
            // the instructor as manager, whatever the spelling of its name and of its organisation
            Actor respelt = Actor.of("Instructeur.A\u200B", OrganisationId.of(" OI-DORDOGNE\u00A0"), Role.OI_MANAGER);
            assertRefused(() -> f.fse().decide(respelt, op), WorkflowError.SAME_PERSON, "actor.userId", "Instructeur.A");
            assertRefused(() -> f.fse().signAgreement(OPERATOR_SIGNATORY, op, PERIOD), WorkflowError.NO_COMMITMENT, "operationId", "OP-1");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);

            f.fse().decide(MANAGER, op);
            before = Snapshot.of(f, "OP-1");
            assertRefused(() -> f.fse().signAgreement(other, op, PERIOD), WorkflowError.NOT_THE_OPERATOR, "actor.organisation", "ASSO-AUTRE");
            assertRefused(() -> f.fse().signAgreement(MANAGER, op, PERIOD), WorkflowError.ROLE_REQUIRED, "actor.roles", "gestionnaire.b");
            assertRefused(() -> f.fse().signAgreement(planRoles, op, PERIOD), WorkflowError.ROLE_REQUIRED, "actor.roles", "animatrice");
            assertRefused(() -> f.fse().decideOverdueAgreement(MANAGER, op, null, "trop tôt"), WorkflowError.NO_COMMITMENT, "operationId",
                    "OP-1");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);

            f.fse().signAgreement(OPERATOR_SIGNATORY, op, PERIOD);
            before = Snapshot.of(f, "OP-1");
            ServiceDoneCheck check = new ServiceDoneCheck(op, "controleur.csf", f.clock.instant(), Money.euros(1_000), List.of(), 5, 5);
            for (Actor wrong : List.of(planRoles, OPERATOR_SIGNATORY)) {
                assertRefused(() -> f.fse().recordServiceDone(wrong, check, IdempotencyKey.of("csf-x")), WorkflowError.OI_ROLE_REQUIRED,
                        "actor.roles", wrong.userId());
            }
            for (Actor wrong : List.of(planRoles, OPERATOR_SIGNATORY, INSTRUCTOR)) {
                assertRefused(() -> f.fse().pay(wrong, op, PaymentKind.ADVANCE, Money.euros(1), "x", IdempotencyKey.of("pay-x")),
                        WorkflowError.ROLE_REQUIRED, "actor.roles", wrong.userId());
                assertRefused(() -> f.fse().decommit(wrong, op, Money.euros(1), "x", IdempotencyKey.of("dec-x")), WorkflowError.ROLE_REQUIRED,
                        "actor.roles", wrong.userId());
            }
            assertRefused(() -> f.fse().recordServiceDone(otherInstructor, check, IdempotencyKey.of("csf-x")),
                    WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");
            assertRefused(() -> f.fse().pay(otherManager, op, PaymentKind.ADVANCE, Money.euros(1), "x", IdempotencyKey.of("pay-x")),
                    WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");
            assertRefused(() -> f.fse().decommit(otherManager, op, Money.euros(1), "x", IdempotencyKey.of("dec-x")),
                    WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");
            assertRefused(() -> f.fse().pay(otherPlan, op, PaymentKind.ADVANCE, Money.euros(1), "x", IdempotencyKey.of("pay-x")),
                    WorkflowError.OTHER_PLAN, "actor.plan", "plie-autre");
            assertRefused(() -> f.fse().globalGrant(otherManager, GRANT), WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation",
                    "OI-GIRONDE");
            assertRefused(() -> f.fse().account(otherManager, op), WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");
            assertRefused(() -> f.fse().view(other, op), WorkflowError.NOT_THE_OPERATOR, "actor.organisation", "ASSO-AUTRE");
            assertRefused(() -> f.fse().openGlobalGrant(otherManager, Grants.of(GlobalGrantId.of("SG-X"), OI, Map.of(ENVELOPE, Money.euros(1)))),
                    WorkflowError.OTHER_INTERMEDIATE_BODY, "actor.organisation", "OI-GIRONDE");
            assertRefused(() -> f.fse().openGlobalGrant(INSTRUCTOR, Grants.of(GlobalGrantId.of("SG-X"), OI, Map.of(ENVELOPE, Money.euros(1)))),
                    WorkflowError.ROLE_REQUIRED, "actor.roles", "instructeur.a");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);
            assertThat(f.fse().globalGrant(MANAGER, GlobalGrantId.of("SG-X"))).isEmpty();
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a decommitment down to the paid amount while an accepted amount is unpaid is refused (PLIE-FUNDS-032), nothing changed; the accepted balance is then paid")
    void decommitmentKeepsTheAcceptedUnpaid(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = committed(f, "OP-1");
            f.fse().pay(MANAGER, op, PaymentKind.ADVANCE, Money.euros(1_000), "avance", IdempotencyKey.of("pay-1"));
            f.fse().submitReport(OPERATOR_SIGNATORY, op, Money.euros(4_000), "rapport");
            f.fse().recordServiceDone(INSTRUCTOR, new ServiceDoneCheck(op, "controleur.csf", f.clock.instant(), Money.euros(4_000), List.of(),
                    20, 20), IdempotencyKey.of("csf-1"));
            Snapshot before = Snapshot.of(f, "OP-1");
            assertRefused(() -> f.fse().decommit(MANAGER, op, Money.euros(5_000), "clôture", IdempotencyKey.of("dec-1")),
                    FundsError.DECOMMIT_ACCEPTED_UNPAID, "amount", "5000.00");
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);
            assertThat(f.fse().decommit(MANAGER, op, Money.euros(2_000), "clôture", IdempotencyKey.of("dec-2")).netCommitment())
                    .isEqualTo(Money.euros(4_000));
            assertThat(f.fse().pay(MANAGER, op, PaymentKind.INTERIM, Money.euros(3_000), "acompte", IdempotencyKey.of("pay-2")).leftToPay())
                    .isEqualTo(Money.ZERO);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an overdue agreement's extension of zero, negative or beyond six months is refused (PLIE-WORKFLOW-076) before anything changes")
    void extensionWithinItsLimit(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = decided(f, "OP-1", 4_000);
            f.clock.advance(Duration.ofDays(61));
            f.engine.runDueJobs();
            Snapshot before = Snapshot.of(f, "OP-1");
            assertThat(before.waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT_OVERDUE);
            for (Period wrong : List.of(Period.ZERO, Period.ofDays(-1), Period.ofMonths(7))) {
                assertRefused(() -> f.fse().decideOverdueAgreement(MANAGER, op, wrong, "prolongation"), WorkflowError.AGREEMENT_EXTENSION,
                        "extension", wrong.toString());
            }
            assertThat(Snapshot.of(f, "OP-1")).isEqualTo(before);
            assertThat(f.fse().decideOverdueAgreement(MANAGER, op, Period.ofMonths(6), "prolongation").waitingStep())
                    .isEqualTo(CommitmentProcess.Task.AGREEMENT);
            assertThat(f.fse().history(MANAGER, op)).last().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo("EXTENDED");
                assertThat(e.reference()).isEqualTo("P6M");
            });
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the agreement states its report schedule: an 18-month operation with the one interim report the rules allow; a schedule that breaks them is refused and nothing changes")
    void agreedSchedule(Databases.Kind kind) {
        on(kind, f -> {
            OperationId op = decided(f, "OP-1", 6_000);
            OperationPeriod eighteenMonths = OperationPeriod.of(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2027, 6, 30));
            // two interim reports for 18 months: the rules allow one at most
            assertRefused(() -> f.fse().signAgreement(OPERATOR_SIGNATORY, op, new ExecutionReportSchedule(eighteenMonths,
                    List.of(java.time.LocalDate.of(2026, 6, 30), java.time.LocalDate.of(2026, 12, 31)), java.time.LocalDate.of(2027, 12, 31))),
                    FundsError.INTERIM_REPORTS, "interimDueDates", "2");
            assertThat(f.view("OP-1").waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT);
            assertThat(f.grant().balance(ENVELOPE).committed()).isEqualTo(Money.ZERO);
            assertThat(f.fse().history(MANAGER, op)).extracting(AuditEntry::step).doesNotContain(CommitmentProcess.Task.AGREEMENT);

            f.fse().signAgreement(OPERATOR_SIGNATORY, op, new ExecutionReportSchedule(eighteenMonths,
                    List.of(java.time.LocalDate.of(2026, 12, 31)), java.time.LocalDate.of(2027, 12, 31)));
            ExecutionView started = f.fse().execution(OPERATOR_SIGNATORY, op);
            assertThat(started.reportCount()).isEqualTo(2);
            assertThat(started.reportDue()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
            f.fse().submitReport(OPERATOR_SIGNATORY, op, Money.euros(2_000), "bilan intermédiaire");
            f.fse().recordServiceDone(INSTRUCTOR, new ServiceDoneCheck(op, "controleur.csf", f.clock.instant(), Money.euros(2_000), List.of(),
                    10, 10), IdempotencyKey.of("csf-1"));
            assertThat(f.fse().pay(MANAGER, op, PaymentKind.INTERIM, Money.euros(2_000), "acompte", IdempotencyKey.of("pay-1")).paid())
                    .isEqualTo(Money.euros(2_000));
            assertThat(f.fse().execution(MANAGER, op).reportNumber()).isEqualTo(2);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("in a second plan of the engine: the same grant and operation ids committed there, executed in the plan's tenant, unseen from the default plan")
    void inAnotherPlan(Databases.Kind kind) {
        on(kind, f -> {
            PlanId planB = PlanId.of("PLIE-B");
            FseCommitment fseB = f.engine.registerPlan(planB, "PLIE B").fseCommitment();
            Actor instructorB = Actor.in(planB, "instructeur.a", OI, Role.OI_INSTRUCTOR);
            Actor managerB = Actor.in(planB, "gestionnaire.b", OI, Role.OI_MANAGER);
            Actor signatoryB = Actor.in(planB, "presidente", OPERATOR, Role.OPERATOR);
            fseB.openGlobalGrant(managerB, Grants.of(GRANT, OI, Map.of(ENVELOPE, Money.euros(3_000))));
            OperationId op = OperationId.of("OP-1");

            fseB.start(instructorB, op, OPERATOR, Money.euros(2_000));
            fseB.appraise(instructorB, op, new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(4_000), Money.euros(2_000), "forfait 40 %",
                    WhenUncovered.WAIT));
            fseB.recordCommitteeOpinion(instructorB, op, CommitteeOpinion.FAVOURABLE, "dossier complet");
            fseB.decide(managerB, op);
            assertThat(fseB.signAgreement(signatoryB, op, PERIOD).status().state()).isEqualTo(CommitmentState.COMMITTED);
            assertThat(fseB.execution(signatoryB, op).waitingStep()).isEqualTo(CommitmentProcess.Execution.REPORT);
            assertThat(fseB.globalGrant(managerB, GRANT).orElseThrow().balance(ENVELOPE).committed()).isEqualTo(Money.euros(2_000));
            assertThat(fseB.history(managerB, op)).extracting(AuditEntry::step).contains(CommitmentProcess.Task.AGREEMENT);

            // the default plan's grant of the same id and its operations are untouched
            assertThat(f.grant().balance(ENVELOPE).committed()).isEqualTo(Money.ZERO);
            assertThat(f.fse().account(MANAGER, op)).isEmpty();
            assertThat(f.fse().history(MANAGER, op)).isEmpty();
            // an actor of the default plan cannot act in plan B
            assertRefused(() -> fseB.execution(OPERATOR_SIGNATORY, op), WorkflowError.OTHER_PLAN, "actor.plan", "default");
        });
    }
}
