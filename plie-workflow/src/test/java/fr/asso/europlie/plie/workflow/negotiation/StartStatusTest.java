package fr.asso.europlie.plie.workflow.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("start and startAmendment return the status a caller sees right after the command")
class StartStatusTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    private static ProtocolId newId() {
        return ProtocolId.of("PLIE-START-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
    }

    /** Runs a test on an engine over a fresh database of a kind. */
    private void withEngine(Databases.Kind kind, Consumer<PlieEngine> test) {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            test.accept(engine);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("start: running, waiting for the animation structure's shared diagnostic, equal to status()")
    void start(Databases.Kind kind) {
        withEngine(kind, engine -> {
            ProtocolId id = newId();
            ProtocolNegotiation negotiation = engine.protocolNegotiation();

            NegotiationStatus started = negotiation.start(Negotiator.COORDINATOR, id, Negotiator.content());

            assertThat(started.running()).isTrue();
            assertThat(started.state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
            assertThat(started.waitingFor()).singleElement().satisfies(item -> {
                assertThat(item.step()).isEqualTo(NegotiationStep.SHARED_DIAGNOSTIC);
                assertThat(item.organisation()).isEqualTo(ProtocolFixture.ANIMATION);
                assertThat(item.protocolId()).isEqualTo(id);
                assertThat(item.since()).isEqualTo(clock.instant());
            });
            assertThat(started).isEqualTo(negotiation.status(Negotiator.COORDINATOR, id));
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("startAmendment: running, round 1, waiting for every party's technical opinion, equal to status()")
    void startAmendment(Databases.Kind kind) {
        withEngine(kind, engine -> {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id);
            negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted()
                    .allApproved().allSigned(Negotiator.signatories());
            clock.advance(Duration.ofDays(400));

            NegotiationStatus started = negotiator.negotiation().startAmendment(Negotiator.COORDINATOR, id,
                    Negotiator.content().withName("PLIE du Grand Périgueux (avenant n°1)"), "extension aux quartiers");

            assertThat(started.running()).isTrue();
            assertThat(started.round()).isEqualTo(1);
            assertThat(started.versionsInForce()).isEqualTo(1);
            assertThat(started.waitingFor()).extracting(WorkItem::step).containsOnly(NegotiationStep.TECHNICAL_OPINION);
            assertThat(started.waitingFor()).extracting(WorkItem::organisation)
                    .containsExactlyInAnyOrderElementsOf(Negotiator.parties());
            assertThat(started).isEqualTo(negotiator.negotiation().status(Negotiator.COORDINATOR, id));
        });
    }
}
