package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.IntermediateBody;
import fr.asso.europlie.plie.protocol.Negotiation;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolVersion;
import fr.asso.europlie.plie.protocol.Signatory;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may know about a protocol (visibilité): the organisations that are parties of it. An
 * organisation is a party when one of the protocol's texts (under negotiation, or a version in
 * force) names it as a signatory, an intermediate body, the animation structure or the
 * organisation that convenes the steering committee, or when the protocol's audit trail records
 * a step it took (a signatory that withdrew, the animation team of an abandoned protocol). Anyone
 * else gets the same refusal ({@code PLIE-WORKFLOW-030}) whether or not the protocol exists. Runs
 * inside an engine command.
 */
public final class Visibility {

    private Visibility() {
    }

    /**
     * The protocol, when the actor may know about it.
     *
     * @param runtime the library's runtime
     * @param actor who asks
     * @param id the protocol
     * @return the protocol, or empty when unknown or not the actor's to know
     */
    public static Optional<Protocol> find(PlieRuntime runtime, Actor actor, ProtocolId id) {
        // The facade has checked that the actor acts in the plan it serves: the actor's plan is that plan.
        return runtime.protocols(actor.plan()).find(id).filter(protocol -> knows(actor, protocol));
    }

    /**
     * The protocol, which the actor must be allowed to know about.
     *
     * @param runtime the library's runtime
     * @param actor who asks
     * @param id the protocol
     * @return the protocol
     * @throws AccessDeniedException ({@code PLIE-WORKFLOW-030}) when unknown or not the actor's to
     *     know, alike
     */
    public static Protocol require(PlieRuntime runtime, Actor actor, ProtocolId id) {
        return find(runtime, actor, id).orElseThrow(() -> unknown(actor, id));
    }

    /**
     * The refusal given for a protocol that does not exist and for one the actor may not know of.
     *
     * @param actor who asked
     * @param id the protocol
     * @return the refusal
     */
    public static AccessDeniedException unknown(Actor actor, ProtocolId id) {
        return new AccessDeniedException(WorkflowError.UNKNOWN_PROTOCOL, "protocolId", id, actor.organisation());
    }

    /**
     * Whether the actor's organisation is a party of the protocol.
     *
     * @param actor who asks
     * @param protocol the protocol
     * @return true when it may know about it
     */
    public static boolean knows(Actor actor, Protocol protocol) {
        Set<OrganisationId> parties = new LinkedHashSet<>();
        protocol.negotiation().map(Negotiation::content).ifPresent(content -> addParties(content, parties));
        protocol.versions().stream().map(ProtocolVersion::content).forEach(content -> addParties(content, parties));
        return parties.contains(actor.organisation())
                || AuditLog.mentions(actor.plan(), protocol.id().value(), actor.organisation().value());
    }

    private static void addParties(ProtocolContent content, Set<OrganisationId> parties) {
        content.signatories().stream().map(Signatory::id).forEach(parties::add);
        content.intermediateBodies().stream().map(IntermediateBody::id).forEach(parties::add);
        parties.add(content.animationStructure().id());
        parties.add(content.governance().steeringCommittee().convenedBy());
    }
}
