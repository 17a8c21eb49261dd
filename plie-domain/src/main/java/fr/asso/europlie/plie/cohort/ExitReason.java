package fr.asso.europlie.plie.cohort;

/**
 * Why a participant leaves the plan (motif de sortie): the positive exits of RULES.md and the
 * other exits.
 */
public enum ExitReason {
    /** Employment of 6 continuous months or more, at least half-time, validated after the in-work follow-up (emploi durable). */
    EMPLOYMENT(true),
    /** Business creation active for 6 continuous months, validated after the in-work follow-up (création d'entreprise). */
    BUSINESS_CREATION(true),
    /** Qualifying training leading to a recognised qualification, validated (formation qualifiante validée). */
    QUALIFYING_TRAINING(true),
    /** Qualifying training of more than 9 months, counted after 6 months in training (formation longue). */
    LONG_TRAINING(true),
    /** Dropout (abandon). */
    DROPOUT(false),
    /** Moving away from the territory (déménagement). */
    MOVED_AWAY(false),
    /** Health (santé). */
    HEALTH(false),
    /** Retirement (retraite). */
    RETIREMENT(false),
    /** Death (décès). */
    DEATH(false),
    /** Reorientation to a better-suited scheme (réorientation vers un dispositif plus adapté). */
    REORIENTATION(false),
    /** The pathway's maximum duration was reached (durée maximale atteinte). */
    MAXIMUM_DURATION(false),
    /**
     * Declared positive by another system, but the steps it gave do not meet the positive-exit
     * rules; imported as not positive in the lenient mode ({@link ImportedExits#LENIENT}) (sortie
     * positive non confirmée).
     */
    UNCONFIRMED_POSITIVE(false);

    private final boolean positive;

    ExitReason(boolean positive) {
        this.positive = positive;
    }

    /**
     * Whether this is a positive exit (sortie positive).
     *
     * @return true for employment, business creation and the two training exits
     */
    public boolean isPositive() {
        return positive;
    }

    /**
     * Whether a positive exit of this reason is validated by an in-work follow-up.
     *
     * @return true for employment and business creation
     */
    public boolean needsInWorkFollowUp() {
        return this == EMPLOYMENT || this == BUSINESS_CREATION;
    }
}
