package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ProtocolId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A reminder (relance) sent when a deadline of a negotiation passes: which organisations still
 * owe what, on which protocol.
 *
 * @param protocolId the protocol, not null
 * @param step the step that is late, such as {@code TECHNICAL_OPINION}, not blank
 * @param late the organisations that have not answered, copied, not null
 * @param at when the reminder was sent, not null
 */
public record Reminder(ProtocolId protocolId, String step, List<OrganisationId> late, Instant at) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException when a component is null
     */
    public Reminder {
        Objects.requireNonNull(protocolId, "protocolId");
        Objects.requireNonNull(step, "step");
        late = List.copyOf(late);
        Objects.requireNonNull(at, "at");
    }
}
