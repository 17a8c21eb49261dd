package fr.asso.europlie.plie.cohort.csv;

import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.indicators.CohortFigures;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfIndicators;
import fr.asso.europlie.plie.indicators.EsfReport;
import fr.asso.europlie.plie.indicators.GenderBreakdown;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The indicators of a period as two CSV files, each under its own name since they count different
 * things (RULES.md section 5, docs/cohort.md): {@value #PLIE_FIGURES}, the PLIE's own figures, which
 * count accompaniment periods; {@value #ESF_REPORT}, the FSE+ report, which counts participants per
 * operation, one row per operation and indicator, then the plan's rows (operation {@code PLAN}),
 * their sum.
 */
public final class IndicatorsCsv {

    /** The file of the PLIE's own figures: {@code figure, value}. */
    public static final String PLIE_FIGURES = "plie-figures.csv";
    /** The file of the FSE+ report: {@code operation, indicator, women, men, nonBinary, total}. */
    public static final String ESF_REPORT = "esf-report.csv";
    /** The operation column's value on the plan's rows. */
    public static final String PLAN = "PLAN";

    private IndicatorsCsv() {
    }

    /**
     * The PLIE's own figures: one row per figure, exits by reason as {@code exits.<REASON>}; a rate
     * or mean with nothing to divide by is empty.
     *
     * @param figures the figures, not null
     * @param delimiter {@code ;} or {@code ,}
     * @return the CSV text
     */
    public static String plieFigures(CohortFigures figures, char delimiter) {
        Objects.requireNonNull(figures, "figures");
        CsvWriter out = new CsvWriter(delimiter, List.of("figure", "value"));
        out.row("counts", "ACCOMPANIMENT_PERIODS");
        out.row("caseloadAtStart", figures.caseloadAtStart());
        out.row("caseloadAtEnd", figures.caseloadAtEnd());
        out.row("entries", figures.entries());
        out.row("exits", figures.exits());
        out.row("positiveExits", figures.positiveExits());
        for (ExitReason reason : ExitReason.values()) {
            out.row("exits." + reason.name(), figures.exitsByReason().get(reason));
        }
        out.row("positiveExitRate", text(figures.positiveExitRate()));
        out.row("positiveExitObjective", text(figures.positiveExitObjective()));
        out.row("meetsObjective", figures.meetsObjective());
        out.row("followed", figures.followed());
        out.row("averagePathwayDays", text(figures.averagePathwayDays()));
        out.row("stepsPerParticipant", text(figures.stepsPerParticipant()));
        return out.text();
    }

    /**
     * The FSE+ report: for each operation (sorted by id) then for the plan, one row per indicator.
     *
     * @param report the report, not null
     * @param delimiter {@code ;} or {@code ,}
     * @return the CSV text
     */
    public static String esfReport(EsfReport report, char delimiter) {
        Objects.requireNonNull(report, "report");
        CsvWriter out = new CsvWriter(delimiter, List.of("operation", "indicator", "women", "men", "nonBinary", "total"));
        report.byOperation().forEach((operation, indicators) -> rows(out, operation.value(), indicators));
        rows(out, PLAN, report.plan());
        return out.text();
    }

    private static void rows(CsvWriter out, String scope, EsfIndicators indicators) {
        for (EsfIndicator indicator : EsfIndicator.values()) {
            GenderBreakdown b = indicators.get(indicator);
            out.row(scope, indicator.name(), b.women(), b.men(), b.nonBinary(), b.total());
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
