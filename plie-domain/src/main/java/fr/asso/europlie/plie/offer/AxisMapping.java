package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mapping of programming axes onto the protocol's strategic axes (rattachement des axes de
 * programmation aux axes stratégiques du protocole). It takes the protocol's strategic axes as a
 * plain set, so that the offer does not depend on the protocol aggregate.
 *
 * @param targets the strategic axis of each mapped programming axis, copied
 */
public record AxisMapping(Map<ProgrammingAxis, StrategicAxisId> targets) {

    /**
     * Copies the mapping.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) when null or holding a null
     */
    public AxisMapping {
        if (targets == null || targets.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw new InvalidValueException(OfferError.BLANK, "axisMapping", targets);
        }
        Map<ProgrammingAxis, StrategicAxisId> copy = new EnumMap<>(ProgrammingAxis.class);
        copy.putAll(targets);
        targets = Collections.unmodifiableMap(copy);
    }

    /**
     * A mapping checked against the protocol's strategic axes: every target must be one of them.
     *
     * @param targets the strategic axis of each programming axis
     * @param protocolAxes the protocol's strategic axes
     * @return the mapping
     * @throws InvalidValueException ({@code PLIE-OFFER-007}) naming every unknown strategic axis
     */
    public static AxisMapping of(Map<ProgrammingAxis, StrategicAxisId> targets, Set<StrategicAxisId> protocolAxes) {
        AxisMapping mapping = new AxisMapping(targets);
        List<Violation> violations = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        protocolAxes.forEach(a -> known.add(a.value()));
        mapping.targets.forEach((axis, target) -> {
            if (!protocolAxes.contains(target)) {
                violations.add(Violation.of(OfferError.UNKNOWN_STRATEGIC_AXIS, "axisMapping." + axis, target, known));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
        return mapping;
    }

    /**
     * The strategic axis of a programming axis.
     *
     * @param axis not null
     * @return the strategic axis, empty when not mapped
     */
    public Optional<StrategicAxisId> strategicAxisOf(ProgrammingAxis axis) {
        return Optional.ofNullable(targets.get(axis));
    }

    /**
     * Checks that every axis a call opens is mapped.
     *
     * @param call not null
     * @return one violation ({@code PLIE-OFFER-008}) per open axis not mapped
     */
    public List<Violation> unmappedAxesOf(CallForProposals call) {
        return call.envelopes().keySet().stream()
                .filter(axis -> !targets.containsKey(axis))
                .map(axis -> Violation.of(OfferError.AXIS_NOT_MAPPED, "axisMapping", axis))
                .toList();
    }
}
