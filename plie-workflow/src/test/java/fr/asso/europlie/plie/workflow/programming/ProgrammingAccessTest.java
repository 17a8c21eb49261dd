package fr.asso.europlie.plie.workflow.programming;

import static fr.asso.europlie.plie.workflow.programming.Round.CALL;
import static fr.asso.europlie.plie.workflow.programming.Round.COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.Member;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.OfferError;
import fr.asso.europlie.plie.offer.OfferFixture;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.ProgrammingRecord;
import fr.asso.europlie.plie.offer.PtiMarking;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("who may do what in a programming round: every wrong actor is refused before anything changes")
class ProgrammingAccessTest {

    private static final OperationId OP1 = OperationId.of("OP-1");
    private static final Actor OTHER_ANIMATION = Actor.of("animatrice.autre", OrganisationId.of("ANIMATION-AUTRE"), Role.ANIMATION_TEAM);
    private static final Actor EPCI_STAFF = Actor.of("technicien.epci", Round.COMMITTEE, Role.TECHNICAL_STAFF);
    private static final Actor OI_SECRETARIAT = Actor.of("secretariat.oi", OfferFixture.OI, Role.STEERING_COMMITTEE);
    private static final Actor OTHER_PLAN = Actor.in(PlanId.of("bergeracois"), "coordinatrice.plie", Round.ANIMATION, Role.ANIMATION_TEAM);

    private record Snapshot(Optional<ProgrammingRecord> stored, int trail, long tasks, long processes) {
    }

    private static Snapshot snapshot(Round round) {
        Optional<ProgrammingRecord> stored = round.storedIfAny();
        return new Snapshot(stored, stored.isPresent() ? round.history().size() : 0, round.openTasks(), round.runningProcesses());
    }

    /** The command is refused with the code, in French and English, and nothing changed. */
    private static void refused(Round round, WorkflowError code, Runnable command) {
        refused(round, code, AccessDeniedException.class, command);
    }

    /** The command is refused with an exception of this type and the code, in French and English, and nothing changed. */
    private static void refused(Round round, fr.asso.europlie.plie.error.ErrorCode code, Class<? extends PlieException> type,
            Runnable command) {
        Snapshot before = snapshot(round);
        Throwable thrown = catchThrowable(command::run);
        assertThat(thrown).isInstanceOf(type);
        PlieException denied = (PlieException) thrown;
        assertThat(denied.violations()).extracting(v -> v.code().code()).containsExactly(code.code());
        assertThat(denied.violations().get(0).message(Locale.ENGLISH)).doesNotContain("???").isNotBlank();
        assertThat(denied.violations().get(0).message(Messages.FRENCH)).isNotEqualTo(denied.violations().get(0).message(Locale.ENGLISH));
        assertThat(snapshot(round)).isEqualTo(before);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("every command and its wrong actors: the OI, other organisations, other roles, other plans, unassigned instructors")
    void everyCommand(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            ProgrammingApproval approval = round.approval();
            CallOpening opening = Round.opening(ProgrammingSettings.defaults());
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.openCall(Round.OI, opening));
            refused(round, WorkflowError.WRONG_ORGANISATION, () -> approval.openCall(OTHER_ANIMATION, opening));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.openCall(OTHER_PLAN, opening));
            round.opened();

            var associationOperation = Round.operation("OP-1", OfferFixture.ASSOCIATION);
            refused(round, WorkflowError.NOT_OWN_APPLICATION, () -> approval.submit(Round.SIAE, CALL, associationOperation));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.submit(COORDINATOR, CALL, associationOperation));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.submit(Round.OI, CALL, associationOperation));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.submit(inOtherPlan(Round.ASSOCIATION), CALL, associationOperation));
            round.submitted("OP-1");
            approval.submit(Round.SIAE, CALL, Round.operation("OP-S", OfferFixture.SIAE));

            // Operators see their own applications only; the OI sees nothing.
            assertThat(approval.status(Round.SIAE, CALL).applications()).extracting(a -> a.operation().id().value())
                    .containsExactly("OP-S");
            assertThat(approval.status(Round.ASSOCIATION, CALL).applications()).extracting(a -> a.operation().id().value())
                    .containsExactly("OP-1");
            assertThat(approval.status(Round.DEPARTMENT_STAFF, CALL).applications()).hasSize(2);
            refused(round, WorkflowError.NO_PART_IN_PROGRAMMING, () -> approval.status(Round.OI, CALL));
            refused(round, WorkflowError.NO_PART_IN_PROGRAMMING, () -> approval.history(Round.ASSOCIATION, CALL));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.status(OTHER_PLAN, CALL));

            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.closeCall(Round.ASSOCIATION, CALL));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.closeCall(Round.OI, CALL));
            refused(round, WorkflowError.WRONG_ORGANISATION, () -> approval.closeCall(OTHER_ANIMATION, CALL));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.closeCall(OTHER_PLAN, CALL));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.tasks(OTHER_PLAN));
            approval.closeCall(COORDINATOR, CALL);

            Map<OperationId, String> instructors = Map.of(OP1, Round.INSTRUCTOR_1.userId(), OperationId.of("OP-S"),
                    Round.INSTRUCTOR_2.userId());
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.assignInstructors(Round.OI, CALL, instructors));
            refused(round, WorkflowError.WRONG_ORGANISATION, () -> approval.assignInstructors(OTHER_ANIMATION, CALL, instructors));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.assignInstructors(Round.DEPARTMENT_STAFF, CALL, instructors));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.assignInstructors(OTHER_PLAN, CALL, instructors));
            approval.assignInstructors(COORDINATOR, CALL, instructors);

            refused(round, WorkflowError.NOT_ASSIGNED, () -> approval.appraise(Round.INSTRUCTOR_2, CALL, OP1, Appraisal.Opinion.FAVOURABLE,
                    Money.euros(1), ""));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.appraise(Round.ASSOCIATION, CALL, OP1,
                    Appraisal.Opinion.FAVOURABLE, Money.euros(1), "mon propre dossier"));
            refused(round, WorkflowError.WRONG_ORGANISATION, () -> approval.appraise(OTHER_ANIMATION, CALL, OP1,
                    Appraisal.Opinion.FAVOURABLE, Money.euros(1), ""));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.appraise(Round.OI, CALL, OP1, Appraisal.Opinion.FAVOURABLE,
                    Money.euros(1), ""));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.appraise(inOtherPlan(Round.INSTRUCTOR_1), CALL, OP1,
                    Appraisal.Opinion.FAVOURABLE, Money.euros(1), ""));

            refused(round, WorkflowError.WRONG_ORGANISATION, () -> approval.markPti(EPCI_STAFF, CALL, OP1,
                    PtiMarking.Complementarity.COMPLEMENTARY, "Complète"));
            refused(round, WorkflowError.WRONG_ORGANISATION, () -> approval.markPti(Round.OI, CALL, OP1,
                    PtiMarking.Complementarity.COMPLEMENTARY, "Complète"));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.markPti(COORDINATOR, CALL, OP1,
                    PtiMarking.Complementarity.COMPLEMENTARY, "Complète"));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.markPti(inOtherPlan(Round.DEPARTMENT_STAFF), CALL, OP1,
                    PtiMarking.Complementarity.COMPLEMENTARY, "Complète"));
            for (String id : new String[] {"OP-1", "OP-S"}) {
                Actor instructor = id.equals("OP-1") ? Round.INSTRUCTOR_1 : Round.INSTRUCTOR_2;
                approval.appraise(instructor, CALL, OperationId.of(id), Appraisal.Opinion.FAVOURABLE, Money.euros(10_000), "");
                approval.markPti(Round.DEPARTMENT_STAFF, CALL, OperationId.of(id), PtiMarking.Complementarity.COMPLEMENTARY, "Complète");
            }

            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.recordTechnicalOpinion(Round.DEPARTMENT_STAFF, CALL,
                    Appraisal.Opinion.FAVOURABLE, "", "COTECH"));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.recordTechnicalOpinion(Round.OI, CALL,
                    Appraisal.Opinion.FAVOURABLE, "", "COTECH"));
            refused(round, WorkflowError.WRONG_ORGANISATION, () -> approval.recordTechnicalOpinion(OTHER_ANIMATION, CALL,
                    Appraisal.Opinion.FAVOURABLE, "", "COTECH"));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.recordTechnicalOpinion(OTHER_PLAN, CALL,
                    Appraisal.Opinion.FAVOURABLE, "", "COTECH"));
            approval.recordTechnicalOpinion(COORDINATOR, CALL, Appraisal.Opinion.FAVOURABLE, "", "COTECH");

            var approval1 = Round.decision(SteeringDecision.Outcome.APPROVED);
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.decide(COORDINATOR, CALL, OP1, approval1, Money.euros(10_000)));
            refused(round, WorkflowError.WRONG_ORGANISATION, () -> approval.decide(OI_SECRETARIAT, CALL, OP1, approval1,
                    Money.euros(10_000)));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.decide(Round.OI, CALL, OP1, approval1, Money.euros(10_000)));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.decide(inOtherPlan(Round.SECRETARIAT), CALL, OP1, approval1,
                    Money.euros(10_000)));
            // The real secretariat recording a decision of the OI's programming committee: refused as not the steering committee's.
            refused(round, OfferError.NOT_THE_STEERING_COMMITTEE, RuleViolationException.class, () -> approval.decide(Round.SECRETARIAT,
                    CALL, OP1, byTheOi(SteeringDecision.Outcome.APPROVED), Money.euros(10_000)));
            round.approve("OP-1", 10_000);
            round.approve("OP-S", 10_000);
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.closeSession(COORDINATOR, CALL, Round.adoption()));
            refused(round, WorkflowError.WRONG_ORGANISATION, () -> approval.closeSession(OI_SECRETARIAT, CALL, Round.adoption()));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.closeSession(Round.OI, CALL, Round.adoption()));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.closeSession(inOtherPlan(Round.SECRETARIAT), CALL, Round.adoption()));
            refused(round, OfferError.NOT_THE_STEERING_COMMITTEE, RuleViolationException.class, () -> approval.closeSession(Round.SECRETARIAT,
                    CALL, byTheOi(AdoptionOutcome.ADOPT)));
            approval.closeSession(Round.SECRETARIAT, CALL, Round.adoption());

            // Amendments of the adopted programming: only the steering committee's secretariat, with the committee's decision.
            var raise = Round.decision(SteeringDecision.Outcome.APPROVED);
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.amend(COORDINATOR, CALL, OP1, raise, Money.euros(20_000), "hausse"));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.amend(Round.OI, CALL, OP1, raise, Money.euros(20_000), "hausse"));
            refused(round, WorkflowError.ROLE_REQUIRED, () -> approval.amend(Round.ASSOCIATION, CALL, OP1, raise, Money.euros(20_000),
                    "hausse"));
            refused(round, WorkflowError.WRONG_ORGANISATION, () -> approval.amend(OI_SECRETARIAT, CALL, OP1, raise, Money.euros(20_000),
                    "hausse"));
            refused(round, WorkflowError.OTHER_PLAN, () -> approval.amend(inOtherPlan(Round.SECRETARIAT), CALL, OP1, raise,
                    Money.euros(20_000), "hausse"));
            refused(round, OfferError.NOT_THE_STEERING_COMMITTEE, RuleViolationException.class, () -> approval.amend(Round.SECRETARIAT,
                    CALL, OP1, byTheOi(SteeringDecision.Outcome.APPROVED), Money.euros(20_000), "hausse"));
            refused(round, WorkflowError.NO_PART_IN_PROGRAMMING, () -> approval.history(Round.OI, CALL));
            assertThat(round.runningProcesses()).isZero();
            assertThat(round.history()).allSatisfy(e -> assertThat(e.organisation()).isNotEqualTo(OfferFixture.OI.value()));
        }
    }

    private static Actor inOtherPlan(Actor actor) {
        return new Actor(actor.userId(), actor.organisation(), actor.roles(), PlanId.of("bergeracois"));
    }

    /** A decision of the OI's programming committee: its own staff, none of them on the PLIE's steering committee. */
    private static <O extends Enum<O>> Decision<O> byTheOi(O outcome) {
        List<Member> oi = List.of(Member.technical("Sophie Marty", OfferFixture.OI), Member.technical("Jean Roux", OfferFixture.OI));
        return new Decision<>(CommitteeKind.STEERING, oi, Instant.parse("2026-03-12T14:00:00Z"), outcome, "Comité de programmation de l’OI",
                Optional.of("CP-OI 2026-03"));
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("work lists: each instructor sees only the appraisals assigned to them, the Département its markings, operators "
            + "and the OI nothing")
    void workLists(Databases.Kind kind) {
        try (Round round = new Round(kind)) {
            ProgrammingApproval approval = round.approval();
            round.opened();
            assertThat(approval.tasks(COORDINATOR)).extracting(ProgrammingTask::step).containsExactly(ProgrammingStep.CLOSE_CALL);
            round.submitted("OP-1", "OP-2");
            approval.closeCall(COORDINATOR, CALL);
            approval.assignInstructors(COORDINATOR, CALL, Map.of(OP1, Round.INSTRUCTOR_1.userId(), OperationId.of("OP-2"),
                    Round.INSTRUCTOR_2.userId()));
            assertThat(approval.tasks(Round.INSTRUCTOR_1)).singleElement().satisfies(t -> {
                assertThat(t.step()).isEqualTo(ProgrammingStep.APPRAISAL);
                assertThat(t.operation()).isEqualTo(OP1);
                assertThat(t.programming()).isEqualTo(CALL);
            });
            assertThat(approval.tasks(Round.INSTRUCTOR_2)).extracting(ProgrammingTask::operation).containsExactly(OperationId.of("OP-2"));
            assertThat(approval.tasks(Round.DEPARTMENT_STAFF)).extracting(ProgrammingTask::step).containsOnly(ProgrammingStep.PTI_MARKING)
                    .hasSize(2);
            assertThat(approval.tasks(COORDINATOR)).isEmpty();
            assertThat(approval.tasks(Round.ASSOCIATION)).isEmpty();
            assertThat(approval.tasks(Round.OI)).isEmpty();
            assertThat(approval.tasks(Round.SECRETARIAT)).isEmpty();
            assertThat(approval.tasks(EPCI_STAFF)).isEmpty();
        }
    }
}
