package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import java.time.LocalDate;
import java.util.List;

/**
 * A version of a protocol that entered into force (version du protocole): version 1 is the
 * protocol as first signed, each amendment (avenant) adds the next. A version never changes
 * once recorded.
 *
 * @param number the version number, from 1
 * @param content the text in force
 * @param inForceFrom the date it entered into force
 * @param amendmentReason why it was amended, or null for version 1
 * @param adoption the steering committee's adoption
 * @param deliberations the signatories' deliberations
 * @param signatures the signatures
 */
public record ProtocolVersion(int number, ProtocolContent content, LocalDate inForceFrom, String amendmentReason,
                              Decision<AdoptionOutcome> adoption, List<Deliberation> deliberations, List<Signature> signatures) {

    /** Copies the lists. */
    public ProtocolVersion {
        deliberations = List.copyOf(deliberations);
        signatures = List.copyOf(signatures);
    }
}
