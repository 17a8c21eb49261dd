package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.internal.AuditLog;
import fr.asso.europlie.plie.workflow.internal.CommandRunner;
import fr.asso.europlie.plie.workflow.internal.PlieRuntime;
import fr.asso.europlie.plie.workflow.negotiation.ProtocolNegotiation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One plan on the engine (un PLIE): the scope in which its actors act and its data lives. Every
 * command, read, task list, audit trail and event obtained here concerns this plan only; another
 * plan's protocols, processes and people are invisible from it, even when they share protocol
 * ids, organisation ids or users. Actors must be of this plan ({@link Actor#in}); an actor of
 * another plan is refused ({@code PLIE-WORKFLOW-041}) before anything is read.
 *
 * <p>Obtained from {@link PlieEngine#registerPlan(PlanId, String)}, {@link PlieEngine#plan(PlanId)}
 * or, for an application with a single plan, {@link PlieEngine#defaultPlan()} (the facade's own
 * methods act on it). Thread-safe.
 */
public final class Plan {

    private final PlanId id;
    private final String name;
    private final ProtocolNegotiation negotiation;
    private final PlieRuntime runtime;
    private final CommandRunner runner;

    private final fr.asso.europlie.plie.workflow.programming.ProgrammingApproval programming;

    Plan(PlanId id, String name, ProtocolNegotiation negotiation, PlieRuntime runtime, CommandRunner runner) {
        this(id, name, negotiation, null, runtime, runner);
    }

    Plan(PlanId id, String name, ProtocolNegotiation negotiation, fr.asso.europlie.plie.workflow.programming.ProgrammingApproval programming,
            PlieRuntime runtime, CommandRunner runner) {
        this.programming = programming;
        this.id = id;
        this.name = name;
        this.negotiation = negotiation;
        this.runtime = runtime;
        this.runner = runner;
    }

    /**
     * The plan's id.
     *
     * @return the id
     */
    public PlanId id() {
        return id;
    }

    /**
     * The plan's name, as registered.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The negotiation of this plan's protocols and amendments (process A).
     *
     * @return the service
     */
    public ProtocolNegotiation protocolNegotiation() {
        return negotiation;
    }

    /**
     * The annual programming approval of this plan's calls for proposals (process B).
     *
     * @return the service
     */
    public fr.asso.europlie.plie.workflow.programming.ProgrammingApproval programmingApproval() {
        return programming;
    }

    /**
     * A stored protocol of this plan, as it is now.
     *
     * @param protocolId the protocol, not null
     * @return the protocol, or empty when this plan has none of this id
     */
    public Optional<Protocol> protocol(ProtocolId protocolId) {
        Objects.requireNonNull(protocolId, "protocolId");
        return runner.run(null, protocolId.value(), () -> runtime.protocols(id).find(protocolId));
    }

    /**
     * The audit trail of a protocol of this plan, oldest first.
     *
     * @param protocolId the protocol, not null
     * @return the entries, empty when this plan has no such protocol
     */
    public List<AuditEntry> auditTrail(ProtocolId protocolId) {
        Objects.requireNonNull(protocolId, "protocolId");
        return runner.run(null, protocolId.value(), () -> AuditLog.of(id, protocolId.value()));
    }

    /**
     * Registers a listener of this plan's domain events and reminders (called after commit).
     *
     * @param listener the listener, not null
     */
    public void addListener(WorkflowListener listener) {
        runtime.addListener(id, listener);
    }

    /**
     * Unregisters a listener of this plan.
     *
     * @param listener the listener
     */
    public void removeListener(WorkflowListener listener) {
        runtime.removeListener(id, listener);
    }

    /**
     * The settings this plan runs with on this node.
     *
     * @return the settings
     */
    public WorkflowSettings settings() {
        return runtime.settings(id);
    }

    @Override
    public String toString() {
        return id + " (" + name + ")";
    }
}
