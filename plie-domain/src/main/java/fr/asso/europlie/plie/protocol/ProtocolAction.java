package fr.asso.europlie.plie.protocol;

/**
 * What can be done to a protocol; {@link ProtocolState#allows} says when.
 */
public enum ProtocolAction {
    /** Change the draft's content (amender le projet). */
    REVISE,
    /** Record the shared PTI-PLIE diagnostic. */
    RECORD_DIAGNOSTIC,
    /** Open the negotiation with the parties. */
    OPEN_NEGOTIATION,
    /** Adoption by the steering committee. */
    ADOPT,
    /** Deliberation of a signatory's own body. */
    DELIBERATE,
    /** Send the adopted text back to negotiation (a rejection or a request for changes). */
    SEND_BACK,
    /** Withdrawal of a non-mandatory signatory. */
    WITHDRAW,
    /** Signature by one signatory. */
    SIGN,
    /** Entry into force. */
    ENTER_INTO_FORCE,
    /** Proposal of an amendment to an in-force protocol. */
    PROPOSE_AMENDMENT,
    /** End at the end of the period. */
    EXPIRE,
    /** Early end. */
    TERMINATE,
    /** Give up the negotiation. */
    ABANDON
}
