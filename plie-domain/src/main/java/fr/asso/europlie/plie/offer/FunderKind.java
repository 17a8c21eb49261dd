package fr.asso.europlie.plie.offer;

/**
 * The kind of a funder in an operation's financing plan (type de cofinanceur).
 */
public enum FunderKind {
    /** The European Social Fund Plus, through the intermediate body (FSE+). */
    ESF_PLUS,
    /** The Département. */
    DEPARTMENT,
    /** An intercommunality or a commune (EPCI, commune). */
    EPCI,
    /** The State (État). */
    STATE,
    /** The Région. */
    REGION,
    /** The operator's own funds (autofinancement). */
    OWN_FUNDS,
    /** Any other public or private funder (autres). */
    OTHER
}
