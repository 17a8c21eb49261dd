package fr.asso.europlie.plie.territory;

/**
 * How much of a Département a territory covers (couverture du Département): the protocol says
 * whether the PLIE covers the whole Département or a part of it.
 */
public enum Coverage {
    /** Every commune of the Département is covered (tout le Département). */
    WHOLE,
    /** Some, not all, communes of the Département are covered (une partie du Département). */
    PARTIAL,
    /** No commune of the Département is covered. */
    NONE
}
