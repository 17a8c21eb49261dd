package fr.asso.europlie.plie.examples;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.money.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The year's report as one self-contained HTML page for a PLIE director: no external file, no
 * script, the charts drawn as inline SVG (the call's envelopes against the programmed and FSE+
 * committed amounts per axis; the positive-exit rates against the objective; the FSE+ indicators by
 * gender). Every figure the JSON document holds is written in a cell or a bar carrying its JSON
 * name and plain value ({@code data-key}, {@code data-value}), so that a reader or a test can match
 * the page with the document.
 */
final class YearReportHtml {

    private static final String BUNDLE = "fr.asso.europlie.plie.examples.year";
    /** The colours of the bars, also looked for in the rendered page by the tests. */
    static final String ENVELOPE = "#c5cad3";
    static final String PROGRAMMED = "#2f5d9e";
    static final String COMMITTED = "#2e8b57";
    static final String WOMEN = "#8e44ad";
    static final String MEN = "#d35400";
    static final String NON_BINARY = "#16a085";

    private final YearReport report;
    private final Locale language;
    private final NumberFormat amounts;
    private final NumberFormat rates;
    private final StringBuilder html = new StringBuilder();

    YearReportHtml(YearReport report) {
        this.report = report;
        this.language = Messages.supported(Locale.forLanguageTag(report.language()));
        this.amounts = YearReportText.amounts(language);
        this.rates = NumberFormat.getNumberInstance(language);
        rates.setMinimumFractionDigits(1);
        rates.setMaximumFractionDigits(1);
    }

    String page() {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language.getLanguage()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(text("html.title", report.planName(), String.valueOf(report.year())))).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>").append(esc(text("html.title", report.planName(), String.valueOf(report.year())))).append("</h1>\n<p class=\"lead\">")
                .append(esc(text("html.lead", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(report.asOf()),
                        report.protocolId())))
                .append("</p>\n");
        keyFigures();
        programming();
        ledger();
        cohort();
        indicators();
        completeness();
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private void keyFigures() {
        html.append("<section class=\"keys\">\n");
        key("html.key.programmed", "programming.programmedTotal", report.programmedTotal().toString(), money(report.programmedTotal()) + " €");
        key("html.key.committed", "ledger.committedTotal", report.committedTotal().toString(), money(report.committedTotal()) + " €");
        key("html.key.followed", "cohort.overall.followed", String.valueOf(report.overall().followed()),
                report.overall().followed() + " / " + report.objectives().participants());
        key("html.key.rate", "cohort.overall.positiveExitRatePercent", YearReportFiles.plain(report.overall().positiveExitRate()),
                rate(report.overall().positiveExitRate()) + " % / " + rate(report.objectives().positiveExitRatePercent()) + " %");
        html.append("</section>\n");
    }

    private void key(String label, String dataKey, String value, String shown) {
        html.append("<div class=\"key\"><span class=\"label\">").append(esc(text(label))).append("</span><strong")
                .append(data(dataKey, value)).append(">").append(esc(shown)).append("</strong></div>\n");
    }

    // ------------------------------------------------------------------------------- programming

    private void programming() {
        html.append("<section>\n<h2>").append(esc(text("html.programming"))).append("</h2>\n");
        List<YearReport.Axis> axes = report.axes();
        BigDecimal max = BigDecimal.ONE;
        for (YearReport.Axis axis : axes) {
            max = max.max(axis.envelope().amount()).max(axis.programmed().amount());
        }
        int rowHeight = 64;
        int height = 40 + rowHeight * axes.size();
        svgOpen("chart-axes", text("html.chart.axes"), height);
        legend(List.of(ENVELOPE, PROGRAMMED, COMMITTED), List.of(text("html.envelope"), text("html.programmed"), text("html.committed")));
        for (int i = 0; i < axes.size(); i++) {
            YearReport.Axis axis = axes.get(i);
            int y = 40 + i * rowHeight;
            html.append("<text x=\"0\" y=\"").append(y + 12).append("\" class=\"axis\">").append(esc(axis.label())).append("</text>\n");
            bar("programming.axes[" + i + "].envelope", axis.envelope(), max, y + 16, ENVELOPE);
            bar("programming.axes[" + i + "].programmed", axis.programmed(), max, y + 30, PROGRAMMED);
            bar("programming.axes[" + i + "].esfCommitted", axis.esfCommitted(), max, y + 44, COMMITTED);
        }
        html.append("</svg>\n");
        table("html.axis", "html.strategicAxis", "html.envelope", "html.programmed", "html.committed");
        for (int i = 0; i < axes.size(); i++) {
            YearReport.Axis axis = axes.get(i);
            html.append("<tr><td>").append(esc(axis.label())).append("</td><td>").append(esc(axis.strategicAxis())).append("</td>");
            amountCell("programming.axes[" + i + "].envelope", axis.envelope());
            amountCell("programming.axes[" + i + "].programmed", axis.programmed());
            amountCell("programming.axes[" + i + "].esfCommitted", axis.esfCommitted());
            html.append("</tr>\n");
        }
        html.append("<tr class=\"total\"><td colspan=\"2\">").append(esc(text("html.total"))).append("</td>");
        amountCell("programming.envelopesTotal", report.envelopesTotal());
        amountCell("programming.programmedTotal", report.programmedTotal());
        amountCell("ledger.committedTotal", report.committedTotal());
        html.append("</tr>\n</tbody>\n</table>\n");

        html.append("<h3>").append(esc(text("html.operations"))).append("</h3>\n");
        table("html.operation", "html.operator", "html.outcome", "html.approved", "html.esfCommitted", "html.paid");
        for (int i = 0; i < report.operations().size(); i++) {
            YearReport.OperationLine line = report.operations().get(i);
            String at = "programming.operations[" + i + "]";
            html.append("<tr><td><span").append(data(at + ".id", line.id())).append(">").append(esc(line.id())).append("</span> ")
                    .append(esc(line.title()));
            if (!line.reasons().isEmpty()) {
                html.append("<ul class=\"reasons\">");
                line.reasons().forEach(r -> html.append("<li>").append(esc(r)).append("</li>"));
                html.append("</ul>");
            }
            html.append("</td><td>").append(esc(line.operatorName())).append("</td><td><span class=\"outcome ")
                    .append(line.outcome().toLowerCase(Locale.ROOT)).append("\"").append(data(at + ".outcome", line.outcome())).append(">")
                    .append(esc(text("outcome." + line.outcome()))).append("</span>");
            if (!line.commitment().isEmpty()) {
                html.append("<br><small").append(data(at + ".commitment", line.commitment())).append(">")
                        .append(esc(text("commitment." + line.commitment()))).append("</small>");
            }
            html.append("</td>");
            amountCell(at + ".approved", line.approved());
            amountCell(at + ".esfCommitted", line.esfCommitted());
            amountCell(at + ".paid", line.paid());
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    // ------------------------------------------------------------------------------- ledger

    private void ledger() {
        html.append("<section>\n<h2>").append(esc(text("html.ledger"))).append("</h2>\n");
        table("html.envelopeKey", "html.amount", "html.reserved", "html.committed", "html.paid", "html.available");
        for (int i = 0; i < report.envelopes().size(); i++) {
            YearReport.Envelope envelope = report.envelopes().get(i);
            String at = "ledger.envelopes[" + i + "]";
            html.append("<tr><td>").append(esc(text("html.envelopeName", envelope.priority(), envelope.specificObjective(),
                    String.valueOf(envelope.year())))).append("</td>");
            amountCell(at + ".amount", envelope.amount());
            amountCell(at + ".reserved", envelope.reserved());
            amountCell(at + ".committed", envelope.committed());
            amountCell(at + ".paid", envelope.paid());
            amountCell(at + ".available", envelope.available());
            html.append("</tr>\n");
        }
        html.append("<tr class=\"total\"><td colspan=\"3\">").append(esc(text("html.total"))).append("</td>");
        amountCell("ledger.committedTotal", report.committedTotal());
        amountCell("ledger.paidTotal", report.paidTotal());
        html.append("<td></td></tr>\n</tbody>\n</table>\n</section>\n");
    }

    // ------------------------------------------------------------------------------- cohort

    private void cohort() {
        html.append("<section>\n<h2>").append(esc(text("html.cohort"))).append("</h2>\n<p>")
                .append(esc(text("html.objectives", report.objectives().participants(), rate(report.objectives().positiveExitRatePercent()))))
                .append("</p>\n");
        List<YearReport.Figures> rows = new java.util.ArrayList<>();
        rows.add(report.overall());
        rows.addAll(report.byTargetPublic());
        int rowHeight = 34;
        svgOpen("chart-exits", text("html.chart.exits"), 40 + rowHeight * rows.size());
        legend(List.of(COMMITTED, MEN, "#222222"), List.of(text("reached"), text("notReached"), text("html.objective")));
        BigDecimal hundred = BigDecimal.valueOf(100);
        for (int i = 0; i < rows.size(); i++) {
            YearReport.Figures figures = rows.get(i);
            String at = i == 0 ? "cohort.overall" : "cohort.byTargetPublic[" + (i - 1) + "]";
            int y = 40 + i * rowHeight;
            html.append("<text x=\"0\" y=\"").append(y + 16).append("\" class=\"axis\">").append(esc(figures.label())).append("</text>\n");
            BigDecimal rate = figures.positiveExitRate() == null ? BigDecimal.ZERO : figures.positiveExitRate();
            int width = width(rate, hundred);
            html.append("<rect x=\"").append(LEFT).append("\" y=\"").append(y + 4).append("\" width=\"").append(width)
                    .append("\" height=\"18\" fill=\"").append(figures.meetsObjective() ? COMMITTED : MEN).append("\"")
                    .append(data(at + ".positiveExitRatePercent", YearReportFiles.plain(figures.positiveExitRate()))).append("/>\n");
            html.append("<text x=\"").append(LEFT + width + 6).append("\" y=\"").append(y + 18).append("\" class=\"value\">")
                    .append(esc(rate(figures.positiveExitRate()) + " % (" + figures.positiveExits() + " / " + figures.exits() + ")"))
                    .append("</text>\n");
        }
        int objective = LEFT + width(report.objectives().positiveExitRatePercent(), hundred);
        html.append("<line x1=\"").append(objective).append("\" x2=\"").append(objective).append("\" y1=\"34\" y2=\"")
                .append(40 + rowHeight * rows.size()).append("\" stroke=\"#222222\" stroke-width=\"2\" stroke-dasharray=\"6 4\"")
                .append(data("cohort.objectives.positiveExitRatePercent", report.objectives().positiveExitRatePercent().toPlainString()))
                .append("/>\n</svg>\n");
        table("html.public", "html.followed", "html.entries", "html.exits", "html.positiveExits", "html.rate", "html.objective");
        for (int i = 0; i < rows.size(); i++) {
            YearReport.Figures figures = rows.get(i);
            String at = i == 0 ? "cohort.overall" : "cohort.byTargetPublic[" + (i - 1) + "]";
            html.append(i == 0 ? "<tr class=\"total\">" : "<tr>").append("<td>").append(esc(figures.label())).append("</td>");
            countCell(at + ".followed", figures.followed());
            countCell(at + ".entries", figures.entries());
            countCell(at + ".exits", figures.exits());
            countCell(at + ".positiveExits", figures.positiveExits());
            html.append("<td class=\"num\"").append(data(at + ".positiveExitRatePercent", YearReportFiles.plain(figures.positiveExitRate())))
                    .append(">").append(esc(rate(figures.positiveExitRate()))).append(" %</td><td><span")
                    .append(data(at + ".meetsObjective", String.valueOf(figures.meetsObjective()))).append(">")
                    .append(esc(text(figures.meetsObjective() ? "reached" : "notReached"))).append("</span></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    // ------------------------------------------------------------------------------- indicators

    private void indicators() {
        html.append("<section>\n<h2>").append(esc(text("html.esf"))).append("</h2>\n<p>").append(esc(text("html.esfNote"))).append("</p>\n");
        List<YearReport.Indicator> shown = report.indicators().stream().filter(i -> i.total() > 0).toList();
        int max = shown.stream().mapToInt(YearReport.Indicator::total).max().orElse(1);
        int rowHeight = 26;
        svgOpen("chart-indicators", text("html.chart.indicators"), 40 + rowHeight * shown.size());
        legend(List.of(WOMEN, MEN, NON_BINARY), List.of(text("html.women"), text("html.men"), text("html.nonBinary")));
        for (int i = 0; i < shown.size(); i++) {
            YearReport.Indicator indicator = shown.get(i);
            int at = report.indicators().indexOf(indicator);
            int y = 40 + i * rowHeight;
            html.append("<text x=\"0\" y=\"").append(y + 14).append("\" class=\"axis\"><title>").append(esc(indicator.label()))
                    .append("</title>").append(esc(indicator.code())).append("</text>\n");
            int x = LEFT;
            int[] values = {indicator.women(), indicator.men(), indicator.nonBinary()};
            String[] colours = {WOMEN, MEN, NON_BINARY};
            String[] names = {"women", "men", "nonBinary"};
            for (int g = 0; g < 3; g++) {
                int width = width(BigDecimal.valueOf(values[g]), BigDecimal.valueOf(max));
                html.append("<rect x=\"").append(x).append("\" y=\"").append(y + 2).append("\" width=\"").append(width)
                        .append("\" height=\"16\" fill=\"").append(colours[g]).append("\"")
                        .append(data("indicators[" + at + "]." + names[g], String.valueOf(values[g]))).append("/>\n");
                x += width;
            }
            html.append("<text x=\"").append(x + 6).append("\" y=\"").append(y + 15).append("\" class=\"value\">")
                    .append(indicator.total()).append("</text>\n");
        }
        html.append("</svg>\n");
        table("html.indicator", "html.women", "html.men", "html.nonBinary", "html.total");
        for (int i = 0; i < report.indicators().size(); i++) {
            YearReport.Indicator indicator = report.indicators().get(i);
            String at = "indicators[" + i + "]";
            html.append("<tr><td><span").append(data(at + ".code", indicator.code())).append(">").append(indicator.code())
                    .append("</span> ").append(esc(indicator.label())).append("</td>");
            countCell(at + ".women", indicator.women());
            countCell(at + ".men", indicator.men());
            countCell(at + ".nonBinary", indicator.nonBinary());
            countCell(at + ".total", indicator.total());
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void completeness() {
        YearReport.Completeness completeness = report.completeness();
        html.append("<section>\n<h2>").append(esc(text("html.completeness"))).append("</h2>\n<p>")
                .append(esc(text("html.completenessSummary", completeness.total(), completeness.entryDataMissing(),
                        completeness.exitDataMissing(), completeness.sixMonthDataDue())))
                .append(" <span hidden").append(data("completeness.total", String.valueOf(completeness.total()))).append("></span></p>\n");
        table("html.participant", "html.missing", "html.dueOn");
        for (int i = 0; i < completeness.top().size(); i++) {
            YearReport.Item item = completeness.top().get(i);
            html.append("<tr><td").append(data("completeness.top[" + i + "].participant", item.participant())).append(">")
                    .append(esc(item.participant())).append(" (").append(item.period()).append(")</td><td>")
                    .append(esc(text("kind." + item.kind()))).append("</td><td>")
                    .append(esc(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language).format(item.dueOn())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    // ------------------------------------------------------------------------------- drawing

    private static final int LEFT = 300;
    private static final int WIDTH = 860;
    private static final int BARS = 440;

    /** Opens a table with its header row, each column named by its message key. */
    private void table(String... columns) {
        html.append("<table>\n<thead><tr>");
        for (String column : columns) {
            html.append("<th>").append(esc(text(column))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
    }

    private void svgOpen(String id, String title, int height) {
        html.append("<svg id=\"").append(id).append("\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(esc(title)).append("</title>\n");
    }

    private void legend(List<String> colours, List<String> names) {
        int x = 0;
        for (int i = 0; i < colours.size(); i++) {
            html.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"14\" height=\"14\" fill=\"").append(colours.get(i))
                    .append("\"/><text x=\"").append(x + 20).append("\" y=\"18\" class=\"legend\">").append(esc(names.get(i))).append("</text>\n");
            x += 40 + 8 * names.get(i).length();
        }
    }

    private void bar(String key, Money value, BigDecimal max, int y, String colour) {
        int width = width(value.amount(), max);
        html.append("<rect x=\"").append(LEFT).append("\" y=\"").append(y).append("\" width=\"").append(width)
                .append("\" height=\"12\" fill=\"").append(colour).append("\"").append(data(key, value.toString())).append("/>\n")
                .append("<text x=\"").append(LEFT + width + 6).append("\" y=\"").append(y + 10).append("\" class=\"value\">")
                .append(esc(money(value))).append(" €</text>\n");
    }

    private static int width(BigDecimal value, BigDecimal max) {
        return max.signum() == 0 ? 0 : value.multiply(BigDecimal.valueOf(BARS)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
    }

    private void amountCell(String key, Money value) {
        html.append("<td class=\"num\"").append(data(key, value.toString())).append(">").append(esc(money(value))).append(" €</td>");
    }

    private void countCell(String key, int value) {
        html.append("<td class=\"num\"").append(data(key, String.valueOf(value))).append(">").append(value).append("</td>");
    }

    private static String data(String key, String value) {
        return " data-key=\"" + esc(key) + "\" data-value=\"" + esc(value) + "\"";
    }

    private String money(Money money) {
        return amounts.format(money.amount());
    }

    private String rate(BigDecimal rate) {
        return rate == null ? "-" : rates.format(rate);
    }

    private String text(String key, Object... arguments) {
        return Messages.text(BUNDLE, key, language, arguments);
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1d2330; background: #ffffff; margin: 0; }
            main { max-width: 1000px; margin: 0 auto; padding: 24px; }
            h1 { font-size: 26px; margin-bottom: 4px; }
            h2 { font-size: 20px; border-bottom: 2px solid #2f5d9e; padding-bottom: 4px; margin-top: 36px; }
            .lead { color: #4a5263; }
            .keys { display: flex; gap: 16px; flex-wrap: wrap; }
            .key { border: 1px solid #d5d9e0; border-radius: 6px; padding: 12px 16px; min-width: 200px; }
            .key .label { display: block; font-size: 13px; color: #4a5263; }
            .key strong { font-size: 20px; }
            table { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 14px; }
            th, td { border-bottom: 1px solid #e1e4ea; padding: 6px 8px; text-align: left; vertical-align: top; }
            th { background: #f2f4f7; }
            td.num { text-align: right; white-space: nowrap; }
            tr.total td { font-weight: bold; }
            .reasons { margin: 4px 0 0 16px; padding: 0; font-size: 12px; color: #4a5263; }
            .outcome.approved { color: #2e8b57; } .outcome.rejected, .outcome.inadmissible { color: #b03a2e; } .outcome.adjourned { color: #b9770e; }
            svg text { font-size: 13px; fill: #1d2330; } svg text.value { font-size: 12px; fill: #4a5263; paint-order: stroke; stroke: #ffffff; stroke-width: 4px; }
            """;
}
