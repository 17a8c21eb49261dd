package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.RuleViolationException;
import java.util.Optional;

/**
 * The global grants of the intermediate bodies (les subventions globales): the port through which
 * the application stores them. An update names the revision it was computed from, so that two
 * people reserving the last euros of an envelope at once never over-commit: the second update is
 * refused and retried on the new state.
 */
public interface GlobalGrants {

    /**
     * Finds a grant.
     *
     * @param id not null
     * @return the grant, if stored
     */
    Optional<GlobalGrant> find(GlobalGrantId id);

    /**
     * Gets a grant.
     *
     * @param id not null
     * @return the grant
     * @throws RuleViolationException ({@code PLIE-FUNDS-029}) when not stored
     */
    default GlobalGrant get(GlobalGrantId id) {
        return find(id).orElseThrow(() -> new RuleViolationException(FundsError.NOT_FOUND, "globalGrantId", id));
    }

    /**
     * Stores a new grant.
     *
     * @param grant not null
     * @throws RuleViolationException ({@code PLIE-FUNDS-028}) when a grant with this id exists
     */
    void add(GlobalGrant grant);

    /**
     * Replaces a grant, if nobody changed it since it was read.
     *
     * @param grant the new state, not null
     * @param readRevision the revision of the state it was computed from
     * @throws RuleViolationException ({@code PLIE-FUNDS-028}) when the stored revision differs
     */
    void update(GlobalGrant grant, long readRevision);
}
