package fr.asso.europlie.plie.funds;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.money.MoneyError;
import java.util.ArrayList;
import java.util.List;

/** Collects the violations of a value's components, then throws them all at once. */
final class Require {

    private final List<Violation> violations = new ArrayList<>();

    Require present(String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            violations.add(Violation.of(FundsError.BLANK, field, value));
        }
        return this;
    }

    Require positive(String field, Money amount) {
        if (amount == null) {
            violations.add(Violation.of(FundsError.BLANK, field, null));
        } else if (!amount.isPositive()) {
            violations.add(Violation.of(FundsError.NOT_POSITIVE, field, amount));
        }
        return this;
    }

    Require nonNegative(String field, Money amount) {
        if (amount == null) {
            violations.add(Violation.of(FundsError.BLANK, field, null));
        } else if (amount.isNegative()) {
            violations.add(Violation.of(MoneyError.NEGATIVE, field, amount));
        }
        return this;
    }

    Require add(Violation violation) {
        violations.add(violation);
        return this;
    }

    void orThrow() {
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }
}
