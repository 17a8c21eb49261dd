package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.ArrayList;
import java.util.List;

/**
 * An operation (opération, action) as its operator applies for it: a funded action run by an
 * operator on a programming axis over a period, with its forecast indicators, its costs and its
 * financing plan.
 *
 * <p>Immutable. The constructor checks only that the parts are present; whether the application is
 * complete, within the call and correctly financed is judged by the admissibility policies
 * ({@link Admissibility}), which report every reason at once. Title and description may be blank
 * in an incomplete application.
 *
 * @param id the operation, not null
 * @param call the call for proposals applied to, not null
 * @param operator the operator that runs it, not null
 * @param axis its programming axis, not null
 * @param title its title, not null (may be blank)
 * @param description its description, not null (may be blank)
 * @param period its period, not null
 * @param forecast its forecast indicators, not null
 * @param costs its costs by category, not null
 * @param financingPlan its resources by funder, not null
 */
public record Operation(OperationId id, CallId call, OrganisationId operator, ProgrammingAxis axis, String title,
        String description, OperationPeriod period, ForecastIndicators forecast, OperationCosts costs,
        FinancingPlan financingPlan) {

    /**
     * Checks that every part is present.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) naming every missing part
     */
    public Operation {
        List<Violation> violations = new ArrayList<>();
        required(violations, "id", id);
        required(violations, "call", call);
        required(violations, "operator", operator);
        required(violations, "axis", axis);
        required(violations, "title", title);
        required(violations, "description", description);
        required(violations, "period", period);
        required(violations, "forecast", forecast);
        required(violations, "costs", costs);
        required(violations, "financingPlan", financingPlan);
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    private static void required(List<Violation> violations, String field, Object value) {
        if (value == null) {
            violations.add(Violation.of(OfferError.BLANK, field, null));
        }
    }

    /**
     * A copy with another financing plan (for instance after the appraisal reduced the FSE+ share).
     *
     * @param plan not null
     * @return the copy
     */
    public Operation withFinancingPlan(FinancingPlan plan) {
        return new Operation(id, call, operator, axis, title, description, period, forecast, costs, plan);
    }

    /**
     * A copy run by another operator.
     *
     * @param newOperator not null
     * @return the copy
     */
    public Operation withOperator(OrganisationId newOperator) {
        return new Operation(id, call, newOperator, axis, title, description, period, forecast, costs, financingPlan);
    }

    /**
     * A copy on another programming axis.
     *
     * @param newAxis not null
     * @return the copy
     */
    public Operation withAxis(ProgrammingAxis newAxis) {
        return new Operation(id, call, operator, newAxis, title, description, period, forecast, costs, financingPlan);
    }

    /**
     * A copy over another period.
     *
     * @param newPeriod not null
     * @return the copy
     */
    public Operation withPeriod(OperationPeriod newPeriod) {
        return new Operation(id, call, operator, axis, title, description, newPeriod, forecast, costs, financingPlan);
    }

    /**
     * A copy applying to another call.
     *
     * @param newCall not null
     * @return the copy
     */
    public Operation withCall(CallId newCall) {
        return new Operation(id, newCall, operator, axis, title, description, period, forecast, costs, financingPlan);
    }

    /**
     * A copy with other costs.
     *
     * @param newCosts not null
     * @return the copy
     */
    public Operation withCosts(OperationCosts newCosts) {
        return new Operation(id, call, operator, axis, title, description, period, forecast, newCosts, financingPlan);
    }
}
