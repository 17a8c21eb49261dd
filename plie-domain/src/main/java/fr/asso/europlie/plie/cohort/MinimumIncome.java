package fr.asso.europlie.plie.cohort;

/**
 * A minimum income (minimum social) a person receives, used by the eligibility rules.
 */
public enum MinimumIncome {
    /** Revenu de solidarité active. */
    RSA,
    /** Allocation de solidarité spécifique (end-of-rights unemployment benefit). */
    ASS,
    /** Allocation aux adultes handicapés. */
    AAH,
    /** Another minimum income (autre minimum social). */
    OTHER
}
