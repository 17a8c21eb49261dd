package fr.asso.europlie.plie.territory;

/**
 * The legal form of an intercommunality with its own taxation (nature juridique de l'EPCI à
 * fiscalité propre).
 */
public enum EpciType {
    /** Communauté de communes (CC). */
    CC("Communauté de communes"),
    /** Communauté d'agglomération (CA). */
    CA("Communauté d’agglomération"),
    /** Communauté urbaine (CU). */
    CU("Communauté urbaine"),
    /** Métropole (METRO). */
    METRO("Métropole"),
    /** Métropole de Lyon, a territorial collectivity with a special status (MET69). */
    MET69("Métropole de Lyon");

    private final String label;

    EpciType(String label) {
        this.label = label;
    }

    /**
     * The French name of the legal form.
     *
     * @return the label, such as {@code Communauté d’agglomération}
     */
    public String label() {
        return label;
    }
}
