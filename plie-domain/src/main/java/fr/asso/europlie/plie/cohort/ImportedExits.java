package fr.asso.europlie.plie.cohort;

/**
 * What {@link Cohort#load(CohortData, ImportedExits)} does with an imported positive exit whose
 * steps are given but do not meet the positive-exit rules (contrôle des sorties importées).
 */
public enum ImportedExits {
    /** Refuse the whole import, naming the period and the rule ({@code PLIE-COHORT-033}): the default. */
    STRICT,
    /**
     * Import the exit as not positive ({@link ExitReason#UNCONFIRMED_POSITIVE}) and list it in the
     * import report, with the rule it does not meet.
     */
    LENIENT
}
