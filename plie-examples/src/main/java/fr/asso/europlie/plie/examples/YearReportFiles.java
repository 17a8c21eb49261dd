package fr.asso.europlie.plie.examples;

import fr.asso.europlie.plie.json.JsonFormat;
import fr.asso.europlie.plie.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the year's report to a folder: {@code year-report.json} (format {@code plie/year-report},
 * docs/json-format.md), {@code programming.csv}, {@code indicators.csv} and {@code year-report.html}
 * (one self-contained page, see {@link YearReportHtml}).
 */
final class YearReportFiles {

    /** The JSON document's file name. */
    static final String JSON = "year-report.json";
    /** The programming's CSV file name. */
    static final String PROGRAMMING_CSV = "programming.csv";
    /** The indicators' CSV file name. */
    static final String INDICATORS_CSV = "indicators.csv";
    /** The HTML page's file name. */
    static final String HTML = "year-report.html";

    private YearReportFiles() {
    }

    /**
     * Writes the four files, replacing earlier ones.
     *
     * @param report the report
     * @param folder the folder, created when missing
     * @return the folder
     * @throws IOException when a file cannot be written
     */
    static Path write(YearReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(JSON), json(report), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(PROGRAMMING_CSV), programmingCsv(report), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(INDICATORS_CSV), indicatorsCsv(report), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(HTML), new YearReportHtml(report).page(), StandardCharsets.UTF_8);
        return folder;
    }

    // ------------------------------------------------------------------------------- JSON

    /**
     * The report as a {@code plie/year-report} document.
     *
     * @param report the report
     * @return the indented JSON text
     */
    static String json(YearReport report) {
        ObjectNode root = JsonFormat.envelope(YearReport.FORMAT);
        root.put("plan", report.planName()).put("protocol", report.protocolId()).put("year", report.year())
                .put("asOf", report.asOf().toString()).put("language", report.language());
        ObjectNode programming = root.putObject("programming");
        ArrayNode axes = programming.putArray("axes");
        for (YearReport.Axis axis : report.axes()) {
            axes.addObject().put("axis", axis.axis().name()).put("label", axis.label()).put("strategicAxis", axis.strategicAxis())
                    .put("envelope", axis.envelope().toString()).put("programmed", axis.programmed().toString())
                    .put("esfCommitted", axis.esfCommitted().toString());
        }
        programming.put("envelopesTotal", report.envelopesTotal().toString()).put("programmedTotal", report.programmedTotal().toString());
        ArrayNode operations = programming.putArray("operations");
        for (YearReport.OperationLine line : report.operations()) {
            ObjectNode node = operations.addObject().put("id", line.id()).put("operator", line.operator())
                    .put("operatorName", line.operatorName()).put("axis", line.axis().name()).put("title", line.title())
                    .put("cost", line.cost().toString()).put("esfAsked", line.esfAsked().toString()).put("outcome", line.outcome())
                    .put("approved", line.approved().toString()).put("commitment", line.commitment())
                    .put("esfCommitted", line.esfCommitted().toString()).put("paid", line.paid().toString());
            ArrayNode reasons = node.putArray("reasons");
            line.reasons().forEach(reasons::add);
        }
        ObjectNode ledger = root.putObject("ledger");
        ArrayNode envelopes = ledger.putArray("envelopes");
        for (YearReport.Envelope envelope : report.envelopes()) {
            envelopes.addObject().put("priority", envelope.priority()).put("specificObjective", envelope.specificObjective())
                    .put("year", envelope.year()).put("amount", envelope.amount().toString()).put("reserved", envelope.reserved().toString())
                    .put("committed", envelope.committed().toString()).put("paid", envelope.paid().toString())
                    .put("available", envelope.available().toString());
        }
        ledger.put("committedTotal", report.committedTotal().toString()).put("paidTotal", report.paidTotal().toString());
        ObjectNode cohort = root.putObject("cohort");
        cohort.putObject("objectives").put("participants", report.objectives().participants())
                .put("positiveExitRatePercent", report.objectives().positiveExitRatePercent().toPlainString());
        figures(cohort.putObject("overall"), report.overall());
        ArrayNode byPublic = cohort.putArray("byTargetPublic");
        report.byTargetPublic().forEach(f -> figures(byPublic.addObject(), f));
        ArrayNode indicators = root.putArray("indicators");
        for (YearReport.Indicator indicator : report.indicators()) {
            indicators.addObject().put("code", indicator.code()).put("label", indicator.label()).put("result", indicator.result())
                    .put("women", indicator.women()).put("men", indicator.men()).put("nonBinary", indicator.nonBinary())
                    .put("total", indicator.total());
        }
        YearReport.Completeness completeness = report.completeness();
        ObjectNode missing = root.putObject("completeness").put("total", completeness.total())
                .put("entryDataMissing", completeness.entryDataMissing()).put("exitDataMissing", completeness.exitDataMissing())
                .put("sixMonthDataDue", completeness.sixMonthDataDue());
        ArrayNode top = missing.putArray("top");
        completeness.top().forEach(i -> top.addObject().put("participant", i.participant()).put("period", i.period()).put("kind", i.kind())
                .put("dueOn", i.dueOn().toString()));
        return JsonFormat.write(root);
    }

    private static void figures(ObjectNode node, YearReport.Figures figures) {
        node.put("code", figures.code()).put("label", figures.label()).put("followed", figures.followed()).put("entries", figures.entries())
                .put("exits", figures.exits()).put("positiveExits", figures.positiveExits());
        if (figures.positiveExitRate() == null) {
            node.putNull("positiveExitRatePercent");
        } else {
            node.put("positiveExitRatePercent", figures.positiveExitRate().toPlainString());
        }
        node.put("meetsObjective", figures.meetsObjective());
    }

    // ------------------------------------------------------------------------------- CSV

    /** The header of {@code programming.csv}. */
    static final List<String> PROGRAMMING_COLUMNS = List.of("operation", "operator", "operatorName", "axis", "title", "cost", "esfAsked",
            "outcome", "approved", "commitment", "esfCommitted", "paid");
    /** The header of {@code indicators.csv}. */
    static final List<String> INDICATOR_COLUMNS = List.of("code", "label", "women", "men", "nonBinary", "total");

    /**
     * The operations, one row each: UTF-8, {@code ;} separated, amounts with a dot.
     *
     * @param report the report
     * @return the CSV text
     */
    static String programmingCsv(YearReport report) {
        StringBuilder csv = new StringBuilder(row(PROGRAMMING_COLUMNS));
        for (YearReport.OperationLine line : report.operations()) {
            csv.append(row(List.of(line.id(), line.operator(), line.operatorName(), line.axis().name(), line.title(), amount(line.cost()),
                    amount(line.esfAsked()), line.outcome(), amount(line.approved()), line.commitment(), amount(line.esfCommitted()),
                    amount(line.paid()))));
        }
        return csv.toString();
    }

    /**
     * The FSE+ common indicators by gender, one row each.
     *
     * @param report the report
     * @return the CSV text
     */
    static String indicatorsCsv(YearReport report) {
        StringBuilder csv = new StringBuilder(row(INDICATOR_COLUMNS));
        for (YearReport.Indicator indicator : report.indicators()) {
            csv.append(row(List.of(indicator.code(), indicator.label(), String.valueOf(indicator.women()), String.valueOf(indicator.men()),
                    String.valueOf(indicator.nonBinary()), String.valueOf(indicator.total()))));
        }
        return csv.toString();
    }

    private static String amount(Money money) {
        return money.amount().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String row(List<String> cells) {
        return cells.stream().map(YearReportFiles::cell).collect(Collectors.joining(";")) + "\r\n";
    }

    private static String cell(String value) {
        return value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** For the page and the tests: a rate in percent as JSON writes it. */
    static String plain(BigDecimal rate) {
        return rate == null ? "" : rate.toPlainString();
    }
}
