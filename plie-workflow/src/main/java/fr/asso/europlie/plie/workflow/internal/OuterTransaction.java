package fr.asso.europlie.plie.workflow.internal;

import java.util.function.BooleanSupplier;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Tells whether the current thread runs inside a transaction that the application opened
 * (transaction de l'application), which an engine command joins instead of opening its own: in
 * it, a conflict between concurrent changes is the application's to retry, see
 * {@link CommandRunner}. Only Spring's is recognised; an engine whose transactions are its own
 * never has one. Spring's classes are loaded only for an engine that Spring manages, so that an
 * application without Spring never needs them.
 */
public final class OuterTransaction {

    private static final String SPRING_SYNCHRONIZATION =
            "org.springframework.transaction.support.TransactionSynchronizationManager";

    private OuterTransaction() {
    }

    /**
     * The test for an engine.
     *
     * @param configuration the engine's configuration, not null
     * @return true while the calling thread is in the application's own transaction
     */
    public static BooleanSupplier of(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isTransactionsExternallyManaged() && springPresent(configuration)) {
            return SpringTransaction.active();
        }
        return () -> false;
    }

    private static boolean springPresent(ProcessEngineConfigurationImpl configuration) {
        ClassLoader loader = configuration.getClass().getClassLoader();
        try {
            Class.forName(SPRING_SYNCHRONIZATION, false, loader == null ? OuterTransaction.class.getClassLoader() : loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
