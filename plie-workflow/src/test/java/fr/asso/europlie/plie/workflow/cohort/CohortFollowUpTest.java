package fr.asso.europlie.plie.workflow.cohort;

import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE_ACTOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.BRUNO;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.BRUNO_ACTOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.COMMISSION;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.DEPARTMENT_OFFICER;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.FRANCE_TRAVAIL;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.FUNDER;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.OPERATOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.PLAN;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TEAM;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TODAY;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TRAINING_OPERATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.DataScope;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the cohort follow-up on the engine: stored participants, actors, access and audit")
class CohortFollowUpTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("referral, commission, adhesion, a step and an exit are stored one participant at a time and audited")
    void lifecycle(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            ParticipantId id = world.entered("Martin", ALICE_ACTOR);
            Step training = Step.training(StepId.of("S-1"), StepType.PRE_QUALIFYING_TRAINING, TODAY.plusDays(7), TODAY.plusMonths(3),
                    TRAINING_OPERATION);
            world.cohort.addStep(ALICE_ACTOR, id, training);
            world.cohort.exit(ALICE_ACTOR, id, TODAY.plusMonths(4), ExitReason.MOVED_AWAY, null);

            ParticipantView view = world.cohort.participant(TEAM, id).orElseThrow();
            assertThat(view.periods()).hasSize(1);
            assertThat(view.periods().get(0).steps()).containsExactly(training);
            assertThat(view.periods().get(0).exit().reason()).isEqualTo(ExitReason.MOVED_AWAY);
            assertThat(view.identityIfVisible()).map(p -> p.lastName()).contains("Martin");
            assertThat(world.cohort.auditTrail(TEAM, id)).extracting(AuditEntry::step)
                    .containsExactly("REFER", "VALIDATE_ENTRY", "ADHERE", "ADD_STEP", "EXIT");
            assertThat(world.cohort.auditTrail(TEAM, id)).extracting(AuditEntry::userId)
                    .containsExactly(TEAM.userId(), COMMISSION.userId(), ALICE.value(), ALICE.value(), ALICE.value());
            assertThat(world.cohort.size(TEAM)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an audit entry's round is the period the command acted on: six-month data of the first period after a re-entry is round 1")
    void auditRoundIsThePeriodActedOn(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            ParticipantId id = world.entered("Martin", ALICE_ACTOR);
            LocalDate left = TODAY.plusMonths(1);
            world.cohort.exit(ALICE_ACTOR, id, left, ExitReason.MOVED_AWAY, null);
            world.cohort.reenter(TEAM, id, Referral.of(FRANCE_TRAVAIL, left.plusMonths(2)), CohortWorld.longTermJobseeker());
            world.cohort.recordSixMonthData(TEAM, id, 1, new EsfSixMonthData(left.plusMonths(6).plusDays(1), true, false));

            assertThat(world.cohort.participant(TEAM, id).orElseThrow().periods()).hasSize(2);
            assertThat(world.cohort.auditTrail(TEAM, id)).extracting(e -> e.step() + "/" + e.round())
                    .containsExactly("REFER/1", "VALIDATE_ENTRY/1", "ADHERE/1", "EXIT/1", "REENTER/2", "RECORD_SIX_MONTH_DATA/1");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a referent acts on its own participants only; a refusal changes nothing and audits nothing")
    void ownParticipantsOnly(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            ParticipantId id = world.entered("Martin", ALICE_ACTOR);
            ParticipantView before = world.cohort.participant(TEAM, id).orElseThrow();
            List<AuditEntry> trail = world.cohort.auditTrail(TEAM, id);
            Step step = Step.of(StepId.of("S-1"), StepType.ASSESSMENT, TODAY, TODAY.plusDays(3), null);

            AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class, () -> world.cohort.addStep(BRUNO_ACTOR, id, step));
            assertThat(denied.violation().code()).isEqualTo(WorkflowError.NOT_OWN_PARTICIPANT);
            assertThat(denied.getMessage()).contains(BRUNO.value()).contains(id.value());
            assertThat(denied.getMessage(Locale.ENGLISH)).contains("acts on its own participants only");
            AccessDeniedException noRole = catchThrowableOfType(AccessDeniedException.class, () -> world.cohort.addStep(TEAM, id, step));
            assertThat(noRole.violation().code()).isEqualTo(WorkflowError.ROLE_REQUIRED);
            AccessDeniedException notCommission = catchThrowableOfType(AccessDeniedException.class,
                    () -> world.cohort.validateEntry(ALICE_ACTOR, id));
            assertThat(notCommission.violation().code()).isEqualTo(WorkflowError.ROLE_REQUIRED);

            assertThat(world.cohort.participant(BRUNO_ACTOR, id)).isEmpty();
            assertThat(world.cohort.auditTrail(BRUNO_ACTOR, id)).isEmpty();
            assertThat(world.cohort.participant(TEAM, id)).contains(before);
            assertThat(world.cohort.auditTrail(TEAM, id)).isEqualTo(trail);

            world.cohort.reassignReferent(TEAM, id, BRUNO, TODAY);
            world.cohort.addStep(BRUNO_ACTOR, id, step);
            assertThat(world.cohort.participant(ALICE_ACTOR, id)).isEmpty();
            assertThat(world.cohort.participant(BRUNO_ACTOR, id).orElseThrow().periods().get(0).steps()).containsExactly(step);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the Département designates an RSA recipient's referent; the referent alone cannot (PLIE-COHORT-008)")
    void rsaDesignation(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            ParticipantId id = world.cohort.refer(TEAM, CohortWorld.person("Bernard"), Referral.of(FRANCE_TRAVAIL, TODAY),
                    CohortWorld.rsaRecipient());
            world.cohort.validateEntry(COMMISSION, id);
            Adhesion adhesion = Adhesion.signedOn(TODAY, ALICE, PLAN);
            PlieException refused = catchThrowableOfType(PlieException.class, () -> world.cohort.adhere(ALICE_ACTOR, id, adhesion));
            assertThat(refused.violations()).extracting(Violation::code).containsExactly(CohortError.RSA_REFERENT_NOT_DESIGNATED);
            assertThat(world.cohort.participant(TEAM, id).orElseThrow().periods().get(0).isEntered()).isFalse();

            world.cohort.adhere(DEPARTMENT_OFFICER, id, adhesion);
            ParticipantView entered = world.cohort.participant(ALICE_ACTOR, id).orElseThrow();
            assertThat(entered.periods().get(0).referents().get(0).designatedBy()).isEqualTo(CohortWorld.DEPARTMENT);
            assertThat(world.cohort.auditTrail(TEAM, id)).extracting(AuditEntry::userId).last().isEqualTo(DEPARTMENT_OFFICER.userId());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an operator sees only the periods its operations fund, without sensitive data; a funder sees no participant")
    void operatorVisibility(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            ParticipantId funded = world.entered("Martin", ALICE_ACTOR);
            ParticipantId other = world.entered("Durand", ALICE_ACTOR);
            world.cohort.addStep(ALICE_ACTOR, funded, Step.training(StepId.of("S-1"), StepType.PRE_QUALIFYING_TRAINING, TODAY,
                    TODAY.plusMonths(2), TRAINING_OPERATION));
            world.cohort.addStep(ALICE_ACTOR, other, Step.training(StepId.of("S-2"), StepType.PRE_QUALIFYING_TRAINING, TODAY,
                    TODAY.plusMonths(2), OperationId.of("OP-OTHER")));

            ParticipantView seen = world.cohort.participant(OPERATOR, funded).orElseThrow();
            assertThat(seen.scopes()).containsExactlyInAnyOrder(DataScope.PATHWAY, DataScope.IDENTITY);
            assertThat(seen.periods()).hasSize(1);
            assertThat(seen.periods().get(0).entryData()).isNull();
            assertThat(world.cohort.participant(OPERATOR, other)).isEmpty();
            assertThat(world.cohort.participant(FUNDER, funded)).isEmpty();
            assertThat(world.cohort.report(FUNDER, new fr.asso.europlie.plie.indicators.ReportPeriod(TODAY.withDayOfYear(1),
                    TODAY.withMonth(12).withDayOfMonth(31)), TODAY)).isNotNull();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the caseload cap is checked against the store: the designation beyond it is refused and changes nothing")
    void caseloadCap(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database, 2)) {
            world.entered("Martin", ALICE_ACTOR);
            world.entered("Durand", ALICE_ACTOR);
            ParticipantId third = world.validated("Petit");
            List<AuditEntry> trail = world.cohort.auditTrail(TEAM, third);
            PlieException refused = catchThrowableOfType(PlieException.class,
                    () -> world.cohort.adhere(ALICE_ACTOR, third, Adhesion.signedOn(TODAY, ALICE, PLAN)));
            assertThat(refused.violations()).extracting(Violation::code).containsExactly(CohortError.CASELOAD_CAP_REACHED);
            assertThat(refused.getMessage()).contains("2");
            assertThat(world.cohort.caseload(TEAM, ALICE, TODAY)).isEqualTo(2);
            assertThat(world.cohort.auditTrail(TEAM, third)).isEqualTo(trail);
            world.cohort.adhere(BRUNO_ACTOR, third, Adhesion.signedOn(TODAY, BRUNO, PLAN));
            assertThat(world.cohort.caseload(BRUNO_ACTOR, BRUNO, TODAY)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the same person referred twice while followed is refused by the store's look-up (PLIE-COHORT-041)")
    void samePersonTwice(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            ParticipantId first = world.validated("Martin");
            PlieException refused = catchThrowableOfType(PlieException.class, () -> world.cohort.refer(TEAM, CohortWorld.person("MARTIN"),
                    Referral.of(FRANCE_TRAVAIL, TODAY), CohortWorld.longTermJobseeker()));
            assertThat(refused.violations()).extracting(Violation::code).containsExactly(CohortError.PERSON_ALREADY_FOLLOWED);
            assertThat(refused.violations().get(0).details()).contains(first.value());
            assertThat(world.cohort.size(TEAM)).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an unconfigured cohort and an actor of another plan are refused before anything is read")
    void refusedBeforeReading(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind);
                fr.asso.europlie.plie.workflow.PlieEngine engine = database.engine(
                        fr.asso.europlie.plie.workflow.ManualClock.at(java.time.Instant.parse("2026-03-02T08:00:00Z")),
                        fr.asso.europlie.plie.workflow.WorkflowSettings.defaults()).build()) {
            PlieException unconfigured = catchThrowableOfType(PlieException.class, () -> engine.cohort().size(TEAM));
            assertThat(unconfigured.violations()).extracting(Violation::code).containsExactly(WorkflowError.COHORT_NOT_CONFIGURED);
            engine.cohort().configure(CohortWorld.settings(80), CohortWorld.operations(), CohortWorld.ids());
            fr.asso.europlie.plie.workflow.Actor elsewhere = fr.asso.europlie.plie.workflow.Actor.in(
                    fr.asso.europlie.plie.workflow.PlanId.of("autre"), "anne.team", PLAN, fr.asso.europlie.plie.workflow.Role.ANIMATION_TEAM);
            AccessDeniedException other = catchThrowableOfType(AccessDeniedException.class, () -> engine.cohort().size(elsewhere));
            assertThat(other.violation().code()).isEqualTo(WorkflowError.OTHER_PLAN);
        }
    }
}
