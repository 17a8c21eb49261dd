package fr.asso.europlie.plie.workflow.internal;

import java.util.function.BooleanSupplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's side of {@link OuterTransaction}: the only class of the library's core that names
 * Spring, loaded only when the engine's transactions are Spring's.
 */
final class SpringTransaction {

    private SpringTransaction() {
    }

    /**
     * Whether a Spring transaction (a real one, not a mere synchronisation scope) is active on the
     * calling thread.
     *
     * @return the test
     */
    static BooleanSupplier active() {
        return TransactionSynchronizationManager::isActualTransactionActive;
    }
}
