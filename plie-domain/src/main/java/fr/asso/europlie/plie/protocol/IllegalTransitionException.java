package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import java.util.List;

/**
 * An action that the protocol's state does not allow ({@code PLIE-PROTOCOL-003}), or a change
 * to a signed protocol other than by amendment ({@code PLIE-PROTOCOL-015}). Names the protocol,
 * the state and the action.
 */
public class IllegalTransitionException extends RuleViolationException {

    private static final long serialVersionUID = 1L;

    private final ProtocolState state;
    private final ProtocolAction action;

    IllegalTransitionException(ProtocolId protocol, ProtocolState state, ProtocolAction action, boolean amendment) {
        super(List.of(state.isSigned() && (action == ProtocolAction.REVISE || action == ProtocolAction.RECORD_DIAGNOSTIC)
                ? Violation.of(ProtocolError.SIGNED_CHANGES_BY_AMENDMENT, "state", protocol, state)
                : Violation.of(ProtocolError.ILLEGAL_TRANSITION, protocol.value(), amendment ? state + " (amendment)" : state, action)));
        this.state = state;
        this.action = action;
    }

    /**
     * The state in which the action was refused.
     *
     * @return the state
     */
    public ProtocolState state() {
        return state;
    }

    /**
     * The refused action.
     *
     * @return the action
     */
    public ProtocolAction action() {
        return action;
    }
}
