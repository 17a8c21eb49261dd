package fr.asso.europlie.plie.protocol;

import static fr.asso.europlie.plie.protocol.ProtocolAction.ABANDON;
import static fr.asso.europlie.plie.protocol.ProtocolAction.ADOPT;
import static fr.asso.europlie.plie.protocol.ProtocolAction.DELIBERATE;
import static fr.asso.europlie.plie.protocol.ProtocolAction.ENTER_INTO_FORCE;
import static fr.asso.europlie.plie.protocol.ProtocolAction.EXPIRE;
import static fr.asso.europlie.plie.protocol.ProtocolAction.OPEN_NEGOTIATION;
import static fr.asso.europlie.plie.protocol.ProtocolAction.PROPOSE_AMENDMENT;
import static fr.asso.europlie.plie.protocol.ProtocolAction.RECORD_DIAGNOSTIC;
import static fr.asso.europlie.plie.protocol.ProtocolAction.REVISE;
import static fr.asso.europlie.plie.protocol.ProtocolAction.SEND_BACK;
import static fr.asso.europlie.plie.protocol.ProtocolAction.SIGN;
import static fr.asso.europlie.plie.protocol.ProtocolAction.TERMINATE;
import static fr.asso.europlie.plie.protocol.ProtocolAction.WITHDRAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.error.ViolationAssertions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("the protocol lifecycle: every state x action")
class ProtocolLifecycleTest {

    /** The expected table, written out from RULES.md and PROCESSES.md A, independently of the code. */
    private static final Map<ProtocolState, Set<ProtocolAction>> ALLOWED = Map.of(
            ProtocolState.DRAFT, EnumSet.of(REVISE, RECORD_DIAGNOSTIC, OPEN_NEGOTIATION, ABANDON),
            ProtocolState.UNDER_NEGOTIATION, EnumSet.of(REVISE, RECORD_DIAGNOSTIC, ADOPT, WITHDRAW, ABANDON),
            ProtocolState.ADOPTED, EnumSet.of(DELIBERATE, SIGN, SEND_BACK, WITHDRAW, ABANDON),
            ProtocolState.SIGNED, EnumSet.of(ENTER_INTO_FORCE, TERMINATE),
            ProtocolState.IN_FORCE, EnumSet.of(PROPOSE_AMENDMENT, EXPIRE, TERMINATE),
            ProtocolState.EXPIRED, EnumSet.noneOf(ProtocolAction.class),
            ProtocolState.TERMINATED, EnumSet.noneOf(ProtocolAction.class),
            ProtocolState.ABANDONED, EnumSet.noneOf(ProtocolAction.class));

    /** The state each allowed action leads to, from the same sources. */
    private static ProtocolState expectedState(ProtocolState from, ProtocolAction action) {
        return switch (action) {
            case OPEN_NEGOTIATION -> ProtocolState.UNDER_NEGOTIATION;
            case ADOPT -> ProtocolState.ADOPTED;
            case SEND_BACK -> ProtocolState.UNDER_NEGOTIATION;
            case ENTER_INTO_FORCE -> ProtocolState.IN_FORCE;
            case EXPIRE -> ProtocolState.EXPIRED;
            case TERMINATE -> ProtocolState.TERMINATED;
            case ABANDON -> ProtocolState.ABANDONED;
            // one signature out of five leaves the protocol adopted; the others keep the state
            default -> from;
        };
    }

    private static Supplier<Protocol> protocolIn(ProtocolState state) {
        return switch (state) {
            case DRAFT -> ProtocolFixture::aDraft;
            case UNDER_NEGOTIATION -> ProtocolFixture::underNegotiation;
            case ADOPTED -> ProtocolFixture::adoptedAndApprovedByAllButFranceTravail;
            case SIGNED -> ProtocolFixture::signed;
            case IN_FORCE -> ProtocolFixture::inForce;
            case EXPIRED -> () -> ProtocolFixture.inForce().expire(ProtocolFixture.at(900), ProtocolFixture.ACTOR);
            case TERMINATED -> () -> ProtocolFixture.inForce().terminate("dissolution", ProtocolFixture.at(900), ProtocolFixture.ACTOR);
            case ABANDONED -> () -> ProtocolFixture.aDraft().abandon("no agreement", ProtocolFixture.at(900), ProtocolFixture.ACTOR);
        };
    }

    /** Performs an action with valid arguments. */
    static Protocol perform(Protocol protocol, ProtocolAction action) {
        var at = ProtocolFixture.at(1000);
        String actor = ProtocolFixture.ACTOR;
        return switch (action) {
            case REVISE -> protocol.revise(ProtocolFixture.grandPerigueux().withName("PLIE du Grand Périgueux (révisé)"), at, actor);
            case RECORD_DIAGNOSTIC -> protocol.recordDiagnostic(ProtocolFixture.completeDiagnostic(), at, actor);
            case OPEN_NEGOTIATION -> protocol.openNegotiation(at, actor);
            case ADOPT -> protocol.adopt(ProtocolFixture.adoptionWithQuorum(), at, actor);
            case DELIBERATE -> protocol.deliberate(ProtocolFixture.approval(ProtocolFixture.FRANCE_TRAVAIL), at, actor);
            case SEND_BACK -> protocol.sendBack("changes asked by the Région", at, actor);
            case WITHDRAW -> protocol.withdraw(ProtocolFixture.FRANCE_TRAVAIL, "no longer funds the plan", at, actor);
            case SIGN -> protocol.sign(ProtocolFixture.DEPARTMENT, LocalDate.of(2022, 2, 20), at, actor);
            case ENTER_INTO_FORCE -> protocol.enterIntoForce(LocalDate.of(2024, 1, 1), at, actor);
            case PROPOSE_AMENDMENT -> protocol.proposeAmendment(ProtocolFixture.grandPerigueux().withName("PLIE du Grand Périgueux, avenant 1"),
                    "new QPV", at, actor);
            case EXPIRE -> protocol.expire(at, actor);
            case TERMINATE -> protocol.terminate("dissolution of the plan", at, actor);
            case ABANDON -> protocol.abandon("no agreement on the budget", at, actor);
        };
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> cases = new ArrayList<>();
        for (ProtocolState state : ProtocolState.values()) {
            for (ProtocolAction action : ProtocolAction.values()) {
                cases.add(Arguments.of(state, action, ALLOWED.get(state).contains(action)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} x {1}: allowed = {2}")
    @MethodSource("everyStateAndAction")
    void stateTimesAction(ProtocolState state, ProtocolAction action, boolean allowed) {
        Protocol before = protocolIn(state).get();
        assertThat(before.state()).isEqualTo(state);
        assertThat(before.allows(action)).isEqualTo(allowed);
        if (allowed) {
            Protocol after = perform(before, action);
            assertThat(after.state()).isEqualTo(expectedState(state, action));
            assertThat(after.revision()).isEqualTo(before.revision() + 1);
            assertThat(after.events()).hasSize(before.events().size() + 1).startsWith(before.events().toArray(ProtocolEvent[]::new));
        } else {
            IllegalTransitionException error = catchThrowableOfType(IllegalTransitionException.class, () -> perform(before, action));
            assertThat(error).as("%s refused in %s", action, state).isNotNull();
            assertThat(error.state()).isEqualTo(state);
            assertThat(error.action()).isEqualTo(action);
            boolean changeOfSignedText = state.isSigned() && (action == REVISE || action == RECORD_DIAGNOSTIC);
            if (changeOfSignedText) {
                ViolationAssertions.assertViolation(error, ProtocolError.SIGNED_CHANGES_BY_AMENDMENT, "state", ProtocolFixture.ID.value());
            } else {
                ViolationAssertions.assertViolation(error, ProtocolError.ILLEGAL_TRANSITION, ProtocolFixture.ID.value(), state.name());
                assertThat(error.getMessage(fr.asso.europlie.plie.error.Messages.FRENCH)).contains(action.name());
                assertThat(error.getMessage(fr.asso.europlie.plie.error.Messages.ENGLISH)).contains(action.name());
            }
            assertThat(protocolIn(state).get()).isEqualTo(before);
        }
    }

    /** The table of a pending amendment: its stages, while the protocol stays in force. */
    private static final Map<ProtocolState, Set<ProtocolAction>> AMENDMENT_ALLOWED = Map.of(
            ProtocolState.UNDER_NEGOTIATION, EnumSet.of(REVISE, RECORD_DIAGNOSTIC, ADOPT, WITHDRAW, ABANDON, EXPIRE, TERMINATE),
            ProtocolState.ADOPTED, EnumSet.of(DELIBERATE, SIGN, SEND_BACK, WITHDRAW, ABANDON, EXPIRE, TERMINATE),
            ProtocolState.SIGNED, EnumSet.of(ENTER_INTO_FORCE, EXPIRE, TERMINATE));

    static Stream<Arguments> everyAmendmentStageAndAction() {
        List<Arguments> cases = new ArrayList<>();
        for (ProtocolState stage : AMENDMENT_ALLOWED.keySet()) {
            for (ProtocolAction action : ProtocolAction.values()) {
                cases.add(Arguments.of(stage, action, AMENDMENT_ALLOWED.get(stage).contains(action)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "amendment {0} x {1}: allowed = {2}")
    @MethodSource("everyAmendmentStageAndAction")
    void amendmentStageTimesAction(ProtocolState stage, ProtocolAction action, boolean allowed) {
        Protocol before = ProtocolFixture.inForceWithAmendment(stage);
        assertThat(before.state()).isEqualTo(ProtocolState.IN_FORCE);
        assertThat(before.pendingAmendment()).get().extracting(Negotiation::stage).isEqualTo(stage);
        if (allowed) {
            Protocol after = perform(before, action);
            ProtocolState expected = action == EXPIRE ? ProtocolState.EXPIRED
                    : action == TERMINATE ? ProtocolState.TERMINATED : ProtocolState.IN_FORCE;
            assertThat(after.state()).isEqualTo(expected);
            assertThat(after.versions().get(0)).isEqualTo(before.versions().get(0));
        } else {
            IllegalTransitionException error = catchThrowableOfType(IllegalTransitionException.class, () -> perform(before, action));
            assertThat(error).as("%s refused for an amendment %s", action, stage).isNotNull();
            assertThat(error.action()).isEqualTo(action);
        }
    }
}
