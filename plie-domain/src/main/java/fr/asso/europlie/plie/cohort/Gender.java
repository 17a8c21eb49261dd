package fr.asso.europlie.plie.cohort;

/**
 * The gender of a participant as the FSE+ breakdowns ask for it (genre): every FSE+ indicator
 * is broken down into women, men and non-binary people.
 */
public enum Gender {
    /** A woman (femme). */
    WOMAN,
    /** A man (homme). */
    MAN,
    /** A non-binary person (personne non binaire). */
    NON_BINARY
}
