package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.offer.OperationId;
import java.util.Optional;

/**
 * The grant agreements of the intermediate body (les conventions attributives): the port through
 * which the application stores them, one per operation. An agreement's revision is its number of
 * versions; an update names the revision it was computed from and must extend the stored agreement
 * by its amendments, so that two amendments made at once never lose one.
 */
public interface GrantAgreements {

    /**
     * Finds an agreement.
     *
     * @param id not null
     * @return the agreement, if stored
     */
    Optional<GrantAgreement> find(GrantAgreementId id);

    /**
     * Finds the agreement of an operation.
     *
     * @param operation not null
     * @return the agreement, if one is stored for the operation
     */
    Optional<GrantAgreement> ofOperation(OperationId operation);

    /**
     * Gets an agreement.
     *
     * @param id not null
     * @return the agreement
     * @throws RuleViolationException ({@code PLIE-FUNDS-037}) when not stored
     */
    default GrantAgreement get(GrantAgreementId id) {
        return find(id).orElseThrow(() -> new RuleViolationException(FundsError.AGREEMENT_NOT_FOUND, "grantAgreementId", id));
    }

    /**
     * Stores a new agreement (its first version).
     *
     * @param agreement not null
     * @throws RuleViolationException ({@code PLIE-FUNDS-036}) when an agreement with this id, or for
     *     this operation, exists
     */
    void add(GrantAgreement agreement);

    /**
     * Replaces an agreement by its amended state, if nobody changed it since it was read.
     *
     * @param agreement the new state, not null: the stored one plus at least one amendment
     * @param readRevision the number of versions of the state it was computed from
     * @throws RuleViolationException ({@code PLIE-FUNDS-036}) when the stored revision differs, or
     *     when the new state does not extend the stored one (another operation or operator, a
     *     rewritten version or simplified cost options)
     */
    void update(GrantAgreement agreement, long readRevision);

    /**
     * Whether an amended agreement extends a stored one: the same agreement, operation, operator,
     * OI and simplified cost options, the stored versions as its beginning and at least one more.
     *
     * @param stored the stored agreement, not null
     * @param amended the new state, not null
     * @return true when the update only adds amendments
     */
    static boolean extendsStored(GrantAgreement stored, GrantAgreement amended) {
        return stored.id().equals(amended.id()) && stored.operation().equals(amended.operation())
                && stored.operator().equals(amended.operator()) && stored.intermediateBody().equals(amended.intermediateBody())
                && stored.simplifiedCostOptions().equals(amended.simplifiedCostOptions())
                && amended.versions().size() > stored.versions().size()
                && amended.versions().subList(0, stored.versions().size()).equals(stored.versions());
    }
}
