package fr.asso.europlie.plie.governance;

/**
 * The outcomes of the steering committee's elected consultation on a protocol or an amendment
 * (PROCESSES.md A.5: adoption par le comité de pilotage).
 */
public enum AdoptionOutcome {
    /** Adopted (adopté): the protocol goes to each signatory's deliberating body. */
    ADOPT,
    /** Sent back to consolidation (renvoyé à la consolidation) by the animation team. */
    SEND_BACK,
    /** Abandoned (abandonné), with the reason. */
    ABANDON
}
