package fr.asso.europlie.plie.protocol;

/**
 * The outcome of a signatory body's deliberation on the adopted protocol (sens de la délibération).
 */
public enum DeliberationOutcome {
    /** Approves the protocol and authorises the signature. */
    APPROVED,
    /** Rejects it: the protocol goes back to consolidation. */
    REJECTED,
    /** Asks for changes: the protocol goes back to consolidation. */
    CHANGES_REQUESTED
}
