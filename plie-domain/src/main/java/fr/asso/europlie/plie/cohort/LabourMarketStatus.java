package fr.asso.europlie.plie.cohort;

/**
 * A participant's labour market status at entry, as the FSE+ output indicators ask for it
 * (situation sur le marché du travail à l'entrée): exactly one applies.
 */
public enum LabourMarketStatus {
    /** Unemployed, including long-term unemployed (chômeur): counts in EECO02, and in EECO03 when long-term. */
    UNEMPLOYED,
    /** Inactive, neither employed nor looking for work (inactif): counts in EECO04. */
    INACTIVE,
    /** Employed, including self-employed (en emploi, y compris indépendant): counts in EECO05. */
    EMPLOYED
}
