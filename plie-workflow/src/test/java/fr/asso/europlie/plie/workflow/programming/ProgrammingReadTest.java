package fr.asso.europlie.plie.workflow.programming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Application;
import fr.asso.europlie.plie.offer.Programming;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("ProgrammingApproval.programming: the programming itself, adopted, for those who see the whole round")
class ProgrammingReadTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the adopted programming read back with its approved operations and totals; an operator and the OI refused")
    void adoptedProgramming(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            round.opened().submitted("OP-1", "OP-2").closedAndAssigned().reviewed();
            ProgrammingApproval approval = round.approval();
            assertThat(approval.programming(round.as(Round.COORDINATOR), Round.CALL).state()).isNotEqualTo(ProgrammingState.ADOPTED);
            round.approve("OP-1", 10_000);
            round.refuse("OP-2", SteeringDecision.Outcome.REJECTED);
            approval.closeSession(round.as(Round.SECRETARIAT), Round.CALL, Round.adoption());

            Programming adopted = approval.programming(round.as(Round.COORDINATOR), Round.CALL);
            assertThat(adopted.state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(adopted.approved()).extracting(a -> a.operation().id().value()).containsExactly("OP-1");
            assertThat(adopted.approved()).allSatisfy(a -> assertThat(a.decision().approvedAmount()).isEqualTo(Money.euros(10_000)));
            Application first = adopted.approved().get(0);
            assertThat(adopted.approvedTotal(first.operation().axis())).isEqualTo(Money.euros(10_000));
            assertThat(adopted.adoption()).isPresent();
            assertThat(adopted).isEqualTo(round.stored().programming());
            // the committee's secretariat and the Département see it too
            assertThat(approval.programming(round.as(Round.SECRETARIAT), Round.CALL)).isEqualTo(adopted);
            assertThat(approval.programming(round.as(Round.DEPARTMENT_STAFF), Round.CALL)).isEqualTo(adopted);

            // an operator sees only its own applications (status), not the programming; nor does the OI
            AccessDeniedException operator = catchThrowableOfType(AccessDeniedException.class,
                    () -> approval.programming(round.as(Round.ASSOCIATION), Round.CALL));
            assertThat(operator.violation().code()).isEqualTo(WorkflowError.NO_PART_IN_PROGRAMMING);
            assertThat(operator.getMessage(Locale.ENGLISH)).contains(Round.ASSOCIATION.userId());
            assertThat(catchThrowableOfType(AccessDeniedException.class, () -> approval.programming(round.as(Round.OI), Round.CALL))
                    .violation().code()).isEqualTo(WorkflowError.NO_PART_IN_PROGRAMMING);
        }
    }
}
