package fr.asso.europlie.plie.protocol;

/**
 * The kinds of signatories of a protocol (types de signataires).
 */
public enum SignatoryKind {
    /** The State, represented by the prefect (État, préfet). */
    STATE,
    /** The Région (Conseil régional). */
    REGION,
    /** The Département (Conseil départemental), lead of insertion policy. */
    DEPARTMENT,
    /** A commune. */
    MUNICIPALITY,
    /** An intercommunality (EPCI: communauté de communes, d'agglomération, urbaine, métropole). */
    EPCI,
    /** France Travail (formerly Pôle emploi). */
    FRANCE_TRAVAIL,
    /** Any other partner (association, chamber, company...). */
    OTHER
}
