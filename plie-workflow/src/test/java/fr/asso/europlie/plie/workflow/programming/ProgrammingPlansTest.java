package fr.asso.europlie.plie.workflow.programming;

import static fr.asso.europlie.plie.workflow.programming.Round.CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.WorkflowError;

import java.util.List;
import org.flowable.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("programming rounds of two plans on one engine stay apart, and each plan's FSE+ message starts its own process C")
class ProgrammingPlansTest {

    private static final PlanId BERGERACOIS = PlanId.of("bergeracois");

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the same call id in the default plan and in another: own store rows, trail, processes, actors and messages")
    void twoPlans(Databases.Kind kind) {
        try (Round round = new Round(kind, BERGERACOIS)) {
            // The library's process C (deployed without tenant) runs in each plan that has no copy of its own.
            round.inCommand(() -> {
                round.runtime().protocols(PlanId.DEFAULT).add(ProtocolFixture.inForce());
                new fr.asso.europlie.plie.workflow.internal.JdbcGlobalGrants(PlanId.DEFAULT, round.clock)
                        .add(Round.grant(fr.asso.europlie.plie.money.Money.euros(300_000)));
                return null;
            });
            ProgrammingApproval inDefault = round.engine.programmingApproval();
            inDefault.openCall(Round.COORDINATOR, Round.opening(ProgrammingSettings.defaults()));

            Throwable otherPlan = catchThrowable(() -> round.approval().status(Round.COORDINATOR, CALL));
            assertThat(otherPlan).isInstanceOf(AccessDeniedException.class);
            assertThat(((PlieException) otherPlan).violations().get(0).code()).isEqualTo(WorkflowError.OTHER_PLAN);

            round.opened().submitted("OP-1").closedAndAssigned().reviewed();
            round.approve("OP-1", 50_000);
            ProgrammingStatus adopted = round.approval().closeSession(round.as(Round.SECRETARIAT), CALL, Round.adoption());

            assertThat(adopted.state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(adopted.running()).isFalse();
            ProgrammingStatus untouched = inDefault.status(Round.COORDINATOR, CALL);
            assertThat(untouched.state()).isEqualTo(ProgrammingState.OPEN);
            assertThat(untouched.running()).isTrue();
            assertThat(untouched.applications()).isEmpty();
            assertThat(inDefault.history(Round.COORDINATOR, CALL)).extracting(ProgrammingAuditEntry::step).containsExactly("CALL_OPENED");
            assertThat(round.history()).extracting(ProgrammingAuditEntry::step).contains("ADOPTION", "PUBLICATION", "FSE_COMMITMENT_REQUESTED");
            assertThat(round.runningProcesses()).as("only the default plan's round still runs").isOne();

            List<ProcessInstance> commitments = round.flowable().getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(fr.asso.europlie.plie.workflow.commitment.CommitmentProcess.KEY).includeProcessVariables().list();
            assertThat(commitments).singleElement().satisfies(c -> {
                assertThat(c.getTenantId()).isEqualTo(BERGERACOIS.value());
                assertThat(c.getProcessVariables()).containsEntry("planId", BERGERACOIS.value()).containsEntry("operationId", "OP-1");
            });
            assertThat(round.events).extracting(ProgrammingEvent::kind).contains(ProgrammingEvent.Kind.PUBLISHED)
                    .containsOnlyOnce(ProgrammingEvent.Kind.CALL_OPENED);
        }
    }
}
