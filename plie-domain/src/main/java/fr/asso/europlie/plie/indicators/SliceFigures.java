package fr.asso.europlie.plie.indicators;

/**
 * The PLIE's own figures of one slice in a full report's breakdowns, counting accompaniment
 * periods as {@link IndicatorReport} does.
 *
 * @param plieFigures the PLIE's own figures of the slice
 * @param plieEsfProfile the FSE+ common indicators of the slice's accompaniment periods, one count
 *     per period; not the FSE+ report ({@link Indicators#esfReport})
 */
public record SliceFigures(CohortFigures plieFigures, EsfIndicators plieEsfProfile) {

    /**
     * The PLIE's own figures.
     *
     * @return {@link #plieFigures()}
     * @deprecated renamed {@link #plieFigures()}
     */
    @Deprecated(forRemoval = true)
    public CohortFigures figures() {
        return plieFigures;
    }

    /**
     * The FSE+ data profile of the accompaniment periods.
     *
     * @return {@link #plieEsfProfile()}
     * @deprecated renamed {@link #plieEsfProfile()}
     */
    @Deprecated(forRemoval = true)
    public EsfIndicators esf() {
        return plieEsfProfile;
    }
}
