package fr.asso.europlie.plie.indicators;

/**
 * The figures of one slice in a full report's breakdowns.
 *
 * @param figures the cohort figures
 * @param esf the FSE+ indicators
 */
public record SliceFigures(CohortFigures figures, EsfIndicators esf) {
}
