package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The PTI complementarity marking of an operation by the Département (avis de complémentarité avec
 * le PTI): complementary with or redundant with the PTI's programming, with a justification.
 *
 * @param operation the operation marked, not null
 * @param complementarity the marking, not null
 * @param justification why, not blank
 * @param markedBy the organisation that marks, which must be the Département, not null
 * @param markedByPerson the person who recorded it, not blank
 * @param at when, not null
 */
public record PtiMarking(OperationId operation, Complementarity complementarity, String justification,
        OrganisationId markedBy, String markedByPerson, Instant at) {

    /** The marking (complémentaire / redondant). */
    public enum Complementarity {
        /** Complementary with the PTI's programming (complémentaire). */
        COMPLEMENTARY,
        /** Redundant with the PTI's programming (redondant). */
        REDUNDANT
    }

    /**
     * Checks the components, reporting every problem.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) naming every missing part
     */
    public PtiMarking {
        List<Violation> violations = new ArrayList<>();
        if (operation == null) {
            violations.add(Violation.of(OfferError.BLANK, "ptiMarking.operation", null));
        }
        if (complementarity == null) {
            violations.add(Violation.of(OfferError.BLANK, "ptiMarking.complementarity", null));
        }
        if (justification == null || justification.isBlank()) {
            violations.add(Violation.of(OfferError.BLANK, "ptiMarking.justification", justification));
        }
        if (markedBy == null) {
            violations.add(Violation.of(OfferError.BLANK, "ptiMarking.markedBy", null));
        }
        if (markedByPerson == null || markedByPerson.isBlank()) {
            violations.add(Violation.of(OfferError.BLANK, "ptiMarking.markedByPerson", markedByPerson));
        }
        if (at == null) {
            violations.add(Violation.of(OfferError.BLANK, "ptiMarking.at", null));
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }
}
