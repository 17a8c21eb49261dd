package fr.asso.europlie.plie.protocol;

import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.List;
import java.util.Optional;

/**
 * A negotiation in progress (négociation en cours): of the initial protocol (version 1), or of an
 * amendment of an in-force protocol (version n+1). It holds the text negotiated, its stage, the
 * consultation round, the adoption, the deliberations and signatures gathered so far.
 *
 * @param version the version it will produce
 * @param content the text negotiated
 * @param stage DRAFT, UNDER_NEGOTIATION, ADOPTED or SIGNED
 * @param round the consultation round, from 1 (0 while a draft)
 * @param amendmentReason why the protocol is amended, or null for the initial negotiation
 * @param adoption the steering committee's decision to adopt, or null before it
 * @param deliberations the deliberations gathered since adoption, copied
 * @param signatures the signatures gathered, copied
 */
public record Negotiation(int version, ProtocolContent content, ProtocolState stage, int round, String amendmentReason,
                          Decision<AdoptionOutcome> adoption, List<Deliberation> deliberations, List<Signature> signatures) {

    /** Copies the lists. */
    public Negotiation {
        deliberations = List.copyOf(deliberations);
        signatures = List.copyOf(signatures);
    }

    /**
     * Whether this negotiation is an amendment.
     *
     * @return true for version 2 or later
     */
    public boolean isAmendment() {
        return amendmentReason != null;
    }

    /**
     * The approving deliberation of a signatory, if any.
     *
     * @param signatory the signatory
     * @return its approval
     */
    public Optional<Deliberation> approvalOf(OrganisationId signatory) {
        return deliberations.stream()
                .filter(d -> d.signatory().equals(signatory) && d.outcome() == DeliberationOutcome.APPROVED)
                .findFirst();
    }

    /**
     * The signature of a signatory, if any.
     *
     * @param signatory the signatory
     * @return its signature
     */
    public Optional<Signature> signatureOf(OrganisationId signatory) {
        return signatures.stream().filter(s -> s.signatory().equals(signatory)).findFirst();
    }

    /**
     * The signatories that have not signed yet.
     *
     * @return their ids, in the protocol's order
     */
    public List<OrganisationId> missingSignatures() {
        return content.signatories().stream().map(Signatory::id).filter(id -> signatureOf(id).isEmpty()).toList();
    }

    Negotiation with(ProtocolContent newContent, ProtocolState newStage, int newRound, Decision<AdoptionOutcome> newAdoption,
                     List<Deliberation> newDeliberations, List<Signature> newSignatures) {
        return new Negotiation(version, newContent, newStage, newRound, amendmentReason, newAdoption, newDeliberations, newSignatures);
    }
}
