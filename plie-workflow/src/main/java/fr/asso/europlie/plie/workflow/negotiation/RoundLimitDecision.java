package fr.asso.europlie.plie.workflow.negotiation;

/**
 * The steering committee's choice when the consultation rounds are used up and an opinion is
 * still unfavourable (poursuivre ou abandonner).
 */
public enum RoundLimitDecision {
    /** Go on to the budget negotiation despite the unfavourable opinion. */
    GO_ON,
    /** Abandon the negotiation. */
    ABANDON
}
