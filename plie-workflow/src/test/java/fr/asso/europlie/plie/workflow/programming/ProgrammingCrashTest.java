package fr.asso.europlie.plie.workflow.programming;

import static fr.asso.europlie.plie.workflow.programming.Round.CALL;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("a programming round survives an engine dropped without closing: a new engine resumes it, nothing lost or doubled")
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
}
