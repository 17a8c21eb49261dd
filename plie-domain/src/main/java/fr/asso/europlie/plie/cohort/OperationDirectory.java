package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.AxisMapping;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cohort needs to know of the operations that fund steps (répertoire des opérations): who
 * runs each one and in which strategic axis, for the operator's visibility and the indicator
 * slices. The offer fills it; the cohort does not depend on the offer.
 *
 * @param operations the operations, copied
 */
public record OperationDirectory(Map<OperationId, OperationInfo> operations) {

    /**
     * Copies the map.
     *
     * @throws NullPointerException when null
     */
    public OperationDirectory {
        operations = Map.copyOf(operations);
    }

    /**
     * An empty directory.
     *
     * @return a directory with no operation
     */
    public static OperationDirectory empty() {
        return new OperationDirectory(Map.of());
    }

    /**
     * The directory of programmed operations: each with its operator, and the protocol's strategic
     * axis its programming axis is mapped to. Operations whose axis is not mapped are left out.
     *
     * @param operations the operations, not null
     * @param mapping the mapping of programming axes onto the protocol's strategic axes, not null
     * @return the directory
     */
    public static OperationDirectory of(Collection<Operation> operations, AxisMapping mapping) {
        Map<OperationId, OperationInfo> entries = new HashMap<>();
        for (Operation operation : operations) {
            mapping.strategicAxisOf(operation.axis())
                    .ifPresent(axis -> entries.put(operation.id(), new OperationInfo(operation.operator(), axis)));
        }
        return new OperationDirectory(entries);
    }

    /**
     * The operator and axis of an operation.
     *
     * @param operator the organisation that runs it, not null
     * @param axis the strategic axis it belongs to, not null
     */
    public record OperationInfo(OrganisationId operator, StrategicAxisId axis) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException when one is null
         */
        public OperationInfo {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(axis, "axis");
        }
    }

    /**
     * The operator of an operation.
     *
     * @param operation the operation
     * @return the operator, empty when unknown
     */
    public Optional<OrganisationId> operatorOf(OperationId operation) {
        return Optional.ofNullable(operations.get(operation)).map(OperationInfo::operator);
    }

    /**
     * The strategic axis of an operation.
     *
     * @param operation the operation
     * @return the axis, empty when unknown
     */
    public Optional<StrategicAxisId> axisOf(OperationId operation) {
        return Optional.ofNullable(operations.get(operation)).map(OperationInfo::axis);
    }
}
