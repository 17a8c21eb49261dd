package fr.asso.europlie.plie.offer;

/**
 * A programming axis of the PLIE (axe de programmation): the seed's list of the PLIE's added
 * value (RULES.md section 3), on which calls for proposals open envelopes and operations apply.
 *
 * <p>The numbers are the seed's: it skips number 2 (pathway engineering), which is not an axis
 * on which operations are programmed. Each axis is mapped onto a strategic axis of the protocol by
 * an {@link AxisMapping}.
 */
public enum ProgrammingAxis {
    /** 1. Animation and technical coordination of the PLIE (animation et coordination technique). */
    ANIMATION(1, "Animation et coordination technique du PLIE"),
    /** 3. Accompaniment towards and into employment (accompagnement renforcé). */
    ACCOMPANIMENT(3, "Accompagnement des participants"),
    /** 4. Actions that build links with employers (relations avec les entreprises). */
    LINKS_WITH_EMPLOYERS(4, "Actions de mise en relation avec les employeurs"),
    /** 5. Individual support for training and mobility (aides individuelles, formation, mobilité). */
    TRAINING_AND_MOBILITY_SUPPORT(5, "Aides individuelles à la formation et à la mobilité"),
    /** 6. Support to insertion enterprises, SIAE (appui aux SIAE, clauses d'insertion). */
    SIAE_SUPPORT(6, "Appui aux structures d’insertion par l’activité économique"),
    /** 7. Management of the FSE+ as OI or as beneficiary (gestion du FSE+). */
    ESF_MANAGEMENT(7, "Gestion du FSE+"),
    /** 8. Experimental actions (actions expérimentales). */
    EXPERIMENTAL_ACTIONS(8, "Actions expérimentales"),
    /** 9. Fight against all forms of discrimination (lutte contre les discriminations). */
    FIGHT_AGAINST_DISCRIMINATION(9, "Lutte contre toutes les formes de discrimination");

    private final int number;
    private final String label;

    ProgrammingAxis(int number, String label) {
        this.number = number;
        this.label = label;
    }

    /**
     * The seed's number of the axis (1, 3 to 9).
     *
     * @return the number
     */
    public int number() {
        return number;
    }

    /**
     * The French label shown to users.
     *
     * @return the label, never null
     */
    public String label() {
        return label;
    }
}
