package fr.asso.europlie.plie.cohort;

import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static fr.asso.europlie.plie.cohort.CohortFixture.BRUNO;
import static fr.asso.europlie.plie.cohort.CohortFixture.FRANCE_TRAVAIL;
import static fr.asso.europlie.plie.cohort.CohortFixture.PLAN;
import static fr.asso.europlie.plie.cohort.CohortFixture.aCohort;
import static fr.asso.europlie.plie.cohort.CohortFixture.aLongTermJobseeker;
import static fr.asso.europlie.plie.cohort.CohortFixture.aPerson;
import static fr.asso.europlie.plie.cohort.CohortFixture.unemployedWoman;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("the lifecycle of an accompaniment period")
class PeriodLifecycleTest {

    static final LocalDate REFERRED = LocalDate.of(2025, 12, 15);
    static final LocalDate ENTRY = LocalDate.of(2026, 1, 5);
    static final LocalDate LATER = LocalDate.of(2026, 9, 1);

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (PeriodState state : PeriodState.values()) {
            for (PeriodAction action : PeriodAction.values()) {
                rows.add(Arguments.of(state, action));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{1} in state {0}")
    @MethodSource("table")
    @DisplayName("every action is allowed exactly in the states of the table, and refused elsewhere naming the state")
    void stateByAction(PeriodState state, PeriodAction action) {
        Cohort cohort = aCohort();
        ParticipantId id = participantIn(cohort, state);
        assertThat(cohort.participant(id).orElseThrow().currentPeriod().state()).isEqualTo(state);
        Participant before = cohort.participant(id).orElseThrow();
        if (state.allows(action)) {
            assertThatCode(() -> perform(action).accept(cohort, id)).doesNotThrowAnyException();
            assertThat(cohort.participant(id).orElseThrow()).isNotEqualTo(before);
        } else {
            var refusal = assertRefused(() -> perform(action).accept(cohort, id), CohortError.ILLEGAL_TRANSITION, "participantId", id.value());
            assertThat(refusal.violation().details()).containsExactly(state.name(), action.name());
            assertThat(cohort.participant(id).orElseThrow()).isEqualTo(before);
        }
    }

    static ParticipantId participantIn(Cohort cohort, PeriodState state) {
        ParticipantId id = cohort.refer(aPerson("Etat"), Referral.of(FRANCE_TRAVAIL, REFERRED), aLongTermJobseeker(REFERRED));
        switch (state) {
            case REFERRED -> {
                return id;
            }
            case REJECTED -> {
                cohort.rejectEntry(id, REFERRED.plusDays(7), null);
                return id;
            }
            default -> cohort.validateEntry(id, REFERRED.plusDays(7));
        }
        if (state == PeriodState.VALIDATED) {
            return id;
        }
        cohort.adhere(id, Adhesion.signedOn(ENTRY, ALICE, PLAN), null);
        cohort.addStep(id, Step.employment(StepId.of("S-JOB"), ContractType.CDI, BigDecimal.ONE, ENTRY, null, null));
        cohort.addStep(id, Step.training(StepId.of("S-TRAIN"), StepType.QUALIFYING_TRAINING, ENTRY, null, null));
        if (state == PeriodState.IN_WORK_FOLLOW_UP) {
            cohort.startInWorkFollowUp(id, ENTRY);
        } else if (state == PeriodState.EXITED) {
            cohort.exit(id, LocalDate.of(2026, 3, 1), ExitReason.DROPOUT, null);
        }
        return id;
    }

    static BiConsumer<Cohort, ParticipantId> perform(PeriodAction action) {
        return switch (action) {
            case VALIDATE_ENTRY -> (c, id) -> c.validateEntry(id, REFERRED.plusDays(7));
            case REJECT_ENTRY -> (c, id) -> c.rejectEntry(id, ENTRY, "withdrawn");
            case ADHERE -> (c, id) -> c.adhere(id, Adhesion.signedOn(ENTRY, ALICE, PLAN), null);
            case REASSIGN_REFERENT -> (c, id) -> c.reassignReferent(id, BRUNO, LATER, null);
            case CHANGE_STATUS -> (c, id) -> c.changeStatus(id, LATER, ParticipantStatus.EMPLOYEE);
            case ADD_STEP -> (c, id) -> c.addStep(id, Step.of(StepId.of("S-NEW"), StepType.ASSESSMENT, LATER, null, null));
            case END_STEP -> (c, id) -> c.endStep(id, StepId.of("S-JOB"), LATER);
            case VALIDATE_QUALIFICATION -> (c, id) -> c.validateQualification(id, StepId.of("S-TRAIN"), LATER);
            case RECORD_ENTRY_DATA -> (c, id) -> c.recordEntryData(id, unemployedWoman(ENTRY, 45, LocalDate.of(2023, 1, 1)));
            case START_FOLLOW_UP -> (c, id) -> c.startInWorkFollowUp(id, LATER);
            case INTERRUPT_FOLLOW_UP -> (c, id) -> c.interruptInWorkFollowUp(id, LATER);
            case COMPLETE_FOLLOW_UP -> (c, id) -> c.completeInWorkFollowUp(id, LATER, null);
            case EXIT -> (c, id) -> c.exit(id, LATER, ExitReason.DROPOUT, null);
            case RECORD_EXIT_DATA -> (c, id) -> c.recordExitData(id, 1, new EsfExitData(LATER, true, false, false, false));
            case RECORD_SIX_MONTH_DATA -> (c, id) -> c.recordSixMonthData(id, 1, new EsfSixMonthData(LATER, false, false));
            case REENTER -> (c, id) -> c.reenter(id, Referral.of(FRANCE_TRAVAIL, LATER), aLongTermJobseeker(LATER));
        };
    }
}
