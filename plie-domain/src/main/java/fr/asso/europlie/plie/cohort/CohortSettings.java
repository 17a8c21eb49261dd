package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;

/**
 * The settings of a plan's cohort (paramètres de la cohorte): what the protocol gives (target
 * publics with their eligibility rules, positive-exit objective) and the plan's own choices, each
 * with the default of RULES.md.
 *
 * @param eligibility the target publics and their eligibility rules, not null
 * @param positiveExitObjective the protocol's positive-exit objective, a percentage from 0 to 100, not null
 * @param caseloadCap the most participants a full-time referent follows at once, default 80
 * @param doubleAccompaniment what to do with a person followed in another PTI scheme, default refuse
 * @param department the Département that designates RSA recipients' referents, or null to accept any designating organisation
 * @param maximumDuration the pathway's maximum duration, or null for none (the default)
 * @param exitRules the positive-exit rules, not null
 * @param retention the audit retention after an erasure request, not null
 * @param sixMonthDataMonths the FSE+ "six months after leaving" data is collected from this many
 *     months after the exit, default 6 (RULES.md section 5): data collected earlier is not a
 *     six-month result and is refused; the indicators' {@code EsfSettings} holds the same figure
 */
public record CohortSettings(
        EligibilityRules eligibility,
        BigDecimal positiveExitObjective,
        int caseloadCap,
        DoubleAccompanimentMode doubleAccompaniment,
        OrganisationId department,
        Period maximumDuration,
        ExitRules exitRules,
        RetentionPolicy retention,
        int sixMonthDataMonths) {

    /** The default delay, in months after the exit, of the FSE+ six-month data. */
    public static final int DEFAULT_SIX_MONTH_DATA_MONTHS = 6;

    /** The default caseload cap of a full-time referent. */
    public static final int DEFAULT_CASELOAD_CAP = 80;

    /**
     * Checks the settings.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a required setting is missing or out of range
     */
    public CohortSettings {
        Checks checks = new Checks();
        checks.required(eligibility, "settings.eligibility");
        if (checks.required(positiveExitObjective, "settings.positiveExitObjective")) {
            checks.check(positiveExitObjective.signum() >= 0 && positiveExitObjective.compareTo(BigDecimal.valueOf(100)) <= 0,
                    CohortError.OUT_OF_RANGE, "settings.positiveExitObjective", positiveExitObjective, 0, 100);
        }
        checks.check(caseloadCap >= 1 && caseloadCap <= 1000, CohortError.OUT_OF_RANGE, "settings.caseloadCap", caseloadCap, 1, 1000);
        checks.required(doubleAccompaniment, "settings.doubleAccompaniment");
        if (maximumDuration != null) {
            checks.check(!maximumDuration.isNegative() && !maximumDuration.isZero(), CohortError.OUT_OF_RANGE,
                    "settings.maximumDuration", maximumDuration, "P1D", "P100Y");
        }
        checks.required(exitRules, "settings.exitRules");
        checks.required(retention, "settings.retention");
        checks.check(sixMonthDataMonths >= 1 && sixMonthDataMonths <= 24, CohortError.OUT_OF_RANGE, "settings.sixMonthDataMonths",
                sixMonthDataMonths, 1, 24);
        checks.throwIfInvalid();
    }

    /**
     * The default settings for a protocol's target publics (with their default eligibility rules) and
     * positive-exit objective.
     *
     * @param targetPublics the protocol's target publics, each with a default rule
     * @param positiveExitObjective the objective, in percent
     * @return the settings
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a target public has no default rule
     */
    public static CohortSettings of(List<TargetPublic> targetPublics, BigDecimal positiveExitObjective) {
        return of(EligibilityRules.defaults(targetPublics), positiveExitObjective);
    }

    /**
     * The default settings for a protocol: its target publics (with their default eligibility
     * rules), its positive-exit objective, and its Département, which designates the referent of
     * RSA recipients.
     *
     * @param protocol the protocol's content, not null
     * @return the settings
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a target public has no default rule
     */
    public static CohortSettings forProtocol(fr.asso.europlie.plie.protocol.ProtocolContent protocol) {
        CohortSettings settings = of(protocol.targetPublics(), protocol.objectives().positiveExitRatePercent());
        return protocol.department().map(d -> settings.withDepartment(d.id())).orElse(settings);
    }

    /**
     * The default settings with given eligibility rules.
     *
     * @param eligibility the rules
     * @param positiveExitObjective the objective, in percent
     * @return the settings
     */
    public static CohortSettings of(EligibilityRules eligibility, BigDecimal positiveExitObjective) {
        return new CohortSettings(eligibility, positiveExitObjective, DEFAULT_CASELOAD_CAP, DoubleAccompanimentMode.REFUSE,
                null, null, ExitRules.defaults(), RetentionPolicy.defaults(), DEFAULT_SIX_MONTH_DATA_MONTHS);
    }

    /**
     * A copy with another caseload cap.
     *
     * @param cap the cap of a full-time referent
     * @return the settings
     */
    public CohortSettings withCaseloadCap(int cap) {
        return new CohortSettings(eligibility, positiveExitObjective, cap, doubleAccompaniment, department, maximumDuration, exitRules, retention, sixMonthDataMonths);
    }

    /**
     * A copy with another double-accompaniment mode.
     *
     * @param mode refuse or flag
     * @return the settings
     */
    public CohortSettings withDoubleAccompaniment(DoubleAccompanimentMode mode) {
        return new CohortSettings(eligibility, positiveExitObjective, caseloadCap, mode, department, maximumDuration, exitRules, retention, sixMonthDataMonths);
    }

    /**
     * A copy naming the Département that designates RSA recipients' referents.
     *
     * @param designatingDepartment the Département
     * @return the settings
     */
    public CohortSettings withDepartment(OrganisationId designatingDepartment) {
        return new CohortSettings(eligibility, positiveExitObjective, caseloadCap, doubleAccompaniment, designatingDepartment, maximumDuration,
                exitRules, retention, sixMonthDataMonths);
    }

    /**
     * A copy with a maximum pathway duration.
     *
     * @param duration the maximum, or null for none
     * @return the settings
     */
    public CohortSettings withMaximumDuration(Period duration) {
        return new CohortSettings(eligibility, positiveExitObjective, caseloadCap, doubleAccompaniment, department, duration, exitRules, retention, sixMonthDataMonths);
    }

    /**
     * A copy with other exit rules.
     *
     * @param rules the rules
     * @return the settings
     */
    public CohortSettings withExitRules(ExitRules rules) {
        return new CohortSettings(eligibility, positiveExitObjective, caseloadCap, doubleAccompaniment, department, maximumDuration, rules, retention, sixMonthDataMonths);
    }

    /**
     * A copy with another retention policy.
     *
     * @param policy the policy
     * @return the settings
     */
    public CohortSettings withRetention(RetentionPolicy policy) {
        return new CohortSettings(eligibility, positiveExitObjective, caseloadCap, doubleAccompaniment, department, maximumDuration, exitRules, policy, sixMonthDataMonths);
    }

    /**
     * A copy with another delay of the six-month data.
     *
     * @param months the months after the exit from which the six-month data may be collected, 1 to 24
     * @return the copy
     * @throws fr.asso.europlie.plie.error.InvalidValueException when out of range
     */
    public CohortSettings withSixMonthDataMonths(int months) {
        return new CohortSettings(eligibility, positiveExitObjective, caseloadCap, doubleAccompaniment, department, maximumDuration,
                exitRules, retention, months);
    }

    /**
     * The first day on which six-month data may be collected for an exit.
     *
     * @param exitedOn the exit day
     * @return the exit day plus {@link #sixMonthDataMonths()} months
     */
    public java.time.LocalDate sixMonthDataFrom(java.time.LocalDate exitedOn) {
        return exitedOn.plusMonths(sixMonthDataMonths);
    }
}
