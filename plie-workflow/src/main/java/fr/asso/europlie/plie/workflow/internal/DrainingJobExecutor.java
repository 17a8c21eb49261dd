package fr.asso.europlie.plie.workflow.internal;

import org.flowable.common.engine.api.async.AsyncTaskExecutor;
import org.flowable.job.service.impl.asyncexecutor.AsyncJobExecutorConfiguration;
import org.flowable.job.service.impl.asyncexecutor.DefaultAsyncJobExecutor;

/**
 * The job executor of an engine the library builds and owns: on shutdown it waits for the jobs
 * it is running before it hands back the jobs it still holds.
 *
 * <p>Flowable's default executor shares the engine's task pool and, when closing, releases the
 * jobs it owns ({@code UnacquireOwnedJobsCmd}) without waiting for those its threads are running:
 * the release and the running job then update the same job row, and either the engine's
 * {@code close()} throws {@code FlowableOptimisticLockingException} or the job, its work done,
 * fails at commit and runs again on the next start. Here the pool is shut down first (no new job
 * starts, those running end within the pool's await-termination period), so that only jobs no
 * thread touches are released. The pool is the engine's and the engine is closing; shutting it
 * down again later is a no-op.
 */
public final class DrainingJobExecutor extends DefaultAsyncJobExecutor {

    /**
     * @param configuration the engine's executor settings (lock owner, lock times, acquisition sizes)
     */
    public DrainingJobExecutor(AsyncJobExecutorConfiguration configuration) {
        super(configuration);
    }

    @Override
    protected void stopExecutingAsyncJobs() {
        AsyncTaskExecutor pool = getTaskExecutor();
        if (pool != null) {
            pool.shutdown();
        }
        super.stopExecutingAsyncJobs();
    }
}
