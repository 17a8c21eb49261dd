package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.workflow.Role;
import java.util.Arrays;

/**
 * The human steps of the programming approval, each a user task of the BPMN, with the role that
 * does it.
 */
public enum ProgrammingStep {
    /** The animation team closes the call (else the closing date does); applications come in meanwhile. */
    CLOSE_CALL("closeCall", Role.ANIMATION_TEAM),
    /** The animation team assigns an instructor to each application. */
    ASSIGN_INSTRUCTORS("assignInstructors", Role.ANIMATION_TEAM),
    /** An assigned instructor of the animation team appraises an application. */
    APPRAISAL("appraise", Role.ANIMATION_TEAM),
    /** The Département's technical staff marks an application's PTI complementarity. */
    PTI_MARKING("markPti", Role.TECHNICAL_STAFF),
    /** The animation team records the technical committee's opinion on the draft programming. */
    TECHNICAL_OPINION("technicalOpinion", Role.ANIMATION_TEAM),
    /** The steering committee's secretariat records a session's decisions, then closes the session. */
    STEERING_SESSION("steeringSession", Role.STEERING_COMMITTEE);

    private final String taskKey;
    private final Role role;

    ProgrammingStep(String taskKey, Role role) {
        this.taskKey = taskKey;
        this.role = role;
    }

    /**
     * The user task's id in the BPMN.
     *
     * @return the task key
     */
    public String taskKey() {
        return taskKey;
    }

    /**
     * The role that does the step.
     *
     * @return the role
     */
    public Role role() {
        return role;
    }

    /**
     * The step of a user task.
     *
     * @param taskKey the task definition key
     * @return the step
     * @throws IllegalArgumentException for another task
     */
    public static ProgrammingStep ofTask(String taskKey) {
        return Arrays.stream(values()).filter(s -> s.taskKey.equals(taskKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a programming step: " + taskKey));
    }
}
