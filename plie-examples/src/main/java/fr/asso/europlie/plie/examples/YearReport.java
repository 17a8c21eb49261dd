package fr.asso.europlie.plie.examples;

import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The year's report of a plan (bilan annuel), as the main job draws it up from the engine and the
 * domain: the programming by axis against the call's envelopes, each operation's outcome, the
 * global grant's ledger per envelope, the cohort's figures against the protocol's objectives
 * overall and by target public, the FSE+ common indicators by gender, and the completeness of the
 * FSE+ data. Every writer (text, JSON, CSV, HTML) writes this one value, so they agree.
 *
 * @param planName the plan's name
 * @param protocolId the protocol in force
 * @param year the programming year
 * @param asOf the day the report is drawn up
 * @param language the language of the texts it holds ({@code fr} or {@code en})
 * @param axes the programming by axis, in the call's order
 * @param operations every operation applied for, in the order of submission
 * @param envelopes the global grant's envelopes
 * @param objectives the protocol's objectives for the year
 * @param overall the cohort's figures for the whole plan
 * @param byTargetPublic the cohort's figures by target public, in the protocol's order
 * @param indicators the FSE+ common indicators by gender, EECO01 to EECR06
 * @param completeness what FSE+ data is missing or due
 */
record YearReport(String planName, String protocolId, int year, LocalDate asOf, String language, List<Axis> axes,
        List<OperationLine> operations, List<Envelope> envelopes, Objectives objectives, Figures overall, List<Figures> byTargetPublic,
        List<Indicator> indicators, Completeness completeness) {

    /** The format name of the JSON document. */
    static final String FORMAT = "plie/year-report";

    YearReport {
        Objects.requireNonNull(asOf, "asOf");
        axes = List.copyOf(axes);
        operations = List.copyOf(operations);
        envelopes = List.copyOf(envelopes);
        byTargetPublic = List.copyOf(byTargetPublic);
        indicators = List.copyOf(indicators);
    }

    /**
     * One programming axis of the call.
     *
     * @param axis the programming axis
     * @param label its name in the report's language
     * @param strategicAxis the protocol's strategic axis it is mapped onto
     * @param envelope the call's envelope for the axis
     * @param programmed the total approved by the steering committee
     * @param esfCommitted the FSE+ committed by the OI for the axis's operations
     */
    record Axis(ProgrammingAxis axis, String label, String strategicAxis, Money envelope, Money programmed, Money esfCommitted) {
    }

    /**
     * One operation applied for.
     *
     * @param id the operation
     * @param operator the operator's id
     * @param operatorName the operator's name
     * @param axis its programming axis
     * @param title its title
     * @param cost its total cost
     * @param esfAsked the FSE+ its financing plan asks for
     * @param outcome {@code INADMISSIBLE}, {@code APPROVED}, {@code REJECTED} or {@code ADJOURNED}
     * @param approved the amount programmed (zero unless approved)
     * @param commitment the OI commitment's state ({@code COMMITTED}, {@code RESERVED}...), empty when none
     * @param esfCommitted the FSE+ committed net of decommitments
     * @param paid the FSE+ paid
     * @param reasons why it is not admissible, or why it was rejected or adjourned, or how its commitment went
     */
    record OperationLine(String id, String operator, String operatorName, ProgrammingAxis axis, String title, Money cost, Money esfAsked,
            String outcome, Money approved, String commitment, Money esfCommitted, Money paid, List<String> reasons) {
        OperationLine {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * One envelope of the global grant: reserved, committed (net of decommitments), paid, available.
     *
     * @param priority the programme's priority
     * @param specificObjective the specific objective
     * @param year the year
     * @param amount the envelope
     * @param reserved reserved, not committed yet
     * @param committed committed net of decommitments
     * @param paid paid
     * @param available what is left: amount - reserved - committed
     */
    record Envelope(String priority, String specificObjective, int year, Money amount, Money reserved, Money committed, Money paid,
            Money available) {
        String key() {
            return priority + "-" + specificObjective + "-" + year;
        }
    }

    /**
     * The protocol's objectives for the year.
     *
     * @param participants the participants to follow in the year
     * @param positiveExitRatePercent the positive-exit rate, in percent
     */
    record Objectives(int participants, BigDecimal positiveExitRatePercent) {
    }

    /**
     * The cohort's figures for the plan or one target public.
     *
     * @param code {@code ALL} or the target public's code
     * @param label its name
     * @param followed participations active in the year
     * @param entries entries in the year
     * @param exits exits in the year
     * @param positiveExits positive exits in the year
     * @param positiveExitRate positive exits over exits in percent, one decimal, null when nobody left
     * @param meetsObjective whether the rate reaches the protocol's objective
     */
    record Figures(String code, String label, int followed, int entries, int exits, int positiveExits, BigDecimal positiveExitRate,
            boolean meetsObjective) {
    }

    /**
     * One FSE+ common indicator by gender.
     *
     * @param code {@code EECO01}...
     * @param label its name in the report's language
     * @param result whether it is a result indicator
     * @param women women
     * @param men men
     * @param nonBinary non-binary persons
     * @param total the total
     */
    record Indicator(String code, String label, boolean result, int women, int men, int nonBinary, int total) {
    }

    /**
     * What FSE+ data is missing or due on the report's day.
     *
     * @param total the number of items
     * @param entryDataMissing entry data missing
     * @param exitDataMissing data upon leaving missing
     * @param sixMonthDataDue six-month data due
     * @param top the oldest items first, at most {@link YearReport#TOP_ITEMS}
     */
    record Completeness(int total, int entryDataMissing, int exitDataMissing, int sixMonthDataDue, List<Item> top) {
        Completeness {
            top = List.copyOf(top);
        }
    }

    /** The number of completeness items the report lists. */
    static final int TOP_ITEMS = 10;

    /**
     * One missing piece of FSE+ data.
     *
     * @param participant the pseudonymous participant
     * @param period the accompaniment period's number
     * @param kind {@code ENTRY_DATA_MISSING}, {@code EXIT_DATA_MISSING} or {@code SIX_MONTH_DATA_DUE}
     * @param dueOn when it was due
     */
    record Item(String participant, int period, String kind, LocalDate dueOn) {
    }

    /** @return the total of the call's envelopes */
    Money envelopesTotal() {
        return axes.stream().map(Axis::envelope).reduce(Money.ZERO, Money::plus);
    }

    /** @return the total programmed */
    Money programmedTotal() {
        return axes.stream().map(Axis::programmed).reduce(Money.ZERO, Money::plus);
    }

    /** @return the FSE+ committed, net of decommitments, over every envelope */
    Money committedTotal() {
        return envelopes.stream().map(Envelope::committed).reduce(Money.ZERO, Money::plus);
    }

    /** @return the FSE+ paid over every envelope */
    Money paidTotal() {
        return envelopes.stream().map(Envelope::paid).reduce(Money.ZERO, Money::plus);
    }

    /**
     * One indicator.
     *
     * @param code its code
     * @return the indicator
     */
    Indicator indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }
}
