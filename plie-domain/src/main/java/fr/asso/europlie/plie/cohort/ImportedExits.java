package fr.asso.europlie.plie.cohort;

/**
 * What an import does with an imported positive exit whose steps are given but do not meet the
 * positive-exit rules (contrôle des sorties importées): an option of
 * {@link Cohort#load(CohortData, ImportedExits)} and of the CSV and JSON readers
 * ({@code CohortCsv.read} and {@code CohortJson.read} with the cohort's settings), checked by
 * {@link ImportChecks}.
 */
public enum ImportedExits {
    /**
     * Refuse the exit, naming the period (the CSV row, the JSON path) and the rule
     * ({@code PLIE-COHORT-033}): the whole import when all or nothing, the participant in the
     * valid-participants mode. The default.
     */
    STRICT,
    /**
     * Import the exit as not positive ({@link ExitReason#UNCONFIRMED_POSITIVE}) and list it in the
     * import report ({@link ImportResult#unconfirmedExits()}, or the list {@code Cohort.load} returns),
     * with the rule it does not meet.
     */
    LENIENT
}
