package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.AxisMapping;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cohort needs to know of the operations that fund steps (répertoire des opérations): who
 * runs each one and in which strategic axis, for the operator's visibility and the indicator
 * slices. The offer fills it; the cohort does not depend on the offer.
 *
 * <p>It also knows which operation funds each referent's accompaniment (the PLIE's accompaniment
 * operation, axis 3): for the FSE+ report, a participant takes part in the operations that fund
 * one of its steps and in the accompaniment operation of its referents.
 *
 * @param operations the operations, copied
 * @param accompaniments the accompaniment operation that funds each referent, copied; a referent
 *     absent is funded by no operation
 */
public record OperationDirectory(Map<OperationId, OperationInfo> operations, Map<ReferentId, OperationId> accompaniments) {

    /**
     * A directory without accompaniment operations.
     *
     * @param operations the operations
     * @throws NullPointerException when null
     */
    public OperationDirectory(Map<OperationId, OperationInfo> operations) {
        this(operations, Map.of());
    }

    /**
     * Copies the maps.
     *
     * @throws NullPointerException when null
     */
    public OperationDirectory {
        operations = Map.copyOf(operations);
        accompaniments = Map.copyOf(accompaniments);
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

    /**
     * The operation that funds a referent's accompaniment.
     *
     * @param referent the referent
     * @return the operation, or empty when none funds it
     */
    public Optional<OperationId> accompanimentOf(ReferentId referent) {
        return Optional.ofNullable(accompaniments.get(referent));
    }

    /**
     * A copy where an operation funds a referent's accompaniment.
     *
     * @param referent the referent, not null
     * @param operation the accompaniment operation, not null
     * @return the copy
     */
    public OperationDirectory withAccompaniment(ReferentId referent, OperationId operation) {
        Map<ReferentId, OperationId> all = new HashMap<>(accompaniments);
        all.put(Objects.requireNonNull(referent, "referent"), Objects.requireNonNull(operation, "operation"));
        return new OperationDirectory(operations, all);
    }

    /**
     * The operations a period takes part in, for the FSE+ report: those funding one of its steps,
     * then the accompaniment operations of its referents, each once, in that order.
     *
     * @param period the period, not null
     * @return the operations
     */
    public List<OperationId> operationsOf(AccompanimentPeriod period) {
        List<OperationId> result = new java.util.ArrayList<>();
        for (int s = 0, n = period.stepCount(); s < n; s++) {
            OperationId op = period.stepOperation(s);
            if (op != null && !result.contains(op)) {
                result.add(op);
            }
        }
        for (ReferentAssignment assignment : period.referents()) {
            accompanimentOf(assignment.referent()).filter(op -> !result.contains(op)).ifPresent(result::add);
        }
        return result;
    }
}
