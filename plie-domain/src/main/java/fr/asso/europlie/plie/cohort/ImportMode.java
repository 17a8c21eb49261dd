package fr.asso.europlie.plie.cohort;

/**
 * What an import does when some rows are bad (mode d'import).
 */
public enum ImportMode {
    /** Nothing is imported unless every row is valid; every bad row is reported. The default. */
    ALL_OR_NOTHING,
    /** The participants whose rows are all valid are imported; the others are reported. */
    VALID_PARTICIPANTS
}
