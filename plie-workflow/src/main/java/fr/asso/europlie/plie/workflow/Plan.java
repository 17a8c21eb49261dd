package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.commitment.FseCommitment;
import fr.asso.europlie.plie.workflow.cohort.CohortFollowUp;
import fr.asso.europlie.plie.workflow.internal.AuditLog;
import fr.asso.europlie.plie.workflow.internal.CohortService;
import fr.asso.europlie.plie.workflow.internal.CommandRunner;
import fr.asso.europlie.plie.workflow.internal.FseCommitmentService;
import fr.asso.europlie.plie.workflow.internal.PlieRuntime;
import fr.asso.europlie.plie.workflow.internal.ProcessDeployments;
import fr.asso.europlie.plie.workflow.internal.Tenants;
import fr.asso.europlie.plie.workflow.internal.Visibility;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationProcess;
import fr.asso.europlie.plie.workflow.negotiation.ProtocolNegotiation;
import fr.asso.europlie.plie.workflow.programming.ProgrammingApproval;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.flowable.engine.RepositoryService;

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
    private final RepositoryService repository;
    private final FseCommitment fseCommitment;

    private final ProgrammingApproval programming;

    private final CohortFollowUp cohort;

    Plan(PlanId id, String name, ProtocolNegotiation negotiation,
            ProgrammingApproval programming, PlieRuntime runtime,
            CommandRunner runner, RepositoryService repository) {
        this.programming = programming;
        this.id = id;
        this.name = name;
        this.negotiation = negotiation;
        this.runtime = runtime;
        this.runner = runner;
        this.repository = repository;
        this.fseCommitment = new FseCommitmentService(id, runtime, runner);
        this.cohort = new CohortService(id, runtime, runner);
    }

    /**
     * The follow-up of this plan's cohort: participants stored in the engine's database, the
     * commands on their pathways with their actors, the audit trail and the indicator report.
     * Configure it on each node before use ({@link CohortFollowUp#configure}).
     *
     * @return the service
     */
    public CohortFollowUp cohort() {
        return cohort;
    }

    /**
     * The OI's commitment of FSE+ funds in this plan (process C), with its ledger.
     *
     * @return the typed service
     */
    public FseCommitment fseCommitment() {
        return fseCommitment;
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
    public ProgrammingApproval programmingApproval() {
        return programming;
    }

    /**
     * A stored protocol of this plan, as it is now, for a party of it (see docs/workflow.md, "Who
     * may know about a protocol").
     *
     * @param actor who asks, an actor of this plan, not null
     * @param protocolId the protocol, not null
     * @return the protocol, or empty when this plan has none of this id or it is not the actor's
     *     to know (alike)
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-041}) for an actor of another plan
     */
    public Optional<Protocol> protocol(Actor actor, ProtocolId protocolId) {
        requireHere(actor);
        Objects.requireNonNull(protocolId, "protocolId");
        return runner.run(actor, protocolId.value(), () -> Visibility.find(runtime, actor, protocolId));
    }

    /**
     * The audit trail of a protocol of this plan, for a party of it, oldest first.
     *
     * @param actor who asks, an actor of this plan, not null
     * @param protocolId the protocol, not null
     * @return the entries, empty when this plan has no such protocol or it is not the actor's to
     *     know (alike)
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-041}) for an actor of another plan
     */
    public List<AuditEntry> auditTrail(Actor actor, ProtocolId protocolId) {
        requireHere(actor);
        Objects.requireNonNull(protocolId, "protocolId");
        return runner.run(actor, protocolId.value(), () -> Visibility.find(runtime, actor, protocolId).isPresent()
                ? AuditLog.of(id, protocolId.value()) : List.<AuditEntry>of());
    }

    private void requireHere(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.plan().equals(id)) {
            throw new AccessDeniedException(WorkflowError.OTHER_PLAN, "actor.plan", actor.plan());
        }
    }

    /**
     * Deploys this plan's customised copy of the negotiation process (an extra step, such as a
     * legal review, with its candidate groups): this plan's new negotiations run it, those running
     * go on with their version, and the other plans keep theirs. A copy deployed in the default
     * plan is also the one every plan without a copy of its own runs. The copy must keep the
     * process key and every element the library's code names; an unchanged copy is not deployed
     * again, so an application may call this at every start (see docs/workflow.md, <em>Customising
     * a process</em>).
     *
     * @param resourceName the copy's file name, ending in {@code .bpmn20.xml}, not blank
     * @param bpmn the BPMN XML, read to its end and not closed, not null
     * @return the version of the process that this plan's new negotiations now run
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-022}) when it is not a readable BPMN file
     *     of the negotiation process, ({@code -023}) when it lost elements the library relies on,
     *     ({@code -008}) when a value is missing or the name does not end in {@code .bpmn20.xml}
     * @throws UncheckedIOException when the stream cannot be read
     */
    public int deployCustomisedProcess(String resourceName, InputStream bpmn) {
        if (resourceName == null || !resourceName.endsWith(".bpmn20.xml")) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "resourceName", resourceName);
        }
        if (bpmn == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "bpmn", null);
        }
        byte[] xml;
        try {
            xml = bpmn.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProcessDeployments.deployCustomised(repository, Tenants.of(id), NegotiationProcess.KEY,
                NegotiationProcess.RESOURCE, resourceName, xml);
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
