package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.workflow.Role;
import java.util.Optional;

/**
 * A step of the protocol negotiation that a person does (étape): its user task in the BPMN, the
 * role it requires, and the process variable naming the organisation it belongs to (null when
 * it belongs to the steering committee).
 */
public enum NegotiationStep {
    /** The shared PTI-PLIE diagnostic (diagnostic partagé), by the animation team. */
    SHARED_DIAGNOSTIC("sharedDiagnostic", Role.ANIMATION_TEAM, NegotiationProcess.Var.ANIMATION_STRUCTURE),
    /** A party's technical opinion (avis technique). */
    TECHNICAL_OPINION("technicalOpinion", Role.TECHNICAL_STAFF, NegotiationProcess.Var.PARTY),
    /** The consolidation of the remarks (consolidation), by the animation team. */
    CONSOLIDATION("consolidation", Role.ANIMATION_TEAM, NegotiationProcess.Var.ANIMATION_STRUCTURE),
    /** The steering committee's choice after the round limit (poursuivre ou abandonner). */
    ROUND_LIMIT_DECISION("roundLimitDecision", Role.STEERING_COMMITTEE, null),
    /** A funder's confirmation of its contribution (confirmation de la contribution). */
    CONTRIBUTION("confirmContribution", Role.FUNDER, NegotiationProcess.Var.FUNDER),
    /** The steering committee's decision (décision du comité de pilotage). */
    COMMITTEE_DECISION("committeeDecision", Role.STEERING_COMMITTEE, null),
    /** A signatory body's deliberation (délibération). */
    DELIBERATION("deliberation", Role.DELIBERATING_BODY, NegotiationProcess.Var.SIGNATORY),
    /** A signatory's signature (signature). */
    SIGNATURE("signature", Role.SIGNATORY, NegotiationProcess.Var.SIGNATORY);

    private final String taskKey;
    private final Role role;
    private final String organisationVariable;

    NegotiationStep(String taskKey, Role role, String organisationVariable) {
        this.taskKey = taskKey;
        this.role = role;
        this.organisationVariable = organisationVariable;
    }

    /**
     * The user task's id in the BPMN.
     *
     * @return the task definition key
     */
    public String taskKey() {
        return taskKey;
    }

    /**
     * The role the step requires.
     *
     * @return the role
     */
    public Role role() {
        return role;
    }

    /**
     * The process variable that names the organisation doing the step.
     *
     * @return the variable, or null for the steering committee's steps
     */
    public String organisationVariable() {
        return organisationVariable;
    }

    /**
     * The step of a user task.
     *
     * @param taskKey a task definition key
     * @return the step
     * @throws IllegalArgumentException for a task that is not a step of the negotiation
     */
    public static NegotiationStep ofTask(String taskKey) {
        return forTask(taskKey).orElseThrow(
                () -> new IllegalArgumentException("taskKey: not a negotiation step: " + taskKey));
    }

    /**
     * The library step of a user task, if it is one: a customised process may add steps of its own.
     *
     * @param taskKey a task definition key, may be null
     * @return the step, empty for a task the library does not know
     */
    public static Optional<NegotiationStep> forTask(String taskKey) {
        for (NegotiationStep step : values()) {
            if (step.taskKey.equals(taskKey)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
