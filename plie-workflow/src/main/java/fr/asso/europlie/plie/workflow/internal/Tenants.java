package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.workflow.PlanId;
import org.flowable.engine.runtime.ProcessInstanceQuery;
import org.flowable.task.api.TaskQuery;

/**
 * Plans as Flowable tenants: a plan's process instances, tasks and jobs carry its id as their
 * tenant id; the default plan is Flowable's "no tenant" (the empty tenant id), so that an
 * application with one plan, and a database written before plans existed, see no tenant at all.
 */
public final class Tenants {

    private Tenants() {
    }

    /**
     * The tenant id of a plan.
     *
     * @param plan the plan, not null
     * @return the tenant id, empty for the default plan
     */
    public static String of(PlanId plan) {
        return plan.isDefault() ? "" : plan.value();
    }

    /**
     * The plan of a tenant id.
     *
     * @param tenantId a tenant id, null or empty for the default plan
     * @return the plan
     */
    public static PlanId plan(String tenantId) {
        return tenantId == null || tenantId.isEmpty() ? PlanId.DEFAULT : PlanId.of(tenantId);
    }

    /**
     * Restricts a query of process instances to a plan.
     *
     * @param query the query
     * @param plan the plan
     * @return the query
     */
    public static ProcessInstanceQuery in(ProcessInstanceQuery query, PlanId plan) {
        return plan.isDefault() ? query.processInstanceWithoutTenantId() : query.processInstanceTenantId(plan.value());
    }

    /**
     * Restricts a query of tasks to a plan.
     *
     * @param query the query
     * @param plan the plan
     * @return the query
     */
    public static TaskQuery in(TaskQuery query, PlanId plan) {
        return plan.isDefault() ? query.taskWithoutTenantId() : query.taskTenantId(plan.value());
    }
}
