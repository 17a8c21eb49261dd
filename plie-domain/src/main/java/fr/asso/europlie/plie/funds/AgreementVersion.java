package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationPeriod;
import java.time.LocalDate;

/**
 * One version of a grant agreement (version de la convention): the initial agreement or an
 * amendment (avenant), with the FSE+ amount, the eligible cost, the period and the signature date.
 *
 * @param number the version's number, from 1
 * @param esfAmount the FSE+ amount committed, above zero and at most the eligible cost
 * @param eligibleCost the eligible cost of the operation, above zero
 * @param period the operation's period, not null
 * @param signedOn the day of signature, not null
 * @param reason why it was amended; empty for the initial agreement, not blank for an amendment
 */
public record AgreementVersion(int number, Money esfAmount, Money eligibleCost, OperationPeriod period, LocalDate signedOn,
        String reason) {

    /**
     * Checks the version, reporting every problem.
     *
     * @throws InvalidValueException {@code PLIE-FUNDS-001}, {@code -002}, {@code -023} or
     *     {@code -026} naming each bad component
     */
    public AgreementVersion {
        Require require = new Require().positive("esfAmount", esfAmount).positive("eligibleCost", eligibleCost)
                .present("period", period).present("signedOn", signedOn);
        if (number < 1) {
            require.add(Violation.of(FundsError.BAD_COUNT, "number", number, 1));
        }
        if (reason == null || number > 1 && reason.isBlank()) {
            require.add(Violation.of(FundsError.BLANK, "reason", reason));
        }
        if (esfAmount != null && eligibleCost != null && esfAmount.isGreaterThan(eligibleCost)) {
            require.add(Violation.of(FundsError.AMOUNT_OVER_COST, "esfAmount", esfAmount, eligibleCost));
        }
        require.orThrow();
    }
}
