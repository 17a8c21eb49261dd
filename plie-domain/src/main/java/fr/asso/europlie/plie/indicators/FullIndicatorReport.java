package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.util.Map;

/**
 * The full indicator report of a period (rapport complet): the whole cohort, then the same figures
 * for every referent, operator, operation, axis and target public met in the cohort, all computed in
 * one pass over the participants.
 *
 * @param overall the whole cohort, with completeness
 * @param byReferent the figures by referent
 * @param byOperator the figures by operator
 * @param byOperation the figures by operation
 * @param byAxis the figures by strategic axis
 * @param byTargetPublic the figures by target public code
 */
public record FullIndicatorReport(
        IndicatorReport overall,
        Map<ReferentId, SliceFigures> byReferent,
        Map<OrganisationId, SliceFigures> byOperator,
        Map<OperationId, SliceFigures> byOperation,
        Map<StrategicAxisId, SliceFigures> byAxis,
        Map<String, SliceFigures> byTargetPublic) {

    /**
     * Copies the maps.
     *
     * @throws NullPointerException when one is null
     */
    public FullIndicatorReport {
        byReferent = Map.copyOf(byReferent);
        byOperator = Map.copyOf(byOperator);
        byOperation = Map.copyOf(byOperation);
        byAxis = Map.copyOf(byAxis);
        byTargetPublic = Map.copyOf(byTargetPublic);
    }
}
