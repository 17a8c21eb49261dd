package fr.asso.europlie.plie.workflow.store;

import java.sql.Connection;
import java.util.Objects;
import org.flowable.common.engine.impl.cfg.TransactionContext;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.common.engine.impl.interceptor.CommandContext;

/**
 * The engine's current transaction (transaction du moteur): the JDBC connection of the Flowable
 * command being executed, on which the store reads and writes so that a domain change and the
 * process step that makes it commit or roll back together, and the hook that runs code once that
 * transaction has committed.
 */
public final class EngineTransaction {

    private EngineTransaction() {
    }

    /**
     * The connection of the current engine command.
     *
     * @return the open connection, in the command's transaction
     * @throws IllegalStateException when called outside an engine command
     */
    public static Connection connection() {
        return commandContext().getSession(DbSqlSession.class).getSqlSession().getConnection();
    }

    /**
     * Runs an action after the current engine transaction has committed (never if it rolls back).
     *
     * @param action the action, not null; its failures are the action's own business
     * @throws IllegalStateException when called outside an engine command
     */
    public static void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        commandContext();
        TransactionContext transaction = Context.getTransactionContext();
        if (transaction == null) {
            throw new IllegalStateException("no engine transaction");
        }
        transaction.addTransactionListener(TransactionState.COMMITTED, context -> action.run());
    }

    /**
     * Whether the caller runs inside an engine command.
     *
     * @return true inside a command
     */
    public static boolean active() {
        return Context.getCommandContext() != null;
    }

    private static CommandContext commandContext() {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException("the PLIE store is used only inside an engine command");
        }
        return context;
    }
}
