package fr.asso.europlie.plie.workflow.cohort;

import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.ALICE_ACTOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.BRUNO;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.BRUNO_ACTOR;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.PLAN;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TEAM;
import static fr.asso.europlie.plie.workflow.cohort.CohortWorld.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ReferentAssignment;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Eight threads, started together behind one barrier, interleave referent designations (adhesions
 * today, reassignments from a later day) and step additions on the participants of the same two
 * referents: no caseload ever exceeds its cap on any day (the referent's row is locked while the
 * designation reads its caseload spans, and the cap is judged over the whole span), and no step is
 * lost (the participant's row is locked while a command changes it). Afterwards the store holds
 * exactly what succeeded: the designations, the steps and their audit entries.
 */
@DisplayName("concurrent designations and steps never exceed a caseload cap and lose nothing")
class CohortConcurrencyTest {

    private static final int THREADS = 8;
    private static final int CAP = 6;
    /** Participants each referent follows before the race, each of them given the other referent from a later day during it. */
    private static final int ENTERED_EACH = 4;
    /** Participants waiting for a referent, per thread. */
    private static final int WAITING_EACH = 2;
    /** The days over which the caseloads are checked afterwards: every day a span starts or ends. */
    private static final int DAYS_CHECKED = 30;

    /** One designation that succeeded: the participant, its referent and the first day. */
    private record Designation(ParticipantId id, ReferentId referent, LocalDate from) {
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("8 threads interleave adhesions, later reassignments and steps on two referents' caseloads")
    void race(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind); CohortWorld world = new CohortWorld(database, CAP)) {
            List<ParticipantId> entered = new ArrayList<>();
            Map<ParticipantId, Actor> owner = new ConcurrentHashMap<>();
            for (int i = 0; i < 2 * ENTERED_EACH; i++) {
                Actor referent = i % 2 == 0 ? ALICE_ACTOR : BRUNO_ACTOR;
                ParticipantId id = world.entered("Entered" + i, referent);
                entered.add(id);
                owner.put(id, referent);
            }
            List<ParticipantId> waiting = new ArrayList<>();
            for (int i = 0; i < THREADS * WAITING_EACH; i++) {
                waiting.add(world.validated("Waiting" + i));
            }

            List<Designation> designated = Collections.synchronizedList(new ArrayList<>());
            List<ParticipantId> refusedTwice = Collections.synchronizedList(new ArrayList<>());
            List<Designation> reassignmentsRefused = Collections.synchronizedList(new ArrayList<>());
            Map<ParticipantId, Set<StepId>> added = new ConcurrentHashMap<>();
            List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<?>> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    threads.add(pool.submit(() -> {
                        // half the threads designate a referent from a later day first, the others last
                        boolean moveFirst = thread % 2 == 1;
                        start.await();
                        if (moveFirst) {
                            move(world, thread, entered, owner, designated, reassignmentsRefused, unexpected);
                        }
                        int s = 0;
                        for (int w = 0; w < WAITING_EACH; w++) {
                            ParticipantId id = waiting.get(thread * WAITING_EACH + w);
                            Actor first = (thread + w) % 2 == 0 ? ALICE_ACTOR : BRUNO_ACTOR;
                            Actor second = first == ALICE_ACTOR ? BRUNO_ACTOR : ALICE_ACTOR;
                            Actor taken = adhere(world, id, first, unexpected) ? first : adhere(world, id, second, unexpected) ? second : null;
                            if (taken == null) {
                                refusedTwice.add(id);
                            } else {
                                designated.add(new Designation(id, ReferentId.of(taken.userId()), TODAY));
                                owner.put(id, taken);
                                addStep(world, owner, added, id, "T" + thread + "-S" + s++, unexpected);
                            }
                            // steps on participants of both referents, between the designations
                            addStep(world, owner, added, entered.get((thread + w) % entered.size()), "T" + thread + "-S" + s++, unexpected);
                            addStep(world, owner, added, entered.get((thread + w + 1) % entered.size()), "T" + thread + "-S" + s++, unexpected);
                        }
                        if (!moveFirst) {
                            move(world, thread, entered, owner, designated, reassignmentsRefused, unexpected);
                        }
                        addStep(world, owner, added, entered.get(thread), "T" + thread + "-S" + s, unexpected);
                        return null;
                    }));
                }
                for (Future<?> done : threads) {
                    done.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(unexpected).as("refusals other than a full caseload").isEmpty();

            // no cap exceeded on any day; the places were contended for: today holds at most CAP - ENTERED_EACH more each
            for (ReferentId referent : List.of(ALICE, BRUNO)) {
                for (int d = 0; d < DAYS_CHECKED; d++) {
                    assertThat(world.cohort.caseload(TEAM, referent, TODAY.plusDays(d))).as("%s on %s", referent, TODAY.plusDays(d))
                            .isLessThanOrEqualTo(CAP);
                }
            }
            assertThat(refusedTwice).as("waiting participants who found both caseloads full")
                    .hasSizeGreaterThanOrEqualTo(THREADS * WAITING_EACH - 2 * (CAP - ENTERED_EACH));

            // the designations stored are exactly those that succeeded
            for (ParticipantId id : waiting) {
                AccompanimentPeriod period = world.cohort.participant(TEAM, id).orElseThrow().periods().get(0);
                List<ReferentAssignment> expected = designated.stream().filter(d -> d.id().equals(id))
                        .map(d -> new ReferentAssignment(d.referent(), d.from(), null)).toList();
                assertThat(period.referents()).as("referents of %s", id).isEqualTo(expected);
                assertThat(period.isEntered()).isEqualTo(!refusedTwice.contains(id));
            }
            for (ParticipantId id : entered) {
                List<ReferentAssignment> all = world.cohort.participant(TEAM, id).orElseThrow().periods().get(0).referents();
                assertThat(all.get(0).referent().value()).isEqualTo(owner.get(id).userId());
                List<ReferentAssignment> later = all.subList(1, all.size());
                List<ReferentAssignment> expected = designated.stream().filter(d -> d.id().equals(id))
                        .map(d -> new ReferentAssignment(d.referent(), d.from(), null)).toList();
                assertThat(later).as("later referents of %s", id).isEqualTo(expected);
            }
            long reassignments = designated.stream().filter(d -> !d.from().equals(TODAY)).count();
            assertThat(reassignments + reassignmentsRefused.size()).isEqualTo(THREADS);

            // every step that succeeded is stored and audited once, and none other
            for (ParticipantId id : owner.keySet()) {
                AccompanimentPeriod period = world.cohort.participant(TEAM, id).orElseThrow().periods().get(0);
                Set<StepId> expected = added.getOrDefault(id, Set.of());
                assertThat(period.steps().stream().map(Step::id).collect(Collectors.toSet())).as("steps of %s", id).isEqualTo(expected);
                assertThat(world.cohort.auditTrail(TEAM, id)).extracting(AuditEntry::step).filteredOn("ADD_STEP"::equals)
                        .hasSize(expected.size());
                long designations = designated.stream().filter(d -> d.id().equals(id)).count();
                assertThat(world.cohort.auditTrail(TEAM, id)).extracting(AuditEntry::step)
                        .filteredOn(step -> step.equals("ADHERE") || step.equals("REASSIGN_REFERENT"))
                        .hasSize((int) designations + (entered.contains(id) ? 1 : 0));
            }
            int steps = added.values().stream().mapToInt(Set::size).sum();
            assertThat(steps).as("every step added").isEqualTo(THREADS * (2 * WAITING_EACH + 1) + designated.stream()
                    .filter(d -> d.from().equals(TODAY)).count());
            for (ParticipantId id : refusedTwice) {
                assertThat(world.cohort.auditTrail(TEAM, id)).extracting(AuditEntry::step).containsExactly("REFER", "VALIDATE_ENTRY");
            }
        }
    }

    /** Designates for one entered participant (one per thread) the other referent from a later day: its span runs from then on. */
    private static void move(CohortWorld world, int thread, List<ParticipantId> entered, Map<ParticipantId, Actor> owner,
            List<Designation> designated, List<Designation> refused, List<Throwable> unexpected) {
        ParticipantId moved = entered.get(thread);
        ReferentId to = owner.get(moved) == ALICE_ACTOR ? BRUNO : ALICE;
        Designation move = new Designation(moved, to, TODAY.plusDays(10 + thread));
        if (reassign(world, move, unexpected)) {
            designated.add(move);
        } else {
            refused.add(move);
        }
    }

    /** Adheres with a referent; false when its caseload is full on some day of the span. */
    private static boolean adhere(CohortWorld world, ParticipantId id, Actor referent, List<Throwable> unexpected) {
        try {
            world.cohort.adhere(referent, id, Adhesion.signedOn(TODAY, ReferentId.of(referent.userId()), PLAN));
            return true;
        } catch (PlieException refused) {
            expectFull(refused, unexpected);
            return false;
        }
    }

    /** Reassigns from a later day; false when the new referent's caseload is full on some day from then on. */
    private static boolean reassign(CohortWorld world, Designation move, List<Throwable> unexpected) {
        try {
            world.cohort.reassignReferent(TEAM, move.id(), move.referent(), move.from());
            return true;
        } catch (PlieException refused) {
            expectFull(refused, unexpected);
            return false;
        }
    }

    private static void expectFull(PlieException refused, List<Throwable> unexpected) {
        if (!refused.violations().stream().map(Violation::code).toList().equals(List.of(CohortError.CASELOAD_CAP_REACHED))) {
            unexpected.add(refused);
        }
    }

    /** Adds a step by the participant's referent of today; every addition must succeed. */
    private static void addStep(CohortWorld world, Map<ParticipantId, Actor> owner, Map<ParticipantId, Set<StepId>> added, ParticipantId id,
            String suffix, List<Throwable> unexpected) {
        StepId step = StepId.of(id.value() + "-" + suffix);
        try {
            world.cohort.addStep(owner.get(id), id, Step.of(step, StepType.ASSESSMENT, TODAY, TODAY.plusDays(2), null));
            added.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(step);
        } catch (RuntimeException e) {
            unexpected.add(e);
        }
    }
}
