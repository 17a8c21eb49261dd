package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The identity of a plan (identifiant du PLIE): the scope of everything the engine keeps for
 * one PLIE (its protocols, their processes, tasks and timers, the audit trail, the events),
 * isolated from every other plan on the same engine and database. The same protocol id, the same
 * organisation ids and the same users may appear in several plans without meeting.
 *
 * <p>An application that serves one plan never names it: the engine's facade acts on
 * {@link #DEFAULT}. On Flowable, a plan is a tenant; the default plan is Flowable's "no tenant".
 *
 * @param value 1 to {@value #MAX_LENGTH} characters among letters, digits, {@code .}, {@code _}
 *     and {@code -}, starting with a letter or digit
 */
public record PlanId(String value) implements Comparable<PlanId> {

    /** The longest plan id. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The plan of an application that serves one plan. */
    public static final PlanId DEFAULT = new PlanId("default");

    /**
     * Checks the value.
     *
     * @throws InvalidValueException ({@code PLIE-WORKFLOW-008}) when blank,
     *     ({@code PLIE-WORKFLOW-040}) when too long or of another shape
     */
    public PlanId {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(WorkflowError.REQUIRED, "planId", value);
        }
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException(WorkflowError.INVALID_PLAN_ID, "planId",
                    value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "…" : value, MAX_LENGTH);
        }
    }

    /**
     * A plan id.
     *
     * @param value the id
     * @return the plan id
     */
    public static PlanId of(String value) {
        return new PlanId(value);
    }

    /**
     * Whether this is the default plan.
     *
     * @return true for {@link #DEFAULT}
     */
    public boolean isDefault() {
        return equals(DEFAULT);
    }

    @Override
    public int compareTo(PlanId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
