package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.protocol.TargetPublic;

/**
 * The part of the cohort a report looks at (périmètre): every criterion left null matches all.
 * A period belongs to a slice for the whole report, so that entries, exits and caseloads add up:
 *
 * <ul>
 * <li>referent: the period's referent on the report's last day, or on its exit day if it left before;</li>
 * <li>operation: the period has a step funded by it;</li>
 * <li>operator, axis: the period has a step funded by an operation of that operator, of that axis;</li>
 * <li>target public: the period's target publics include it.</li>
 * </ul>
 *
 * @param referent the referent, or null
 * @param operator the operator, or null
 * @param operation the operation, or null
 * @param axis the strategic axis, or null
 * @param targetPublic the target public, or null
 */
public record Slice(ReferentId referent, OrganisationId operator, OperationId operation, StrategicAxisId axis, TargetPublic targetPublic) {

    /**
     * The whole cohort.
     *
     * @return the slice without criteria
     */
    public static Slice all() {
        return new Slice(null, null, null, null, null);
    }

    /**
     * A copy limited to a referent.
     *
     * @param id the referent
     * @return the slice
     */
    public Slice withReferent(ReferentId id) {
        return new Slice(id, operator, operation, axis, targetPublic);
    }

    /**
     * A copy limited to an operator.
     *
     * @param id the operator
     * @return the slice
     */
    public Slice withOperator(OrganisationId id) {
        return new Slice(referent, id, operation, axis, targetPublic);
    }

    /**
     * A copy limited to an operation.
     *
     * @param id the operation
     * @return the slice
     */
    public Slice withOperation(OperationId id) {
        return new Slice(referent, operator, id, axis, targetPublic);
    }

    /**
     * A copy limited to a strategic axis.
     *
     * @param id the axis
     * @return the slice
     */
    public Slice withAxis(StrategicAxisId id) {
        return new Slice(referent, operator, operation, id, targetPublic);
    }

    /**
     * A copy limited to a target public.
     *
     * @param value the target public
     * @return the slice
     */
    public Slice withTargetPublic(TargetPublic value) {
        return new Slice(referent, operator, operation, axis, value);
    }
}
