package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The appraisal of an admissible application (instruction) by an animation-team instructor: an
 * opinion and a proposed amount.
 *
 * @param operation the operation appraised, not null
 * @param instructor the person who appraised it, not blank
 * @param opinion the opinion, not null
 * @param proposedAmount the amount proposed for programming, zero or more
 * @param remarks the instructor's remarks, not null (may be empty)
 * @param at when the appraisal was recorded, not null
 */
public record Appraisal(OperationId operation, String instructor, Opinion opinion, Money proposedAmount, String remarks, Instant at) {

    /** The instructor's opinion (avis d'instruction). */
    public enum Opinion {
        /** Favourable (avis favorable). */
        FAVOURABLE,
        /** Favourable with reservations (favorable avec réserves). */
        FAVOURABLE_WITH_RESERVATIONS,
        /** Unfavourable (défavorable). */
        UNFAVOURABLE
    }

    /**
     * Checks the components, reporting every problem.
     *
     * @throws InvalidValueException {@code PLIE-OFFER-001} for a missing part, {@code PLIE-MONEY-003}
     *     for a negative amount
     */
    public Appraisal {
        List<Violation> violations = new ArrayList<>();
        if (operation == null) {
            violations.add(Violation.of(OfferError.BLANK, "appraisal.operation", null));
        }
        if (instructor == null || instructor.isBlank()) {
            violations.add(Violation.of(OfferError.BLANK, "appraisal.instructor", instructor));
        }
        if (opinion == null) {
            violations.add(Violation.of(OfferError.BLANK, "appraisal.opinion", null));
        }
        if (proposedAmount == null) {
            violations.add(Violation.of(OfferError.BLANK, "appraisal.proposedAmount", null));
        } else if (proposedAmount.isNegative()) {
            violations.add(Violation.of(fr.asso.europlie.plie.money.MoneyError.NEGATIVE, "appraisal.proposedAmount", proposedAmount));
        }
        if (remarks == null) {
            violations.add(Violation.of(OfferError.BLANK, "appraisal.remarks", null));
        }
        if (at == null) {
            violations.add(Violation.of(OfferError.BLANK, "appraisal.at", null));
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }
}
