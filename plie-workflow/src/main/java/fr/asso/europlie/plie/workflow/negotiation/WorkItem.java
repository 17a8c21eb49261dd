package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An open step waiting for someone (tâche en attente): which protocol, which step, for which
 * organisation, since when.
 *
 * <p>A step of the library's process is one of the {@link NegotiationStep}s. A process that an
 * application customised may add steps of its own (a legal review...): they are listed by their
 * BPMN id and name, with {@link #step()} null, and with the roles and organisation that their
 * candidate groups name; they are done with {@link ProtocolNegotiation#completeStep}.
 *
 * @param protocolId the protocol, not null
 * @param taskKey the user task's id in the BPMN, not blank
 * @param name the user task's name in the BPMN, its id when it has none
 * @param step the library step, null for a step that a customised process added
 * @param roles the roles that may do it, copied, not null: the step's role for a library step, the
 *     roles that the candidate groups name for an added step (empty when they name none)
 * @param organisation the organisation that must act, null for the steering committee's steps,
 *     and, for an added step, null unless its candidate groups name exactly one organisation
 * @param since when the step opened, not null
 */
public record WorkItem(ProtocolId protocolId, String taskKey, String name, NegotiationStep step, Set<Role> roles,
        OrganisationId organisation, Instant since) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException when a required component is null
     * @throws IllegalArgumentException when the task key is blank, or not the library step's
     */
    public WorkItem {
        Objects.requireNonNull(protocolId, "protocolId");
        Objects.requireNonNull(taskKey, "taskKey");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(since, "since");
        if (taskKey.isBlank()) {
            throw new IllegalArgumentException("taskKey: blank");
        }
        if (step != null && !step.taskKey().equals(taskKey)) {
            throw new IllegalArgumentException("taskKey: " + taskKey + " is not the task of step " + step);
        }
        name = name == null || name.isBlank() ? taskKey : name;
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * An open library step, named by its task id.
     *
     * @param protocolId the protocol, not null
     * @param step the step, not null
     * @param organisation the organisation that must act, null for the steering committee's steps
     * @param since when the step opened, not null
     */
    public WorkItem(ProtocolId protocolId, NegotiationStep step, OrganisationId organisation, Instant since) {
        this(protocolId, Objects.requireNonNull(step, "step").taskKey(), step.taskKey(), step, Set.of(step.role()),
                organisation, since);
    }

    /**
     * The library step.
     *
     * @return the step, empty for a step that a customised process added
     */
    public Optional<NegotiationStep> knownStep() {
        return Optional.ofNullable(step);
    }

    /**
     * The organisation that must act.
     *
     * @return the organisation, empty for the steering committee
     */
    public Optional<OrganisationId> organisationIfAny() {
        return Optional.ofNullable(organisation);
    }
}
