package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.cohort.ConcurrentParticipantChangeException;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.error.ConflictingChangeException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ConcurrentChangeException;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ConflictException;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandConfig;
import org.flowable.common.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("commands are retried on conflicts, then the conflict is reported, never swallowed")
class CommandRunnerTest {

    /** Runs commands directly, without a database. */
    private static final CommandExecutor DIRECT = new CommandExecutor() {
        @Override
        public CommandConfig getDefaultConfig() {
            return new CommandConfig();
        }

        @Override
        public <T> T execute(CommandConfig config, Command<T> command) {
            return command.execute(null);
        }

        @Override
        public <T> T execute(Command<T> command) {
            return command.execute(null);
        }
    };

    private static final Actor ACTOR = Actor.of("someone", OrganisationId.of("DEPT-24"), Role.SIGNATORY);

    @Test
    @DisplayName("a command that conflicts twice then succeeds returns its result, as the actor")
    void retriedUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> users = new ArrayList<>();
        String result = new CommandRunner(DIRECT, 5).run(ACTOR, "P", () -> {
            users.add(Authentication.getAuthenticatedUserId());
            if (attempts.incrementAndGet() < 3) {
                throw new FlowableOptimisticLockingException("row changed");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(users).containsOnly("someone");
        assertThat(Authentication.getAuthenticatedUserId()).isNull();
    }

    @Test
    @DisplayName("a command that keeps conflicting is reported with PLIE-WORKFLOW-006, the last conflict attached")
    void reportedAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        ConflictException conflict = catchThrowableOfType(ConflictException.class, () -> new CommandRunner(DIRECT, 4)
                .run(ACTOR, "PLIE-X", () -> {
                    attempts.incrementAndGet();
                    throw new ConcurrentChangeException(ProtocolId.of("PLIE-X"), 3, 4);
                }));
        assertThat(attempts).hasValue(4);
        assertThat(conflict.violation().code()).isEqualTo(WorkflowError.CONFLICT);
        assertThat(conflict.getMessage()).contains("PLIE-X").contains("4");
        assertThat(conflict.getSuppressed()).singleElement().isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    @DisplayName("a participant changed meanwhile (PLIE-COHORT-040) is a conflict: the command runs again and succeeds")
    void participantConflictRetried() {
        AtomicInteger attempts = new AtomicInteger();
        String result = new CommandRunner(DIRECT, 3).run(ACTOR, "P-1", () -> {
            if (attempts.incrementAndGet() < 2) {
                throw new ConcurrentParticipantChangeException(ParticipantId.of("P-1"), 2, 3);
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    /** One conflict of each kind the stores throw, each a {@link ConflictingChangeException}. */
    static Stream<Arguments> conflictKinds() {
        return Stream.of(
                Arguments.of("protocol", (Supplier<RuntimeException>) () -> new ConcurrentChangeException(ProtocolId.of("PLIE-X"), 3, 4)),
                Arguments.of("participant", (Supplier<RuntimeException>) () -> conflictOfParticipant()),
                Arguments.of("globalGrant", (Supplier<RuntimeException>) () -> new ConflictingChangeException(FundsError.CONCURRENT_CHANGE,
                        "globalGrant", "globalGrantId", GlobalGrantId.of("GG-2026-1"), 1, 2)),
                Arguments.of("grantAgreement", (Supplier<RuntimeException>) () -> conflictOfAgreement()),
                Arguments.of("programming", (Supplier<RuntimeException>) () -> conflictOfProgramming()));
    }

    /** The conflict the programming stores throw on a stale revision (PLIE-OFFER-041), as the in-memory one throws it. */
    private static RuntimeException conflictOfProgramming() {
        fr.asso.europlie.plie.offer.ProgrammingRecord opened = fr.asso.europlie.plie.offer.ProgrammingRecord.of(
                fr.asso.europlie.plie.offer.OfferFixture.anOpenProgramming(), fr.asso.europlie.plie.offer.OfferFixture.OPERATORS,
                fr.asso.europlie.plie.offer.OfferSettings.defaults());
        fr.asso.europlie.plie.offer.InMemoryProgrammings store = new fr.asso.europlie.plie.offer.InMemoryProgrammings();
        store.add(opened);
        try {
            store.update(opened.next(opened.programming().close()), 0);
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(fr.asso.europlie.plie.offer.ConcurrentProgrammingChangeException.class);
            assertThat(((ConflictingChangeException) e).code()).isEqualTo(fr.asso.europlie.plie.offer.OfferError.CONCURRENT_CHANGE.code());
            return e;
        }
        throw new AssertionError("a stale update was accepted");
    }

    /** The conflict the grant agreement store throws on a stale revision (PLIE-FUNDS-036), as it throws it. */
    private static RuntimeException conflictOfAgreement() {
        fr.asso.europlie.plie.funds.GrantAgreement signed = fr.asso.europlie.plie.funds.GrantAgreement.sign(
                fr.asso.europlie.plie.funds.GrantAgreementId.of("CONV-1"), fr.asso.europlie.plie.offer.OperationId.of("OP-1"),
                fr.asso.europlie.plie.organisation.OrganisationId.of("ASSO"), fr.asso.europlie.plie.organisation.OrganisationId.of("OI"),
                fr.asso.europlie.plie.money.Money.euros(100), fr.asso.europlie.plie.money.Money.euros(200),
                fr.asso.europlie.plie.offer.OperationPeriod.of(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31)),
                java.time.LocalDate.of(2026, 1, 2));
        fr.asso.europlie.plie.funds.InMemoryGrantAgreements store = new fr.asso.europlie.plie.funds.InMemoryGrantAgreements();
        store.add(signed);
        try {
            store.update(signed, 0);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("a stale update was accepted");
    }

    @SuppressWarnings("deprecation")
    private static RuntimeException conflictOfParticipant() {
        return new ConcurrentParticipantChangeException(ParticipantId.of("P-1"), 2, 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conflictKinds")
    @DisplayName("each kind of conflict (protocol, participant, global grant, grant agreement, programming) is retried, and marked by ConflictingChangeException alone")
    void eachConflictKindRetried(String kind, Supplier<RuntimeException> conflict) {
        RuntimeException first = conflict.get();
        assertThat(first).isInstanceOfSatisfying(ConflictingChangeException.class, c -> assertThat(c.subjectKind()).isEqualTo(kind));
        AtomicInteger attempts = new AtomicInteger();
        String result = new CommandRunner(DIRECT, 3).run(ACTOR, "S", () -> {
            if (attempts.incrementAndGet() < 2) {
                throw new FlowableException("wrapped", first);
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    @DisplayName("a refusal with a conflict's code but without the marker is not retried: the marker alone says conflict")
    void onlyTheMarkerIsAConflict() {
        assertThat(CommandRunner.isConflict(new RuleViolationException(FundsError.CONCURRENT_CHANGE, "globalGrantId", "GG-1", 1, 2)))
                .isFalse();
        assertThat(CommandRunner.isConflict(new ConflictingChangeException(FundsError.CONCURRENT_CHANGE, "globalGrant", "globalGrantId",
                "GG-1", 1, 2))).isTrue();
    }

    @Test
    @DisplayName("a failure that is not a conflict is not retried")
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException failure = catchThrowableOfType(IllegalStateException.class, () -> new CommandRunner(DIRECT, 4)
                .run(ACTOR, "P", () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("broken");
                }));
        assertThat(failure).hasMessage("broken");
        assertThat(attempts).hasValue(1);
    }

    @Test
    @DisplayName("what counts as a conflict: serialisation, deadlock, a row deleted meanwhile; not a unique key or a check")
    void conflictsByState() {
        assertThat(CommandRunner.isConflict(new RuntimeException(new java.sql.SQLException("serialisation", "40001"))))
                .isTrue();
        assertThat(CommandRunner.isConflict(new RuntimeException(new java.sql.SQLException("deadlock", "40P01")))).isTrue();
        assertThat(CommandRunner.isConflict(new RuntimeException(new java.sql.SQLException("parent deleted", "23503"))))
                .isTrue();
        assertThat(CommandRunner.isConflict(new RuntimeException(new java.sql.SQLException("check", "23514")))).isFalse();
        assertThat(CommandRunner.isConflict(new IllegalStateException("no"))).isFalse();
    }
}
