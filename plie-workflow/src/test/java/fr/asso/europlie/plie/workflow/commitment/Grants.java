package fr.asso.europlie.plie.workflow.commitment;

import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.RegionCategory;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.Map;
import java.util.TreeMap;

/** Global grants for the commitment tests: every priority of a less developed region (85 %). */
final class Grants {

    private Grants() {
    }

    static GlobalGrant of(GlobalGrantId id, OrganisationId intermediateBody, Map<EnvelopeKey, Money> envelopes) {
        Map<String, RegionCategory> priorities = new TreeMap<>();
        envelopes.keySet().forEach(key -> priorities.put(key.priority(), RegionCategory.LESS_DEVELOPED));
        return GlobalGrant.of(id, intermediateBody, envelopes, priorities);
    }
}
