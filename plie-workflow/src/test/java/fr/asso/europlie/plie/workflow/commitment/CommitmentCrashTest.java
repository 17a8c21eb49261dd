package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Crash and resume of the commitment: the JVM running it is killed, a new engine goes on. */
@DisplayName("the commitment survives a killed JVM: a new engine resumes from the last wait state, nothing lost or doubled")
class CommitmentCrashTest {

    private static final AtomicInteger FILES = new AtomicInteger();

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("crash: the child JVM is killed waiting for the agreement; the operator then signs and the commitment is recorded once")
    void childJvmKilled(Databases.Kind kind) throws Exception {
        String url;
        String schema;
        if (kind == Databases.Kind.H2) {
            Path file = Files.createDirectories(Path.of("target", "crash")).resolve("commitment-" + ProcessHandle.current().pid() + "-"
                    + FILES.incrementAndGet());
            url = PlieEngine.h2FileUrl(file);
            schema = "-";
        } else {
            Databases.Target database = Databases.postgres();
            url = Databases.postgresUrl();
            schema = database.schema();
            database.close();
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingCommitment.class.getName(), url, schema, "OP-1")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the child's output:\n%s", seen).isEqualTo("READY");
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isNotZero();

        Databases.Target reopened = kind == Databases.Kind.H2
                ? Databases.h2File(Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';'))))
                : Databases.postgresSchema(schema);
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-03T08:00:00Z"));
        try (reopened; PlieEngine engine = reopened.engine(clock, WorkflowSettings.defaults()).build()) {
            FseCommitment fse = engine.fseCommitment();
            OperationId op = OperationId.of("OP-1");
            assertThat(fse.view(CrashingCommitment.INSTRUCTOR, op).waitingStep()).isEqualTo(CommitmentProcess.Task.AGREEMENT);
            GlobalGrant before = fse.globalGrant(CrashingCommitment.MANAGER, CrashingCommitment.GRANT).orElseThrow();
            assertThat(before.balance(CrashingCommitment.ENVELOPE).reserved()).isEqualTo(Money.euros(6_000));

            CommitmentView committed = fse.signAgreement(Actor.of("presidente", CrashingCommitment.OPERATOR, Role.OPERATOR), op,
                    fr.asso.europlie.plie.offer.OperationPeriod.of(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31)));
            assertThat(committed.status().state()).isEqualTo(CommitmentState.COMMITTED);
            GlobalGrant after = fse.globalGrant(CrashingCommitment.MANAGER, CrashingCommitment.GRANT).orElseThrow();
            assertThat(after.balance(CrashingCommitment.ENVELOPE).committed()).isEqualTo(Money.euros(6_000));
            assertThat(after.balance(CrashingCommitment.ENVELOPE).reserved()).isEqualTo(Money.ZERO);
            assertThat(after.journal()).extracting(c -> c.getClass().getSimpleName()).containsExactly("Reserve", "Commit");
        }
    }
}
