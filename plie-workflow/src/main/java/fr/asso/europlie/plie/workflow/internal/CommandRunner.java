package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.ConflictingChangeException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ConflictException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.common.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the library's commands (exécution des commandes): each in one engine transaction, with
 * Flowable's authenticated user set to the actor so that the history names it, and tried again
 * in a fresh transaction when concurrent changes conflict, up to a number of attempts; then the
 * conflict is reported, never swallowed.
 */
public final class CommandRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    /** The command-context attribute set on a command whose transaction the runner opened itself. */
    private static final String OWN_TRANSACTION = "plie.ownTransaction";

    /** H2's codes for a concurrent update, a lock timeout and a deadlock. */
    private static final Set<Integer> H2_CONFLICTS = Set.of(90131, 50200, 40001);

    private final CommandExecutor executor;
    private final int attempts;
    private final BooleanSupplier outerTransaction;
    private final Runnable spoilOuterTransaction;

    /**
     * Creates the runner.
     *
     * @param executor the engine's command executor, not null
     * @param attempts how many times a conflicting command is tried, at least 1
     */
    public CommandRunner(CommandExecutor executor, int attempts) {
        this(executor, attempts, () -> false);
    }

    /**
     * Creates the runner for an engine whose commands may join a transaction that the
     * application opened (Spring).
     *
     * @param executor the engine's command executor, not null
     * @param attempts how many times a conflicting command is tried, at least 1
     * @param outerTransaction tells whether the current thread runs in the application's own
     *     transaction, in which a conflict is not retried, not null
     */
    public CommandRunner(CommandExecutor executor, int attempts, BooleanSupplier outerTransaction) {
        this(executor, attempts, outerTransaction, () -> { });
    }

    /**
     * Creates the runner for an engine whose commands may join the application's transaction, and
     * spoil it when they fail after a change (see {@link OuterTransaction}).
     *
     * @param executor the engine's command executor, not null
     * @param attempts how many times a conflicting command is tried, at least 1
     * @param outer the application's transactions, not null
     */
    public CommandRunner(CommandExecutor executor, int attempts, OuterTransaction outer) {
        this(executor, attempts, outer, outer::spoil);
    }

    private CommandRunner(CommandExecutor executor, int attempts, BooleanSupplier outerTransaction,
            Runnable spoilOuterTransaction) {
        this.executor = executor;
        this.attempts = attempts;
        this.outerTransaction = Objects.requireNonNull(outerTransaction, "outerTransaction");
        this.spoilOuterTransaction = spoilOuterTransaction;
    }

    /**
     * Runs a body in one engine transaction, as an actor.
     *
     * @param <T> the result type
     * @param actor who acts, null for the engine itself
     * @param subject what the command changes (a protocol id), for the conflict report
     * @param body the body; it may call the engine's services, which join its transaction
     * @return the body's result
     * @throws ConflictException when the command still conflicts after every attempt
     */
    public <T> T run(Actor actor, String subject, Supplier<T> body) {
        if (Context.getCommandContext() != null) {
            return joined(actor, body);
        }
        RuntimeException last = null;
        boolean own = !outerTransaction.getAsBoolean();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            String previous = Authentication.getAuthenticatedUserId();
            Authentication.setAuthenticatedUserId(actor == null ? null : actor.userId());
            boolean[] changed = {false};
            List<Runnable> afterCommit = new ArrayList<>();
            boolean committed = false;
            try {
                T result = executor.execute(commandContext -> {
                    if (own && commandContext != null) {
                        commandContext.addAttribute(OWN_TRANSACTION, Boolean.TRUE);
                        EngineTransaction.collectAfterCommit(commandContext, afterCommit);
                    }
                    try {
                        return body.get();
                    } catch (PlieException refusal) {
                        throw new Refusal(refusal);
                    } finally {
                        changed[0] = EngineTransaction.changes() > 0;
                    }
                });
                // The command's own transaction has committed: what waited for it runs now, once, on
                // this thread and outside any command (never retried, even if it fails).
                committed = true;
                EngineTransaction.runCommitted(afterCommit);
                return result;
            } catch (RuntimeException e) {
                if (committed) {
                    throw e;
                }
                boolean outer = outerTransaction.getAsBoolean();
                if (outer && (changed[0] || !(e instanceof Refusal))) {
                    // The command joined the application's transaction (Flowable adds no transaction
                    // of its own there) and failed after it changed something, or for a reason other
                    // than a refusal: that transaction holds half a command and must not commit, even
                    // if the application catches this failure. A refusal before any change leaves it
                    // alone.
                    spoilOuterTransaction.run();
                }
                if (!isConflict(e) || outer) {
                    // A conflict inside the caller's own (Spring) transaction is the caller's to retry:
                    // that transaction is spoilt and a new attempt in it would see the same state.
                    throw e instanceof Refusal refusal ? refusal.refusal() : e;
                }
                last = e instanceof Refusal refusal ? refusal.refusal() : e;
                LOG.debug("conflict on {} (attempt {} of {}): {}", subject, attempt, attempts, e.toString());
                pause(attempt);
            } finally {
                Authentication.setAuthenticatedUserId(previous);
            }
        }
        throw new ConflictException(subject, attempts, last);
    }

    /**
     * Whether the current engine command runs in a transaction that this runner opened itself
     * (not the application's, neither a Flowable command of the application's that the library
     * command joined): a failure there rolls back the whole command whatever it changed, so a
     * refusal after a change in memory changes nothing either.
     *
     * @return true inside a command the runner opened outside any application transaction; false
     *     outside a command, in a joined command or in the application's transaction
     */
    public static boolean ownTransaction() {
        CommandContext context = Context.getCommandContext();
        return context != null && Boolean.TRUE.equals(context.getAttribute(OWN_TRANSACTION));
    }

    /**
     * Runs a body inside the engine command that is already running on this thread: a library
     * command called from the application's own Flowable command, service task or listener. It
     * joins that command's transaction (no retry: a new attempt in the same transaction would
     * see the same state), and when it fails after it changed anything, the whole transaction is
     * marked to roll back, even if the application catches the failure and goes on: Flowable
     * would otherwise commit the half of the command that was done. A refusal before any change
     * (access denied, invalid input) leaves the caller's transaction alone.
     */
    private <T> T joined(Actor actor, Supplier<T> body) {
        CommandContext context = Context.getCommandContext();
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(actor == null ? previous : actor.userId());
        long changesBefore = EngineTransaction.changes();
        try {
            return body.get();
        } catch (RuntimeException | Error e) {
            if (EngineTransaction.changes() != changesBefore && context.getException() == null) {
                context.exception(e);
            }
            throw e;
        } finally {
            Authentication.setAuthenticatedUserId(previous);
        }
    }

    /**
     * Whether an exception, or one of its causes, is a conflict between concurrent changes.
     *
     * @param error any exception
     * @return true for optimistic-locking failures, serialisation failures, deadlocks, lock timeouts and
     *     references to rows another transaction deleted meanwhile (PostgreSQL 23503)
     */
    public static boolean isConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FlowableOptimisticLockingException || cause instanceof ConflictingChangeException) {
                return true; // a protocol, programming, participant or global grant changed since it was read
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 23503: a row this command refers to was deleted meanwhile by another transaction
                // (PostgreSQL, read committed: a user completing a task while a due job ends the same
                // execution); a fresh attempt sees the other's result.
                if ("40001".equals(state) || "40P01".equals(state) || "23503".equals(state)
                        || H2_CONFLICTS.contains(sql.getErrorCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Carries a business refusal through Flowable's command context, marked as already logged:
     * a refusal is an answer to the caller, not an error of the engine, and Flowable would
     * otherwise log it at ERROR level with its stack trace. The runner unwraps it.
     */
    private static final class Refusal extends FlowableException {

        private static final long serialVersionUID = 1L;

        Refusal(PlieException refusal) {
            super(refusal.getMessage(), refusal);
            setLogged(true);
            setReduceLogLevel(true);
        }

        PlieException refusal() {
            return (PlieException) getCause();
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
