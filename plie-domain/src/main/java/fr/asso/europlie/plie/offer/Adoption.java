package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The adoption of the annual programming by the plan's steering committee (adoption de la
 * programmation): a governance {@link Decision} with outcome {@link AdoptionOutcome#ADOPT}, the
 * members present and the minutes' reference, and who recorded it when. The {@link Programming}
 * checks it against the plan's steering committee (its members, its quorum) as
 * {@link fr.asso.europlie.plie.protocol.Protocol#adopt} does for the protocol.
 *
 * @param decision the steering committee's decision, not null
 * @param recordedBy the person who recorded it, not blank
 * @param at when, not null
 */
public record Adoption(Decision<AdoptionOutcome> decision, String recordedBy, Instant at) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) naming every missing part
     */
    public Adoption {
        List<Violation> violations = new ArrayList<>();
        if (decision == null) {
            violations.add(Violation.of(OfferError.BLANK, "adoption.decision", null));
        }
        if (recordedBy == null || recordedBy.isBlank()) {
            violations.add(Violation.of(OfferError.BLANK, "adoption.recordedBy", recordedBy));
        }
        if (at == null) {
            violations.add(Violation.of(OfferError.BLANK, "adoption.at", null));
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    /**
     * The meeting's reference (minutes, deliberation number).
     *
     * @return the decision's reference, or the kind of committee when it has none
     */
    public String committeeReference() {
        return decision.reference().orElse(CommitteeKind.STEERING.frenchTerm());
    }
}
