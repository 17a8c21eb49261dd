package fr.asso.europlie.plie.workflow.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.Plan;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStep;
import fr.asso.europlie.plie.workflow.negotiation.Negotiator;
import fr.asso.europlie.plie.workflow.negotiation.Opinion;
import fr.asso.europlie.plie.workflow.negotiation.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two PLIE on one engine and one database, sharing protocol ids, organisation ids and users:
 * what one does is invisible to and without effect on the other.
 */
@DisplayName("several plans on one engine, isolated from each other")
class PlansIsolationTest {

    private static final PlanId A = PlanId.of("PLIE-GP");
    private static final PlanId B = PlanId.of("PLIE-BERGERAC");
    private static final ProtocolId ID = ProtocolFixture.ID;

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    private static List<ProtocolEvent> listen(Plan plan) {
        List<ProtocolEvent> events = new CopyOnWriteArrayList<>();
        plan.addListener(new WorkflowListener() {
            @Override
            public void onProtocolEvent(ProtocolEvent event) {
                events.add(event);
            }
        });
        return events;
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the same protocol id in two plans names two protocols, with their own steps, tasks, trails and events")
    void sameIdsTwoPlans(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            Plan a = engine.registerPlan(A, "PLIE du Grand Périgueux");
            Plan b = engine.registerPlan(B, "PLIE du Bergeracois");
            List<ProtocolEvent> eventsA = listen(a);
            List<ProtocolEvent> eventsB = listen(b);
            List<ProtocolEvent> eventsDefault = listen(engine.defaultPlan());

            Negotiator inA = new Negotiator(engine, a, clock, ID).startedWithDiagnostic().allFavourable();
            inA.negotiation().consolidate(inA.here(Negotiator.COORDINATOR), ID, Negotiator.content(), "texte revu");
            new Negotiator(engine, b, clock, ID).startedWithDiagnostic();

            assertThat(a.protocolNegotiation().status(reader(a), ID).waitsFor(NegotiationStep.CONTRIBUTION)).isTrue();
            assertThat(b.protocolNegotiation().status(reader(b), ID).waitsFor(NegotiationStep.TECHNICAL_OPINION)).isTrue();
            assertThat(a.auditTrail(reader(a), ID).size()).isGreaterThan(b.auditTrail(reader(b), ID).size());
            assertThat(steps(a.auditTrail(reader(a), ID))).contains("CONSOLIDATION");
            assertThat(steps(b.auditTrail(reader(b), ID))).doesNotContain("CONSOLIDATION", "TECHNICAL_OPINION");
            assertThat(engine.protocol(Negotiator.COORDINATOR, ID)).as("the default plan has no such protocol").isEmpty();
            assertThat(engine.auditTrail(Negotiator.COORDINATOR, ID)).isEmpty();

            // The same person of the same organisation sees in each plan only that plan's tasks.
            Actor funderInA = inA.here(Negotiator.of(ProtocolFixture.EPCI, Role.FUNDER));
            Actor expertInB = Actor.in(B, "technical_staff@" + ProtocolFixture.EPCI.value(), ProtocolFixture.EPCI,
                    Role.TECHNICAL_STAFF, Role.FUNDER);
            assertThat(a.protocolNegotiation().tasks(funderInA)).extracting(WorkItem::step)
                    .containsOnly(NegotiationStep.CONTRIBUTION);
            assertThat(b.protocolNegotiation().tasks(expertInB)).extracting(WorkItem::step)
                    .containsOnly(NegotiationStep.TECHNICAL_OPINION);

            // Each plan's listener heard exactly its own protocol's events (equal ids and times in both
            // plans would make a mix-up invisible to equality: the counts tell them apart).
            assertThat(eventsA).isEqualTo(a.protocol(reader(a), ID).orElseThrow().events());
            assertThat(eventsB).isEqualTo(b.protocol(reader(b), ID).orElseThrow().events());
            assertThat(eventsA.size()).isGreaterThan(eventsB.size());
            assertThat(eventsDefault).isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an actor of plan A is refused on plan B, with a refusal that reveals nothing of B")
    void actorOfOnePlanRefusedOnAnother(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            Plan a = engine.registerPlan(A, "PLIE du Grand Périgueux");
            Plan b = engine.registerPlan(B, "PLIE du Bergeracois");
            new Negotiator(engine, b, clock, ID).startedWithDiagnostic();
            Actor coordinatorOfA = Actor.in(A, "coordination.plie", ProtocolFixture.ANIMATION, Role.ANIMATION_TEAM);
            Actor expertOfA = Actor.in(A, "expert", ProtocolFixture.EPCI, Role.TECHNICAL_STAFF);

            AccessDeniedException onExisting = catchThrowableOfType(AccessDeniedException.class,
                    () -> b.protocolNegotiation().giveOpinion(expertOfA, ID, Opinion.favourable("")));
            AccessDeniedException onUnknown = catchThrowableOfType(AccessDeniedException.class,
                    () -> b.protocolNegotiation().giveOpinion(expertOfA, ProtocolId.of("INCONNU"), Opinion.favourable("")));
            AccessDeniedException onStart = catchThrowableOfType(AccessDeniedException.class,
                    () -> b.protocolNegotiation().start(coordinatorOfA, ID, Negotiator.content()));
            AccessDeniedException onTasks = catchThrowableOfType(AccessDeniedException.class,
                    () -> b.protocolNegotiation().tasks(expertOfA));

            for (PlieException refused : List.of(onExisting, onUnknown, onStart, onTasks)) {
                assertThat(refused.violations()).singleElement().satisfies(v -> {
                    assertThat(v.code().code()).isEqualTo("PLIE-WORKFLOW-041");
                    assertThat(v.message(Messages.FRENCH)).contains("PLIE-GP").doesNotContain("BERGERAC", ID.value());
                    assertThat(v.message(Locale.ENGLISH)).contains("PLIE-GP").doesNotContain("BERGERAC", ID.value());
                });
            }
            assertThat(onExisting.getMessage()).isEqualTo(onUnknown.getMessage());
            assertThat(a.protocol(reader(a), ID)).isEmpty();
            assertThat(b.protocolNegotiation().status(reader(b), ID).waitsFor(NegotiationStep.TECHNICAL_OPINION)).isTrue();
        }
    }

    @Test
    @DisplayName("a plan the database does not know is refused by name; registering twice renames")
    void unknownAndRenamedPlans() {
        try (Databases.Target database = Databases.fresh(Databases.Kind.H2);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            RuleViolationException unknown = catchThrowableOfType(RuleViolationException.class,
                    () -> engine.plan(PlanId.of("PLIE-INCONNU")));
            assertThat(unknown.violations()).singleElement().satisfies(v -> {
                assertThat(v.code().code()).isEqualTo("PLIE-WORKFLOW-042");
                assertThat(v.message(Messages.FRENCH)).contains("PLIE-INCONNU");
                assertThat(v.message(Locale.ENGLISH)).contains("PLIE-INCONNU");
            });
            engine.registerPlan(A, "PLIE du Grand Périgueux");
            engine.registerPlan(A, "PLIE du Grand Périgueux (2022-2027)");
            try (PlieEngine other = database.engine(clock, WorkflowSettings.defaults()).build()) {
                assertThat(other.plan(A).name()).isEqualTo("PLIE du Grand Périgueux (2022-2027)");
            }
            assertThat(engine.defaultPlan().id()).isEqualTo(PlanId.DEFAULT);
        }
    }

    @Test
    @DisplayName("each plan runs with its own settings: a plan with a shorter consultation deadline reminds earlier")
    void settingsPerPlan() {
        WorkflowSettings shortDeadline = WorkflowSettings.defaults().withConsultation(Duration.ofDays(5),
                WorkflowSettings.defaults().consultationGrace());
        try (Databases.Target database = Databases.fresh(Databases.Kind.H2);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            Plan a = engine.registerPlan(A, "PLIE du Grand Périgueux");
            Plan b = engine.registerPlan(B, "PLIE du Bergeracois", shortDeadline);
            assertThat(b.settings()).isEqualTo(shortDeadline);
            assertThat(a.settings()).isEqualTo(WorkflowSettings.defaults());
            List<String> remindedA = new CopyOnWriteArrayList<>();
            List<String> remindedB = new CopyOnWriteArrayList<>();
            a.addListener(new WorkflowListener() {
                @Override
                public void onReminder(fr.asso.europlie.plie.workflow.Reminder reminder) {
                    remindedA.add(reminder.step());
                }
            });
            b.addListener(new WorkflowListener() {
                @Override
                public void onReminder(fr.asso.europlie.plie.workflow.Reminder reminder) {
                    remindedB.add(reminder.step());
                }
            });
            new Negotiator(engine, a, clock, ID).startedWithDiagnostic();
            new Negotiator(engine, b, clock, ID).startedWithDiagnostic();

            clock.advance(Duration.ofDays(6));
            engine.runDueJobs();

            assertThat(remindedB).isNotEmpty();
            assertThat(remindedA).isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("8 threads negotiate in two plans at once, on the same protocol ids: each plan's history is exactly its own")
    void concurrentPlans(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            Plan a = engine.registerPlan(A, "PLIE du Grand Périgueux");
            Plan b = engine.registerPlan(B, "PLIE du Bergeracois");
            Plan solo = engine.registerPlan(PlanId.of("PLIE-SEUL"), "PLIE témoin");
            negotiateToConsolidation(engine, solo, ProtocolId.of("PLIE-CONC-0"));
            List<String> expected = steps(solo.auditTrail(reader(solo), ProtocolId.of("PLIE-CONC-0")));
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Plan plan = i % 2 == 0 ? a : b;
                ProtocolId id = ProtocolId.of("PLIE-CONC-" + (i / 2));
                runs.add(threads.submit(() -> {
                    negotiateToConsolidation(engine, plan, id);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
            threads.shutdown();
            for (int i = 0; i < 4; i++) {
                ProtocolId id = ProtocolId.of("PLIE-CONC-" + i);
                for (Plan plan : List.of(a, b)) {
                    List<AuditEntry> trail = plan.auditTrail(reader(plan), id);
                    assertThat(steps(trail)).isEqualTo(expected).contains("CONSOLIDATION");
                    assertThat(trail.get(trail.size() - 1).reason()).isEqualTo("note du " + plan.id());
                    assertThat(plan.protocol(reader(plan), id).orElseThrow().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
                }
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a plan runs its own customised copy of the negotiation while the other keeps the library's")
    void customisedCopyPerPlan(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            Plan a = engine.registerPlan(A, "PLIE du Grand Périgueux");
            Plan b = engine.registerPlan(B, "PLIE du Bergeracois");
            int version = b.deployCustomisedProcess("bergerac-legal-review.bpmn20.xml", new java.io.ByteArrayInputStream(
                    fr.asso.europlie.plie.workflow.negotiation.CustomisedProcessTest.withLegalReview("adopted",
                            "TECHNICAL_STAFF,DEPT-24")));
            assertThat(version).isEqualTo(1);

            for (Plan plan : List.of(a, b)) {
                new Negotiator(engine, plan, clock, ID).startedWithDiagnostic().allFavourable().consolidated()
                        .allContributionsConfirmed().adopted();
            }

            assertThat(b.protocolNegotiation().status(reader(b), ID).waitsFor("legalReview")).isTrue();
            assertThat(a.protocolNegotiation().status(reader(a), ID).waitsFor("legalReview")).isFalse();
            assertThat(a.protocolNegotiation().status(reader(a), ID).waitsFor(NegotiationStep.DELIBERATION)).isTrue();
            // The default plan keeps the library's process too.
            new Negotiator(engine, clock, ID).startedWithDiagnostic().allFavourable().consolidated()
                    .allContributionsConfirmed().adopted();
            assertThat(engine.protocolNegotiation().status(Negotiator.COORDINATOR, ID)
                    .waitsFor(NegotiationStep.DELIBERATION)).isTrue();
        }
    }

    private void negotiateToConsolidation(PlieEngine engine, Plan plan, ProtocolId id) {
        Negotiator negotiator = new Negotiator(engine, plan, clock, id).startedWithDiagnostic().allFavourable();
        negotiator.negotiation().consolidate(negotiator.here(Negotiator.COORDINATOR), id, null, "note du " + plan.id());
    }

    private static List<String> steps(List<AuditEntry> trail) {
        return trail.stream().map(AuditEntry::step).toList();
    }

    /** A party of the fixture's protocols, in a plan: its animation team's coordinator. */
    private static Actor reader(Plan plan) {
        return Actor.in(plan.id(), "coordination.plie", ProtocolFixture.ANIMATION, Role.ANIMATION_TEAM);
    }
}
