package fr.asso.europlie.plie.examples;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.money.Money;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The year's report told in plain words on the console, in French or English. */
final class YearReportText {

    private static final String BUNDLE = "fr.asso.europlie.plie.examples.year";

    private final YearReport report;
    private final Locale language;
    private final PrintStream out;
    private final NumberFormat amounts;
    private final NumberFormat rates;

    YearReportText(YearReport report, Locale language, PrintStream out) {
        this.report = report;
        this.language = language;
        this.out = out;
        this.amounts = amounts(language);
        this.rates = NumberFormat.getNumberInstance(language);
        this.rates.setMinimumFractionDigits(1);
        this.rates.setMaximumFractionDigits(1);
    }

    /** An amount format of a language: two decimals, grouped. */
    static NumberFormat amounts(Locale language) {
        NumberFormat format = NumberFormat.getNumberInstance(language);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format;
    }

    void print() {
        say("report.title", report.planName(), String.valueOf(report.year()),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(report.asOf()));
        say("report.programming");
        for (YearReport.Axis axis : report.axes()) {
            say("report.axis", axis.label(), axis.strategicAxis(), money(axis.envelope()), money(axis.programmed()),
                    money(axis.esfCommitted()));
        }
        say("report.programmingTotal", money(report.envelopesTotal()), money(report.programmedTotal()));
        for (YearReport.OperationLine line : report.operations()) {
            say("report.operation", line.id(), line.operatorName(), line.title(), text("outcome." + line.outcome()),
                    money(line.approved()), line.commitment().isEmpty() ? "-" : text("commitment." + line.commitment()),
                    money(line.esfCommitted()), money(line.paid()));
        }
        say("report.ledger");
        for (YearReport.Envelope envelope : report.envelopes()) {
            say("report.envelope", envelope.priority(), envelope.specificObjective(), envelope.year(), money(envelope.amount()),
                    money(envelope.reserved()), money(envelope.committed()), money(envelope.paid()), money(envelope.available()));
        }
        say("report.committedTotal", money(report.committedTotal()), money(report.paidTotal()));
        say("report.cohort", report.objectives().participants(), rate(report.objectives().positiveExitRatePercent()));
        figures(report.overall());
        report.byTargetPublic().forEach(this::figures);
        say("report.esf");
        for (YearReport.Indicator indicator : report.indicators()) {
            say("report.indicator", indicator.code(), indicator.label(), indicator.women(), indicator.men(), indicator.nonBinary(),
                    indicator.total());
        }
        YearReport.Completeness completeness = report.completeness();
        say("report.completeness", completeness.total(), completeness.entryDataMissing(), completeness.exitDataMissing(),
                completeness.sixMonthDataDue());
        for (YearReport.Item item : completeness.top()) {
            say("report.item", item.participant(), item.period(), text("kind." + item.kind()),
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language).format(item.dueOn()));
        }
    }

    private void figures(YearReport.Figures figures) {
        say("report.figures", figures.label(), figures.followed(), figures.entries(), figures.exits(), figures.positiveExits(),
                figures.positiveExitRate() == null ? "-" : rate(figures.positiveExitRate()),
                rate(report.objectives().positiveExitRatePercent()), text(figures.meetsObjective() ? "reached" : "notReached"));
    }

    private String money(Money money) {
        return amounts.format(money.amount());
    }

    private String rate(BigDecimal rate) {
        return rates.format(rate);
    }

    private String text(String key) {
        return Messages.text(BUNDLE, key, language);
    }

    private void say(String key, Object... arguments) {
        out.println(Messages.text(BUNDLE, key, language, arguments));
    }
}
