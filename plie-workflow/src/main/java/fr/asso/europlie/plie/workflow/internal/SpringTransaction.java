package fr.asso.europlie.plie.workflow.internal;

import org.flowable.common.spring.SpringEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's side of {@link OuterTransaction}: the only class of the library's core that names
 * Spring, loaded only when the engine's transactions are externally managed and Spring is there.
 */
final class SpringTransaction {

    private SpringTransaction() {
    }

    /**
     * Spring's transactions for an engine: active when a real Spring transaction (not a mere
     * synchronisation scope) runs on the thread; spoilt the way Spring spoils a transaction in
     * which a participant failed (a participating transaction rolled back: the whole is marked
     * rollback-only, and committing it throws {@code UnexpectedRollbackException}).
     */
    static OuterTransaction of(ProcessEngineConfigurationImpl configuration) {
        PlatformTransactionManager manager = configuration instanceof SpringEngineConfiguration spring
                ? spring.getTransactionManager() : null;
        return new OuterTransaction(TransactionSynchronizationManager::isActualTransactionActive, () -> {
            if (manager != null && TransactionSynchronizationManager.isActualTransactionActive()) {
                TransactionStatus participant = manager.getTransaction(TransactionDefinition.withDefaults());
                manager.rollback(participant);
            }
        });
    }
}
