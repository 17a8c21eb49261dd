package fr.asso.europlie.plie.cohort;

/**
 * What the cohort does with a person declared as already followed in another accompaniment
 * scheme of the Département's PTI (double accompagnement): a setting.
 */
public enum DoubleAccompanimentMode {
    /** The referral is refused. */
    REFUSE,
    /** The referral is accepted and the period is flagged for review. */
    FLAG
}
