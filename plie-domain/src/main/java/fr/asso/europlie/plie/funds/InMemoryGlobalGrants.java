package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.ConflictingChangeException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An in-memory store of global grants, for tests and examples: thread-safe, with optimistic
 * locking on the revision.
 */
public final class InMemoryGlobalGrants implements GlobalGrants {

    private final ConcurrentMap<GlobalGrantId, GlobalGrant> grants = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryGlobalGrants() {
    }

    @Override
    public Optional<GlobalGrant> find(GlobalGrantId id) {
        return Optional.ofNullable(grants.get(id));
    }

    @Override
    public void add(GlobalGrant grant) {
        GlobalGrant earlier = grants.putIfAbsent(grant.id(), grant);
        if (earlier != null) {
            throw new ConflictingChangeException(FundsError.CONCURRENT_CHANGE, "globalGrant", "globalGrantId", grant.id(), -1, earlier.revision());
        }
    }

    @Override
    public void update(GlobalGrant grant, long readRevision) {
        grants.compute(grant.id(), (id, stored) -> {
            if (stored == null || stored.revision() != readRevision) {
                throw new ConflictingChangeException(FundsError.CONCURRENT_CHANGE, "globalGrant", "globalGrantId", id, readRevision,
                        stored == null ? -1 : stored.revision());
            }
            return grant;
        });
    }
}
