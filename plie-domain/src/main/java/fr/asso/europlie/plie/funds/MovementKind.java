package fr.asso.europlie.plie.funds;

/**
 * The kind of a movement of the ledger (nature du mouvement).
 */
public enum MovementKind {
    /** Part of an envelope reserved for an operation (réservation). */
    RESERVATION,
    /** A reservation given back to the envelope (libération). */
    RELEASE,
    /** The legal commitment of an amount to an operation, taken from its reservation (engagement). */
    COMMITMENT,
    /** A payment to the operator (paiement). */
    PAYMENT,
    /** A commitment given back to the envelope (dégagement, déprogrammation). */
    DECOMMITMENT,
    /** An amount accepted by a service-done check (montant retenu au contrôle de service fait). */
    SERVICE_DONE
}
