package fr.asso.europlie.plie.workflow.internal;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowable.common.engine.impl.cfg.TransactionContext;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.util.CommandContextUtil;

/**
 * The engine's current transaction (transaction du moteur): the JDBC connection of the Flowable
 * command being executed, on which the store reads and writes so that a domain change and the
 * process step that makes it commit or roll back together, and the hook that runs code once that
 * transaction has committed.
 */
public final class EngineTransaction {

    /** The command-context attribute telling that the library's connection follows the transaction. */
    private static final String ENLISTED = "plie.enlisted";
    /** The command-context attribute holding the actions to run after the runner's own transaction commits. */
    private static final String AFTER_COMMIT = "plie.afterCommit";
    /** The command-context attribute counting the changes made by library commands. */
    private static final String CHANGES = "plie.changes";

    private EngineTransaction() {
    }

    /**
     * The connection of the current engine command.
     *
     * @return the open connection, in the command's transaction
     * @throws IllegalStateException when called outside an engine command
     */
    public static Connection connection() {
        CommandContext context = commandContext();
        DbSqlSession session = context.getSession(DbSqlSession.class);
        if (context.getAttribute(ENLISTED) == null) {
            enlist(context, session);
        }
        return session.getSqlSession().getConnection();
    }

    /**
     * Records that the current command has changed something (a row of the library, a process
     * step): a failure after this point must roll back the caller's whole transaction, see
     * {@link CommandRunner}.
     */
    public static void changed() {
        CommandContext context = Context.getCommandContext();
        if (context != null) {
            Object count = context.getAttribute(CHANGES);
            context.addAttribute(CHANGES, count == null ? 1L : (Long) count + 1);
        }
    }

    /**
     * How many changes the current command context has recorded so far.
     *
     * @return the count, 0 outside a command
     */
    static long changes() {
        CommandContext context = Context.getCommandContext();
        Object count = context == null ? null : context.getAttribute(CHANGES);
        return count == null ? 0 : (Long) count;
    }

    /**
     * Makes the library's plain JDBC writes follow the engine's transaction. MyBatis commits or
     * rolls back its connection only when it wrote through it itself: after a command in which
     * only the library wrote, a rollback did nothing and closing the session (which restores
     * auto-commit) committed the library's rows. The transaction's own listeners force MyBatis to
     * roll back, or commit, whatever it believes. Under Spring (externally managed transactions)
     * no listener is added: Spring's transaction manager commits or rolls back the connection, and
     * its listeners run after the command's MyBatis session is closed, when forcing it would fail.
     */
    private static void enlist(CommandContext context, DbSqlSession session) {
        context.addAttribute(ENLISTED, Boolean.TRUE);
        TransactionContext transaction = Context.getTransactionContext();
        if (transaction == null || externallyManaged(context)) {
            return;
        }
        transaction.addTransactionListener(TransactionState.ROLLINGBACK,
                ignored -> session.getSqlSession().rollback(true));
        transaction.addTransactionListener(TransactionState.COMMITTING,
                ignored -> session.getSqlSession().commit(true));
    }

    private static boolean externallyManaged(CommandContext context) {
        ProcessEngineConfigurationImpl configuration = CommandContextUtil.getProcessEngineConfiguration(context);
        return configuration != null && configuration.isTransactionsExternallyManaged();
    }

    /**
     * Runs an action after the current engine transaction has committed (never if it rolls back).
     *
     * @param action the action, not null; its failures are the action's own business
     * @throws IllegalStateException when called outside an engine command
     */
    public static void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        CommandContext context = commandContext();
        @SuppressWarnings("unchecked")
        List<Runnable> collected = (List<Runnable>) context.getAttribute(AFTER_COMMIT);
        if (collected != null) {
            collected.add(action); // run by the command runner once its transaction has committed
            return;
        }
        TransactionContext transaction = Context.getTransactionContext();
        if (transaction == null) {
            throw new IllegalStateException("no engine transaction");
        }
        transaction.addTransactionListener(TransactionState.COMMITTED, ignored -> action.run());
    }

    /**
     * Makes {@link #afterCommit} collect its actions in a list, for a command whose transaction the
     * {@link CommandRunner} opened and which commits when the command returns: the runner runs them
     * itself once it has returned ({@link #runCommitted}). Flowable would run each committed-state
     * transaction listener in a command of its own, opened with a transaction and a second
     * connection of the pool while the first is still held (on PostgreSQL: the connection's schema
     * set again, read back by HikariCP, and an empty transaction committed, three round trips for
     * nothing, and two connections a command). Not under externally managed transactions (Spring),
     * which commit after the command: their listeners stay the transaction's.
     *
     * @param context the runner's new command context, not null
     * @param actions the list that receives the actions, not null
     */
    static void collectAfterCommit(CommandContext context, List<Runnable> actions) {
        if (!externallyManaged(context)) {
            context.addAttribute(AFTER_COMMIT, Objects.requireNonNull(actions, "actions"));
        }
    }

    /**
     * Runs the actions collected for a command whose transaction has committed, in their order. A
     * failing action stops the rest and is thrown, as a failing transaction listener would be.
     *
     * @param actions the collected actions, not null
     */
    static void runCommitted(List<Runnable> actions) {
        for (Runnable action : actions) {
            action.run();
        }
    }

    /**
     * A map that lives as long as the current engine command, created on first use: what a store
     * already read or locked in this command, keyed as the store likes.
     *
     * @param attribute the command-context attribute naming the map (one per store and plan), not null
     * @param <V> the type of the values
     * @return the command's map, or null outside an engine command
     */
    public static <V> Map<String, V> commandMap(String attribute) {
        Objects.requireNonNull(attribute, "attribute");
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, V> map = (Map<String, V>) context.getAttribute(attribute);
        if (map == null) {
            map = new HashMap<>();
            context.addAttribute(attribute, map);
        }
        return map;
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
