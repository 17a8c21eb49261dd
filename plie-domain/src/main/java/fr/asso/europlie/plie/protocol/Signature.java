package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;

/**
 * One signatory's signature of the protocol or of an amendment (signature).
 *
 * @param signatory the signatory, not null
 * @param date the date of signature, not null
 * @param signedBy who signed for it (a user id), not blank
 */
public record Signature(OrganisationId signatory, LocalDate date, String signedBy) {

    /**
     * Checks the components.
     *
     * @throws InvalidValueException ({@code PLIE-PROTOCOL-001}) when a component is missing
     */
    public Signature {
        if (signatory == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "signature.signatory", null);
        }
        if (date == null) {
            throw new InvalidValueException(ProtocolError.BLANK, "signature.date", null);
        }
        if (signedBy == null || signedBy.isBlank()) {
            throw new InvalidValueException(ProtocolError.BLANK, "signature.signedBy", signedBy);
        }
    }
}
