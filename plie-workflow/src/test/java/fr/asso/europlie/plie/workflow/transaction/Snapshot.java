package fr.asso.europlie.plie.workflow.transaction;

import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStep;
import fr.asso.europlie.plie.workflow.negotiation.Negotiator;
import fr.asso.europlie.plie.workflow.negotiation.WorkItem;
import java.util.List;

/**
 * What a user can see of a protocol at one moment: the stored protocol, its audit trail and the
 * steps waiting in its process.
 *
 * @param protocol the stored protocol, null when none
 * @param audit the audit trail
 * @param waiting the waiting steps, with their organisations
 * @param items the waiting work items
 */
record Snapshot(Protocol protocol, List<AuditEntry> audit, List<NegotiationStep> waiting, List<WorkItem> items) {

    static Snapshot of(PlieEngine engine, ProtocolId id) {
        Protocol protocol = engine.protocol(Negotiator.COORDINATOR, id).orElse(null);
        List<WorkItem> items = protocol == null ? List.of() : engine.protocolNegotiation().status(Negotiator.COORDINATOR, id).waitingFor();
        return new Snapshot(protocol, engine.auditTrail(Negotiator.COORDINATOR, id), items.stream().map(WorkItem::step).toList(), items);
    }

    long revision() {
        return protocol == null ? -1 : protocol.revision();
    }
}
