package fr.asso.europlie.plie.offer;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Programmings kept in memory, for tests, examples and applications without a database.
 * Thread-safe; updates are optimistic like the database store's.
 */
public final class InMemoryProgrammings implements Programmings {

    private final ConcurrentMap<CallId, ProgrammingRecord> programmings = new ConcurrentHashMap<>();

    @Override
    public Optional<ProgrammingRecord> find(CallId id) {
        return Optional.ofNullable(programmings.get(id));
    }

    @Override
    public void add(ProgrammingRecord programming) {
        ProgrammingRecord earlier = programmings.putIfAbsent(programming.id(), programming);
        if (earlier != null) {
            throw Programmings.conflict(programming.id(), 0, earlier.revision());
        }
    }

    @Override
    public void update(ProgrammingRecord programming, long readRevision) {
        programmings.compute(programming.id(), (id, stored) -> {
            if (stored == null || stored.revision() != readRevision) {
                throw Programmings.conflict(id, readRevision, stored == null ? -1 : stored.revision());
            }
            return programming;
        });
    }
}
