package fr.asso.europlie.plie.cohort;

import java.util.Collection;
import java.util.Optional;

/**
 * The referents known to a cohort (les référents): the port through which the caseload rule finds
 * a referent's working time.
 */
public interface Referents {

    /**
     * A referent.
     *
     * @param id the referent, not null
     * @return the referent, empty when unknown
     */
    Optional<Referent> find(ReferentId id);

    /**
     * Registers a referent, or updates its employer and working time.
     *
     * @param referent the referent, not null
     */
    void put(Referent referent);

    /**
     * Every referent, in registration order.
     *
     * @return the referents
     */
    Collection<Referent> all();
}
