package fr.asso.europlie.plie.protocol;

import java.util.Optional;

/**
 * The protocols kept by an application (les protocoles): the port through which the domain and
 * the workflows read and store {@link Protocol} aggregates. The library gives an in-memory
 * implementation ({@link InMemoryProtocols}) and, in {@code plie-workflow}, one on the engine's
 * database and transaction.
 *
 * <p>Writes are optimistic: {@link #update} stores a protocol only when the stored one still
 * has the revision the change started from.
 */
public interface Protocols {

    /**
     * The protocol with an id.
     *
     * @param id the id, not null
     * @return the protocol, or empty
     */
    Optional<Protocol> find(ProtocolId id);

    /**
     * The protocol with an id, which must exist.
     *
     * @param id the id, not null
     * @return the protocol
     * @throws fr.asso.europlie.plie.error.RuleViolationException ({@code PLIE-PROTOCOL-030}) when absent
     */
    default Protocol get(ProtocolId id) {
        return find(id).orElseThrow(() -> new fr.asso.europlie.plie.error.RuleViolationException(
                ProtocolError.NOT_FOUND, "protocolId", id));
    }

    /**
     * Stores a new protocol.
     *
     * @param protocol the protocol, whose id is not stored yet
     * @throws ConcurrentChangeException when a protocol with this id exists
     */
    void add(Protocol protocol);

    /**
     * Stores a changed protocol, if the stored one has revision {@code protocol.revision() - n}
     * where n is the number of changes made since it was read; concretely, the caller passes the
     * revision it read.
     *
     * @param protocol the changed protocol
     * @param readRevision the revision of the protocol as it was read
     * @throws ConcurrentChangeException ({@code PLIE-PROTOCOL-029}) when the stored revision differs
     */
    void update(Protocol protocol, long readRevision);
}
