package fr.asso.europlie.plie.workflow.cohort;

import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE_ACTOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.BRUNO;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.BRUNO_ACTOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.COMMISSION;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.DEPARTMENT;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.DEPARTMENT_OFFICER;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.FRANCE_TRAVAIL;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.OPERATOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.OPERATOR_ORG;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.PLAN;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.PUBLICS;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TEAM;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TODAY;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TRAINING_OPERATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ParticipantStatus;
import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.error.ErrorCode;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("the cohort facade's access rules: the Département's designations, audited referents and purges, operators' periods")
class CohortAccessTest {

    private static final Actor OTHER_DEPARTMENT_OFFICER = Actor.of("odile.cd33", OrganisationId.of("DEPT-33"), Role.RSA_DESIGNATION);
    private static final OrganisationId OTHER_OPERATOR_ORG = OrganisationId.of("GRETA-24");
    private static final Actor OTHER_OPERATOR = Actor.of("gaston.greta", OTHER_OPERATOR_ORG, Role.OPERATOR);
    private static final OperationId OTHER_OPERATION = OperationId.of("OP-2026-REMOBILISATION");

    /** A designation by the Département's officer that must be refused, with the code it must be refused with. */
    private record WrongDesignation(String name, ErrorCode code, boolean withDepartment, Function<CohortWorld, ParticipantId> participant,
            BiConsumer<CohortWorld, ParticipantId> designation) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> wrongDesignations() {
        List<WrongDesignation> cases = List.of(
                new WrongDesignation("adhesion of a jobseeker (not an RSA recipient)", WorkflowError.NOT_RSA_RECIPIENT, true,
                        world -> world.validated("Martin"),
                        (world, id) -> world.cohort.adhere(DEPARTMENT_OFFICER, id, Adhesion.signedOn(TODAY, ALICE, PLAN))),
                new WrongDesignation("reassignment of a jobseeker (not an RSA recipient)", WorkflowError.NOT_RSA_RECIPIENT, true,
                        world -> world.entered("Martin", ALICE_ACTOR),
                        (world, id) -> world.cohort.reassignReferent(DEPARTMENT_OFFICER, id, BRUNO, TODAY.plusDays(1))),
                new WrongDesignation("reassignment of a jobseeker from a day before it became an RSA recipient", WorkflowError.NOT_RSA_RECIPIENT, true,
                        world -> {
                            ParticipantId id = world.entered("Martin", ALICE_ACTOR);
                            world.cohort.changeStatus(ALICE_ACTOR, id, TODAY.plusDays(20), ParticipantStatus.RSA_RECIPIENT);
                            return id;
                        },
                        (world, id) -> world.cohort.reassignReferent(DEPARTMENT_OFFICER, id, BRUNO, TODAY.plusDays(10))),
                new WrongDesignation("adhesion by another Département's officer", WorkflowError.WRONG_ORGANISATION, true,
                        CohortAccessTest::rsaValidated,
                        (world, id) -> world.cohort.adhere(OTHER_DEPARTMENT_OFFICER, id, Adhesion.signedOn(TODAY, ALICE, PLAN))),
                new WrongDesignation("reassignment by another Département's officer", WorkflowError.WRONG_ORGANISATION, true,
                        CohortAccessTest::rsaEntered,
                        (world, id) -> world.cohort.reassignReferent(OTHER_DEPARTMENT_OFFICER, id, BRUNO, TODAY.plusDays(1))),
                new WrongDesignation("adhesion of an RSA recipient when no Département is configured", WorkflowError.NO_DEPARTMENT, false,
                        CohortAccessTest::rsaValidated,
                        (world, id) -> world.cohort.adhere(DEPARTMENT_OFFICER, id, Adhesion.signedOn(TODAY, ALICE, PLAN))),
                new WrongDesignation("reassignment of a jobseeker when no Département is configured", WorkflowError.NO_DEPARTMENT, false,
                        world -> world.entered("Martin", ALICE_ACTOR),
                        (world, id) -> world.cohort.reassignReferent(DEPARTMENT_OFFICER, id, BRUNO, TODAY.plusDays(1))));
        List<Arguments> arguments = new ArrayList<>();
        for (Databases.Kind kind : Databases.Kind.values()) {
            cases.forEach(c -> arguments.add(Arguments.of(kind, c)));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "on {0}: {1}")
    @MethodSource("wrongDesignations")
    @DisplayName("the Département designates referents of RSA recipients only, only when configured and only for itself; a refusal changes nothing")
    void wrongDesignationRefused(Databases.Kind kind, WrongDesignation wrong) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            if (!wrong.withDepartment()) {
                world.cohort.configure(CohortSettings.of(PUBLICS, new BigDecimal("50")).withCaseloadCap(80), CohortWorld.operations(), ids("Q-"));
            }
            ParticipantId id = wrong.participant().apply(world);
            ParticipantView before = world.cohort.participant(TEAM, id).orElseThrow();
            List<AuditEntry> trail = world.cohort.auditTrail(TEAM, id);
            int alice = world.cohort.caseload(TEAM, ALICE, TODAY.plusDays(30));
            int bruno = world.cohort.caseload(TEAM, BRUNO, TODAY.plusDays(30));

            AccessDeniedException refused = catchThrowableOfType(AccessDeniedException.class, () -> wrong.designation().accept(world, id));

            assertThat(refused).as(wrong.name()).isNotNull();
            assertThat(refused.violation().code()).isEqualTo(wrong.code());
            assertThat(refused.getMessage()).isNotEqualTo(refused.getMessage(Locale.ENGLISH));
            assertThat(world.cohort.participant(TEAM, id)).contains(before);
            assertThat(world.cohort.auditTrail(TEAM, id)).isEqualTo(trail);
            assertThat(world.cohort.caseload(TEAM, ALICE, TODAY.plusDays(30))).isEqualTo(alice);
            assertThat(world.cohort.caseload(TEAM, BRUNO, TODAY.plusDays(30))).isEqualTo(bruno);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the refusals name the participant, its status and the day, in French and in English")
    void notAnRsaRecipientMessage(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            ParticipantId id = world.validated("Martin");
            AccessDeniedException refused = catchThrowableOfType(AccessDeniedException.class,
                    () -> world.cohort.adhere(DEPARTMENT_OFFICER, id, Adhesion.signedOn(TODAY, ALICE, PLAN)));
            assertThat(refused.getMessage()).contains(id.value()).contains("JOBSEEKER").contains(TODAY.toString())
                    .contains("allocataires du RSA");
            assertThat(refused.getMessage(Locale.ENGLISH)).contains(id.value()).contains("JOBSEEKER").contains(TODAY.toString())
                    .contains("RSA recipients only");

            world.cohort.configure(CohortSettings.of(PUBLICS, new BigDecimal("50")), CohortWorld.operations(), ids("Q-"));
            AccessDeniedException none = catchThrowableOfType(AccessDeniedException.class,
                    () -> world.cohort.adhere(DEPARTMENT_OFFICER, id, Adhesion.signedOn(TODAY, ALICE, PLAN)));
            assertThat(none.violation().code()).isEqualTo(WorkflowError.NO_DEPARTMENT);
            assertThat(none.getMessage(Locale.ENGLISH)).contains("No Département").contains(DEPARTMENT.value()).contains("ADHERE");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the Département's officer reassigns an RSA recipient from a day it still is one, and the change is audited under its name")
    void departmentReassignsAnRsaRecipient(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            ParticipantId id = rsaEntered(world);
            world.cohort.changeStatus(ALICE_ACTOR, id, TODAY.plusDays(10), ParticipantStatus.JOBSEEKER);

            world.cohort.reassignReferent(DEPARTMENT_OFFICER, id, BRUNO, TODAY.plusDays(5));

            ParticipantView view = world.cohort.participant(TEAM, id).orElseThrow();
            assertThat(view.periods().get(0).referents()).extracting(r -> r.referent() + "/" + r.designatedBy())
                    .containsExactly(ALICE + "/" + DEPARTMENT, BRUNO + "/" + DEPARTMENT);
            assertThat(world.cohort.auditTrail(TEAM, id)).last().extracting(AuditEntry::step, AuditEntry::userId, AuditEntry::reason)
                    .containsExactly("REASSIGN_REFERENT", DEPARTMENT_OFFICER.userId(), BRUNO.value());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a participant referred as an RSA recipient stays in the Département's charge for the period: it reassigns after the status changed")
    void departmentKeepsThePeriodOfAnRsaReferral(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            ParticipantId id = rsaEntered(world);
            world.cohort.changeStatus(ALICE_ACTOR, id, TODAY.plusDays(10), ParticipantStatus.JOBSEEKER);

            world.cohort.reassignReferent(DEPARTMENT_OFFICER, id, BRUNO, TODAY.plusDays(20));

            ParticipantView view = world.cohort.participant(TEAM, id).orElseThrow();
            assertThat(view.periods().get(0).referents()).extracting(r -> r.referent() + "/" + r.from() + "/" + r.designatedBy())
                    .containsExactly(ALICE + "/" + TODAY + "/" + DEPARTMENT, BRUNO + "/" + TODAY.plusDays(20) + "/" + DEPARTMENT);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("registering a referent and changing its working time are audited; a refused registration audits nothing")
    void registerReferentAudited(Databases.Kind kind) {
        ReferentId carole = ReferentId.of("ref-carole");
        Actor caroleActor = Actor.of(carole.value(), PLAN, Role.REFERENT);
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            world.cohort.registerReferent(TEAM, Referent.fullTime(carole, PLAN));
            world.clock.advance(Duration.ofDays(1));
            world.cohort.registerReferent(TEAM, new Referent(carole, OPERATOR_ORG, new BigDecimal("0.5")));
            AccessDeniedException refused = catchThrowableOfType(AccessDeniedException.class,
                    () -> world.cohort.registerReferent(ALICE_ACTOR, Referent.fullTime(carole, PLAN)));
            assertThat(refused.violation().code()).isEqualTo(WorkflowError.ROLE_REQUIRED);

            List<AuditEntry> trail = world.cohort.referentAuditTrail(TEAM, carole);
            assertThat(trail).extracting(AuditEntry::protocolId, AuditEntry::step, AuditEntry::userId, AuditEntry::reference, AuditEntry::round)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(carole.value(), "REGISTER_REFERENT", TEAM.userId(),
                                    "employer=" + PLAN.value() + ", fullTimeEquivalent=1", 0),
                            org.assertj.core.groups.Tuple.tuple(carole.value(), "REGISTER_REFERENT", TEAM.userId(),
                                    "employer=" + OPERATOR_ORG.value() + ", fullTimeEquivalent=0.5", 0));
            assertThat(trail.get(1).at()).isEqualTo(trail.get(0).at().plus(Duration.ofDays(1)));
            assertThat(world.cohort.referentAuditTrail(caroleActor, carole)).isEqualTo(trail);
            assertThat(world.cohort.referentAuditTrail(BRUNO_ACTOR, carole)).isEmpty();
            assertThat(world.cohort.referentAuditTrail(TEAM, ALICE)).extracting(AuditEntry::step).containsExactly("REGISTER_REFERENT");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the purge after retention is audited in the purged participant's trail, which outlives the pathway; a purge of nothing audits nothing")
    void purgeAudited(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            ParticipantId erased = world.entered("Martin", ALICE_ACTOR);
            ParticipantId kept = world.entered("Durand", ALICE_ACTOR);
            world.cohort.exit(ALICE_ACTOR, erased, TODAY.plusMonths(1), ExitReason.MOVED_AWAY, null);
            world.cohort.erase(TEAM, erased, LocalDate.of(2026, 12, 15));
            List<AuditEntry> before = world.cohort.auditTrail(TEAM, erased);
            List<AuditEntry> keptTrail = world.cohort.auditTrail(TEAM, kept);

            assertThat(world.cohort.purgeAfterRetention(TEAM)).isEmpty();
            assertThat(world.cohort.auditTrail(TEAM, erased)).isEqualTo(before);

            world.clock.advance(Duration.ofDays(365L * 6));
            assertThat(world.cohort.purgeAfterRetention(TEAM)).containsExactly(erased);

            assertThat(world.cohort.participant(TEAM, erased)).isEmpty();
            List<AuditEntry> after = world.cohort.auditTrail(TEAM, erased);
            assertThat(after).startsWith(before.toArray(AuditEntry[]::new)).hasSize(before.size() + 1);
            assertThat(after).last().extracting(AuditEntry::step, AuditEntry::userId, AuditEntry::reference, AuditEntry::round)
                    .containsExactly("PURGE", TEAM.userId(), "2031-12-31", 1);
            assertThat(world.cohort.auditTrail(TEAM, kept)).isEqualTo(keptTrail);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a participant's two periods funded by two operators: each operator sees only the period its operation funds")
    void operatorsSeeOnlyThePeriodsTheyFund(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            world.cohort.configure(CohortWorld.settings(80), new OperationDirectory(Map.of(
                    TRAINING_OPERATION, new OperationDirectory.OperationInfo(OPERATOR_ORG, StrategicAxisId.of("AXE-1")),
                    OTHER_OPERATION, new OperationDirectory.OperationInfo(OTHER_OPERATOR_ORG, StrategicAxisId.of("AXE-2")))), ids("Q-"));
            ParticipantId id = world.entered("Martin", ALICE_ACTOR);
            world.cohort.addStep(ALICE_ACTOR, id, Step.training(StepId.of("S-1"), StepType.PRE_QUALIFYING_TRAINING, TODAY,
                    TODAY.plusMonths(1), TRAINING_OPERATION));
            world.cohort.exit(ALICE_ACTOR, id, TODAY.plusMonths(2), ExitReason.MOVED_AWAY, null);
            world.cohort.reenter(TEAM, id, Referral.of(FRANCE_TRAVAIL, TODAY.plusMonths(3)), CohortWorld.longTermJobseeker());
            world.clock.advance(Duration.ofDays(100));
            LocalDate later = TODAY.plusDays(100);
            world.cohort.validateEntry(COMMISSION, id);
            world.cohort.adhere(ALICE_ACTOR, id, Adhesion.signedOn(later, ALICE, PLAN));
            world.cohort.addStep(ALICE_ACTOR, id, Step.of(StepId.of("S-2"), StepType.ASSESSMENT, later, later.plusDays(10), OTHER_OPERATION));
            assertThat(world.cohort.participant(TEAM, id).orElseThrow().periods()).hasSize(2);

            ParticipantView first = world.cohort.participant(OPERATOR, id).orElseThrow();
            ParticipantView second = world.cohort.participant(OTHER_OPERATOR, id).orElseThrow();

            assertThat(first.periods()).extracting(p -> p.number()).containsExactly(1);
            assertThat(first.periods().get(0).steps()).extracting(Step::id).containsExactly(StepId.of("S-1"));
            assertThat(second.periods()).extracting(p -> p.number()).containsExactly(2);
            assertThat(second.periods().get(0).steps()).extracting(Step::id).containsExactly(StepId.of("S-2"));
            assertThat(streamed(world, OPERATOR)).containsExactly(first);
            assertThat(streamed(world, OTHER_OPERATOR)).containsExactly(second);
        }
    }

    private static List<ParticipantView> streamed(CohortWorld world, Actor actor) {
        List<ParticipantView> views = new ArrayList<>();
        world.cohort.forEachParticipant(actor, views::add);
        return views;
    }

    /** An RSA recipient referred today and validated by the commission. */
    private static ParticipantId rsaValidated(CohortWorld world) {
        ParticipantId id = world.cohort.refer(TEAM, CohortWorld.person("Bernard"), Referral.of(FRANCE_TRAVAIL, TODAY), CohortWorld.rsaRecipient());
        world.cohort.validateEntry(COMMISSION, id);
        return id;
    }

    /** An RSA recipient who entered today with Alice, designated by the Département. */
    private static ParticipantId rsaEntered(CohortWorld world) {
        ParticipantId id = rsaValidated(world);
        world.cohort.adhere(DEPARTMENT_OFFICER, id, Adhesion.signedOn(TODAY, ALICE, PLAN));
        return id;
    }

    private static java.util.function.Supplier<ParticipantId> ids(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return () -> ParticipantId.of(prefix + next.incrementAndGet());
    }
}
