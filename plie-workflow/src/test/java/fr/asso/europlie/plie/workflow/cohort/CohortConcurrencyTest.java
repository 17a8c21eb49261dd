package fr.asso.europlie.plie.workflow.cohort;

import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE_ACTOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.BRUNO;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.BRUNO_ACTOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.PLAN;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TEAM;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight threads designate referents and add steps at once: the caseload cap holds (the referent's
 * row is locked while its caseload is counted) and no step is lost (the participant's row is locked
 * while a command changes it).
 */
@DisplayName("concurrent designations and steps never exceed a caseload cap and lose nothing")
class CohortConcurrencyTest {

    private static final int THREADS = 8;
    private static final int CAP = 6;
    private static final int PER_THREAD = 3;
    private static final int STEPS = 3;

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("8 threads racing for two referents' last places, then adding steps to the same participants")
    void race(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database, CAP)) {
            List<ParticipantId> waiting = new ArrayList<>();
            for (int i = 0; i < THREADS * PER_THREAD; i++) {
                waiting.add(world.validated("Person" + i));
            }
            Map<ParticipantId, Actor> adhered = new ConcurrentHashMap<>();
            List<ParticipantId> refusedTwice = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<?>> designations = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    List<ParticipantId> mine = waiting.subList(t * PER_THREAD, (t + 1) * PER_THREAD);
                    boolean aliceFirst = t % 2 == 0;
                    designations.add(pool.submit(() -> {
                        start.await();
                        for (ParticipantId id : mine) {
                            Actor first = aliceFirst ? ALICE_ACTOR : BRUNO_ACTOR;
                            Actor second = aliceFirst ? BRUNO_ACTOR : ALICE_ACTOR;
                            if (adhere(world, id, first) || adhere(world, id, second)) {
                                adhered.put(id, world.cohort.participant(TEAM, id).orElseThrow().periods().get(0).adhesion().referent()
                                        .equals(ALICE) ? ALICE_ACTOR : BRUNO_ACTOR);
                            } else {
                                refusedTwice.add(id);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> done : designations) {
                    done.get(5, TimeUnit.MINUTES);
                }

                List<ParticipantId> entered = new ArrayList<>(adhered.keySet());
                CyclicBarrier again = new CyclicBarrier(THREADS);
                List<Future<?>> steps = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    steps.add(pool.submit(() -> {
                        again.await();
                        for (int s = 0; s < STEPS; s++) {
                            for (ParticipantId id : entered) {
                                StepId step = StepId.of(id.value() + "-T" + thread + "-S" + s);
                                world.cohort.addStep(adhered.get(id), id, Step.of(step, StepType.ASSESSMENT, TODAY, TODAY.plusDays(2), null));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> done : steps) {
                    done.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(world.cohort.caseload(TEAM, ALICE, TODAY)).isEqualTo(CAP);
            assertThat(world.cohort.caseload(TEAM, BRUNO, TODAY)).isEqualTo(CAP);
            assertThat(adhered).hasSize(2 * CAP);
            assertThat(refusedTwice).hasSize(THREADS * PER_THREAD - 2 * CAP);
            for (ParticipantId id : adhered.keySet()) {
                ParticipantView view = world.cohort.participant(TEAM, id).orElseThrow();
                assertThat(view.periods().get(0).steps()).as("steps of %s", id).hasSize(THREADS * STEPS);
                assertThat(world.cohort.auditTrail(TEAM, id)).extracting(AuditEntry::step).filteredOn("ADD_STEP"::equals)
                        .hasSize(THREADS * STEPS);
            }
            for (ParticipantId id : refusedTwice) {
                assertThat(world.cohort.participant(TEAM, id).orElseThrow().periods().get(0).isEntered()).isFalse();
                assertThat(world.cohort.auditTrail(TEAM, id)).extracting(AuditEntry::step).containsExactly("REFER", "VALIDATE_ENTRY");
            }
        }
    }

    /** Adheres with a referent; false when its caseload is full. */
    private static boolean adhere(CohortWorld world, ParticipantId id, Actor referent) {
        try {
            world.cohort.adhere(referent, id, Adhesion.signedOn(TODAY, ReferentId.of(referent.userId()), PLAN));
            return true;
        } catch (PlieException refused) {
            assertThat(refused.violations()).extracting(Violation::code).containsExactly(CohortError.CASELOAD_CAP_REACHED);
            return false;
        }
    }
}
