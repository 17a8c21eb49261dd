package fr.asso.europlie.plie.offer;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.time.LocalDate;

/**
 * What the admissibility policies judge an application against (contexte de recevabilité): the
 * call, the operators the plan knows, the settings, and the day the application was submitted.
 *
 * @param call the call for proposals, not null
 * @param operators the known operators, not null
 * @param settings the offer settings, not null
 * @param submittedOn the day of submission, not null
 */
public record AdmissibilityContext(CallForProposals call, Operators operators, OfferSettings settings, LocalDate submittedOn) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-OFFER-001}) for a missing component
     */
    public AdmissibilityContext {
        if (call == null) {
            throw new InvalidValueException(OfferError.BLANK, "call", null);
        }
        if (operators == null) {
            throw new InvalidValueException(OfferError.BLANK, "operators", null);
        }
        if (settings == null) {
            throw new InvalidValueException(OfferError.BLANK, "settings", null);
        }
        if (submittedOn == null) {
            throw new InvalidValueException(OfferError.BLANK, "submittedOn", null);
        }
    }
}
