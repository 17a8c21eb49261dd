package fr.asso.europlie.plie.workflow.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.ViolationAssertions;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The facade remembers the process instance it last saw running for a protocol and asks for the
 * actor's task there first (issue 16): a hint, never trusted. These tests make the hint wrong
 * behind the facade's back and check that the answer is the one of the query by business key.
 */
@DisplayName("the remembered negotiation process is only a hint, on H2 and PostgreSQL")
class ProcessHintTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    private static ProtocolId newId() {
        return ProtocolId.of("PLIE-HINT-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a process whose business key no longer names the protocol is not the protocol's negotiation")
    void businessKeyChangedBehindTheFacade(Databases.Kind kind) throws Exception {
        String name = "neg-hint-" + ProcessHandle.current().pid() + "-" + kind;
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build()) {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id);
            negotiator.startedWithDiagnostic();
            // One party's opinion: the facade has found the process of this protocol and remembers it.
            negotiator.negotiation().giveOpinion(Negotiator.of(ProtocolFixture.REGION, fr.asso.europlie.plie.workflow.Role.TECHNICAL_STAFF),
                    id, Opinion.favourable(""));
            RuntimeService runtime = ProcessEngines.getProcessEngine(name).getRuntimeService();
            TaskService tasks = ProcessEngines.getProcessEngine(name).getTaskService();
            String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.value()).singleResult().getId();
            runtime.updateBusinessKey(process, id.value() + "-renamed");

            // The remembered process still has the EPCI's opinion task, but it is no longer this protocol's
            // negotiation: the query by business key finds none, and so must the facade.
            ViolationAssertions.assertRefused(() -> negotiator.negotiation().giveOpinion(
                    Negotiator.of(ProtocolFixture.EPCI, fr.asso.europlie.plie.workflow.Role.TECHNICAL_STAFF), id, Opinion.favourable("")),
                    WorkflowError.NO_NEGOTIATION, "protocolId", id.value());
            assertThat(tasks.createTaskQuery().processInstanceId(process).taskDefinitionKey(NegotiationStep.TECHNICAL_OPINION.taskKey())
                    .taskCandidateGroup(ProtocolFixture.EPCI.value()).count()).isEqualTo(1);

            // Named again: found again, and the step goes through.
            runtime.updateBusinessKey(process, id.value());
            negotiator.negotiation().giveOpinion(Negotiator.of(ProtocolFixture.EPCI, fr.asso.europlie.plie.workflow.Role.TECHNICAL_STAFF),
                    id, Opinion.favourable(""));
            assertThat(tasks.createTaskQuery().processInstanceId(process).taskDefinitionKey(NegotiationStep.TECHNICAL_OPINION.taskKey())
                    .taskCandidateGroup(ProtocolFixture.EPCI.value()).count()).isZero();
        }
    }
}
