package fr.asso.europlie.plie.workflow.programming;

import static fr.asso.europlie.plie.workflow.programming.Round.CALL;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.workflow.Databases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the annual programming approval, one test per path of the process")
class ProgrammingApprovalProcessTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("happy path: call, two applications, appraisal, PTI, technical opinion, one session approving both, adoption, publication")
    void happyPath(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1", "OP-2").closedAndAssigned().reviewed();
            round.approve("OP-1", 50_000);
            round.approve("OP-2", 40_000);
            ProgrammingStatus status = round.approval().closeSession(Round.SECRETARIAT, CALL, Round.adoption());

            assertThat(status.state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(status.running()).isFalse();
            assertThat(round.runningProcesses()).isZero();
            assertThat(round.stored().programming().approved()).hasSize(2);
            assertThat(round.steps()).containsExactly("CALL_OPENED:OPEN", "SUBMISSION:ADMISSIBLE", "SUBMISSION:ADMISSIBLE",
                    "CALL_CLOSED:CLOSED_BY_HAND", "ASSIGNMENT:ASSIGNED", "APPRAISAL:FAVOURABLE", "PTI_MARKING:COMPLEMENTARY",
                    "APPRAISAL:FAVOURABLE", "PTI_MARKING:COMPLEMENTARY", "TECHNICAL_OPINION:FAVOURABLE", "STEERING_DECISION:APPROVED",
                    "STEERING_DECISION:APPROVED", "ADOPTION:ADOPTED", "PUBLICATION:PUBLISHED", "FSE_COMMITMENT_REQUESTED:NO_SUBSCRIBER",
                    "FSE_COMMITMENT_REQUESTED:NO_SUBSCRIBER");
        }
    }
}
