package fr.asso.europlie.plie.cohort;

/**
 * A part of a participant's data that a viewer may see (périmètre de données).
 */
public enum DataScope {
    /** The pathway: periods, steps, referents, exits, non-sensitive FSE+ data, under the pseudonymous id. */
    PATHWAY,
    /** The identity in the vault (names, birth date, contact details). */
    IDENTITY,
    /** The sensitive fields of {@link PersonalField}: disability, origin, RSA status. */
    SENSITIVE
}
