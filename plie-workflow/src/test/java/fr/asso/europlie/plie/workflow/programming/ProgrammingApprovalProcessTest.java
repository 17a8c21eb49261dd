package fr.asso.europlie.plie.workflow.programming;

import static fr.asso.europlie.plie.workflow.programming.Round.CALL;
import static fr.asso.europlie.plie.workflow.programming.Round.COORDINATOR;
import static fr.asso.europlie.plie.workflow.programming.Round.SECRETARIAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.GovernanceFixture;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.FinancingPlan;
import fr.asso.europlie.plie.offer.FunderKind;
import fr.asso.europlie.plie.offer.OfferError;
import fr.asso.europlie.plie.offer.OfferFixture;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.Operator;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.offer.Resource;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowable.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the annual programming approval, one test per path of the process")
class ProgrammingApprovalProcessTest {

    private static List<String> codes(PlieException e) {
        return e.violations().stream().map(v -> v.code().code()).toList();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("happy path: call, two applications, appraisal, PTI, technical opinion, one session approving both, adoption, "
            + "publication, and the FSE+ message starting process C once per operation with its payload")
    void happyPath(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            ProgrammingStatus opened = round.opened().approval().status(COORDINATOR, CALL);
            assertThat(opened.waitingFor()).containsExactly(ProgrammingStep.CLOSE_CALL);
            round.submitted("OP-1", "OP-2").closedAndAssigned();
            assertThat(round.approval().status(COORDINATOR, CALL).waitingFor()).containsOnly(ProgrammingStep.APPRAISAL,
                    ProgrammingStep.PTI_MARKING).hasSize(4);
            round.reviewed();
            round.approve("OP-1", 50_000);
            round.approve("OP-2", 40_000);
            ProgrammingStatus status = round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());

            assertThat(status.state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(status.running()).isFalse();
            assertThat(round.runningProcesses()).isZero();
            assertThat(round.stored().programming().approvedTotal(ProgrammingAxis.ACCOMPANIMENT)).isEqualTo(Money.euros(90_000));
            assertThat(round.steps()).containsExactly("CALL_OPENED:OPEN", "SUBMISSION:ADMISSIBLE", "SUBMISSION:ADMISSIBLE",
                    "CALL_CLOSED:CLOSED_BY_HAND", "ASSIGNMENT:ASSIGNED", "APPRAISAL:FAVOURABLE", "PTI_MARKING:COMPLEMENTARY",
                    "APPRAISAL:FAVOURABLE", "PTI_MARKING:COMPLEMENTARY", "TECHNICAL_OPINION:FAVOURABLE", "STEERING_DECISION:APPROVED",
                    "STEERING_DECISION:APPROVED", "ADOPTION:ADOPTED", "PUBLICATION:PUBLISHED", "FSE_COMMITMENT_REQUESTED:MESSAGE_SENT",
                    "FSE_COMMITMENT_REQUESTED:MESSAGE_SENT");
            List<ProcessInstance> commitments = round.flowable().getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.KEY).includeProcessVariables().list();
            assertThat(commitments).hasSize(2).allSatisfy(c -> {
                Map<String, Object> v = c.getProcessVariables();
                assertThat(v).containsEntry("planId", "default").containsEntry("programmingId", CALL.value())
                        .containsEntry("axis", "ACCOMPANIMENT");
            });
            // OP-2 approved at 40,000 of its 50,000: the FSE+ asked (30,000) capped at 60 % of 40,000.
            assertThat(commitments).extracting(c -> c.getProcessVariables().get("operationId") + " " + c.getProcessVariables()
                    .get("fseAmount")).containsExactlyInAnyOrder("OP-1 30000.00", "OP-2 24000.00");
            assertThat(commitments).extracting(c -> c.getProcessVariables().get("operationId")).containsExactlyInAnyOrder("OP-1", "OP-2");
            assertThat(round.events).extracting(ProgrammingEvent::kind).containsExactly(ProgrammingEvent.Kind.CALL_OPENED,
                    ProgrammingEvent.Kind.CALL_CLOSED, ProgrammingEvent.Kind.ADOPTED, ProgrammingEvent.Kind.PUBLISHED,
                    ProgrammingEvent.Kind.FSE_COMMITMENT_REQUESTED, ProgrammingEvent.Kind.FSE_COMMITMENT_REQUESTED);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("closing date: the timer closes the call the day after its closing date; a late application is then refused")
    void closingDateTimer(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1");
            round.advance(Duration.ofDays(20));
            assertThat(round.stored().programming().state()).isEqualTo(ProgrammingState.OPEN);
            round.advance(Duration.ofDays(7)); // 1 February 2026
            assertThat(round.stored().programming().state()).isEqualTo(ProgrammingState.CLOSED);
            assertThat(round.approval().status(COORDINATOR, CALL).waitingFor()).containsExactly(ProgrammingStep.ASSIGN_INSTRUCTORS);
            assertThat(round.steps()).containsExactly("CALL_OPENED:OPEN", "SUBMISSION:ADMISSIBLE", "CALL_CLOSED:CLOSING_DATE_PASSED");
            assertThat(round.history().get(2).userId()).isEqualTo("system");
            PlieException late = (PlieException) org.assertj.core.api.Assertions.catchThrowable(() -> round.approval().submit(
                    Round.ASSOCIATION, CALL, Round.operation("OP-2", OfferFixture.ASSOCIATION)));
            assertThat(codes(late)).containsExactly("PLIE-OFFER-021");
            assertThat(round.runningProcesses()).isOne();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("no admissible application: the closed call ends the process with nothing to programme")
    void noApplication(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().approval().closeCall(COORDINATOR, CALL);
            ProgrammingStatus status = round.approval().status(COORDINATOR, CALL);
            assertThat(status.state()).isEqualTo(ProgrammingState.CLOSED);
            assertThat(status.running()).isFalse();
            assertThat(round.runningProcesses()).isZero();
            assertThat(round.openTasks()).isZero();
            assertThat(round.steps()).containsExactly("CALL_OPENED:OPEN", "CALL_CLOSED:CLOSED_BY_HAND");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an inadmissible application is refused with every reason and its rule codes, recorded, and the round goes on without it")
    void inadmissibleApplication(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened();
            Operator unknown = new Operator(OrganisationId.of("ASSO-INCONNUE"), "Association inconnue");
            Operation base = Round.operation("OP-X", unknown);
            // 40,000 of FSE+ on 50,000 (80 % > 60 %), and resources 55,000 for 50,000 of costs.
            Operation bad = base.withFinancingPlan(FinancingPlan.of(Resource.of(FunderKind.ESF_PLUS, OfferFixture.OI, Money.euros(40_000)),
                    Resource.of(FunderKind.DEPARTMENT, OfferFixture.DEPARTMENT, Money.euros(15_000))));
            Actor stranger = Actor.of("porteur.inconnu", unknown.id(), Role.OPERATOR);
            Submission submission = round.approval().submit(stranger, CALL, bad);

            assertThat(submission.admissible()).isFalse();
            assertThat(submission.reasons()).extracting(v -> v.code().code())
                    .contains("PLIE-OFFER-013", "PLIE-OFFER-014", "PLIE-OFFER-015");
            assertThat(round.stored().programming().applications()).isEmpty();
            assertThat(round.history().get(1)).satisfies(e -> {
                assertThat(e.step() + ":" + e.outcome()).isEqualTo("SUBMISSION:INADMISSIBLE");
                assertThat(e.reason()).contains("PLIE-OFFER-013", "PLIE-OFFER-014", "PLIE-OFFER-015");
                assertThat(e.reference()).isEqualTo("OP-X");
            });
            round.submitted("OP-1");
            assertThat(round.stored().programming().applications()).hasSize(1);
            assertThat(round.runningProcesses()).isOne();
            round.closedAndAssigned().reviewed();
            round.approve("OP-1", 50_000);
            round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());

            assertThat(round.stored().programming().state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(round.stored().programming().applications()).extracting(a -> a.operation().id().value()).containsExactly("OP-1");
            assertThat(round.steps()).containsSubsequence("SUBMISSION:INADMISSIBLE", "SUBMISSION:ADMISSIBLE", "CALL_CLOSED:CLOSED_BY_HAND",
                    "ADOPTION:ADOPTED", "PUBLICATION:PUBLISHED").filteredOn(s -> s.startsWith("SUBMISSION")).hasSize(2);
            assertThat(round.historicVariable(ProgrammingProcess.Var.OPERATIONS)).asList().containsExactly("OP-1");
            assertThat(round.historicVariable(ProgrammingProcess.Var.FSE_OPERATIONS)).asList().containsExactly("OP-1");
            assertThat(round.finishedRuns("appraise")).isOne();
            assertThat(round.processEnded()).isTrue();
            assertThat(round.runningProcesses()).isZero();
            assertThat(round.openTasks()).isZero();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("appraisal reminder: the instructor is reminded once at 21 days, appraises before the 30-day deadline, "
            + "and the round goes on to adoption with no deadline recorded")
    void appraisalReminder(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1").closedAndAssigned();
            round.advance(Duration.ofDays(21).minusHours(1));
            assertThat(round.steps()).noneMatch(s -> s.startsWith("REMINDER") || s.startsWith("OVERDUE"));
            round.advance(Duration.ofHours(2));
            assertThat(round.steps()).endsWith("REMINDER:APPRAISAL");
            assertThat(round.history().get(round.history().size() - 1).reference()).isEqualTo("OP-1 instructeur.1");
            round.advance(Duration.ofDays(5));
            assertThat(round.steps().stream().filter(s -> s.startsWith("REMINDER") || s.startsWith("OVERDUE")))
                    .containsExactly("REMINDER:APPRAISAL");
            round.reviewed();
            round.approve("OP-1", 50_000);
            round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());
            round.advance(Duration.ofDays(60));

            assertThat(round.stored().programming().state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(round.steps().stream().filter(s -> s.startsWith("REMINDER") || s.startsWith("OVERDUE")))
                    .containsExactly("REMINDER:APPRAISAL");
            assertThat(round.events).extracting(ProgrammingEvent::kind).contains(ProgrammingEvent.Kind.APPRAISAL_REMINDER)
                    .doesNotContain(ProgrammingEvent.Kind.APPRAISAL_OVERDUE, ProgrammingEvent.Kind.PTI_REMINDER);
            assertThat(round.finishedRuns("sendAppraisalReminder")).isOne();
            assertThat(round.finishedRuns("recordAppraisalOverdue")).isZero();
            assertThat(round.finishedRuns("sendPtiReminder")).isZero();
            assertThat(round.finishedRuns("published")).isOne();
            assertThat(round.processEnded()).isTrue();
            assertThat(round.runningProcesses()).isZero();
            assertThat(round.openTasks()).isZero();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("appraisal deadline: at 30 days the appraisal is recorded overdue once and stays open; appraised late, "
            + "the round goes on to adoption")
    void appraisalDeadline(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1").closedAndAssigned();
            round.advance(Duration.ofDays(30).minusHours(1));
            assertThat(round.steps()).doesNotContain("OVERDUE:APPRAISAL");
            round.advance(Duration.ofHours(2));
            assertThat(round.steps()).contains("REMINDER:APPRAISAL", "OVERDUE:APPRAISAL");
            assertThat(round.approval().status(COORDINATOR, CALL).waitingFor()).contains(ProgrammingStep.APPRAISAL);
            round.advance(Duration.ofDays(60));
            assertThat(round.steps().stream().filter(s -> s.endsWith(":APPRAISAL") && !s.startsWith("APPRAISAL")))
                    .as("the reminder and the deadline once each").containsExactly("REMINDER:APPRAISAL", "OVERDUE:APPRAISAL");
            round.reviewed();
            assertThat(round.approval().status(COORDINATOR, CALL).waitingFor()).containsExactly(ProgrammingStep.STEERING_SESSION);
            round.approve("OP-1", 50_000);
            round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());

            assertThat(round.stored().programming().state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(round.events).extracting(ProgrammingEvent::kind).contains(ProgrammingEvent.Kind.APPRAISAL_REMINDER,
                    ProgrammingEvent.Kind.APPRAISAL_OVERDUE);
            assertThat(round.finishedRuns("sendAppraisalReminder")).isOne();
            assertThat(round.finishedRuns("recordAppraisalOverdue")).isOne();
            assertThat(round.finishedRuns("published")).isOne();
            assertThat(round.processEnded()).isTrue();
            assertThat(round.runningProcesses()).isZero();
            assertThat(round.openTasks()).isZero();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("PTI reminder: with the appraisal done in time, only the Département is reminded, once, at 30 days; "
            + "it marks late and the round goes on to adoption")
    void ptiReminder(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1").closedAndAssigned();
            round.approval().appraise(round.as(Round.INSTRUCTOR_1), CALL, OperationId.of("OP-1"), Appraisal.Opinion.FAVOURABLE,
                    Money.euros(50_000), "solide");
            round.advance(Duration.ofDays(30).minusHours(1));
            assertThat(round.steps()).noneMatch(s -> s.startsWith("REMINDER") || s.startsWith("OVERDUE"));
            round.advance(Duration.ofHours(2));
            assertThat(round.steps()).endsWith("REMINDER:PTI_MARKING");
            assertThat(round.approval().status(COORDINATOR, CALL).waitingFor()).containsExactly(ProgrammingStep.PTI_MARKING);
            round.advance(Duration.ofDays(60));
            assertThat(round.steps().stream().filter(s -> s.startsWith("REMINDER") || s.startsWith("OVERDUE")))
                    .containsExactly("REMINDER:PTI_MARKING");
            round.approval().markPti(round.as(Round.DEPARTMENT_STAFF), CALL, OperationId.of("OP-1"),
                    fr.asso.europlie.plie.offer.PtiMarking.Complementarity.COMPLEMENTARY, "Complète l’offre du PTI");
            round.approval().recordTechnicalOpinion(round.as(COORDINATOR), CALL, Appraisal.Opinion.FAVOURABLE, "équilibrée",
                    "COTECH 2026-03-02");
            round.approve("OP-1", 50_000);
            round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());

            assertThat(round.stored().programming().state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(round.events).extracting(ProgrammingEvent::kind).contains(ProgrammingEvent.Kind.PTI_REMINDER)
                    .doesNotContain(ProgrammingEvent.Kind.APPRAISAL_REMINDER, ProgrammingEvent.Kind.APPRAISAL_OVERDUE);
            assertThat(round.finishedRuns("sendPtiReminder")).isOne();
            assertThat(round.finishedRuns("sendAppraisalReminder")).isZero();
            assertThat(round.finishedRuns("recordAppraisalOverdue")).isZero();
            assertThat(round.finishedRuns("published")).isOne();
            assertThat(round.processEnded()).isTrue();
            assertThat(round.runningProcesses()).isZero();
            assertThat(round.openTasks()).isZero();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("adjournment: an adjourned operation comes back at the next session, where it is approved; then adoption")
    void adjournment(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1", "OP-2").closedAndAssigned().reviewed();
            round.approve("OP-1", 50_000);
            round.refuse("OP-2", SteeringDecision.Outcome.ADJOURNED);
            ProgrammingStatus afterFirst = round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());
            assertThat(afterFirst.state()).isEqualTo(ProgrammingState.CLOSED);
            assertThat(afterFirst.session()).isEqualTo(2);
            assertThat(afterFirst.waitingFor()).containsExactly(ProgrammingStep.STEERING_SESSION);
            // The approved one is final until an amendment; the adjourned one comes back.
            assertThatThrownBy(() -> round.refuse("OP-1", SteeringDecision.Outcome.REJECTED)).isInstanceOf(RuleViolationException.class)
                    .satisfies(e -> assertThat(codes((PlieException) e)).containsExactly("PLIE-OFFER-035"));
            round.approve("OP-2", 50_000);
            ProgrammingStatus adopted = round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());
            assertThat(adopted.state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(adopted.running()).isFalse();
            assertThat(round.stored().programming().approved()).hasSize(2);
            assertThat(round.steps()).containsSubsequence("STEERING_DECISION:APPROVED", "STEERING_DECISION:ADJOURNED",
                    "SESSION_CLOSED:NEXT_SESSION", "STEERING_DECISION:APPROVED", "ADOPTION:ADOPTED", "PUBLICATION:PUBLISHED");
            assertThat(round.history().stream().filter(e -> e.step().equals("ADOPTION")).findFirst().orElseThrow().session()).isEqualTo(2);
            assertThat(round.finishedRuns("steeringSession")).as("two sessions").isEqualTo(2);
            assertThat(round.processEnded()).isTrue();
            assertThat(round.runningProcesses()).isZero();
            assertThat(round.openTasks()).isZero();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("last session: it must adopt, and adopts with the operation still adjourned; nothing asks for FSE+ then")
    void lastSessionAdoptsWithAdjourned(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1").closedAndAssigned().reviewed();
            round.refuse("OP-1", SteeringDecision.Outcome.ADJOURNED);
            round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());
            round.refuse("OP-1", SteeringDecision.Outcome.ADJOURNED);
            var sendBack = GovernanceFixture.steeringCommittee().decide(GovernanceFixture.steeringMembers(),
                    java.time.Instant.parse("2026-04-12T14:00:00Z"), AdoptionOutcome.SEND_BACK, "Encore", "COPIL 2026-04-12");
            assertThatThrownBy(() -> round.approval().closeSession(SECRETARIAT, CALL, sendBack))
                    .satisfies(e -> assertThat(codes((PlieException) e)).containsExactly("PLIE-WORKFLOW-057"));
            ProgrammingStatus adopted = round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());
            assertThat(adopted.state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(round.runningProcesses()).isZero();
            assertThat(round.stored().programming().approved()).isEmpty();
            assertThat(round.steps()).endsWith("ADOPTION:ADOPTED", "PUBLICATION:PUBLISHED");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("over the envelope: a decision that would over-programme the axis is refused and changes nothing; "
            + "without the Département too; undecided operations block the session's close; an adoption without quorum is refused "
            + "(PLIE-GOVERNANCE-008) and changes nothing")
    void overEnvelopeAndQuorum(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1", "OP-2", "OP-3").closedAndAssigned().reviewed();
            round.approve("OP-1", 50_000);
            round.approve("OP-2", 45_000);
            long revision = round.stored().revision();
            int trail = round.history().size();
            PlieException over = (PlieException) org.assertj.core.api.Assertions.catchThrowable(() -> round.approve("OP-3", 5_001));
            assertThat(codes(over)).containsExactly("PLIE-OFFER-025");
            PlieException noQuorum = (PlieException) org.assertj.core.api.Assertions.catchThrowable(() -> round.approval().decide(
                    SECRETARIAT, CALL, OperationId.of("OP-3"), Round.withoutQuorum(SteeringDecision.Outcome.APPROVED), Money.euros(1)));
            assertThat(codes(noQuorum)).containsExactly("PLIE-GOVERNANCE-009");
            PlieException undecided = (PlieException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> round.approval().closeSession(SECRETARIAT, CALL, Round.adoption()));
            assertThat(codes(undecided)).containsExactly(OfferError.UNDECIDED_OPERATIONS.code());
            assertThat(round.stored().revision()).isEqualTo(revision);
            assertThat(round.history()).hasSize(trail);
            round.approve("OP-3", 5_000);
            assertThat(round.stored().programming().remaining(ProgrammingAxis.ACCOMPANIMENT)).isEqualTo(Money.ZERO);
            // the adoption by two of the six members (the Département among them): no quorum, nothing changes
            long decided = round.stored().revision();
            int decidedTrail = round.history().size();
            long tasks = round.openTasks();
            var twoMembers = new fr.asso.europlie.plie.governance.Decision<>(fr.asso.europlie.plie.governance.CommitteeKind.STEERING,
                    List.of(GovernanceFixture.EPCI_PRESIDENT, GovernanceFixture.DEPARTMENT_VICE_PRESIDENT),
                    java.time.Instant.parse("2026-03-12T16:00:00Z"), AdoptionOutcome.ADOPT, "Programmation adoptée",
                    java.util.Optional.of("COPIL 2026-03-12"));
            PlieException adoptionWithoutQuorum = (PlieException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> round.approval().closeSession(SECRETARIAT, CALL, twoMembers));
            assertThat(codes(adoptionWithoutQuorum)).containsExactly("PLIE-GOVERNANCE-008");
            assertThat(round.stored().revision()).isEqualTo(decided);
            assertThat(round.stored().programming().state()).isEqualTo(ProgrammingState.CLOSED);
            assertThat(round.history()).hasSize(decidedTrail);
            assertThat(round.openTasks()).isEqualTo(tasks);
            assertThat(round.approval().status(COORDINATOR, CALL).waitingFor()).containsExactly(ProgrammingStep.STEERING_SESSION);
            round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());

            assertThat(round.stored().programming().state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(round.stored().programming().approvedTotal(ProgrammingAxis.ACCOMPANIMENT)).isEqualTo(Money.euros(100_000));
            assertThat(round.steps().stream().filter(s -> s.startsWith("STEERING_DECISION")))
                    .as("the refused decisions left no trace").containsExactly("STEERING_DECISION:APPROVED",
                            "STEERING_DECISION:APPROVED", "STEERING_DECISION:APPROVED");
            assertThat(round.steps()).endsWith("ADOPTION:ADOPTED", "PUBLICATION:PUBLISHED", "FSE_COMMITMENT_REQUESTED:MESSAGE_SENT",
                    "FSE_COMMITMENT_REQUESTED:MESSAGE_SENT", "FSE_COMMITMENT_REQUESTED:MESSAGE_SENT");
            assertThat(round.historicVariable(ProgrammingProcess.Var.FSE_OPERATIONS)).asList()
                    .containsExactlyInAnyOrder("OP-1", "OP-2", "OP-3");
            assertThat(round.finishedRuns("steeringSession")).as("one session").isOne();
            assertThat(round.processEnded()).isTrue();
            assertThat(round.runningProcesses()).isZero();
            assertThat(round.openTasks()).isZero();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an unfavourable appraisal and a rejection: the rejected operation is final and does not ask for FSE+")
    void rejection(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1").closedAndAssigned();
            round.approval().appraise(Round.INSTRUCTOR_1, CALL, OperationId.of("OP-1"), Appraisal.Opinion.UNFAVOURABLE, Money.ZERO,
                    "public déjà couvert");
            round.approval().markPti(Round.DEPARTMENT_STAFF, CALL, OperationId.of("OP-1"),
                    fr.asso.europlie.plie.offer.PtiMarking.Complementarity.REDUNDANT, "Doublon avec l’action du PTI");
            round.approval().recordTechnicalOpinion(COORDINATOR, CALL, Appraisal.Opinion.UNFAVOURABLE, "", "COTECH 2026-03-02");
            round.refuse("OP-1", SteeringDecision.Outcome.REJECTED);
            round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());
            assertThat(round.stored().programming().state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(round.stored().programming().approved()).isEmpty();
            assertThat(round.steps()).endsWith("STEERING_DECISION:REJECTED", "ADOPTION:ADOPTED", "PUBLICATION:PUBLISHED");
            assertThat(round.events).extracting(ProgrammingEvent::kind).doesNotContain(ProgrammingEvent.Kind.FSE_COMMITMENT_REQUESTED);
            assertThat(round.runningProcesses()).isZero();
        }
    }



    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("amendment: after adoption, the committee approves a rejected operation by amendment (its FSE+ commitment "
            + "requested then); an amendment over the envelope, or before adoption, is refused and changes nothing")
    void amendment(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1", "OP-2", "OP-3").closedAndAssigned().reviewed();
            var approval = Round.decision(SteeringDecision.Outcome.APPROVED);
            PlieException early = (PlieException) org.assertj.core.api.Assertions.catchThrowable(() -> round.approval().amend(SECRETARIAT,
                    CALL, OperationId.of("OP-1"), approval, Money.euros(1), "trop tôt"));
            assertThat(codes(early)).containsExactly("PLIE-OFFER-021");
            round.approve("OP-1", 50_000);
            round.approve("OP-2", 40_000);
            round.refuse("OP-3", SteeringDecision.Outcome.REJECTED);
            round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());
            long revision = round.stored().revision();
            int trail = round.history().size();
            PlieException over = (PlieException) org.assertj.core.api.Assertions.catchThrowable(() -> round.approval().amend(SECRETARIAT,
                    CALL, OperationId.of("OP-3"), approval, Money.euros(10_001), "recours"));
            assertThat(codes(over)).containsExactly("PLIE-OFFER-025");
            assertThat(round.stored().revision()).isEqualTo(revision);
            assertThat(round.history()).hasSize(trail);

            round.approval().amend(SECRETARIAT, CALL, OperationId.of("OP-3"), approval, Money.euros(10_000), "recours gracieux accepté");
            var programming = round.stored().programming();
            assertThat(programming.state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(programming.amendments()).singleElement().satisfies(a -> {
                assertThat(a.previous().outcome()).isEqualTo(SteeringDecision.Outcome.REJECTED);
                assertThat(a.decision().approvedAmount()).isEqualTo(Money.euros(10_000));
            });
            assertThat(programming.remaining(ProgrammingAxis.ACCOMPANIMENT)).isEqualTo(Money.ZERO);
            assertThat(round.steps()).endsWith("AMENDMENT:APPROVED", "FSE_COMMITMENT_REQUESTED:MESSAGE_SENT");
            assertThat(round.flowable().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.KEY)
                    .list()).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder("AAP-2026/OP-1", "AAP-2026/OP-2",
                            "AAP-2026/OP-3");
            assertThat(round.runningProcesses()).isZero();
            assertThatThrownBy(() -> round.approval().amend(Round.COORDINATOR, CALL, OperationId.of("OP-3"), approval, Money.euros(1), "x"))
                    .isInstanceOf(fr.asso.europlie.plie.workflow.AccessDeniedException.class);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("opening: envelopes over the protocol's planned expenses for the year, or a call under a protocol not in force, "
            + "are refused and nothing is stored or started")
    void openingRefused(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            var call = Round.call();
            // ACCOMPANIMENT maps onto AXE-1, for which the protocol plans 300,000 euros in 2026.
            var tooBig = call.withEnvelope(ProgrammingAxis.ACCOMPANIMENT, Money.euros(300_001));
            var opening = Round.opening(ProgrammingSettings.defaults());
            CallOpening over = new CallOpening(tooBig, opening.mapping(), opening.department(), opening.operators(),
                    opening.offerSettings(), opening.settings(), opening.globalGrant());
            PlieException refused = (PlieException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> round.approval().openCall(COORDINATOR, over));
            assertThat(codes(refused)).containsExactly("PLIE-WORKFLOW-058");
            assertThat(refused.violations().get(0).message(java.util.Locale.ENGLISH)).contains("AXE-1", "300001.00", "300000.00", "2026");
            var elsewhere = new fr.asso.europlie.plie.offer.CallForProposals(call.id(), fr.asso.europlie.plie.protocol.ProtocolId.of("AUTRE"),
                    call.year(), call.eligibility(), call.closingDate(), call.regionCategory(), call.envelopes());
            PlieException unknown = (PlieException) org.assertj.core.api.Assertions.catchThrowable(() -> round.approval().openCall(
                    COORDINATOR, new CallOpening(elsewhere, opening.mapping(), opening.department(), opening.operators(),
                            opening.offerSettings(), opening.settings(), opening.globalGrant())));
            assertThat(codes(unknown)).containsExactly("PLIE-WORKFLOW-052");
            assertThat(round.storedIfAny()).isEmpty();
            assertThat(round.runningProcesses()).isZero();
            round.approval().openCall(COORDINATOR, new CallOpening(call.withEnvelope(ProgrammingAxis.ACCOMPANIMENT, Money.euros(300_000)),
                    opening.mapping(), opening.department(), opening.operators(), opening.offerSettings(), opening.settings(), opening.globalGrant()));
            assertThat(round.runningProcesses()).isOne();
            PlieException twice = (PlieException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> round.approval().openCall(COORDINATOR, opening));
            assertThat(codes(twice)).containsExactly("PLIE-WORKFLOW-051");
        }
    }

    /** Opens a call and expects a refusal with these codes that stores, starts and audits nothing. */
    private static PlieException refusedOpening(Round round, CallOpening opening, String... codes) {
        PlieException refused = (PlieException) org.assertj.core.api.Assertions.catchThrowable(
                () -> round.approval().openCall(COORDINATOR, opening));
        assertThat(refused).as("refusal of %s", List.of(codes)).isNotNull();
        assertThat(codes(refused)).containsExactly(codes);
        assertThat(refused.violations().get(0).message(java.util.Locale.ENGLISH)).doesNotContain("???");
        assertThat(refused.violations().get(0).message(fr.asso.europlie.plie.error.Messages.FRENCH))
                .isNotEqualTo(refused.violations().get(0).message(java.util.Locale.ENGLISH));
        assertThat(round.storedIfAny()).isEmpty();
        assertThat(round.runningProcesses()).isZero();
        assertThat(round.openTasks()).isZero();
        return refused;
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("opening against the OI's global grant: the FSE+ part of the envelopes (150,000 at 60 % = 90,000) over what the "
            + "grant has left for the year, an unknown grant, or no grant while the settings require one are refused, nothing changed")
    void openingAgainstTheGlobalGrant(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            // The grant holds 300,000 of FSE+ for 2026; reserve 220,000 of it for other operations: 80,000 left.
            round.inCommand(() -> {
                var grants = new fr.asso.europlie.plie.workflow.internal.JdbcGlobalGrants(fr.asso.europlie.plie.workflow.PlanId.DEFAULT,
                        round.clock);
                var grant = grants.get(Round.GRANT);
                var reserved = grant.apply(new fr.asso.europlie.plie.funds.LedgerCommand.Reserve(
                        fr.asso.europlie.plie.funds.IdempotencyKey.of("reserve-OP-AUTRE"), OperationId.of("OP-AUTRE"),
                        fr.asso.europlie.plie.funds.EnvelopeKey.of("1", "h", 2026), Money.euros(220_000), "instructeur.oi",
                        java.time.Instant.parse("2026-01-05T09:00:00Z"), "autre opération"));
                grants.update(reserved.grant(), grant.revision());
                return null;
            });
            PlieException over = refusedOpening(round, Round.opening(), "PLIE-WORKFLOW-060");
            assertThat(over.violations().get(0).message(java.util.Locale.ENGLISH)).contains("90000.00", "80000.00", "SG-OI-PERIGUEUX",
                    "2026");
            refusedOpening(round, new CallOpening(Round.call(), Round.opening().mapping(), Round.DEPARTMENT, Round.opening().operators(),
                    Round.opening().offerSettings(), fr.asso.europlie.plie.funds.GlobalGrantId.of("SG-INCONNUE")), "PLIE-WORKFLOW-061");
            refusedOpening(round, Round.opening().withoutGlobalGrant().withSettings(ProgrammingSettings.defaults().withGlobalGrantRequired(true)),
                    "PLIE-WORKFLOW-062");

            // 130,000 of envelopes at 60 %: 78,000 of FSE+, within the 80,000 left.
            var within = Round.call().withEnvelope(ProgrammingAxis.LINKS_WITH_EMPLOYERS, Money.euros(30_000));
            var opening = Round.opening();
            round.approval().openCall(COORDINATOR, new CallOpening(within, opening.mapping(), opening.department(), opening.operators(),
                    opening.offerSettings(), opening.settings(), opening.globalGrant()));
            assertThat(round.runningProcesses()).isOne();
            assertThat(round.history()).singleElement().satisfies(e -> {
                assertThat(e.step()).isEqualTo("CALL_OPENED");
                assertThat(e.programming()).isEqualTo(CALL);
                assertThat(e.reference()).contains("global grant SG-OI-PERIGUEUX");
            });
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the plan's programming settings: a call without settings of its own runs with the plan's deadlines and sessions, "
            + "and a plan that does not require a global grant (the default) opens a call without one")
    void plansProgrammingSettings(Databases.Kind kind) {
        ProgrammingSettings own = new ProgrammingSettings(Duration.ofDays(10), Duration.ofDays(5), Duration.ofDays(7), 3, false);
        try (Round round = new Round(kind, fr.asso.europlie.plie.workflow.WorkflowSettings.defaults().withProgramming(own))) {
            assertThat(round.engine.plan(fr.asso.europlie.plie.workflow.PlanId.DEFAULT).settings().programming()).isEqualTo(own);
            round.approval().openCall(COORDINATOR, Round.opening().withoutGlobalGrant());
            assertThat(round.history()).singleElement().satisfies(e -> assertThat(e.reference()).contains("global grant none"));
            var process = round.flowable().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProgrammingProcess.KEY)
                    .singleResult();
            Map<String, Object> variables = round.flowable().getRuntimeService().getVariables(process.getId());
            assertThat(variables).containsEntry(ProgrammingProcess.Var.APPRAISAL_DEADLINE_DELAY, "PT240H")
                    .containsEntry(ProgrammingProcess.Var.APPRAISAL_REMINDER, "PT120H")
                    .containsEntry(ProgrammingProcess.Var.PTI_REMINDER, "PT168H")
                    .containsEntry(ProgrammingProcess.Var.MAX_SESSIONS, 3);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("amendments and FSE+: approving a rejected operation sends plieFseCommitmentRequested with the FSE+ programmed "
            + "(by default the FSE+ asked capped at 60 % of the approved amount), raising it then sends plieFseIncreaseRequested "
            + "with the new amount to that commitment (no second commitment), lowering an amount sends nothing")
    void amendmentRaisingFse(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1", "OP-2", "OP-3").closedAndAssigned().reviewed();
            round.approve("OP-1", 50_000);
            round.approve("OP-2", 20_000);
            round.refuse("OP-3", SteeringDecision.Outcome.REJECTED);
            round.approval().closeSession(SECRETARIAT, CALL, Round.adoption());
            var approval = Round.decision(SteeringDecision.Outcome.APPROVED);

            round.approval().amend(SECRETARIAT, CALL, OperationId.of("OP-3"), approval, Money.euros(10_000), "recours gracieux");
            round.approval().amend(SECRETARIAT, CALL, OperationId.of("OP-3"), approval, Money.euros(30_000), "besoins confirmés");
            int trail = round.history().size();
            round.approval().amend(SECRETARIAT, CALL, OperationId.of("OP-1"), approval, Money.euros(40_000), "coûts revus à la baisse");

            assertThat(round.history()).hasSize(trail + 1);
            assertThat(round.steps()).filteredOn(step -> step.startsWith("AMENDMENT") || step.startsWith("FSE_COMMITMENT"))
                    .containsExactly("FSE_COMMITMENT_REQUESTED:MESSAGE_SENT", "FSE_COMMITMENT_REQUESTED:MESSAGE_SENT", // publication
                            "AMENDMENT:APPROVED", "FSE_COMMITMENT_REQUESTED:MESSAGE_SENT", "AMENDMENT:APPROVED",
                            "FSE_COMMITMENT_REQUESTED:INCREASE_MESSAGE_SENT", "AMENDMENT:APPROVED");
            List<ProcessInstance> op3 = round.flowable().getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.KEY)
                    .processInstanceBusinessKey("AAP-2026/OP-3").includeProcessVariables().list();
            assertThat(op3).extracting(c -> c.getProcessVariables().get("fseAmount")).containsExactly("6000.00");
            List<ProcessInstance> raise = round.flowable().getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.Increase.KEY)
                    .includeProcessVariables().list();
            assertThat(raise).extracting(c -> c.getProcessVariables().get("operationId") + " " + c.getProcessVariables().get("fseAmount"))
                    .containsExactly("OP-3 18000.00");
            assertThat(round.events).filteredOn(e -> e.kind() == ProgrammingEvent.Kind.FSE_COMMITMENT_REQUESTED)
                    .extracting(ProgrammingEvent::amount).containsExactly(Money.euros(30_000), Money.euros(12_000), Money.euros(6_000),
                            Money.euros(18_000));
            var stored = round.stored().programming();
            assertThat(stored.amendments()).hasSize(3);
            assertThat(stored.application(OperationId.of("OP-1")).orElseThrow().fseProgrammed()).isEqualTo(Money.euros(24_000));
        }
    }
}
