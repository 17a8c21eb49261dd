package fr.asso.europlie.plie.indicators;

/**
 * The indicators of one slice of the cohort over a period (rapport d'indicateurs): cohort figures,
 * FSE+ common indicators by gender, and the completeness of the FSE+ data.
 *
 * @param period the report period
 * @param slice the slice
 * @param figures the cohort figures
 * @param esf the FSE+ data profile of the slice's accompaniment periods, one count per period (the
 *     PLIE's own view); the FSE+ report, which counts participants per operation and re-entries into
 *     an operation once, is {@link Indicators#esfReport}
 * @param completeness the missing FSE+ data on the report's day
 */
public record IndicatorReport(ReportPeriod period, Slice slice, CohortFigures figures, EsfIndicators esf, CompletenessReport completeness) {
}
