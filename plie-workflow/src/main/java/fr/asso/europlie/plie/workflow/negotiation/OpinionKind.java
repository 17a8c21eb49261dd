package fr.asso.europlie.plie.workflow.negotiation;

/** The kind of a party's technical opinion on the draft (sens de l'avis). */
public enum OpinionKind {
    /** Favourable (favorable). */
    FAVOURABLE,
    /** Favourable with reservations (favorable avec réserves). */
    FAVOURABLE_WITH_RESERVATIONS,
    /** Unfavourable (défavorable): the draft is revised and the parties consulted again. */
    UNFAVOURABLE,
    /** No opinion given before the end of the grace period (sans avis), recorded by the engine. */
    NO_OPINION
}
