package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.offer.OperationId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An in-memory store of grant agreements, for tests and examples: thread-safe, with optimistic
 * locking on the revision (the number of versions).
 */
public final class InMemoryGrantAgreements implements GrantAgreements {

    private final ConcurrentMap<GrantAgreementId, GrantAgreement> agreements = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryGrantAgreements() {
    }

    @Override
    public Optional<GrantAgreement> find(GrantAgreementId id) {
        return Optional.ofNullable(agreements.get(id));
    }

    @Override
    public Optional<GrantAgreement> ofOperation(OperationId operation) {
        return agreements.values().stream().filter(a -> a.operation().equals(operation)).findFirst();
    }

    @Override
    public synchronized void add(GrantAgreement agreement) {
        Optional<GrantAgreement> earlier = find(agreement.id()).or(() -> ofOperation(agreement.operation()));
        if (earlier.isPresent()) {
            throw new fr.asso.europlie.plie.error.ConflictingChangeException(FundsError.AGREEMENT_CONCURRENT_CHANGE, "grantAgreement", "grantAgreementId", agreement.id(), -1,
                    earlier.get().versions().size());
        }
        agreements.put(agreement.id(), agreement);
    }

    @Override
    public synchronized void update(GrantAgreement agreement, long readRevision) {
        GrantAgreement stored = agreements.get(agreement.id());
        if (stored == null || stored.versions().size() != readRevision || !GrantAgreements.extendsStored(stored, agreement)) {
            throw new fr.asso.europlie.plie.error.ConflictingChangeException(FundsError.AGREEMENT_CONCURRENT_CHANGE, "grantAgreement", "grantAgreementId", agreement.id(), readRevision,
                    stored == null ? -1 : stored.versions().size());
        }
        agreements.put(agreement.id(), agreement);
    }
}
