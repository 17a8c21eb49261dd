package fr.asso.europlie.plie.workflow.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStep;
import fr.asso.europlie.plie.workflow.negotiation.Negotiator;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The library's promise, tried the way integrators meet it: a command and the process step it
 * makes commit or roll back together, whether it runs through the facade or inside the
 * application's own Flowable process, and whatever fails after it.
 */
@DisplayName("one transaction, whatever the caller")
class TransactionBoundaryTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    private static ProtocolId newId() {
        return ProtocolId.of("PLIE-TX-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a library write that fails late rolls back the protocol's new revision with the step")
    void lateFailureOfTheLibrarysOwnWrite(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id).startedWithDiagnostic().allFavourable();
            Snapshot before = Snapshot.of(engine, id);
            assertThat(before.waiting()).contains(NegotiationStep.CONSOLIDATION);

            InjectedFailure.AUDIT_INSERT.on(database);
            Throwable failure = catchThrowable(() -> negotiator.negotiation().consolidate(Negotiator.COORDINATOR, id,
                    Negotiator.content(), "texte révisé"));
            InjectedFailure.AUDIT_INSERT.off(database);

            assertThat(failure).isNotNull().hasStackTraceContaining("injected failure");
            assertThat(Snapshot.of(engine, id)).isEqualTo(before);

            negotiator.negotiation().consolidate(Negotiator.COORDINATOR, id, Negotiator.content(), "texte révisé");
            assertThat(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().revision()).isGreaterThan(before.revision());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an application process that fails after its service task started a negotiation leaves no protocol behind")
    void applicationProcessFailingAfterTheLibraryCommand(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); IntegratorApplication app = IntegratorApplication.on(database)) {
            ProtocolId id = newId();
            List<ProtocolEvent> events = listen(app.plie());
            IntegratorApplication.afterStart = () -> {
                throw new IllegalStateException("the application's next step fails");
            };

            assertThatThrownBy(() -> app.intake(id)).hasStackTraceContaining("the application's next step fails");

            assertThat(app.plie().protocol(Negotiator.COORDINATOR, id)).isEmpty();
            assertThat(app.plie().auditTrail(Negotiator.COORDINATOR, id)).isEmpty();
            assertThat(app.flowable().getRuntimeService().createProcessInstanceQuery().count()).isZero();
            assertThat(events).isEmpty();

            // Not stuck: the same protocol can be started again.
            IntegratorApplication.afterStart = () -> { };
            app.intake(id);
            assertThat(app.plie().protocolNegotiation().status(Negotiator.COORDINATOR, id).waitsFor(NegotiationStep.SHARED_DIAGNOSTIC)).isTrue();
            assertThat(events).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a library command that fails half-way inside the application's process rolls the whole process back, even if the application catches the failure")
    void applicationCatchingAHalfDoneLibraryFailure(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); IntegratorApplication app = IntegratorApplication.on(database)) {
            ProtocolId id = newId();
            IntegratorApplication.swallowLibraryFailure = true;

            InjectedFailure.AUDIT_INSERT.on(database);
            Throwable failure = catchThrowable(() -> app.intake(id));
            InjectedFailure.AUDIT_INSERT.off(database);

            assertThat(failure).isNotNull().hasStackTraceContaining("injected failure");
            assertThat(app.plie().protocol(Negotiator.COORDINATOR, id)).isEmpty();
            assertThat(app.flowable().getRuntimeService().createProcessInstanceQuery().count()).isZero();
            assertThat(app.flowable().getHistoryService().createHistoricProcessInstanceQuery().count()).isZero();

            app.intake(id);
            assertThat(app.plie().protocol(Negotiator.COORDINATOR, id).orElseThrow().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a refusal before any change leaves the application's transaction to the application")
    void refusalBeforeAnyChangeInsideTheApplication(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); IntegratorApplication app = IntegratorApplication.on(database)) {
            ProtocolId id = newId();
            IntegratorApplication.swallowLibraryFailure = true;
            IntegratorApplication.starter = Actor.of("stagiaire", Negotiator.COORDINATOR.organisation(), Role.TECHNICAL_STAFF);
            assertThatThrownBy(() -> app.plie().protocolNegotiation().start(IntegratorApplication.starter, id,
                    Negotiator.content())).isInstanceOf(AccessDeniedException.class);

            app.intake(id);

            assertThat(app.flowable().getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(IntegratorApplication.PROCESS).finished().count()).isEqualTo(1);
            assertThat(app.flowable().getHistoryService().createHistoricVariableInstanceQuery().variableName("started")
                    .singleResult().getValue()).isEqualTo(false);
            assertThat(app.plie().protocol(Negotiator.COORDINATOR, id)).isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an over-long note is refused by name, limit and length before anything changes")
    void overLongNote(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id).startedWithDiagnostic().allFavourable();
            Snapshot before = Snapshot.of(engine, id);
            String note = "n".repeat(4001);

            InvalidValueException refused = (InvalidValueException) catchThrowable(() -> negotiator.negotiation()
                    .consolidate(Negotiator.COORDINATOR, id, Negotiator.content(), note));

            assertThat(refused).isNotNull();
            assertThat(refused.violations()).singleElement().satisfies(v -> {
                assertThat(v.code().code()).isEqualTo("PLIE-WORKFLOW-011");
                assertThat(v.field()).isEqualTo("note");
                assertThat(v.message(Messages.FRENCH)).contains("« note »", "4000", "4001");
                assertThat(v.message(Locale.ENGLISH)).contains("\"note\"", "4000", "4001");
            });
            assertThat(Snapshot.of(engine, id)).isEqualTo(before);
            negotiator.negotiation().consolidate(Negotiator.COORDINATOR, id, null, "n".repeat(4000));
            assertThat(engine.auditTrail(Negotiator.COORDINATOR, id).get(engine.auditTrail(Negotiator.COORDINATOR, id).size() - 1).reason()).hasSize(4000);
        }
    }

    private static List<ProtocolEvent> listen(PlieEngine engine) {
        List<ProtocolEvent> events = new CopyOnWriteArrayList<>();
        engine.addListener(new WorkflowListener() {
            @Override
            public void onProtocolEvent(ProtocolEvent event) {
                events.add(event);
            }
        });
        return events;
    }
}
