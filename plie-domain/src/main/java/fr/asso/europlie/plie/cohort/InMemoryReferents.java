package fr.asso.europlie.plie.cohort;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The referents held in memory, in registration order. Not thread-safe.
 */
public final class InMemoryReferents implements Referents {

    private final Map<ReferentId, Referent> referents = new LinkedHashMap<>();

    /**
     * Creates an empty register.
     */
    public InMemoryReferents() {
    }

    @Override
    public Optional<Referent> find(ReferentId id) {
        return Optional.ofNullable(referents.get(id));
    }

    @Override
    public void put(Referent referent) {
        Objects.requireNonNull(referent, "referent");
        referents.put(referent.id(), referent);
    }

    @Override
    public Collection<Referent> all() {
        return Collections.unmodifiableCollection(referents.values());
    }
}
