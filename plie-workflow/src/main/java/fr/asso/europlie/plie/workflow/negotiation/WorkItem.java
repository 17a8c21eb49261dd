package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ProtocolId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An open step waiting for someone (tâche en attente): which protocol, which step, for which
 * organisation, since when.
 *
 * @param protocolId the protocol, not null
 * @param step the step, not null
 * @param organisation the organisation that must act, null for the steering committee's steps
 * @param since when the step opened, not null
 */
public record WorkItem(ProtocolId protocolId, NegotiationStep step, OrganisationId organisation, Instant since) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException when a required component is null
     */
    public WorkItem {
        Objects.requireNonNull(protocolId, "protocolId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(since, "since");
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
