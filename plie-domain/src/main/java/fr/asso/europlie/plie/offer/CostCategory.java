package fr.asso.europlie.plie.offer;

/**
 * A category of costs of an operation (catégorie de dépenses).
 */
public enum CostCategory {
    /** Direct staff costs (frais de personnel directs): the base of the flat rates. */
    DIRECT_STAFF,
    /** Other direct costs (autres coûts directs: purchases, services, participants' costs). */
    OTHER_DIRECT,
    /** Indirect costs (coûts indirects: overheads). */
    INDIRECT
}
