package fr.asso.europlie.plie.indicators;

/**
 * The PLIE's own indicators of one slice of the cohort over a period (rapport d'indicateurs du
 * PLIE): its figures, the FSE+ data profile of its accompaniment periods, and the completeness of
 * the FSE+ data. Everything here counts <b>accompaniment periods</b> (a person who re-enters counts
 * once per period), as the PLIE reports to its steering committee against the protocol's objective.
 * The FSE+ report for the managing authority, which counts participants per operation and a
 * re-entry into an operation once, is another report with its own name,
 * {@link Indicators#esfReport} (RULES.md section 5, docs/cohort.md).
 *
 * @param period the report period
 * @param slice the slice
 * @param plieFigures the PLIE's own figures: caseload, entries, exits, positive-exit rate against
 *     the protocol's objective ({@code plieFigures} in the JSON, {@code plie-figures.csv})
 * @param plieEsfProfile the FSE+ common indicators of the slice's accompaniment periods, one count
 *     per period: the PLIE's view of its public, sliceable by referent, operator, axis or target
 *     public; not the FSE+ report
 * @param completeness the missing FSE+ data on the report's day
 */
public record IndicatorReport(ReportPeriod period, Slice slice, CohortFigures plieFigures, EsfIndicators plieEsfProfile,
        CompletenessReport completeness) {

    /**
     * The PLIE's own figures.
     *
     * @return {@link #plieFigures()}
     * @deprecated renamed {@link #plieFigures()}, so that it is not taken for the FSE+ report
     */
    @Deprecated(forRemoval = true)
    public CohortFigures figures() {
        return plieFigures;
    }

    /**
     * The FSE+ data profile of the accompaniment periods.
     *
     * @return {@link #plieEsfProfile()}
     * @deprecated renamed {@link #plieEsfProfile()}: it counts accompaniment periods and is not the
     *     FSE+ report ({@link Indicators#esfReport})
     */
    @Deprecated(forRemoval = true)
    public EsfIndicators esf() {
        return plieEsfProfile;
    }
}
