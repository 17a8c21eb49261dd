package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.Actor;
import java.util.Map;
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
 */
public final class Tasks {

    private Tasks() {
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
            TaskHelper.changeTaskAssignee(entity, actor.userId());
        }
        if (transientVariables.isEmpty()) {
            taskService.complete(task.getId(), variables);
        } else {
            taskService.complete(task.getId(), variables, transientVariables);
        }
    }
}
