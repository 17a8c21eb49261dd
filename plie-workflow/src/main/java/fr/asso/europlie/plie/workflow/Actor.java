package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.organisation.Identifiers;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who acts (acteur): a person, the organisation it acts for, and the roles it holds there. Every
 * command of the workflows names its actor; the engine checks the actor before anything changes
 * and records it in the history.
 *
 * <p>The user id is kept as people read it ({@link Identifiers#normalise(String)}: no invisible
 * characters, Unicode NFKC, single spaces) and compares without regard to case
 * ({@link #sameUser(String)}); the organisation's id is normalised likewise by
 * {@link OrganisationId}. An id that looks blank is refused, and so is the engine's own name in
 * the audit trail ({@link AuditEntry#SYSTEM}), in any spelling.
 *
 * <p>Roles are held within a plan: the same organisation may hold different roles in different
 * plans, and an actor of one plan is refused on every other ({@code PLIE-WORKFLOW-041}). An
 * application that serves one plan leaves it out: {@link #of} acts on {@link PlanId#DEFAULT}.
 *
 * @param userId the person's identifier in the application, not blank, normalised
 * @param organisation the organisation the person acts for, not null
 * @param roles the roles held for that organisation in that plan, copied, not null (may be empty)
 * @param plan the plan in which the person acts with these roles, not null
 */
public record Actor(String userId, OrganisationId organisation, Set<Role> roles, PlanId plan) {

    /**
     * Checks and copies the components.
     *
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) when the user id looks blank or
     *     the organisation or roles are null; ({@code PLIE-WORKFLOW-033}) when the user id is the
     *     engine's own name
     */
    public Actor {
        if (Identifiers.looksBlank(userId)) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "actor.userId", userId);
        }
        if (Identifiers.samePerson(userId, AuditEntry.SYSTEM)) {
            throw new InvalidValueException(WorkflowError.RESERVED_USER, "actor.userId", userId);
        }
        userId = Identifiers.normalise(userId);
        if (organisation == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "actor.organisation", null);
        }
        if (roles == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "actor.roles", null);
        }
        if (plan == null) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "actor.plan", null);
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * Creates an actor of the default plan.
     *
     * @param userId the person
     * @param organisation the organisation it acts for
     * @param roles its roles there
     */
    public Actor(String userId, OrganisationId organisation, Set<Role> roles) {
        this(userId, organisation, roles, PlanId.DEFAULT);
    }

    /**
     * Creates an actor of the default plan.
     *
     * @param userId the person
     * @param organisation the organisation it acts for
     * @param roles its roles there
     * @return the actor
     */
    public static Actor of(String userId, OrganisationId organisation, Role... roles) {
        return in(PlanId.DEFAULT, userId, organisation, roles);
    }

    /**
     * Creates an actor of a plan.
     *
     * @param plan the plan in which it acts, not null
     * @param userId the person
     * @param organisation the organisation it acts for
     * @param roles its roles there, in that plan
     * @return the actor
     */
    public static Actor in(PlanId plan, String userId, OrganisationId organisation, Role... roles) {
        return new Actor(userId, organisation, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles), plan);
    }

    /**
     * Whether the actor holds a role.
     *
     * @param role the role, not null
     * @return true when held
     */
    public boolean has(Role role) {
        return roles.contains(Objects.requireNonNull(role, "role"));
    }

    /**
     * Whether a user id designates this actor's person: equal as people read them, without regard
     * to case ({@link Identifiers#samePerson}).
     *
     * @param other a user id, may be null
     * @return true for the same person
     */
    public boolean sameUser(String other) {
        return Identifiers.samePerson(userId, other);
    }

    /**
     * Whether the actor acts for the organisation.
     *
     * @param other an organisation, may be null
     * @return true when it is the actor's organisation
     */
    public boolean actsFor(OrganisationId other) {
        return organisation.equals(other);
    }

    @Override
    public String toString() {
        return userId + "@" + organisation + roles + (plan.isDefault() ? "" : " in " + plan);
    }
}
