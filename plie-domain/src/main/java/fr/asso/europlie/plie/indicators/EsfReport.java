package fr.asso.europlie.plie.indicators;

import fr.asso.europlie.plie.offer.OperationId;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The FSE+ report of a period (rapport FSE+), as the Commission's guidance on participant data asks
 * (RULES.md section 5): the common indicators by gender <b>per operation</b>, and for the plan the
 * sum over its operations.
 *
 * <p>An operation's participants are the persons with a step it funds or whose referent it funds
 * (its accompaniment operation). A person who leaves an operation and re-enters the same one is
 * one participant of it: output indicators from the entry data of the first entry (counted when
 * that entry falls in the period), result indicators from the final exit (counted when that exit
 * falls in the period). A person in two operations counts in each, so the plan's figures are a sum
 * of participations in operations, not of persons, and differ from the PLIE's own figures
 * ({@link CohortFigures}), which count accompaniment periods.
 *
 * @param period the report period, not null
 * @param byOperation the indicators of each operation with at least one participant, sorted by id, copied
 * @param plan the sum over the operations
 */
public record EsfReport(ReportPeriod period, SortedMap<OperationId, EsfIndicators> byOperation, EsfIndicators plan) {

    /**
     * Copies the map.
     *
     * @throws NullPointerException when a component is null
     */
    public EsfReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(plan, "plan");
        TreeMap<OperationId, EsfIndicators> copy = new TreeMap<>(Comparator.comparing(OperationId::value));
        copy.putAll(byOperation);
        byOperation = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The indicators of one operation.
     *
     * @param operation the operation
     * @return its indicators, all zero when it had no participant
     */
    public EsfIndicators of(OperationId operation) {
        return byOperation.getOrDefault(operation, new EsfIndicators(new EnumMap<>(EsfIndicator.class)));
    }

    /**
     * The sum of operations' indicators.
     *
     * @param reports the operations' indicators
     * @return their sum, indicator by indicator and gender by gender
     */
    static EsfIndicators sum(Iterable<EsfIndicators> reports) {
        Map<EsfIndicator, GenderBreakdown> total = new EnumMap<>(EsfIndicator.class);
        for (EsfIndicators report : reports) {
            report.values().forEach((indicator, breakdown) -> total.merge(indicator, breakdown,
                    (a, b) -> new GenderBreakdown(a.women() + b.women(), a.men() + b.men(), a.nonBinary() + b.nonBinary())));
        }
        return new EsfIndicators(total);
    }
}
