package fr.asso.europlie.plie.workflow.cohort;

import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE_ACTOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TEAM;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the facade closes the pathways that reached the maximum duration, for the animation team, audited")
class CohortMaximumDurationTest {

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("only the pathways over the maximum on the day close, with reason MAXIMUM_DURATION and an audit line; a second run closes nothing")
    void closesThoseOverTheMaximum(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            world.cohort.configure(CohortWorld.settings(80).withMaximumDuration(Period.ofMonths(6)), CohortWorld.operations(), CohortWorld.ids());
            ParticipantId old = world.entered("Martin", ALICE_ACTOR);
            ParticipantId left = world.entered("Durand", ALICE_ACTOR);
            world.cohort.exit(ALICE_ACTOR, left, TODAY.plusMonths(1), ExitReason.MOVED_AWAY, null);
            world.clock.advance(Duration.ofDays(60));
            LocalDate later = TODAY.plusDays(60);
            ParticipantId recent = world.cohort.refer(TEAM, CohortWorld.person("Petit"), Referral.of(CohortWorld.FRANCE_TRAVAIL, later),
                    CohortWorld.longTermJobseeker());
            world.cohort.validateEntry(CohortWorld.COMMISSION, recent);
            world.cohort.adhere(ALICE_ACTOR, recent, Adhesion.signedOn(later, CohortWorld.ALICE, CohortWorld.PLAN));
            world.clock.advance(Duration.ofDays(130));
            LocalDate day = TODAY.plusDays(190);

            assertThat(world.cohort.closePathwaysOverMaximumDuration(TEAM)).containsExactly(old);

            var exit = world.cohort.participant(TEAM, old).orElseThrow().periods().get(0).exit();
            assertThat(exit.reason()).isEqualTo(ExitReason.MAXIMUM_DURATION);
            assertThat(exit.exitedOn()).isEqualTo(day);
            assertThat(world.cohort.auditTrail(TEAM, old)).last().extracting(AuditEntry::step, AuditEntry::userId, AuditEntry::round)
                    .containsExactly("CLOSE_OVER_MAXIMUM_DURATION", TEAM.userId(), 1);
            assertThat(world.cohort.participant(TEAM, recent).orElseThrow().periods().get(0).exit()).isNull();
            assertThat(world.cohort.participant(TEAM, left).orElseThrow().periods().get(0).exit().reason()).isEqualTo(ExitReason.MOVED_AWAY);
            assertThat(world.cohort.closePathwaysOverMaximumDuration(TEAM)).isEmpty();
            assertThat(world.cohort.auditTrail(TEAM, old)).filteredOn(e -> e.step().equals("CLOSE_OVER_MAXIMUM_DURATION")).hasSize(1);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a referent may not close pathways (PLIE-WORKFLOW-001) and nothing changes; without a maximum nothing closes")
    void refusedAndWithoutMaximum(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database)) {
            ParticipantId id = world.entered("Martin", ALICE_ACTOR);
            world.clock.advance(Duration.ofDays(365L * 3));
            List<AuditEntry> trail = world.cohort.auditTrail(TEAM, id);

            assertThat(world.cohort.closePathwaysOverMaximumDuration(TEAM)).isEmpty();

            world.cohort.configure(CohortWorld.settings(80).withMaximumDuration(Period.ofYears(2)), CohortWorld.operations(), CohortWorld.ids());
            AccessDeniedException refused = catchThrowableOfType(AccessDeniedException.class,
                    () -> world.cohort.closePathwaysOverMaximumDuration(ALICE_ACTOR));
            assertThat(refused.violation().code()).isEqualTo(WorkflowError.ROLE_REQUIRED);
            assertThat(world.cohort.participant(TEAM, id).orElseThrow().periods().get(0).exit()).isNull();
            assertThat(world.cohort.auditTrail(TEAM, id)).isEqualTo(trail);
            assertThat(world.cohort.closePathwaysOverMaximumDuration(TEAM)).containsExactly(id);
        }
    }
}
