package fr.asso.europlie.plie.funds;

/**
 * The kind of a payment to an operator (nature du paiement).
 */
public enum PaymentKind {
    /** An advance (avance), paid before any service-done check. */
    ADVANCE,
    /** An interim payment (acompte), within the amount accepted by the service-done checks. */
    INTERIM,
    /** The balance (solde), the last payment, within the amount accepted. */
    BALANCE
}
