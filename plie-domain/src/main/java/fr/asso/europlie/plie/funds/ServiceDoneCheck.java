package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import java.time.Instant;
import java.util.List;

/**
 * A service-done check of an operation (contrôle de service fait, CSF): what the operator declared
 * as done and spent, participants included, and what the controller accepted and rejected, each
 * rejection with its reason. Amounts are the FSE+ amounts claimed for payment.
 *
 * @param operation the operation checked, not null
 * @param controller the person who checked, not blank
 * @param at when the check was concluded, not null
 * @param declared the FSE+ amount declared, zero or more
 * @param rejections the rejected amounts with their reasons, copied; their sum at most the
 *     declared amount
 * @param participantsDeclared the participants declared, zero or more
 * @param participantsAccepted the participants accepted, from zero to the declared number
 */
public record ServiceDoneCheck(OperationId operation, String controller, Instant at, Money declared, List<Rejection> rejections,
        int participantsDeclared, int participantsAccepted) {

    /**
     * A rejected amount with its reason (montant écarté, motif).
     *
     * @param amount the amount rejected, above zero
     * @param reason why, not blank
     */
    public record Rejection(Money amount, String reason) {

        /**
         * Checks the components.
         *
         * @throws InvalidValueException naming every bad component
         */
        public Rejection {
            new Require().positive("rejection.amount", amount).present("rejection.reason", reason).orThrow();
        }
    }

    /**
     * Checks the check.
     *
     * @throws InvalidValueException {@code PLIE-FUNDS-001} for a missing part, {@code PLIE-MONEY-003}
     *     for a negative declaration, {@code PLIE-FUNDS-019} when the rejections exceed the
     *     declaration, {@code PLIE-FUNDS-026} for bad participant counts
     */
    public ServiceDoneCheck {
        Require require = new Require().present("operation", operation).present("controller", controller).present("at", at)
                .nonNegative("declared", declared).present("rejections", rejections);
        if (participantsDeclared < 0) {
            require.add(Violation.of(FundsError.BAD_COUNT, "participantsDeclared", participantsDeclared, 0));
        }
        if (participantsAccepted < 0 || participantsAccepted > participantsDeclared) {
            require.add(Violation.of(FundsError.BAD_COUNT, "participantsAccepted", participantsAccepted, participantsDeclared));
        }
        require.orThrow();
        rejections = List.copyOf(rejections);
        Money rejected = Money.sum(rejections.stream().map(Rejection::amount).toList());
        if (rejected.isGreaterThan(declared)) {
            throw new InvalidValueException(FundsError.REJECTED_OVER_DECLARED, "rejections", rejected, declared);
        }
    }

    /**
     * The amount rejected.
     *
     * @return the sum of the rejections
     */
    public Money rejected() {
        return Money.sum(rejections.stream().map(Rejection::amount).toList());
    }

    /**
     * The amount accepted: declared minus rejected.
     *
     * @return the accepted amount, zero or more
     */
    public Money accepted() {
        return declared.minus(rejected());
    }
}
