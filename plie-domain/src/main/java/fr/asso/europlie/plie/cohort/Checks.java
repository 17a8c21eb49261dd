package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.ErrorCode;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every violation found by a check, so that one exception reports them all.
 */
final class Checks {

    /** The violations found so far; made at the first one (nearly every check of a valid value finds none). */
    private List<Violation> violations = List.of();
    private boolean invalid;

    /** Records a violation. */
    Checks add(ErrorCode code, String field, Object value, Object... details) {
        found().add(Violation.of(code, field, value, details));
        return this;
    }

    /** Records the violations of a failed nested check, placed under a parent path. */
    Checks addAll(List<Violation> found, String parent) {
        found.forEach(v -> found().add(parent == null ? v : v.under(parent)));
        return this;
    }

    /** The list the violations go to, made when the first comes. */
    private List<Violation> found() {
        if (!(violations instanceof ArrayList)) {
            violations = new ArrayList<>();
        }
        return violations;
    }

    /** Records a violation when the condition is false; returns the condition. */
    boolean check(boolean condition, ErrorCode code, String field, Object value, Object... details) {
        if (!condition) {
            add(code, field, value, details);
        }
        return condition;
    }

    /** Records a missing-value violation when the value is null; returns whether it is present. */
    boolean required(Object value, String field) {
        return check(value != null && !(value instanceof String text && text.isBlank()), CohortError.BLANK, field, value);
    }

    /** Records an impossible value: {@link #throwIfAny} then refuses with an {@link InvalidValueException}. */
    Checks addInvalid(ErrorCode code, String field, Object value, Object... details) {
        invalid = true;
        return add(code, field, value, details);
    }

    /** Records the violations of a nested check's refusal, remembering whether it named an impossible value. */
    Checks absorb(PlieException refused) {
        invalid |= refused instanceof InvalidValueException;
        found().addAll(refused.violations());
        return this;
    }

    /** Whether nothing was found. */
    boolean isEmpty() {
        return violations.isEmpty();
    }

    /** The violations found so far. */
    List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Throws an {@link InvalidValueException} with every violation, if any. */
    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    /**
     * Throws every violation found, if any: an {@link InvalidValueException} when one of them is an
     * impossible value ({@link #addInvalid}, {@link #absorb}), else a {@link RuleViolationException}.
     */
    void throwIfAny() {
        if (invalid) {
            throwIfInvalid();
        }
        throwIfRefused();
    }

    /** Throws a {@link RuleViolationException} with every violation, if any. */
    void throwIfRefused() {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }
}
