package fr.asso.europlie.plie.indicators;

/**
 * The FSE+ common indicators for participants (indicateurs communs FSE+), Regulation (EU) 2021/1057
 * Annex I, as RULES.md lists them. Output indicators (EECO) count participations by their
 * situation at entry; result indicators (EECR) count them by their situation upon leaving or six
 * months after.
 */
public enum EsfIndicator {
    /** Total participants (participants). */
    EECO01("Total participants", "Nombre total de participants"),
    /** Unemployed, including long-term unemployed. */
    EECO02("Unemployed, including long-term unemployed", "Chômeurs, y compris de longue durée"),
    /** Long-term unemployed (under 25: over 6 months; 25 and over: over 12 months, settings). */
    EECO03("Long-term unemployed", "Chômeurs de longue durée"),
    /** Inactive. */
    EECO04("Inactive", "Personnes inactives"),
    /** Employed, including self-employed. */
    EECO05("Employed, including self-employed", "Personnes exerçant un emploi, y compris les indépendants"),
    /** Below 18 years of age. */
    EECO06("Below 18 years of age", "Moins de 18 ans"),
    /** Aged 18 to 29. */
    EECO07("Aged 18-29", "18 à 29 ans"),
    /** Aged 55 and over. */
    EECO08("Aged 55 and over", "55 ans et plus"),
    /** With lower secondary education or less (ISCED 0-2). */
    EECO09("ISCED 0-2", "CITE 0 à 2"),
    /** With upper secondary or post-secondary non-tertiary education (ISCED 3-4). */
    EECO10("ISCED 3-4", "CITE 3 et 4"),
    /** With tertiary education (ISCED 5-8). */
    EECO11("ISCED 5-8", "CITE 5 à 8"),
    /** Participants with disabilities. */
    EECO12("Participants with disabilities", "Participants handicapés"),
    /** Third-country nationals. */
    EECO13("Third-country nationals", "Ressortissants de pays tiers"),
    /** Participants with a foreign background. */
    EECO14("Participants of foreign background", "Participants d'origine étrangère"),
    /** Minorities, including marginalised communities such as the Roma. */
    EECO15("Minorities (including marginalised communities such as the Roma)", "Minorités (y compris les communautés marginalisées telles que les Roms)"),
    /** Homeless or affected by housing exclusion. */
    EECO16("Homeless or affected by housing exclusion", "Sans domicile fixe ou confrontés à l'exclusion du logement"),
    /** From rural areas. */
    EECO17("From rural areas", "Participants issus de zones rurales"),
    /** Participants engaged in job searching upon leaving. */
    EECR01("Participants engaged in job searching upon leaving", "Participants à la recherche d'un emploi au moment de leur sortie"),
    /** Participants in education or training upon leaving. */
    EECR02("Participants in education or training upon leaving", "Participants suivant un enseignement ou une formation au moment de leur sortie"),
    /** Participants gaining a qualification upon leaving. */
    EECR03("Participants gaining a qualification upon leaving", "Participants obtenant une qualification au moment de leur sortie"),
    /** Participants in employment, including self-employment, upon leaving. */
    EECR04("Participants in employment, including self-employment, upon leaving", "Participants exerçant un emploi, y compris indépendant, au moment de leur sortie"),
    /** Participants in employment, including self-employment, six months after leaving. */
    EECR05("Participants in employment, including self-employment, six months after leaving", "Participants exerçant un emploi, y compris indépendant, six mois après leur sortie"),
    /** Participants with an improved labour market situation six months after leaving. */
    EECR06("Participants with an improved labour market situation six months after leaving", "Participants dont la situation sur le marché du travail s'est améliorée six mois après leur sortie");

    private final String englishLabel;
    private final String frenchLabel;

    EsfIndicator(String englishLabel, String frenchLabel) {
        this.englishLabel = englishLabel;
        this.frenchLabel = frenchLabel;
    }

    /**
     * The indicator's code.
     *
     * @return a code such as {@code EECO03}
     */
    public String code() {
        return name();
    }

    /**
     * The English label.
     *
     * @return the label
     */
    public String englishLabel() {
        return englishLabel;
    }

    /**
     * The French label.
     *
     * @return the label
     */
    public String frenchLabel() {
        return frenchLabel;
    }

    /**
     * Whether this is a result indicator (EECR).
     *
     * @return true for EECR01 to EECR06
     */
    public boolean isResult() {
        return name().startsWith("EECR");
    }
}
