package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flowable.common.engine.impl.interceptor.AbstractCommandInterceptor;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandConfig;
import org.flowable.common.engine.impl.interceptor.CommandExecutor;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.job.service.impl.cmd.ExecuteAsyncRunnableJobCmd;

/**
 * Makes a negotiation's job run by Flowable's async executor take its protocol's row lock first,
 * as every command on the protocol does and as {@code PlieEngine.runDueJobs} does: a consultation's
 * cut-off and a party's opinion given at that moment then run one after the other instead of
 * interleaving inside Flowable's execution tree. Without it the executor's job read the job and
 * its execution, then met the protocol's lock only where its step reads the protocol, if at all.
 *
 * <p>A command interceptor placed after the command context is opened (Flowable's
 * {@code customPostCommandInterceptors}), so the lock is taken in the job's own transaction before
 * the job is read: a job another command ended while this one waited is then found gone, as
 * Flowable expects. The job's process and business key are read with plain SQL, outside Flowable's
 * entity cache, so that no copy read before the lock is used after it. Jobs of other processes,
 * and jobs already gone, go through untouched.
 */
public final class NegotiationJobLock extends AbstractCommandInterceptor {

    @Override
    public <T> T execute(CommandConfig config, Command<T> command, CommandExecutor commandExecutor) {
        if (command instanceof ExecuteAsyncRunnableJobCmd job && job.getJobId() != null) {
            lockProtocolOf(job.getJobId(), false);
        }
        return next.execute(config, command, commandExecutor);
    }

    /**
     * Takes the row lock of the protocol a negotiation's job or due timer acts on, in the current
     * command's transaction; nothing for a job of another process or a job that is gone. The job's
     * process and business key are read with plain SQL (one indexed query), not through Flowable's
     * queries: those put the process instance in the command's entity cache, and a copy read before
     * the lock would then be used after it. Also used by {@code PlieEngine.runDueJobs}, for the
     * timers it moves and the jobs it runs.
     *
     * @param jobId the job's id, not null
     * @param timer true for a timer not yet due ({@code ACT_RU_TIMER_JOB}), false for an
     *     executable job ({@code ACT_RU_JOB})
     */
    public static void lockProtocolOf(String jobId, boolean timer) {
        ProcessEngineConfigurationImpl configuration = CommandContextUtil.getProcessEngineConfiguration();
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        String businessKey;
        String tenant;
        Connection connection = EngineTransaction.connection();
        try (PreparedStatement statement = connection.prepareStatement("SELECT e.BUSINESS_KEY_, e.TENANT_ID_ FROM " + prefix
                + (timer ? "ACT_RU_TIMER_JOB" : "ACT_RU_JOB") + " j JOIN " + prefix + "ACT_RU_EXECUTION e ON e.ID_ = j.PROCESS_INSTANCE_ID_"
                + " WHERE j.ID_ = ? AND j.PROC_DEF_ID_ LIKE ?")) {
            statement.setString(1, jobId);
            statement.setString(2, NegotiationProcess.KEY + ":%");
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return; // not a negotiation's job, or gone: Flowable's command finds out which
                }
                businessKey = row.getString(1);
                tenant = row.getString(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the process of job " + jobId + ": " + e.getMessage(), e);
        }
        if (businessKey != null) {
            PlieRuntime.of(configuration).protocols(Tenants.plan(tenant)).lock(ProtocolId.of(businessKey));
        }
    }
}
