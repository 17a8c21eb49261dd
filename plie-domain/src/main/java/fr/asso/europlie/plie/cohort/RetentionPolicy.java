package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;

/**
 * How long the FSE+ audit trail keeps a participant's data after an erasure request (durée de
 * conservation): until 31 December of the N-th year after the last payment of the operations
 * that followed the person (N = 5 by default, a setting).
 *
 * @param yearsAfterLastPayment the number of years, 0 to 30
 */
public record RetentionPolicy(int yearsAfterLastPayment) {

    /**
     * Checks the setting.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when outside 0 to 30
     */
    public RetentionPolicy {
        Checks checks = new Checks();
        checks.check(yearsAfterLastPayment >= 0 && yearsAfterLastPayment <= 30, CohortError.OUT_OF_RANGE,
                "retention.yearsAfterLastPayment", yearsAfterLastPayment, 0, 30);
        checks.throwIfInvalid();
    }

    /**
     * The default: 31 December of the fifth year after the last payment.
     *
     * @return the policy
     */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(5);
    }

    /**
     * The last day the audit data must be kept.
     *
     * @param lastPayment the day of the last payment of the operations concerned, not null
     * @return 31 December of the year of the last payment plus the number of years
     */
    public LocalDate retainUntil(LocalDate lastPayment) {
        return LocalDate.of(lastPayment.getYear() + yearsAfterLastPayment, 12, 31);
    }
}
