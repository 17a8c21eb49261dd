package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.OperationPeriod;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ChildJvm;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.internal.JdbcGlobalGrants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Crash and resume of the commitment: the JVM running it is killed, a new engine goes on. */
@DisplayName("the commitment survives a killed JVM: a new engine resumes from the last wait state, nothing lost or doubled")
class CommitmentCrashTest {

    private static final AtomicInteger FILES = new AtomicInteger();
    private static final OperationId OP = OperationId.of("OP-1");
    private static final Actor SIGNATORY = Actor.of("presidente", CrashingCommitment.OPERATOR, Role.OPERATOR);
    private static final OperationPeriod PERIOD = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

    /** The database a child JVM crashes on: its URL and schema ("-" for H2) for the child, and how to reopen it. */
    private record CrashDatabase(Databases.Kind kind, String url, String schema) {

        static CrashDatabase of(Databases.Kind kind) throws Exception {
            if (kind == Databases.Kind.H2) {
                Path file = Files.createDirectories(Path.of("target", "crash")).resolve("commitment-" + ProcessHandle.current().pid() + "-"
                        + FILES.incrementAndGet());
                return new CrashDatabase(kind, PlieEngine.h2FileUrl(file), "-");
            }
            Databases.Target database = Databases.postgres();
            String schema = database.schema();
            database.close();
            return new CrashDatabase(kind, Databases.postgresUrl(), schema);
        }

        Databases.Target reopen() {
            return kind == Databases.Kind.H2 ? Databases.h2File(Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';'))))
                    : Databases.postgresSchema(schema);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("crash: the child JVM is killed waiting for the agreement; the operator then signs and the commitment is recorded once")
    void childJvmKilled(Databases.Kind kind) throws Exception {
        CrashDatabase crash = CrashDatabase.of(kind);
        try (ChildJvm child = ChildJvm.start(CrashingCommitment.class, crash.url(), crash.schema(), OP.value())) {
            child.awaitLine("READY");
            assertThat(child.kill()).isNotZero();
        }
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-03T08:00:00Z"));
        Databases.Target reopened = crash.reopen();
        try (reopened; PlieEngine engine = reopened.engine(clock, WorkflowSettings.defaults()).build()) {
            FseCommitment fse = engine.fseCommitment();
            assertThat(fse.view(CrashingCommitment.INSTRUCTOR, OP).waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT);
            GlobalGrant before = fse.globalGrant(CrashingCommitment.MANAGER, CrashingCommitment.GRANT).orElseThrow();
            assertThat(before.balance(CrashingCommitment.ENVELOPE).reserved()).isEqualTo(Money.euros(6_000));

            CommitmentView committed = fse.signAgreement(SIGNATORY, OP, PERIOD);
            assertThat(committed.status().state()).isEqualTo(CommitmentState.COMMITTED);
            GlobalGrant after = fse.globalGrant(CrashingCommitment.MANAGER, CrashingCommitment.GRANT).orElseThrow();
            assertThat(after.balance(CrashingCommitment.ENVELOPE).committed()).isEqualTo(Money.euros(6_000));
            assertThat(after.balance(CrashingCommitment.ENVELOPE).reserved()).isEqualTo(Money.ZERO);
            assertThat(after.journal()).extracting(c -> c.getClass().getSimpleName()).containsExactly("Reserve", "Commit");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("crash inside the commitment's transaction, after the ledger write and before the commit: nothing of it is seen (journal, balances, agreement, audit, process); the commitment retried under its key is applied once and the process goes to its end")
    void childJvmKilledInsideTheLedgerTransaction(Databases.Kind kind) throws Exception {
        CrashDatabase crash = CrashDatabase.of(kind);
        // PostgreSQL is watched while the child runs; the H2 file is the child's alone until it dies
        Databases.Target watched = kind == Databases.Kind.POSTGRESQL ? crash.reopen() : null;
        try (ChildJvm child = ChildJvm.start(CrashingCommitment.class, crash.url(), crash.schema(), OP.value(), "in-ledger")) {
            child.awaitLine("SIGNING");
            long backend = 0;
            if (kind == Databases.Kind.H2) {
                child.awaitLine("IN_TRANSACTION");
            } else {
                backend = StallingTrigger.stalledSession(watched, child, "plie_ledger_entry");
            }
            assertThat(child.kill()).isNotZero();
            if (kind == Databases.Kind.POSTGRESQL) {
                // the server would notice the dead client at its next write; the test ends the orphaned session now
                StallingTrigger.execute(watched, "SELECT pg_terminate_backend(" + backend + ")");
            }
        }
        Databases.Target reopened = watched != null ? watched : crash.reopen();
        if (kind == Databases.Kind.POSTGRESQL) {
            StallingTrigger.execute(reopened, "DROP TRIGGER " + CrashingCommitment.TRIGGER + " ON plie_ledger_entry",
                    "DROP FUNCTION " + CrashingCommitment.TRIGGER + "()");
        } else {
            StallingTrigger.execute(reopened, "DROP TRIGGER " + CrashingCommitment.TRIGGER);
        }

        try (reopened; LedgerEngine resumed = new LedgerEngine(reopened)) {
            FseCommitment fse = resumed.engine.fseCommitment();
            JdbcGlobalGrants store = new JdbcGlobalGrants(PlanId.DEFAULT, resumed.clock);
            // nothing of the half-done commitment: journal rows, balances, agreement, audit, process state
            assertThat(resumed.inTransaction(() -> store.entries(CrashingCommitment.GRANT))).extracting(JdbcGlobalGrants.Entry::kind)
                    .containsExactly("Reserve");
            GlobalGrant before = fse.globalGrant(CrashingCommitment.MANAGER, CrashingCommitment.GRANT).orElseThrow();
            assertThat(before.balance(CrashingCommitment.ENVELOPE).reserved()).isEqualTo(Money.euros(6_000));
            assertThat(before.balance(CrashingCommitment.ENVELOPE).committed()).isEqualTo(Money.ZERO);
            assertThat(fse.agreement(CrashingCommitment.MANAGER, OP)).isEmpty();
            assertThat(fse.history(CrashingCommitment.MANAGER, OP)).extracting(AuditEntry::step)
                    .doesNotContain(CommitmentProcess.Task.AGREEMENT);
            CommitmentView waiting = fse.view(CrashingCommitment.INSTRUCTOR, OP);
            assertThat(waiting.waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT);
            assertThat(waiting.status().state()).isEqualTo(CommitmentState.RESERVED);
            assertThat(fse.execution(CrashingCommitment.MANAGER, OP).running()).isFalse();

            // the operator signs again: the commitment is made under the same key, once
            CommitmentView committed = fse.signAgreement(SIGNATORY, OP, PERIOD);
            assertThat(committed.running()).isFalse();
            assertThat(committed.status().state()).isEqualTo(CommitmentState.COMMITTED);
            CommitmentStatus retried = resumed.ledger.commit(CrashingCommitment.GRANT, OP, Money.euros(6_000), Money.euros(12_000),
                    CrashingCommitment.MANAGER.userId(), IdempotencyKey.of("OP-1/commit/0"));
            assertThat(retried.amount()).isEqualTo(Money.euros(6_000));
            assertThat(resumed.inTransaction(() -> store.entries(CrashingCommitment.GRANT))).extracting(JdbcGlobalGrants.Entry::kind)
                    .containsExactly("Reserve", "Commit");
            GlobalGrant after = fse.globalGrant(CrashingCommitment.MANAGER, CrashingCommitment.GRANT).orElseThrow();
            assertThat(after.balance(CrashingCommitment.ENVELOPE).committed()).isEqualTo(Money.euros(6_000));
            assertThat(after.balance(CrashingCommitment.ENVELOPE).reserved()).isEqualTo(Money.ZERO);
            assertThat(fse.agreement(SIGNATORY, OP).orElseThrow().current().esfAmount()).isEqualTo(Money.euros(6_000));
            assertThat(fse.history(CrashingCommitment.MANAGER, OP)).filteredOn(e -> e.step().equals(CommitmentProcess.Task.AGREEMENT))
                    .hasSize(1);
            assertThat(fse.execution(SIGNATORY, OP).running()).isTrue();
        }
    }
}
