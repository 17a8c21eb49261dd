package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.money.Money;

/**
 * Where an envelope of the global grant stands (situation de l'enveloppe).
 *
 * @param envelope the envelope's key
 * @param amount the envelope's amount
 * @param reserved the amounts reserved and not yet committed or released
 * @param committed the commitments net of decommitments
 * @param paid the payments
 * @param available what can still be reserved: amount minus reserved minus committed
 */
public record EnvelopeBalance(EnvelopeKey envelope, Money amount, Money reserved, Money committed, Money paid, Money available) {
}
