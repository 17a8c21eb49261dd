package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.internal.Steps;

import static fr.asso.europlie.plie.protocol.ProtocolFixture.DEPARTMENT;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.EPCI;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.FRANCE_TRAVAIL;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.REGION;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.STATE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.budget.Contribution;
import fr.asso.europlie.plie.budget.ProtocolBudget;
import fr.asso.europlie.plie.error.ViolationAssertions;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.GovernanceError;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.AnimationStructure;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolError;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.protocol.Signatory;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Reminder;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.internal.PlieRuntime;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngines;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the protocol negotiation, one test per path of the process")
class ProtocolNegotiationProcessTest {

    private static final AtomicInteger ENGINES = new AtomicInteger();
    private static final ProtocolId ID = ProtocolId.of("PLIE-GRAND-PERIGUEUX-2022");

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));
    private final List<ProtocolEvent> events = new CopyOnWriteArrayList<>();
    private final List<Reminder> reminders = new CopyOnWriteArrayList<>();
    private String engineName;
    private PlieEngine engine;
    private Negotiator negotiator;

    @BeforeEach
    void startEngine() {
        engineName = "negotiation-test-" + ENGINES.incrementAndGet();
        engine = PlieEngine.builder().name(engineName).clock(clock).asyncExecutor(false)
                .settings(WorkflowSettings.defaults()).build();
        engine.addListener(new WorkflowListener() {
            @Override
            public void onProtocolEvent(ProtocolEvent event) {
                events.add(event);
            }

            @Override
            public void onReminder(Reminder reminder) {
                reminders.add(reminder);
            }
        });
        negotiator = new Negotiator(engine, clock, ID);
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    private NegotiationStatus status() {
        return negotiator.negotiation().status(Negotiator.COORDINATOR, ID);
    }

    private Protocol protocol() {
        return engine.protocol(Negotiator.COORDINATOR, ID).orElseThrow();
    }

    private List<String> steps() {
        return negotiator.negotiation().history(Negotiator.COORDINATOR, ID).stream().map(e -> e.step() + ":" + e.outcome()).toList();
    }

    private void assertWaitingOnlyFor(NegotiationStep step) {
        NegotiationStatus status = status();
        assertThat(status.running()).isTrue();
        assertThat(status.waitingFor()).isNotEmpty().allSatisfy(item -> assertThat(item.step()).isEqualTo(step));
    }

    private void assertFinished(ProtocolState state) {
        NegotiationStatus status = status();
        assertThat(status.state()).isEqualTo(state);
        assertThat(status.running()).as("no negotiation process left running").isFalse();
        assertThat(status.waitingFor()).isEmpty();
        ProcessEngine flowable = ProcessEngines.getProcessEngine(engineName);
        assertThat(flowable.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ID.value()).count())
                .isZero();
    }

    @Test
    @DisplayName("happy path: diagnostic, favourable opinions, budget, adoption, deliberations, signatures: in force")
    void happyPath() {
        negotiator.startedWithDiagnostic();
        assertWaitingOnlyFor(NegotiationStep.TECHNICAL_OPINION);
        assertThat(status().waitingFor()).extracting(WorkItem::organisation)
                .containsExactlyInAnyOrderElementsOf(Negotiator.parties());
        assertThat(negotiator.negotiation().tasks(Negotiator.of(REGION, Role.TECHNICAL_STAFF)))
                .singleElement().satisfies(item -> {
                    assertThat(item.step()).isEqualTo(NegotiationStep.TECHNICAL_OPINION);
                    assertThat(item.organisation()).isEqualTo(REGION);
                    assertThat(item.protocolId()).isEqualTo(ID);
                });
        assertThat(negotiator.negotiation().tasks(Negotiator.of(REGION, Role.SIGNATORY))).isEmpty();
        negotiator.allFavourable();
        assertWaitingOnlyFor(NegotiationStep.CONSOLIDATION);
        assertThat(negotiator.negotiation().tasks(Negotiator.COORDINATOR)).extracting(WorkItem::step)
                .containsExactly(NegotiationStep.CONSOLIDATION);
        negotiator.consolidated();
        assertWaitingOnlyFor(NegotiationStep.CONTRIBUTION);
        negotiator.allContributionsConfirmed();
        assertWaitingOnlyFor(NegotiationStep.COMMITTEE_DECISION);
        assertThat(negotiator.negotiation().tasks(Negotiator.COMMITTEE)).extracting(WorkItem::step)
                .containsExactly(NegotiationStep.COMMITTEE_DECISION);
        negotiator.adopted();
        assertThat(protocol().state()).isEqualTo(ProtocolState.ADOPTED);
        negotiator.allApproved();
        assertWaitingOnlyFor(NegotiationStep.SIGNATURE);
        negotiator.allSigned(Negotiator.signatories());

        assertFinished(ProtocolState.IN_FORCE);
        assertThat(protocol().versions()).hasSize(1);
        assertThat(steps()).startsWith("NEGOTIATION_STARTED:UNDER_NEGOTIATION", "SHARED_DIAGNOSTIC:COMPLETED",
                "CONSULTATION_OPENED:OPENED").contains("OPINIONS_EVALUATED:FAVOURABLE", "BUDGET_CHECK:BALANCED",
                "COMMITTEE_RESULT:ADOPTED").endsWith("ENTRY_INTO_FORCE:IN_FORCE");
        assertThat(events).extracting(ProtocolEvent::type).contains("NegotiationOpened", "ProtocolAdopted", "ProtocolSigned")
                .last().isEqualTo("ProtocolEnteredIntoForce");
        List<String> signers = ProcessEngines.getProcessEngine(engineName).getHistoryService()
                .createHistoricTaskInstanceQuery().taskDefinitionKey(NegotiationStep.SIGNATURE.taskKey()).finished().list()
                .stream().map(HistoricTaskInstance::getAssignee).toList();
        assertThat(signers).containsExactlyInAnyOrderElementsOf(
                Negotiator.signatories().stream().map(s -> Negotiator.of(s, Role.SIGNATORY).userId()).toList());
    }

    @Test
    @DisplayName("Flowable's history names who did each step: the task's assignee, a participant of the process")
    void historyNamesTheActorOfEachStep() {
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted().allApproved()
                .allSigned(Negotiator.signatories());
        assertFinished(ProtocolState.IN_FORCE);
        // The audit trail's entries of the user tasks, in the order they were done: each step's actor.
        List<String> stepNames = java.util.Arrays.stream(NegotiationStep.values()).map(NegotiationStep::name).toList();
        List<String> actors = negotiator.negotiation().history(Negotiator.COORDINATOR, ID).stream()
                .filter(entry -> stepNames.contains(entry.step())).map(AuditEntry::userId).toList();
        assertThat(actors).hasSize(2 + Negotiator.parties().size() + Negotiator.funders().size() + 1
                + 2 * Negotiator.signatories().size());
        ProcessEngine flowable = ProcessEngines.getProcessEngine(engineName);
        var history = flowable.getHistoryService();
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(ID.value())
                .finished().orderByHistoricTaskInstanceEndTime().asc().list();
        assertThat(tasks).extracting(HistoricTaskInstance::getAssignee).containsExactlyInAnyOrderElementsOf(actors)
                .doesNotContainNull();
        String process = tasks.get(0).getProcessInstanceId();
        for (String actor : new java.util.TreeSet<>(actors)) {
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(process).involvedUser(actor).count())
                    .as("%s is a participant of the process in the history", actor).isEqualTo(1);
        }
        // Each finished activity of a user task names its assignee too.
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process).activityType("userTask")
                .finished().list()).extracting(activity -> activity.getAssignee())
                .containsExactlyInAnyOrderElementsOf(actors);
    }

    @Test
    @DisplayName("an unfavourable opinion: the draft is revised and every party consulted again")
    void unfavourableOpinionReconsults() {
        negotiator.startedWithDiagnostic().oneUnfavourable(REGION);
        negotiator.negotiation().consolidate(Negotiator.COORDINATOR, ID,
                Negotiator.content().withName("PLIE du Grand Périgueux (objectifs révisés)"), "objectifs revus avec la Région");
        assertWaitingOnlyFor(NegotiationStep.TECHNICAL_OPINION);
        assertThat(status().round()).isEqualTo(2);
        assertThat(status().waitingFor()).hasSize(Negotiator.parties().size());
        negotiator.allFavourable().consolidated();

        assertWaitingOnlyFor(NegotiationStep.CONTRIBUTION);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(protocol().negotiation().orElseThrow().content().name()).endsWith("(objectifs révisés)");
        assertThat(steps()).contains("TECHNICAL_OPINION:UNFAVOURABLE", "OPINIONS_EVALUATED:UNFAVOURABLE",
                "CONSOLIDATION:REVISED", "OPINIONS_EVALUATED:FAVOURABLE");
        assertThat(negotiator.negotiation().history(Negotiator.COORDINATOR, ID).stream().filter(e -> e.step().equals("CONSULTATION_OPENED"))
                .map(AuditEntry::round)).containsExactly(1, 2);
    }

    private void unfavourableRounds(int rounds) {
        negotiator.startedWithDiagnostic();
        for (int round = 1; round <= rounds; round++) {
            negotiator.oneUnfavourable(REGION).consolidated();
        }
    }

    @Test
    @DisplayName("the round limit: after three unfavourable rounds the steering committee abandons")
    void roundLimitThenAbandon() {
        unfavourableRounds(3);
        assertWaitingOnlyFor(NegotiationStep.ROUND_LIMIT_DECISION);
        negotiator.negotiation().decideAfterRoundLimit(Negotiator.COMMITTEE, ID, RoundLimitDecision.ABANDON,
                "désaccord persistant de la Région");

        assertFinished(ProtocolState.ABANDONED);
        assertThat(steps()).containsSubsequence("ROUND_LIMIT_DECISION:ABANDON", "ABANDONED:ABANDONED");
        assertThat(negotiator.negotiation().history(Negotiator.COORDINATOR, ID).stream().filter(e -> e.step().equals("CONSULTATION_OPENED")))
                .hasSize(3);
        assertThat(events).extracting(ProtocolEvent::type).last().isEqualTo("ProtocolAbandoned");
    }

    @Test
    @DisplayName("the round limit: the steering committee may go on to the budget despite the opinion")
    void roundLimitThenGoOn() {
        unfavourableRounds(3);
        negotiator.negotiation().decideAfterRoundLimit(Negotiator.COMMITTEE, ID, RoundLimitDecision.GO_ON,
                "les réserves de la Région seront traitées par avenant");

        assertWaitingOnlyFor(NegotiationStep.CONTRIBUTION);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(steps()).contains("ROUND_LIMIT_DECISION:GO_ON");
    }

    @Test
    @DisplayName("an unbalanced budget sends the text back to consolidation")
    void unbalancedBudget() {
        negotiator.startedWithDiagnostic().allFavourable().consolidated();
        ProtocolBudget lower = Negotiator.content().budget()
                .withContribution(new Contribution(REGION, Year.of(2022), Money.euros(10_000)));
        for (OrganisationId funder : Negotiator.funders()) {
            negotiator.confirm(funder, lower);
        }

        assertWaitingOnlyFor(NegotiationStep.CONSOLIDATION);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(protocol().negotiation().orElseThrow().content().budget().isBalanced()).isFalse();
        assertThat(steps()).containsSubsequence("CONTRIBUTION:CONFIRMED", "BUDGET_CHECK:UNBALANCED");
    }

    @Test
    @DisplayName("no quorum: the decision does not count and the steering committee meets again")
    void noQuorum() {
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed();
        CommitteeOutcome outcome = negotiator.negotiation().decideInCommittee(Negotiator.COMMITTEE, ID,
                negotiator.decisionWithoutDepartment(AdoptionOutcome.ADOPT));

        assertThat(outcome.result()).isEqualTo(CommitteeOutcome.Result.NO_QUORUM);
        assertThat(outcome.violations()).extracting(v -> v.code()).contains(GovernanceError.MANDATORY_ABSENT);
        assertWaitingOnlyFor(NegotiationStep.COMMITTEE_DECISION);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(steps()).endsWith("COMMITTEE_DECISION:ADOPT", "COMMITTEE_RESULT:NO_QUORUM");
        AuditEntry result = negotiator.negotiation().history(Negotiator.COORDINATOR, ID).get(negotiator.negotiation().history(Negotiator.COORDINATOR, ID).size() - 1);
        assertThat(result.reason(java.util.Locale.FRENCH)).contains("[PLIE-GOVERNANCE-009]").contains(DEPARTMENT.value())
                .contains("ne peut pas décider");
        assertThat(result.reason(java.util.Locale.ENGLISH)).contains("[PLIE-GOVERNANCE-009]").contains(DEPARTMENT.value())
                .contains("cannot decide");
    }

    @Test
    @DisplayName("an adoption that breaks the protocol's rules is refused: back to consolidation")
    void adoptionRefusedByTheRules() {
        negotiator.startedWithDiagnostic().allFavourable();
        // A rule a draft need not satisfy yet (the others are checked at consolidation already).
        negotiator.negotiation().consolidate(Negotiator.COORDINATOR, ID,
                Negotiator.content().withDiagnostic(fr.asso.europlie.plie.protocol.SharedDiagnostic.EMPTY),
                "diagnostic effacé par erreur");
        negotiator.allContributionsConfirmed();
        CommitteeOutcome outcome = negotiator.negotiation().decideInCommittee(Negotiator.COMMITTEE, ID,
                negotiator.decision(AdoptionOutcome.ADOPT, "adoption"));

        assertThat(outcome.result()).isEqualTo(CommitteeOutcome.Result.REFUSED);
        assertThat(outcome.violations()).extracting(v -> v.code()).contains(ProtocolError.DIAGNOSTIC_INCOMPLETE);
        assertWaitingOnlyFor(NegotiationStep.CONSOLIDATION);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(steps()).endsWith("COMMITTEE_DECISION:ADOPT", "COMMITTEE_RESULT:REFUSED");
    }

    @Test
    @DisplayName("the steering committee sends the text back to consolidation")
    void committeeSendsBack() {
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed();
        CommitteeOutcome outcome = negotiator.negotiation().decideInCommittee(Negotiator.COMMITTEE, ID,
                negotiator.decision(AdoptionOutcome.SEND_BACK, "revoir l’axe 3"));

        assertThat(outcome.result()).isEqualTo(CommitteeOutcome.Result.SENT_BACK);
        assertWaitingOnlyFor(NegotiationStep.CONSOLIDATION);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(steps()).endsWith("COMMITTEE_DECISION:SEND_BACK", "COMMITTEE_RESULT:SENT_BACK");
    }

    @Test
    @DisplayName("abandonment: the steering committee abandons the negotiation")
    void committeeAbandons() {
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed();
        CommitteeOutcome outcome = negotiator.negotiation().decideInCommittee(Negotiator.COMMITTEE, ID,
                negotiator.decision(AdoptionOutcome.ABANDON, "le territoire rejoint le PLIE voisin"));

        assertThat(outcome.result()).isEqualTo(CommitteeOutcome.Result.ABANDONED);
        assertFinished(ProtocolState.ABANDONED);
        assertThat(steps()).endsWith("COMMITTEE_RESULT:ABANDON", "ABANDONED:ABANDONED");
        assertThat(negotiator.negotiation().history(Negotiator.COORDINATOR, ID)).last().extracting(AuditEntry::reason)
                .isEqualTo("le territoire rejoint le PLIE voisin");
    }

    @Test
    @DisplayName("a rejection by a signatory's body sends the protocol back to consolidation")
    void rejection() {
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted();
        negotiator.deliberate(EPCI, DeliberationOutcome.APPROVED);
        negotiator.deliberate(REGION, DeliberationOutcome.REJECTED);

        assertWaitingOnlyFor(NegotiationStep.CONSOLIDATION);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(steps()).containsSubsequence("COMMITTEE_RESULT:ADOPTED", "DELIBERATION:APPROVED", "DELIBERATION:REJECTED");
        assertThat(events).extracting(ProtocolEvent::type).last().isEqualTo("ProtocolSentBack");
    }

    @Test
    @DisplayName("a request for changes also sends the protocol back to consolidation")
    void changesRequested() {
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted();
        negotiator.deliberate(DEPARTMENT, DeliberationOutcome.CHANGES_REQUESTED);

        assertWaitingOnlyFor(NegotiationStep.CONSOLIDATION);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(steps()).last().isEqualTo("DELIBERATION:CHANGES_REQUESTED");
    }

    @Test
    @DisplayName("a withdrawal: France Travail leaves, the others sign, the protocol enters into force without it")
    void withdrawal() {
        // France Travail's contribution is carried by the EPCI, so the plan still balances without it.
        ProtocolContent withoutFranceTravailMoney = Negotiator.content().withBudget(Negotiator.content().budget()
                .withoutFunder(FRANCE_TRAVAIL));
        for (int year = 2022; year <= 2027; year++) {
            withoutFranceTravailMoney = withoutFranceTravailMoney.withBudget(withoutFranceTravailMoney.budget()
                    .withContribution(new Contribution(EPCI, Year.of(year), Money.euros(170_000))));
        }
        negotiator.negotiation().start(Negotiator.COORDINATOR, ID, withoutFranceTravailMoney);
        negotiator.negotiation().recordDiagnostic(Negotiator.COORDINATOR, ID, ProtocolFixture.completeDiagnostic());
        negotiator.allFavourable().consolidated();
        withoutFranceTravailMoney.budget().funders().forEach(f -> negotiator.confirm(f, protocol().negotiation()
                .orElseThrow().content().budget()));
        negotiator.adopted();
        negotiator.negotiation().withdraw(Negotiator.of(FRANCE_TRAVAIL, Role.DELIBERATING_BODY), ID,
                "l’offre de service est portée par la convention régionale");
        List<OrganisationId> remaining = new ArrayList<>(Negotiator.signatories());
        remaining.remove(FRANCE_TRAVAIL);
        remaining.forEach(s -> negotiator.deliberate(s, DeliberationOutcome.APPROVED));
        assertThat(status().waitingFor()).extracting(WorkItem::organisation).containsExactlyInAnyOrderElementsOf(remaining);
        negotiator.allSigned(remaining);

        assertFinished(ProtocolState.IN_FORCE);
        assertThat(protocol().versionInForce().orElseThrow().content().signatories()).extracting(Signatory::id)
                .doesNotContain(FRANCE_TRAVAIL).containsExactlyInAnyOrderElementsOf(remaining);
        assertThat(steps()).contains("DELIBERATION:WITHDRAWAL").last().isEqualTo("ENTRY_INTO_FORCE:IN_FORCE");
    }

    @Test
    @DisplayName("a withdrawal that unbalances the budget sends the protocol back to consolidation")
    void withdrawalUnbalancingTheBudget() {
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted();
        negotiator.negotiation().withdraw(Negotiator.of(FRANCE_TRAVAIL, Role.DELIBERATING_BODY), ID, "retrait");

        assertWaitingOnlyFor(NegotiationStep.CONSOLIDATION);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(protocol().negotiation().orElseThrow().content().signatory(FRANCE_TRAVAIL)).isEmpty();
        assertThat(steps()).endsWith("DELIBERATION:WITHDRAWAL", "DELIBERATION:SENT_BACK");
    }

    @Test
    @DisplayName("the Département may not withdraw: refused, nothing changes")
    void departmentMayNotWithdraw() {
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted();
        long revision = protocol().revision();
        int entries = steps().size();

        ViolationAssertions.assertRefused(() -> negotiator.negotiation().withdraw(
                Negotiator.of(DEPARTMENT, Role.DELIBERATING_BODY), ID, "désaccord"),
                ProtocolError.MANDATORY_CANNOT_WITHDRAW, "signatory", DEPARTMENT.value());

        assertThat(protocol().revision()).isEqualTo(revision);
        assertThat(steps()).hasSize(entries);
        assertWaitingOnlyFor(NegotiationStep.DELIBERATION);
        assertThat(status().waitingFor()).hasSize(Negotiator.signatories().size());
    }

    @Test
    @DisplayName("the opinion deadline: a reminder at 30 days, then \"no opinion\" after 15 more days")
    void consultationDeadline() {
        negotiator.startedWithDiagnostic();
        negotiator.negotiation().giveOpinion(Negotiator.of(EPCI, Role.TECHNICAL_STAFF), ID, Opinion.favourable(""));
        negotiator.negotiation().giveOpinion(Negotiator.of(DEPARTMENT, Role.TECHNICAL_STAFF), ID, Opinion.favourable(""));

        negotiator.advance(Duration.ofDays(29));
        assertThat(reminders).isEmpty();
        negotiator.advance(Duration.ofDays(2));
        assertThat(reminders).singleElement().satisfies(r -> {
            assertThat(r.step()).isEqualTo("TECHNICAL_OPINION");
            assertThat(r.late()).hasSize(Negotiator.parties().size() - 2).doesNotContain(EPCI, DEPARTMENT);
        });
        assertWaitingOnlyFor(NegotiationStep.TECHNICAL_OPINION);

        negotiator.advance(Duration.ofDays(15));
        assertWaitingOnlyFor(NegotiationStep.CONSOLIDATION);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(negotiator.negotiation().history(Negotiator.COORDINATOR, ID).stream().filter(e -> e.outcome().equals("NO_OPINION")))
                .extracting(AuditEntry::organisation).hasSize(Negotiator.parties().size() - 2)
                .allSatisfy(o -> assertThat(o).isNotIn(EPCI.value(), DEPARTMENT.value()));
        assertThat(steps()).containsSubsequence("REMINDER:TECHNICAL_OPINION", "TECHNICAL_OPINION:NO_OPINION",
                "OPINIONS_EVALUATED:FAVOURABLE");
        AuditEntry noOpinion = negotiator.negotiation().history(Negotiator.COORDINATOR, ID).stream().filter(e -> e.outcome().equals("NO_OPINION"))
                .findFirst().orElseThrow();
        assertThat(noOpinion.reason(java.util.Locale.FRENCH)).isEqualTo("délai de grâce écoulé : sans avis");
        assertThat(noOpinion.reason(java.util.Locale.ENGLISH)).isEqualTo("grace period over: no opinion");
        AuditEntry reminder = negotiator.negotiation().history(Negotiator.COORDINATOR, ID).stream().filter(e -> e.step().equals("REMINDER"))
                .findFirst().orElseThrow();
        assertThat(reminder.reason(java.util.Locale.FRENCH)).startsWith("délai de l’avis dépassé, relance de : ")
                .contains(REGION.value()).doesNotContain(EPCI.value());
        assertThat(reminder.reason(java.util.Locale.ENGLISH)).startsWith("opinion deadline passed, reminder to: ")
                .contains(REGION.value());
    }

    @Test
    @DisplayName("the deliberation deadline: reminders at 30 and 60 days to those still late, overdue at 90 days: back to consolidation")
    void deliberationDeadline() {
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted();
        negotiator.deliberate(EPCI, DeliberationOutcome.APPROVED);
        negotiator.deliberate(DEPARTMENT, DeliberationOutcome.APPROVED);

        negotiator.advance(Duration.ofDays(31));
        assertThat(reminders).singleElement().satisfies(r -> assertThat(r.late())
                .containsExactlyInAnyOrder(STATE, REGION, FRANCE_TRAVAIL));
        negotiator.deliberate(STATE, DeliberationOutcome.APPROVED);
        negotiator.advance(Duration.ofDays(30));
        assertThat(reminders).hasSize(2);
        assertThat(reminders.get(1).late()).containsExactlyInAnyOrder(REGION, FRANCE_TRAVAIL);
        assertWaitingOnlyFor(NegotiationStep.DELIBERATION);

        negotiator.advance(Duration.ofDays(30));
        assertThat(reminders).hasSize(2);
        assertWaitingOnlyFor(NegotiationStep.CONSOLIDATION);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(steps()).containsSubsequence("REMINDER:DELIBERATION", "DELIBERATION_OVERDUE:SENT_BACK");
    }

    @Test
    @DisplayName("an actor without the animation team's role cannot start an amendment, nor learn whether a protocol exists")
    void amendmentStartRefusedWithoutTellingWhetherTheProtocolExists() {
        Actor funder = Actor.of("budget", EPCI, Role.FUNDER);
        ViolationAssertions.assertRefused(() -> negotiator.negotiation().startAmendment(funder, ProtocolId.of("PLIE-INCONNU"),
                Negotiator.content(), "avenant"), WorkflowError.UNKNOWN_PROTOCOL, "protocolId", "PLIE-INCONNU");
        negotiator.startedWithDiagnostic();
        ViolationAssertions.assertRefused(() -> negotiator.negotiation().startAmendment(funder, ID,
                Negotiator.content(), "avenant"), WorkflowError.ROLE_REQUIRED, "actor.roles", "budget");
    }

    @Test
    @DisplayName("the amendment path: no diagnostic, same steps, version 2 enters into force and version 1 is kept")
    void amendment() {
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted()
                .allApproved().allSigned(Negotiator.signatories());
        Protocol first = protocol();
        clock.advance(Duration.ofDays(400));

        NegotiationStatus started = negotiator.negotiation().startAmendment(Negotiator.COORDINATOR, ID,
                Negotiator.content().withName("PLIE du Grand Périgueux (avenant n°1)"), "extension aux quartiers de Boulazac");
        assertThat(started.waitingFor()).allSatisfy(i -> assertThat(i.step()).isEqualTo(NegotiationStep.TECHNICAL_OPINION));
        assertThat(protocol().state()).isEqualTo(ProtocolState.IN_FORCE);
        negotiator.allFavourable().consolidated().allContributionsConfirmed().adopted().allApproved()
                .allSigned(Negotiator.signatories());

        assertFinished(ProtocolState.IN_FORCE);
        Protocol amended = protocol();
        assertThat(amended.versions()).hasSize(2);
        assertThat(amended.version(1).orElseThrow()).isEqualTo(first.version(1).orElseThrow());
        assertThat(amended.versionInForce().orElseThrow().content().name()).endsWith("(avenant n°1)");
        assertThat(steps()).contains("AMENDMENT_STARTED:IN_FORCE").filteredOn(s -> s.startsWith("SHARED_DIAGNOSTIC"))
                .hasSize(1);
        assertThat(steps()).last().isEqualTo("ENTRY_INTO_FORCE:IN_FORCE");
        assertThat(events).extracting(ProtocolEvent::type).filteredOn("ProtocolEnteredIntoForce"::equals).hasSize(2);
    }

    @Test
    @DisplayName("a stored draft is negotiated only by its own animation team, not by another that names itself in the text")
    void storedDraftIsStartedOnlyByItsAnimationTeam() {
        Protocol stored = Protocol.draft(ID, Negotiator.content(), clock.instant(), "import");
        ProcessEngines.getProcessEngine(engineName).getManagementService().executeCommand(context -> {
            PlieRuntime.current().protocols(fr.asso.europlie.plie.workflow.PlanId.DEFAULT).add(stored);
            return null;
        });
        AnimationStructure other = new AnimationStructure(EPCI, "Service emploi de l’agglomération",
                AnimationStructure.Form.LOCAL_AUTHORITY, Negotiator.content().animationStructure().missions());
        Actor otherTeam = Negotiator.of(EPCI, Role.ANIMATION_TEAM);

        ViolationAssertions.assertRefused(() -> negotiator.negotiation().start(otherTeam, ID,
                Negotiator.content().withAnimationStructure(other)),
                WorkflowError.WRONG_ORGANISATION, "actor.organisation", EPCI.value());

        assertThat(protocol().revision()).isEqualTo(stored.revision());
        assertThat(protocol().state()).isEqualTo(ProtocolState.DRAFT);
        assertThat(Steps.negotiated(protocol()).animationStructure().id()).isEqualTo(ProtocolFixture.ANIMATION);
        assertThat(status().running()).isFalse();
        assertThat(negotiator.negotiation().history(Negotiator.COORDINATOR, ID)).isEmpty();
        negotiator.startedWithDiagnostic();
        assertWaitingOnlyFor(NegotiationStep.TECHNICAL_OPINION);
    }

    @Test
    @DisplayName("each step of the negotiation records who did it, for which organisation, when and why")
    void historyNamesTheActors() {
        negotiator.startedWithDiagnostic().oneUnfavourable(REGION);
        AuditEntry regional = negotiator.negotiation().history(Negotiator.COORDINATOR, ID).stream()
                .filter(e -> e.step().equals("TECHNICAL_OPINION") && e.organisation().equals(REGION.value()))
                .findFirst().orElseThrow();
        assertThat(regional.userId()).isEqualTo(Negotiator.of(REGION, Role.TECHNICAL_STAFF).userId());
        assertThat(regional.outcome()).isEqualTo("UNFAVOURABLE");
        assertThat(regional.reason()).isEqualTo("objectifs trop ambitieux");
        assertThat(regional.at()).isEqualTo(clock.instant());
        assertThat(regional.round()).isEqualTo(1);
        assertThat(protocol().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(status().running()).isTrue();
    }
}
