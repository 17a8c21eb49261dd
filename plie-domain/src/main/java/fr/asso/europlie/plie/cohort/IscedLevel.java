package fr.asso.europlie.plie.cohort;

/**
 * The highest level of education attained, in the International Standard Classification of
 * Education 2011 (niveau CITE / ISCED), recorded at entry for the FSE+ indicators EECO09 to
 * EECO11.
 *
 * <p>French equivalents, for orientation: 0-2 no diploma, brevet; 3 CAP, BEP, baccalauréat;
 * 4 capacité en droit, DAEU; 5 BTS, DUT; 6 licence, BUT; 7 master; 8 doctorate.
 */
public enum IscedLevel {
    /** Early childhood education or none (ISCED 0). */
    ISCED_0(0),
    /** Primary education (ISCED 1). */
    ISCED_1(1),
    /** Lower secondary education (ISCED 2). */
    ISCED_2(2),
    /** Upper secondary education (ISCED 3). */
    ISCED_3(3),
    /** Post-secondary non-tertiary education (ISCED 4). */
    ISCED_4(4),
    /** Short-cycle tertiary education (ISCED 5). */
    ISCED_5(5),
    /** Bachelor or equivalent (ISCED 6). */
    ISCED_6(6),
    /** Master or equivalent (ISCED 7). */
    ISCED_7(7),
    /** Doctoral or equivalent (ISCED 8). */
    ISCED_8(8);

    private final int level;

    IscedLevel(int level) {
        this.level = level;
    }

    /**
     * The level as a number.
     *
     * @return 0 to 8
     */
    public int level() {
        return level;
    }

    /**
     * The level with this number.
     *
     * @param level 0 to 8
     * @return the level
     * @throws fr.asso.europlie.plie.error.InvalidValueException ({@code PLIE-COHORT-019}) when
     *     outside 0 to 8
     */
    public static IscedLevel of(int level) {
        if (level < 0 || level > 8) {
            throw new fr.asso.europlie.plie.error.InvalidValueException(CohortError.OUT_OF_RANGE, "isced", level, 0, 8);
        }
        return values()[level];
    }

    /**
     * Whether this level counts in EECO09 (ISCED 0 to 2).
     *
     * @return true for levels 0, 1 and 2
     */
    public boolean isPrimaryOrLowerSecondary() {
        return level <= 2;
    }

    /**
     * Whether this level counts in EECO10 (ISCED 3 and 4).
     *
     * @return true for levels 3 and 4
     */
    public boolean isUpperOrPostSecondary() {
        return level == 3 || level == 4;
    }

    /**
     * Whether this level counts in EECO11 (ISCED 5 to 8).
     *
     * @return true for levels 5 to 8
     */
    public boolean isTertiary() {
        return level >= 5;
    }
}
