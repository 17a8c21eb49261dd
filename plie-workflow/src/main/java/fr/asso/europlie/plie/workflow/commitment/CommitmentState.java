package fr.asso.europlie.plie.workflow.commitment;

/** Where an operation stands in the OI's commitment of its FSE+ amount. */
public enum CommitmentState {
    /** Its amount (or a reduced one) is reserved in its envelope. */
    RESERVED,
    /** Its envelope could not cover it: on the waiting list until money is released there. */
    WAITING,
    /** Refusal proposed, or unfavourable opinion: nothing reserved, final. */
    REFUSED,
    /** Committed in the ledger by the OI manager. */
    COMMITTED,
    /**
     * Its reservation was released: final when the agreement was cancelled; after an adjourned
     * opinion the operation is appraised again and reserves anew.
     */
    RELEASED
}
