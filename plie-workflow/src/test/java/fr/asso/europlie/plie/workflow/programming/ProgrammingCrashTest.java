package fr.asso.europlie.plie.workflow.programming;

import static fr.asso.europlie.plie.workflow.programming.Round.CALL;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.Application;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.offer.PtiMarking;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.workflow.ChildJvm;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.commitment.CommitmentProcess;
import fr.asso.europlie.plie.workflow.commitment.StallingTrigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("a programming round survives an engine dropped without closing or a killed JVM: a new engine resumes it, nothing lost or doubled")
class ProgrammingCrashTest {

    private static final AtomicInteger FILES = new AtomicInteger();

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("dropped mid-appraisal; the new engine fires the reminder once, takes the last appraisal and runs to publication")
    void engineDroppedMidAppraisal(Databases.Kind kind) throws Exception {
        Path file = Files.createDirectories(Path.of("target", "crash")).resolve("programming-" + ProcessHandle.current().pid() + "-"
                + FILES.incrementAndGet());
        Databases.Target database = kind == Databases.Kind.H2 ? Databases.h2File(file) : Databases.postgres();
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-05T09:00:00Z"));
        Round first = new Round(database, PlanId.DEFAULT, true, clock);
        first.opened().submitted("OP-1", "OP-2").closedAndAssigned();
        first.approval().appraise(Round.INSTRUCTOR_1, CALL, OperationId.of("OP-1"), Appraisal.Opinion.FAVOURABLE, Money.euros(50_000), "");
        // The first engine is never closed: it is dropped as a crashed application would leave it.

        try (Round second = new Round(database, PlanId.DEFAULT, false, clock)) {
            ProgrammingStatus resumed = second.approval().status(Round.COORDINATOR, CALL);
            assertThat(resumed.state()).isEqualTo(ProgrammingState.CLOSED);
            assertThat(resumed.waitingFor()).containsExactlyInAnyOrder(ProgrammingStep.APPRAISAL, ProgrammingStep.PTI_MARKING,
                    ProgrammingStep.PTI_MARKING);
            second.advance(Duration.ofDays(22));
            second.approval().appraise(Round.INSTRUCTOR_1, CALL, OperationId.of("OP-2"), Appraisal.Opinion.FAVOURABLE,
                    Money.euros(50_000), "");
            for (String id : new String[] {"OP-1", "OP-2"}) {
                second.approval().markPti(Round.DEPARTMENT_STAFF, CALL, OperationId.of(id),
                        fr.asso.europlie.plie.offer.PtiMarking.Complementarity.COMPLEMENTARY, "Complète");
            }
            second.approval().recordTechnicalOpinion(Round.COORDINATOR, CALL, Appraisal.Opinion.FAVOURABLE, "", "COTECH");
            second.approve("OP-1", 50_000);
            second.approve("OP-2", 50_000);
            second.approval().closeSession(Round.SECRETARIAT, CALL, Round.adoption());

            assertThat(second.stored().programming().state()).isEqualTo(ProgrammingState.ADOPTED);
            assertThat(second.runningProcesses()).isZero();
            List<String> steps = second.history().stream().map(ProgrammingAuditEntry::step).toList();
            assertThat(steps.stream().filter("APPRAISAL"::equals)).hasSize(2);
            assertThat(steps.stream().filter("REMINDER"::equals)).as("one reminder, for OP-2 only").hasSize(1);
            assertThat(steps.stream().filter("CALL_OPENED"::equals)).hasSize(1);
            assertThat(steps.stream().filter("PUBLICATION"::equals)).hasSize(1);
        }
    }

    /** The database a child JVM crashes on: what the child is given (H2 file or PostgreSQL schema), and how to reopen it. */
    private record CrashDatabase(Databases.Kind kind, String where) {

        static CrashDatabase of(Databases.Kind kind) throws Exception {
            if (kind == Databases.Kind.H2) {
                Path file = Files.createDirectories(Path.of("target", "crash")).resolve("programming-killed-" + ProcessHandle.current().pid()
                        + "-" + FILES.incrementAndGet());
                return new CrashDatabase(kind, file.toString());
            }
            Databases.Target database = Databases.postgres();
            String schema = database.schema();
            database.close();
            return new CrashDatabase(kind, schema);
        }

        ChildJvm child(String mode) {
            return ChildJvm.start(CrashingProgramming.class, where, kind.name(), mode);
        }

        Databases.Target reopen() {
            return kind == Databases.Kind.H2 ? Databases.h2File(Path.of(where)) : Databases.postgresSchema(where);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("crash: the child JVM is killed mid-appraisal; a new engine finds the round as it was, takes the last appraisal and "
            + "runs to publication, each FSE+ commitment requested once")
    void childJvmKilledMidAppraisal(Databases.Kind kind) throws Exception {
        CrashDatabase crash = CrashDatabase.of(kind);
        try (ChildJvm child = crash.child("mid-appraisal")) {
            child.awaitLine("READY");
            assertThat(child.kill()).isNotZero();
        }

        try (Round resumed = new Round(crash.reopen(), PlanId.DEFAULT, false, ManualClock.at(CrashingProgramming.START))) {
            // nothing lost or doubled: the stored programming, the audit, the open tasks
            ProgrammingStatus status = resumed.approval().status(Round.COORDINATOR, CALL);
            assertThat(status.state()).isEqualTo(ProgrammingState.CLOSED);
            assertThat(status.waitingFor()).containsExactlyInAnyOrder(ProgrammingStep.APPRAISAL, ProgrammingStep.PTI_MARKING,
                    ProgrammingStep.PTI_MARKING);
            assertThat(resumed.openTasks()).isEqualTo(3);
            assertThat(resumed.runningProcesses()).isEqualTo(1);
            assertThat(resumed.stored().programming().applications()).extracting(a -> a.operation().id().value() + " "
                    + a.appraisalIfAny().isPresent()).containsExactlyInAnyOrder("OP-1 true", "OP-2 false");
            assertThat(resumed.steps()).filteredOn(s -> s.startsWith("APPRAISAL:")).hasSize(1);
            assertThat(resumed.steps()).filteredOn(s -> s.startsWith("CALL_OPENED:")).hasSize(1);

            resumed.approval().appraise(Round.INSTRUCTOR_1, CALL, OperationId.of("OP-2"), Appraisal.Opinion.FAVOURABLE,
                    Money.euros(50_000), "");
            for (String id : new String[] {"OP-1", "OP-2"}) {
                resumed.approval().markPti(Round.DEPARTMENT_STAFF, CALL, OperationId.of(id), PtiMarking.Complementarity.COMPLEMENTARY,
                        "Complète");
            }
            resumed.approval().recordTechnicalOpinion(Round.COORDINATOR, CALL, Appraisal.Opinion.FAVOURABLE, "", "COTECH");
            resumed.approve("OP-1", 50_000);
            resumed.approve("OP-2", 50_000);
            resumed.approval().closeSession(Round.SECRETARIAT, CALL, Round.adoption());

            assertPublishedOnce(resumed, 2);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("crash inside a steering committee decision's transaction, after the programming's row is written and before the "
            + "commit: nothing of it is seen (revision, decisions, audit, task); the same decision made again is applied once and the "
            + "round runs to publication")
    void childJvmKilledInsideTheDecisionTransaction(Databases.Kind kind) throws Exception {
        CrashDatabase crash = CrashDatabase.of(kind);
        // PostgreSQL is watched while the child runs; the H2 file is the child's alone until it dies
        Databases.Target watched = kind == Databases.Kind.POSTGRESQL ? crash.reopen() : null;
        long revision;
        try (ChildJvm child = crash.child("in-decision")) {
            child.awaitLine("DECIDING");
            revision = child.output().lines().filter(l -> l.startsWith("REVISION ")).mapToLong(l -> Long.parseLong(l.substring(9)))
                    .findFirst().orElseThrow();
            long backend = 0;
            if (kind == Databases.Kind.H2) {
                child.awaitLine("IN_TRANSACTION");
            } else {
                backend = StallingTrigger.stalledSession(watched, child, "plie_programming");
            }
            assertThat(child.kill()).isNotZero();
            if (kind == Databases.Kind.POSTGRESQL) {
                // the server would notice the dead client at its next write; the test ends the orphaned session now
                StallingTrigger.execute(watched, "SELECT pg_terminate_backend(" + backend + ")");
            }
        }
        Databases.Target reopened = watched != null ? watched : crash.reopen();
        if (kind == Databases.Kind.POSTGRESQL) {
            StallingTrigger.execute(reopened, "DROP TRIGGER " + CrashingProgramming.TRIGGER + " ON plie_programming",
                    "DROP FUNCTION " + CrashingProgramming.TRIGGER + "()");
        } else {
            StallingTrigger.execute(reopened, "DROP TRIGGER " + CrashingProgramming.TRIGGER);
        }

        try (Round resumed = new Round(reopened, PlanId.DEFAULT, false, ManualClock.at(CrashingProgramming.START))) {
            // nothing of the half-done decision: revision, decisions, audit, the committee's task
            assertThat(resumed.stored().revision()).isEqualTo(revision);
            assertThat(decisions(resumed)).containsExactly("OP-1 APPROVED");
            assertThat(resumed.steps()).filteredOn(s -> s.startsWith("STEERING_DECISION:")).hasSize(1);
            ProgrammingStatus status = resumed.approval().status(Round.COORDINATOR, CALL);
            assertThat(status.state()).isEqualTo(resumed.stored().programming().state());
            assertThat(status.waitingFor()).containsExactly(ProgrammingStep.STEERING_SESSION);
            assertThat(resumed.openTasks()).isEqualTo(1);

            // the committee's secretariat records the same decision again: applied once
            resumed.approve("OP-2", 50_000);
            assertThat(resumed.stored().revision()).isEqualTo(revision + 1);
            assertThat(decisions(resumed)).containsExactlyInAnyOrder("OP-1 APPROVED", "OP-2 APPROVED");
            assertThat(resumed.steps()).filteredOn(s -> s.startsWith("STEERING_DECISION:")).hasSize(2);
            resumed.approval().closeSession(Round.SECRETARIAT, CALL, Round.adoption());

            assertPublishedOnce(resumed, 2);
        }
    }

    private static List<String> decisions(Round round) {
        return round.stored().programming().applications().stream().map(Application::decisionIfAny).flatMap(java.util.Optional::stream)
                .map(d -> d.operation().value() + " " + d.decision().outcome()).toList();
    }

    /** Published, the round's process ended, one commitment request sent (audit, event, commitment process) per approved operation. */
    private static void assertPublishedOnce(Round round, int approved) {
        assertThat(round.stored().programming().state()).isEqualTo(ProgrammingState.ADOPTED);
        assertThat(round.runningProcesses()).isZero();
        assertThat(round.openTasks()).isZero();
        assertThat(round.steps()).filteredOn(s -> s.startsWith("PUBLICATION:")).hasSize(1);
        assertThat(round.steps()).filteredOn("FSE_COMMITMENT_REQUESTED:MESSAGE_SENT"::equals).hasSize(approved);
        assertThat(round.events).filteredOn(e -> e.kind() == ProgrammingEvent.Kind.FSE_COMMITMENT_REQUESTED).hasSize(approved);
        List<ProcessInstance> commitments = round.flowable().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(CommitmentProcess.KEY).list();
        assertThat(commitments).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder(CALL.value() + "/OP-1", CALL.value() + "/OP-2");
    }
}
