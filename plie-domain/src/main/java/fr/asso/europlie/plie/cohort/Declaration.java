package fr.asso.europlie.plie.cohort;

/**
 * A participant's answer to a sensitive FSE+ question (disability, third-country nationality,
 * foreign background, minority): the person may decline to answer (déclaration).
 *
 * <p>Only {@link #YES} counts in an indicator; {@link #REFUSED} is not missing data.
 */
public enum Declaration {
    /** The person declares it (oui). */
    YES,
    /** The person declares it does not apply (non). */
    NO,
    /** The person declined to answer (refus de répondre). */
    REFUSED
}
