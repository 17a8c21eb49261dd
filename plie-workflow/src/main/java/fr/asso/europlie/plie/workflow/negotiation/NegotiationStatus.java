package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import java.util.List;
import java.util.Objects;

/**
 * Where a protocol's negotiation stands (état de la négociation).
 *
 * @param protocolId the protocol, not null
 * @param state the protocol's lifecycle state, not null
 * @param running whether a negotiation process is running
 * @param round the consultation round (0 before the first, or when none runs)
 * @param waitingFor the open steps, empty when none runs
 * @param versionsInForce how many versions entered into force
 */
public record NegotiationStatus(ProtocolId protocolId, ProtocolState state, boolean running, int round,
        List<WorkItem> waitingFor, int versionsInForce) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException when a component is null
     */
    public NegotiationStatus {
        Objects.requireNonNull(protocolId, "protocolId");
        Objects.requireNonNull(state, "state");
        waitingFor = List.copyOf(waitingFor);
    }

    /**
     * Whether a step is open.
     *
     * @param step the step
     * @return true when at least one organisation must do it
     */
    public boolean waitsFor(NegotiationStep step) {
        return waitingFor.stream().anyMatch(item -> item.step() == step);
    }

    /**
     * Whether a step is open, by its BPMN id: a library step or a step of a customised process.
     *
     * @param taskKey the user task's id in the BPMN
     * @return true when at least one organisation must do it
     */
    public boolean waitsFor(String taskKey) {
        return waitingFor.stream().anyMatch(item -> item.taskKey().equals(taskKey));
    }
}
