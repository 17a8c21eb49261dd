package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.funds.EnvelopeBalance;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.MovementKind;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.OperationPeriod;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ConflictException;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No over-commitment under contention through process C itself (issue 11): operations started,
 * appraised (each reserving atomically, the three outcomes when the envelope cannot cover it),
 * given a favourable opinion, decided and signed through the {@link FseCommitment} facade and the
 * BPMN process, from 8 threads on one engine, and from two engines on the same PostgreSQL database
 * (a command whose conflict outlasts its engine's attempts is tried again on the other engine).
 * {@link LedgerContentionTest} drives the ledger steps directly; this one drives the whole process.
 */
@DisplayName("operations committed through process C against one envelope at once never over-commit it")
class CommitmentContentionTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final OrganisationId OI = OrganisationId.of("OI-DORDOGNE");
    private static final OrganisationId OPERATOR = OrganisationId.of("ASSO-TREMPLIN");
    private static final EnvelopeKey ENVELOPE = EnvelopeKey.of("4", "h", 2026);
    private static final GlobalGrantId GRANT = GlobalGrantId.of("SG-2026");
    private static final Actor INSTRUCTOR = Actor.of("instructeur.a", OI, Role.OI_INSTRUCTOR);
    private static final Actor MANAGER = Actor.of("gestionnaire.b", OI, Role.OI_MANAGER);
    private static final Actor SIGNATORY = Actor.of("presidente", OPERATOR, Role.OPERATOR);
    private static final OperationPeriod PERIOD = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    private static final Money ENVELOPE_AMOUNT = Money.euros(100_000);
    private static final int OPERATIONS = 56;
    private static final int THREADS = 8;

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("56 operations through the process from 8 threads on one engine")
    void eightThreadsOneEngine(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind); PlieEngine engine = engine(database)) {
            engine.fseCommitment().openGlobalGrant(MANAGER, Grants.of(GRANT, OI, Map.of(ENVELOPE, ENVELOPE_AMOUNT)));
            AtomicInteger retried = new AtomicInteger();
            run(List.of(engine.fseCommitment()), retried);
            check(engine.fseCommitment(), kind + ", one engine", retried);
        }
    }

    @Test
    @DisplayName("56 operations through the process from 8 threads on two engines sharing one PostgreSQL database")
    void twoEnginesOnePostgresql() throws Exception {
        try (Databases.Target database = Databases.postgres(); PlieEngine one = engine(database); PlieEngine two = engine(database)) {
            one.fseCommitment().openGlobalGrant(MANAGER, Grants.of(GRANT, OI, Map.of(ENVELOPE, ENVELOPE_AMOUNT)));
            AtomicInteger retried = new AtomicInteger();
            run(List.of(one.fseCommitment(), two.fseCommitment()), retried);
            check(one.fseCommitment(), "PostgreSQL, two engines", retried);
            assertThat(two.fseCommitment().globalGrant(MANAGER, GRANT)).isEqualTo(one.fseCommitment().globalGrant(MANAGER, GRANT));
        }
    }

    /** An engine whose commands are tried twice on a conflict, so that a conflict can reach the test and be tried on another engine. */
    private static PlieEngine engine(Databases.Target database) {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        return database.engine(clock, WorkflowSettings.defaults().withConflictAttempts(2))
                .name("fse-contention-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet()).build();
    }

    /** Each operation asks 3 000 to 4 950 €: together about twice the envelope, so the last ones cannot all be covered. */
    private static Money asked(int i) {
        return Money.euros(3_000 + (i * 37 % 40) * 50L);
    }

    private static void run(List<FseCommitment> engines, AtomicInteger retried) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < OPERATIONS; i++) {
                final int n = i;
                done.add(threads.submit(() -> {
                    OperationId operation = OperationId.of("OP-" + n);
                    WhenUncovered choice = WhenUncovered.values()[n % 3];
                    Money amount = asked(n);
                    call(engines, n, retried, fse -> fse.start(INSTRUCTOR, operation, OPERATOR, amount));
                    CommitmentView appraised = call(engines, n, retried, fse -> fse.appraise(INSTRUCTOR, operation,
                            new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.ofCents(2 * amount.cents()), amount, "forfait 40 %", choice)));
                    if (appraised.status().state() == CommitmentState.RESERVED) {
                        call(engines, n, retried, fse -> fse.recordCommitteeOpinion(INSTRUCTOR, operation, CommitteeOpinion.FAVOURABLE,
                                "dossier complet"));
                        call(engines, n, retried, fse -> fse.decide(MANAGER, operation));
                        CommitmentView signed = call(engines, n, retried, fse -> fse.signAgreement(SIGNATORY, operation, PERIOD));
                        assertThat(signed.status().state()).as(operation.value()).isEqualTo(CommitmentState.COMMITTED);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(15, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** A step on the operation's engine; a conflict that outlasted its attempts is tried again on the next engine. */
    private static CommitmentView call(List<FseCommitment> engines, int n, AtomicInteger retried, Function<FseCommitment, CommitmentView> step) {
        ConflictException last = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            try {
                return step.apply(engines.get((n + attempt) % engines.size()));
            } catch (ConflictException e) {
                retried.incrementAndGet();
                last = e;
            }
        }
        throw last;
    }

    private static void check(FseCommitment fse, String where, AtomicInteger retried) {
        GlobalGrant grant = fse.globalGrant(MANAGER, GRANT).orElseThrow();
        EnvelopeBalance balance = grant.balance(ENVELOPE);
        List<CommitmentStatus> statuses = new ArrayList<>();
        for (int n = 0; n < OPERATIONS; n++) {
            statuses.add(fse.view(INSTRUCTOR, OperationId.of("OP-" + n)).status());
        }
        List<CommitmentStatus> committed = statuses.stream().filter(s -> s.state() == CommitmentState.COMMITTED).toList();
        Money committedTotal = Money.sum(committed.stream().map(CommitmentStatus::amount).toList());
        long waiting = statuses.stream().filter(s -> s.state() == CommitmentState.WAITING).count();
        long refused = statuses.stream().filter(s -> s.state() == CommitmentState.REFUSED).count();
        System.out.printf("process C contention (%s): %d operations, %d threads, committed %s € (%d operations), %d waiting, %d refused, "
                + "envelope %s €, %d conflicts tried again on an engine%n", where, OPERATIONS, THREADS, committedTotal, committed.size(),
                waiting, refused, balance.amount(), retried.get());

        assertThat(statuses).allSatisfy(s -> {
            assertThat(s.state()).isIn(CommitmentState.COMMITTED, CommitmentState.WAITING, CommitmentState.REFUSED);
            assertThat(s.reason()).isNotBlank();
        });
        assertThat(statuses).filteredOn(s -> s.state() != CommitmentState.COMMITTED)
                .allSatisfy(s -> assertThat(s.reason()).contains("ne couvre pas"));
        // never over the envelope; nothing left reserved; the ledger and the statuses agree to the cent
        assertThat(balance.committed().plus(balance.reserved()).isGreaterThan(balance.amount())).isFalse();
        assertThat(balance.reserved()).isEqualTo(Money.ZERO);
        assertThat(balance.committed()).isEqualTo(committedTotal);
        assertThat(Money.sum(grant.movements().stream().filter(m -> m.kind() == MovementKind.COMMITMENT).map(m -> m.amount()).toList()))
                .isEqualTo(committedTotal);
        // one reservation and one commitment per committed operation
        assertThat(grant.journal()).hasSize(2 * committed.size());
        // contention did happen: the envelope could not cover every operation
        assertThat(waiting + refused).isPositive();
        assertThat(committed.size()).isGreaterThan(OPERATIONS / 3);
    }
}
