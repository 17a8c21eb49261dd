package fr.asso.europlie.plie.json.indicators;

import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.indicators.CohortFigures;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfIndicators;
import fr.asso.europlie.plie.indicators.EsfReport;
import fr.asso.europlie.plie.indicators.GenderBreakdown;
import fr.asso.europlie.plie.json.JsonFormat;
import java.math.BigDecimal;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The indicators document of the PLIE interchange format ({@code "format": "plie/indicators"}),
 * written for funders and the OI: for one period, the PLIE's own figures ({@code plieFigures},
 * counting accompaniment periods, against the protocol's objective) and the FSE+ report
 * ({@code esfReport}, counting participants per operation, the plan being their sum), each under
 * its own name since they count different things (RULES.md section 5, docs/cohort.md).
 *
 * <pre>
 * { "format": "plie/indicators", "formatVersion": "1.0", "period": { "from": "2026-01-01", "to": "2026-12-31" },
 *   "plieFigures": { "counts": "ACCOMPANIMENT_PERIODS", "caseloadAtStart": 0, "caseloadAtEnd": 2, "entries": 6, "exits": 4,
 *                    "positiveExits": 0, "exitsByReason": { "DROPOUT": 3, ... }, "positiveExitRate": "0.0",
 *                    "positiveExitObjective": "50", "meetsObjective": false, "followed": 6,
 *                    "averagePathwayDays": "120.5", "stepsPerParticipant": "0.50" },
 *   "esfReport": { "counts": "PARTICIPANTS_PER_OPERATION",
 *                  "operations": [ { "operation": "OP-A", "indicators": { "EECO01": { "women": 1, "men": 1, "nonBinary": 0 }, ... } } ],
 *                  "plan": { "EECO01": { "women": 2, "men": 3, "nonBinary": 0 }, ... } } }
 * </pre>
 *
 * <p>Rates and means are decimal texts, absent (null) when there is nothing to divide by.
 */
public final class IndicatorsJson {

    /** The kind of document. */
    public static final String FORMAT = "plie/indicators";

    private IndicatorsJson() {
    }

    /**
     * Writes the PLIE's figures and the FSE+ report of the same period.
     *
     * @param figures the PLIE's own figures of the whole cohort, not null
     * @param esf the FSE+ report, not null
     * @return the indented JSON text
     * @throws NullPointerException when an argument is null
     */
    public static String write(CohortFigures figures, EsfReport esf) {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(esf, "esf");
        ObjectNode root = JsonFormat.envelope(FORMAT);
        root.putObject("period").put("from", esf.period().from().toString()).put("to", esf.period().to().toString());
        ObjectNode plie = root.putObject("plieFigures");
        plie.put("counts", "ACCOMPANIMENT_PERIODS").put("caseloadAtStart", figures.caseloadAtStart())
                .put("caseloadAtEnd", figures.caseloadAtEnd()).put("entries", figures.entries()).put("exits", figures.exits())
                .put("positiveExits", figures.positiveExits());
        ObjectNode reasons = plie.putObject("exitsByReason");
        for (ExitReason reason : ExitReason.values()) {
            reasons.put(reason.name(), figures.exitsByReason().get(reason));
        }
        plie.put("positiveExitRate", text(figures.positiveExitRate()))
                .put("positiveExitObjective", text(figures.positiveExitObjective()))
                .put("meetsObjective", figures.meetsObjective()).put("followed", figures.followed())
                .put("averagePathwayDays", text(figures.averagePathwayDays()))
                .put("stepsPerParticipant", text(figures.stepsPerParticipant()));
        ObjectNode report = root.putObject("esfReport");
        report.put("counts", "PARTICIPANTS_PER_OPERATION");
        ArrayNode operations = report.putArray("operations");
        esf.byOperation().forEach((operation, indicators) -> operations.addObject().put("operation", operation.value())
                .set("indicators", indicators(indicators)));
        report.set("plan", indicators(esf.plan()));
        return JsonFormat.write(root);
    }

    private static ObjectNode indicators(EsfIndicators indicators) {
        ObjectNode node = JsonFormat.object();
        for (EsfIndicator indicator : EsfIndicator.values()) {
            GenderBreakdown b = indicators.get(indicator);
            node.putObject(indicator.name()).put("women", b.women()).put("men", b.men()).put("nonBinary", b.nonBinary());
        }
        return node;
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
