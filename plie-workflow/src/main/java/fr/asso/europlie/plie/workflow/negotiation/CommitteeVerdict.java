package fr.asso.europlie.plie.workflow.negotiation;

/** What the steering committee decides on the negotiated text (décision du comité de pilotage). */
public enum CommitteeVerdict {
    /** Adopt the text (adopter): it goes to the signatories' bodies. */
    ADOPT,
    /** Send it back to consolidation (renvoyer). */
    SEND_BACK,
    /** Abandon the negotiation (abandonner). */
    ABANDON
}
