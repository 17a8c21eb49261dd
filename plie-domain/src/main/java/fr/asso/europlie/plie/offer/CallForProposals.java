package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.protocol.ProtocolId;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call for proposals (appel à projets) for one programming year under a protocol: the axes it
 * opens with the envelope of each, the period in which operations must take place, the closing
 * date of applications, and the region category that sets the FSE+ co-financing rate.
 *
 * @param id the call, not null
 * @param protocol the protocol it serves, not null
 * @param year the programming year, not null
 * @param eligibility the period within which each operation must lie, not null
 * @param closingDate the last day applications are accepted, not null
 * @param regionCategory the region category of the plan's territory, not null
 * @param envelopes the envelope of each open axis, zero or more, at least one axis, copied
 */
public record CallForProposals(CallId id, ProtocolId protocol, Year year, OperationPeriod eligibility,
        LocalDate closingDate, RegionCategory regionCategory, Map<ProgrammingAxis, Money> envelopes) {

    /**
     * Checks and copies the components, reporting every problem.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-001} for a missing part, {@code PLIE-OFFER-009}
     *     when no axis is open, {@code PLIE-MONEY-003} for a negative envelope
     */
    public CallForProposals {
        List<Violation> violations = new ArrayList<>();
        String[] names = {"id", "protocol", "year", "eligibility", "closingDate", "regionCategory", "envelopes"};
        Object[] values = {id, protocol, year, eligibility, closingDate, regionCategory, envelopes};
        for (int i = 0; i < names.length; i++) {
            if (values[i] == null) {
                violations.add(Violation.of(OfferError.BLANK, names[i], null));
            }
        }
        if (envelopes != null) {
            if (envelopes.isEmpty()) {
                violations.add(Violation.of(OfferError.NO_OPEN_AXIS, "envelopes", "{}"));
            }
            envelopes.forEach((axis, amount) -> {
                if (amount == null || axis == null) {
                    violations.add(Violation.of(OfferError.BLANK, "envelopes." + axis, null));
                } else {
                    try {
                        amount.requireNonNegative("envelopes." + axis);
                    } catch (PlieException e) {
                        violations.addAll(e.violations());
                    }
                }
            });
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
        envelopes = Collections.unmodifiableMap(new EnumMap<>(envelopes));
    }

    /**
     * The envelope of an axis.
     *
     * @param axis not null
     * @return the envelope, empty when the call does not open the axis
     */
    public Optional<Money> envelope(ProgrammingAxis axis) {
        return Optional.ofNullable(envelopes.get(axis));
    }

    /**
     * Whether the call opens an axis.
     *
     * @param axis not null
     * @return true when open
     */
    public boolean opens(ProgrammingAxis axis) {
        return envelopes.containsKey(axis);
    }

    /**
     * A copy with another envelope for an axis (an amendment of the programming may move envelopes).
     *
     * @param axis not null
     * @param envelope zero or more
     * @return the copy
     */
    public CallForProposals withEnvelope(ProgrammingAxis axis, Money envelope) {
        Map<ProgrammingAxis, Money> copy = new EnumMap<>(envelopes);
        copy.put(axis, envelope);
        return new CallForProposals(id, protocol, year, eligibility, closingDate, regionCategory, copy);
    }
}
