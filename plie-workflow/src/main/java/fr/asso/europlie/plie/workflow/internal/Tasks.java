package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.Actor;
import java.util.Map;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.TaskHelper;
import org.flowable.task.api.Task;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;

/**
 * How the services complete an actor's task, inside the command that checked the actor.
 *
 * <p>The actor is recorded as the task's assignee the way {@code taskService.setAssignee} records
 * it ({@link TaskHelper#changeTaskAssignee}: the task's and its history's assignee, the activity
 * instance's, the assignment events and the participant identity link of the process instance),
 * without the "user link added" comment that {@code setAssignee} also writes in
 * {@code ACT_HI_COMMENT}: setting the assignee and completing the task are one command here, and
 * nothing reads those comments. Flowable's history still names who did each task.
 *
 * <p>The participant identity link: {@code setAssignee} adds one for the assignee (unless the
 * process instance has one for that user already), then the completion adds one for the
 * authenticated user, unconditionally. Here the authenticated user is the actor, who is the
 * assignee (the {@link CommandRunner} sets it), so the first link was the second's duplicate: one
 * more row inserted in {@code ACT_RU_IDENTITYLINK} and in {@code ACT_HI_IDENTITYLINK} for each
 * task, and deleted again at the process's end. The assignee is recorded without it; the
 * completion's link names the same user. Should the authenticated user ever be someone else, the
 * assignee's link is added as {@code setAssignee} adds it.
 */
public final class Tasks {

    private Tasks() {
    }

    /** Flowable's assignment events and task listeners, as {@link TaskHelper#changeTaskAssignee} fires them. */
    private static final class Assignment extends TaskHelper {

        static void fireEvents(TaskEntity task) {
            fireAssignmentEvents(task);
        }
    }

    /**
     * Completes {@code task} as {@code actor}; must run inside a Flowable command (the services'
     * {@link CommandRunner} runs every command in one).
     */
    public static void complete(TaskService taskService, Task task, Actor actor, Map<String, Object> variables,
            Map<String, Object> transientVariables) {
        EngineTransaction.changed();
        TaskEntity entity = CommandContextUtil.getTaskService().getTask(task.getId());
        if (entity == null || entity.isSuspended()) {
            // setAssignee refuses such a task with Flowable's own error (never the case for a task
            // found in this command).
            taskService.setAssignee(task.getId(), actor.userId());
        } else if (!actor.userId().equals(entity.getAssignee())) {
            // TaskHelper.changeTaskAssignee but for its participant link, which the completion adds.
            CommandContextUtil.getTaskService().changeTaskAssignee(entity, actor.userId());
            Assignment.fireEvents(entity);
            if (!actor.userId().equals(Authentication.getAuthenticatedUserId())) {
                TaskHelper.addAssigneeIdentityLinks(entity);
            }
        }
        if (transientVariables.isEmpty()) {
            taskService.complete(task.getId(), variables);
        } else {
            taskService.complete(task.getId(), variables, transientVariables);
        }
    }
}
