package fr.asso.europlie.plie.protocol;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Protocols kept in memory, for tests, examples and applications without a database.
 * Thread-safe; updates are optimistic like the database store's.
 */
public final class InMemoryProtocols implements Protocols {

    private final ConcurrentMap<ProtocolId, Protocol> protocols = new ConcurrentHashMap<>();

    @Override
    public Optional<Protocol> find(ProtocolId id) {
        return Optional.ofNullable(protocols.get(id));
    }

    @Override
    public void add(Protocol protocol) {
        Protocol earlier = protocols.putIfAbsent(protocol.id(), protocol);
        if (earlier != null) {
            throw new ConcurrentChangeException(protocol.id(), 0, earlier.revision());
        }
    }

    @Override
    public void update(Protocol protocol, long readRevision) {
        protocols.compute(protocol.id(), (id, stored) -> {
            if (stored == null || stored.revision() != readRevision) {
                throw new ConcurrentChangeException(id, readRevision, stored == null ? -1 : stored.revision());
            }
            return protocol;
        });
    }
}
