package fr.asso.europlie.plie.cohort;

/**
 * The barrier a barrier-removal step addresses (frein périphérique à l'emploi).
 */
public enum BarrierKind {
    /** Mobility (mobilité: driving licence, transport). */
    MOBILITY,
    /** Childcare (garde d'enfants). */
    CHILDCARE,
    /** Health (santé). */
    HEALTH,
    /** Housing (logement). */
    HOUSING,
    /** Another barrier (autre frein). */
    OTHER
}
