package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a quorum check (résultat du quorum): met or not, and why.
 *
 * @param met true when enough members are present and the mandatory organisation is there
 * @param present the number of distinct members present
 * @param required the number of members the rule requires
 * @param members the committee's number of members
 * @param missingOrganisation the mandatory organisation when none of its members is present,
 *     empty otherwise
 */
public record QuorumResult(boolean met, int present, int required, int members, Optional<OrganisationId> missingOrganisation) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException when {@code missingOrganisation} is null
     */
    public QuorumResult {
        Objects.requireNonNull(missingOrganisation, "missingOrganisation");
    }

    /**
     * Whether enough members are present, whatever the mandatory organisation.
     *
     * @return {@code present >= required}
     */
    public boolean enoughMembers() {
        return present >= required;
    }
}
