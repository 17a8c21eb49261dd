package fr.asso.europlie.plie.workflow.internal;

import java.util.function.BooleanSupplier;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The transaction that the application opened (transaction de l'application), which an engine
 * command joins instead of opening its own: in it, a conflict between concurrent changes is the
 * application's to retry, and a command that fails after it changed anything spoils it (marks it
 * rollback-only), so that the application cannot commit half a command even if it catches the
 * failure; see {@link CommandRunner}. Only Spring's is recognised; an engine whose transactions
 * are its own never has one. Spring's classes are loaded only for an engine that Spring manages,
 * so that an application without Spring never needs them.
 */
public final class OuterTransaction implements BooleanSupplier {

    private static final String SPRING_SYNCHRONIZATION =
            "org.springframework.transaction.support.TransactionSynchronizationManager";
    private static final OuterTransaction NONE = new OuterTransaction(() -> false, () -> { });

    private final BooleanSupplier active;
    private final Runnable spoil;

    OuterTransaction(BooleanSupplier active, Runnable spoil) {
        this.active = active;
        this.spoil = spoil;
    }

    /**
     * The application's transactions for an engine.
     *
     * @param configuration the engine's configuration, not null
     * @return Spring's when Spring manages the engine's transactions, otherwise none
     */
    public static OuterTransaction of(ProcessEngineConfigurationImpl configuration) {
        if (configuration.isTransactionsExternallyManaged() && springPresent(configuration)) {
            return SpringTransaction.of(configuration);
        }
        return NONE;
    }

    /**
     * No application transaction, ever: the standalone engine's case.
     *
     * @return the instance
     */
    public static OuterTransaction none() {
        return NONE;
    }

    /**
     * Whether the calling thread runs in the application's own transaction.
     *
     * @return true inside it
     */
    @Override
    public boolean getAsBoolean() {
        return active.getAsBoolean();
    }

    /** Marks the application's current transaction rollback-only (nothing outside one). */
    public void spoil() {
        spoil.run();
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
