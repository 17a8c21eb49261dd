package fr.asso.europlie.plie.offer;

/**
 * The lifecycle of an annual programming (état de la programmation):
 * {@code OPEN -> CLOSED -> ADOPTED}, amendments being recorded on an adopted programming.
 */
public enum ProgrammingState {
    /** The call is open: operators submit applications. */
    OPEN,
    /** The call is closed: appraisal, PTI marking, technical opinion and steering committee decisions. */
    CLOSED,
    /** Adopted by the steering committee; changes only by amendment. */
    ADOPTED
}
