package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;

/**
 * The deliberation of a signatory's own body on the protocol (délibération de l'instance d'un
 * signataire): the Département's standing commission, the EPCI council, the prefect...
 *
 * @param signatory the signatory whose body deliberated, not null
 * @param outcome approve, reject or ask for changes, not null
 * @param reference the reference of the deliberation (e.g. "CP-2022-045"), not blank
 * @param date the date of the deliberation, not null
 * @param reasons the reasons, may be empty, not null
 */
public record Deliberation(OrganisationId signatory, DeliberationOutcome outcome, String reference, LocalDate date,
                           String reasons) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when a component is missing
     */
    public Deliberation {
        if (signatory == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "deliberation.signatory", null);
        }
        if (outcome == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "deliberation.outcome", null);
        }
        if (reference == null || reference.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "deliberation.reference", reference);
        }
        if (date == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "deliberation.date", null);
        }
        reasons = reasons == null ? "" : reasons;
    }
}
