package fr.asso.europlie.plie.cohort;

/**
 * The contract of an employment step (type de contrat).
 */
public enum ContractType {
    /** Permanent contract (contrat à durée indéterminée). */
    CDI,
    /** Fixed-term contract (contrat à durée déterminée). */
    CDD,
    /** A temping mission (mission d'intérim); consecutive missions add up. */
    TEMPING,
    /** Subsidised contract (contrat aidé: PEC, CIE...). */
    SUBSIDISED,
    /** Apprenticeship contract (contrat d'apprentissage). */
    APPRENTICESHIP,
    /** Professionalisation contract (contrat de professionnalisation). */
    PROFESSIONALISATION
}
