package fr.asso.europlie.plie.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.funds.EnvelopeBalance;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.OperationAccount;
import fr.asso.europlie.plie.json.funds.GlobalGrantJson;
import fr.asso.europlie.plie.json.offer.OfferDirectoryJson;
import fr.asso.europlie.plie.json.offer.OperationJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Application;
import fr.asso.europlie.plie.offer.CallForProposals;
import fr.asso.europlie.plie.offer.FunderKind;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.protocol.TargetPublic;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The main job runs a whole year of the plan and draws up its report: each figure of the report is
 * checked against the domain objects the run leaves (the programming's applications, the global
 * grant and its journal, the cohort's participants), and the JSON, CSV and HTML files against each
 * other. The run is shared with {@link YearReportBrowserTest} ({@link YearRun}).
 */
@DisplayName("the main job: a year of the plan, end to end, with its report")
class PlanYearScenarioTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);

    private static YearRun run() {
        return YearRun.onH2();
    }

    private static YearReport report() {
        return run().outcome().report();
    }

    private static String document(String name) {
        try (InputStream in = PlanYearScenario.class.getResourceAsStream("year/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Operation> documents() {
        List<Operation> operations = new ArrayList<>();
        for (int i = 1; i <= PlanYearScenario.OPERATIONS; i++) {
            operations.add(OperationJson.read(document(String.format("operation-%02d.json", i))));
        }
        return operations;
    }

    @Test
    @DisplayName("it tells the year and prints its report in plain French: EECO01, EECR04, the committed total, the positive-exit rate against the objective")
    void printsTheReportInFrench() {
        String told = run().told();
        YearReport report = report();
        String committed = YearReportText.amounts(Messages.FRENCH).format(report.committedTotal().amount());
        assertThat(told).contains("est EN VIGUEUR", "NON RECEVABLE (3 motifs)", "AJOURNÉE", "REJETÉE", "Programmation adoptée",
                "montant RÉDUIT", "LISTE D’ATTENTE", "quitte la liste d’attente", "Premier bilan d’exécution",
                "== Bilan 2026 du PLIE du Grand Périgueux");
        assertThat(told).contains("Total engagé (FSE+) : " + committed + " €")
                .containsPattern("EECO01 Nombre total de participants : \\d+ / \\d+ / \\d+ / " + report.indicator("EECO01").total())
                .containsPattern("EECR04 [^\\n]* : \\d+ / \\d+ / \\d+ / " + report.indicator("EECR04").total())
                .containsPattern("Tous publics : \\d+ suivis, .* taux de sorties positives \\d+,\\d % pour un objectif de 50,0 %");
        // the short story: the negotiation's details only with --verbose
        assertThat(told).doesNotContain("Avis de ", "délibération DEL-").doesNotContain("IN_FORCE", "COMMITTED", "APPROVED");
        assertThat(report.indicator("EECO01").total()).isPositive();
        assertThat(report.indicator("EECR04").total()).isPositive();
    }

    @Test
    @DisplayName("the programming: each operation read from its document, decided as the committee decided, each axis's total the sum of its approvals within its envelope")
    void programmingAgreesWithTheDomain() {
        YearReport report = report();
        List<Application> applications = run().outcome().applications();
        Map<OperationId, Application> decided = new HashMap<>();
        applications.forEach(a -> decided.put(a.operation().id(), a));
        List<Operation> documents = documents();
        assertThat(report.operations()).extracting(YearReport.OperationLine::id)
                .containsExactlyElementsOf(documents.stream().map(o -> o.id().value()).toList());
        Map<ProgrammingAxis, Money> approvedByAxis = new EnumMap<>(ProgrammingAxis.class);
        for (int i = 0; i < documents.size(); i++) {
            Operation operation = documents.get(i);
            YearReport.OperationLine line = report.operations().get(i);
            assertThat(line.cost()).isEqualTo(operation.costs().total());
            assertThat(line.esfAsked()).isEqualTo(operation.financingPlan().amountOf(FunderKind.ESF_PLUS));
            Application application = decided.get(operation.id());
            if (application == null) {
                assertThat(line.outcome()).isEqualTo("INADMISSIBLE");
                continue;
            }
            SteeringDecision decision = application.decisionIfAny().orElseThrow();
            assertThat(line.outcome()).isEqualTo(decision.outcome().name());
            assertThat(line.approved()).isEqualTo(decision.approvedAmount());
            if (decision.outcome() == SteeringDecision.Outcome.APPROVED) {
                approvedByAxis.merge(operation.axis(), decision.approvedAmount(), Money::plus);
            }
        }
        assertThat(report.operations()).filteredOn(l -> l.outcome().equals("INADMISSIBLE")).singleElement()
                .satisfies(l -> assertThat(l.reasons()).anyMatch(r -> r.startsWith("PLIE-OFFER-012"))
                        .anyMatch(r -> r.startsWith("PLIE-OFFER-014")).anyMatch(r -> r.startsWith("PLIE-OFFER-015")));
        assertThat(report.operations()).filteredOn(l -> l.outcome().equals("ADJOURNED")).extracting(YearReport.OperationLine::id)
                .containsExactly(PlanYearScenario.ADJOURNED);
        assertThat(report.operations()).filteredOn(l -> l.outcome().equals("REJECTED")).extracting(YearReport.OperationLine::id)
                .containsExactly(PlanYearScenario.REJECTED);

        CallForProposals call = OfferDirectoryJson.readCall(document("call-for-proposals-2026.json"));
        assertThat(report.axes()).extracting(YearReport.Axis::axis).containsExactlyElementsOf(call.envelopes().keySet());
        for (YearReport.Axis axis : report.axes()) {
            assertThat(axis.envelope()).isEqualTo(call.envelopes().get(axis.axis()));
            assertThat(axis.programmed()).isEqualTo(approvedByAxis.getOrDefault(axis.axis(), Money.ZERO));
            assertThat(axis.programmed().isGreaterThan(axis.envelope())).as("%s within its envelope", axis.axis()).isFalse();
        }
        assertThat(report.programmedTotal()).isEqualTo(Money.sum(approvedByAxis.values()));
        assertThat(report.programmedTotal()).isEqualTo(Money.euros(615_000));
    }

    @Test
    @DisplayName("the ledger: each envelope's balance is the grant's, the grant replays from its journal, reserved + committed + available = amount, and the reduced, waiting, decommitted and paid operations are as told")
    void ledgerAgreesWithTheGrant() {
        YearReport report = report();
        GlobalGrant grant = run().outcome().grant();
        GlobalGrant replayed = GlobalGrantJson.read(GlobalGrantJson.write(grant));
        assertThat(report.envelopes()).hasSize(grant.envelopes().size());
        for (YearReport.Envelope line : report.envelopes()) {
            EnvelopeKey key = EnvelopeKey.of(line.priority(), line.specificObjective(), line.year());
            EnvelopeBalance balance = grant.balance(key);
            assertThat(replayed.balance(key)).isEqualTo(balance);
            assertThat(List.of(line.amount(), line.reserved(), line.committed(), line.paid(), line.available()))
                    .containsExactly(balance.amount(), balance.reserved(), balance.committed(), balance.paid(), balance.available());
            assertThat(line.reserved().plus(line.committed()).plus(line.available())).isEqualTo(line.amount());
            List<OperationAccount> accounts = grant.accounts().stream().filter(a -> a.envelope().equals(key)).toList();
            assertThat(line.committed()).isEqualTo(Money.sum(accounts.stream().filter(OperationAccount::isCommitted)
                    .map(a -> a.committed().minus(a.decommitted())).toList()));
            assertThat(line.paid()).isEqualTo(Money.sum(accounts.stream().map(OperationAccount::paid).toList()));
        }
        assertThat(report.committedTotal()).isEqualTo(Money.sum(report.operations().stream().map(YearReport.OperationLine::esfCommitted).toList()));
        assertThat(report.paidTotal()).isEqualTo(Money.sum(report.operations().stream().map(YearReport.OperationLine::paid).toList()));
        assertThat(report.axes().stream().map(YearReport.Axis::esfCommitted).reduce(Money.ZERO, Money::plus)).isEqualTo(report.committedTotal());

        OperationAccount reduced = grant.account(OperationId.of(PlanYearScenario.REDUCED)).orElseThrow();
        Operation reducedOperation = documents().stream().filter(o -> o.id().value().equals(PlanYearScenario.REDUCED)).findFirst().orElseThrow();
        assertThat(reduced.committed()).isLessThan(reducedOperation.financingPlan().esfShare());
        OperationAccount waited = grant.account(OperationId.of(PlanYearScenario.WAITING)).orElseThrow();
        assertThat(waited.isCommitted()).isTrue();
        assertThat(grant.journal()).extracting(c -> c.getClass().getSimpleName()).contains("Decommit", "RecordServiceDone", "Pay");
        OperationAccount decommitted = grant.account(OperationId.of(PlanYearScenario.DECOMMITTED)).orElseThrow();
        assertThat(decommitted.decommitted()).isEqualTo(Money.euros(20_000));
        OperationAccount paid = grant.account(OperationId.of(PlanYearScenario.PAID)).orElseThrow();
        assertThat(paid.paid()).isEqualTo(paid.accepted());
        assertThat(paid.paid().isPositive()).isTrue();
        // every approved operation asking for FSE+ ends committed
        assertThat(report.operations()).filteredOn(l -> l.outcome().equals("APPROVED") && l.esfAsked().isPositive())
                .allSatisfy(l -> assertThat(l.commitment()).isEqualTo("COMMITTED"));
    }

    @Test
    @DisplayName("the cohort's figures and the FSE+ indicators, counted again from the cohort's participants, are the report's")
    void cohortFiguresAgreeWithTheParticipants() {
        assertCohortFigures(run());
    }

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    @DisplayName("the cohort went through the facade: each participant's facts from the opening day are audited commands on their day, by their actor; earlier facts one load")
    void cohortWentThroughTheCommands() {
        YearCohort cohort = run().outcome().cohort();
        LocalDate opening = cohort.opening();
        assertThat(opening).isEqualTo(LocalDate.of(2026, 6, 2));
        Map<ParticipantId, List<AuditEntry>> audits = cohort.audits();
        assertThat(audits.keySet()).hasSize(cohort.participants().size());
        int commands = 0;
        for (Participant participant : cohort.participants()) {
            List<AuditEntry> trail = audits.get(participant.id());
            // what the stored participant holds from the opening day, as (command, period, day): each must be one audit entry
            Map<String, Integer> expected = new HashMap<>();
            Map<String, Integer> audited = new HashMap<>();
            for (AccompanimentPeriod period : participant.periods()) {
                int n = period.number();
                fact(expected, period.number() == 1 ? "REFER" : "REENTER", n, period.referral().referredOn(), opening);
                if (period.entryDecision() != null) {
                    fact(expected, period.entryDecision().validated() ? "VALIDATE_ENTRY" : "REJECT_ENTRY", n,
                            period.entryDecision().decidedOn(), opening);
                }
                if (period.adhesion() != null) {
                    fact(expected, "ADHERE", n, period.adhesion().entryDate(), opening);
                }
                // a step is added on its first day, or earlier (the commission's first assessment, planned at the adhesion)
                List<LocalDate> starts = period.steps().stream().map(Step::start).filter(d -> !d.isBefore(opening)).sorted().toList();
                List<LocalDate> added = trail.stream().filter(e -> e.step().equals("ADD_STEP") && e.round() == n)
                        .map(e -> LocalDate.ofInstant(e.at(), PARIS)).sorted().toList();
                assertThat(added).as("%s period %d: one step added for each step starting from the opening day", participant.id(), n)
                        .hasSameSizeAs(starts);
                for (int i = 0; i < added.size(); i++) {
                    assertThat(added.get(i)).as("%s period %d: a step is added by its first day", participant.id(), n)
                            .isBeforeOrEqualTo(starts.get(i));
                }
                if (period.exit() != null) {
                    boolean completed = !period.followUps().isEmpty() && period.followUps().get(period.followUps().size() - 1).completed();
                    fact(expected, completed ? "COMPLETE_FOLLOW_UP" : "EXIT", n, period.exit().exitedOn(), opening);
                }
                if (period.sixMonthData() != null) {
                    fact(expected, "RECORD_SIX_MONTH_DATA", n, period.sixMonthData().collectedOn(), opening);
                }
            }
            long loads = 0;
            for (AuditEntry entry : trail) {
                assertThat(entry.protocolId()).isEqualTo(participant.id().value());
                LocalDate day = LocalDate.ofInstant(entry.at(), PARIS);
                if (entry.step().equals("LOAD")) {
                    loads++;
                    assertThat(day).as("the past months are loaded the day the cohort opens").isEqualTo(opening);
                    continue;
                }
                assertThat(day).as("%s of %s: a command runs from the opening day", entry.step(), participant.id()).isAfterOrEqualTo(opening);
                if (!entry.step().equals("ADD_STEP")) {
                    audited.merge(entry.step() + "/" + entry.round() + "/" + day, 1, Integer::sum);
                }
                commands++;
                if (entry.step().equals("ADD_STEP")) {
                    AccompanimentPeriod period = participant.periods().get(entry.round() - 1);
                    assertThat(period.referents()).as("a step is added by a referent of its period")
                            .anySatisfy(r -> assertThat(r.referent().value()).isEqualTo(entry.userId()));
                }
                if (entry.step().endsWith("_ENTRY")) {
                    assertThat(entry.userId()).as("the entry commission decides").isEqualTo("commission.entree");
                }
            }
            boolean past = participant.periods().stream().anyMatch(p -> p.referral().referredOn().isBefore(opening));
            assertThat(loads).as("%s: one load when it was followed before the opening day, none otherwise", participant.id())
                    .isEqualTo(past ? 1 : 0);
            // every fact dated from the opening day is exactly one audited command on its day, for its period
            expected.forEach((fact, count) -> assertThat(audited.getOrDefault(fact, 0)).as("%s: %s", participant.id(), fact).isEqualTo(count));
        }
        assertThat(commands).as("the audited commands cover the generated participants' later facts and the commission's")
                .isGreaterThanOrEqualTo(cohort.generatedCommands()[0]);
    }

    /** Counts a fact dated from the opening day, by command, period and day. */
    private static void fact(Map<String, Integer> facts, String command, int period, LocalDate day, LocalDate opening) {
        if (!day.isBefore(opening)) {
            facts.merge(command + "/" + period + "/" + day, 1, Integer::sum);
        }
    }

    /**
     * Counts the cohort's figures and FSE+ indicators again from the participants streamed out of
     * the engine's store at the year's end ({@code CohortFollowUp.forEachParticipant}), not from the
     * scenario's own numbers, and checks the report's.
     */
    static void assertCohortFigures(YearRun run) {
        YearReport report = run.outcome().report();
        YearCohort cohort = run.outcome().cohort();
        List<Participant> participants = cohort.participants();
        assertThat(participants).hasSize(YearCohort.PARTICIPANTS + YearCohort.COMMISSION_ENTRIES);
        // the June commission's twelve went through each command: entered, adhered, followed, half of them out with a positive exit
        List<Participant> commission = participants.stream().filter(p -> p.periods().get(0).steps().stream()
                .anyMatch(s -> s.id().value().startsWith("JUN-"))).toList();
        assertThat(commission).hasSize(YearCohort.COMMISSION_ENTRIES)
                .allSatisfy(p -> assertThat(p.periods().get(0).entryDecision().validated()).isTrue())
                .allSatisfy(p -> assertThat(p.periods().get(0).adhesion()).isNotNull())
                // referred the day the agreements were signed (2 June), the entry dated by the engine's clock a week later
                .allSatisfy(p -> assertThat(p.periods().get(0).referral().referredOn()).isEqualTo(LocalDate.of(2026, 6, 2)))
                .allSatisfy(p -> assertThat(p.periods().get(0).entryDecision().decidedOn()).isEqualTo(LocalDate.of(2026, 6, 9)));
        assertThat(commission.stream().filter(p -> p.periods().get(0).exit() != null)).hasSize(YearCohort.COMMISSION_ENTRIES / 2)
                .allSatisfy(p -> assertThat(p.periods().get(0).exit().reason().name()).isEqualTo("EMPLOYMENT"));
        assertThat(commission.stream().filter(p -> p.periods().get(0).referents().size() == 2)).hasSize(1);
        assertFigures(report.overall(), participants, p -> true, report.objectives().positiveExitRatePercent());
        assertThat(report.byTargetPublic()).isNotEmpty();
        for (YearReport.Figures figures : report.byTargetPublic()) {
            assertFigures(figures, participants, p -> p.targetPublics().stream().map(TargetPublic::code).anyMatch(figures.code()::equals),
                    report.objectives().positiveExitRatePercent());
        }
        assertThat(report.objectives().participants()).isEqualTo(400);

        // FSE+: per operation, a person once, outputs from the first entry, results from the last exit
        OperationDirectory directory = cohort.operations();
        Map<String, int[]> counted = new LinkedHashMap<>();
        counted.put("EECO01", new int[3]);
        counted.put("EECR04", new int[3]);
        counted.put("EECR05", new int[3]);
        for (Participant participant : participants) {
            Map<OperationId, List<AccompanimentPeriod>> byOperation = new LinkedHashMap<>();
            participant.periods().stream().filter(p -> p.entryDate() != null)
                    .forEach(p -> directory.operationsOf(p).forEach(op -> byOperation.computeIfAbsent(op, k -> new ArrayList<>()).add(p)));
            byOperation.values().forEach(periods -> {
                AccompanimentPeriod first = periods.get(0);
                AccompanimentPeriod last = periods.get(periods.size() - 1);
                EsfEntryData data = first.entryData();
                if (data == null) {
                    return;
                }
                int gender = data.gender().ordinal();
                if (within(first.entryDate())) {
                    counted.get("EECO01")[gender]++;
                }
                if (last.exitDate() != null && within(last.exitDate())) {
                    EsfExitData leaving = last.exit().data();
                    if (leaving != null && leaving.employed()) {
                        counted.get("EECR04")[gender]++;
                    }
                    if (last.sixMonthData() != null && !last.sixMonthData().collectedOn().isBefore(last.exitDate().plusMonths(6))
                            && last.sixMonthData().employed()) {
                        counted.get("EECR05")[gender]++;
                    }
                }
            });
        }
        counted.forEach((code, byGender) -> {
            YearReport.Indicator indicator = report.indicator(code);
            assertThat(new int[] {indicator.women(), indicator.men(), indicator.nonBinary()}).as(code)
                    .containsExactly(byGender[Gender.WOMAN.ordinal()], byGender[Gender.MAN.ordinal()], byGender[Gender.NON_BINARY.ordinal()]);
            assertThat(indicator.total()).isEqualTo(byGender[0] + byGender[1] + byGender[2]);
        });
        assertThat(report.indicators()).allSatisfy(i -> assertThat(i.women() + i.men() + i.nonBinary()).isEqualTo(i.total()));
        YearReport.Completeness completeness = report.completeness();
        assertThat(completeness.entryDataMissing() + completeness.exitDataMissing() + completeness.sixMonthDataDue()).isEqualTo(completeness.total());
        assertThat(completeness.top()).hasSizeLessThanOrEqualTo(YearReport.TOP_ITEMS).isSortedAccordingTo(
                java.util.Comparator.comparing(YearReport.Item::dueOn));
        // every step funded by an operation of the year is funded by a programmed one
        List<String> programmed = report.operations().stream().filter(l -> l.outcome().equals("APPROVED")).map(YearReport.OperationLine::id).toList();
        assertThat(participants.stream().flatMap(p -> p.periods().stream()).flatMap(p -> p.steps().stream())
                .filter(s -> s.operation() != null).map(s -> s.operation().value()).distinct()).isNotEmpty().allMatch(programmed::contains);
    }

    private static boolean within(LocalDate day) {
        return !day.isBefore(FROM) && !day.isAfter(TO);
    }

    private static void assertFigures(YearReport.Figures figures, List<Participant> participants, Predicate<AccompanimentPeriod> slice,
            BigDecimal objective) {
        int followed = 0;
        int entries = 0;
        int exits = 0;
        int positive = 0;
        for (Participant participant : participants) {
            for (AccompanimentPeriod period : participant.periods()) {
                LocalDate entry = period.entryDate();
                if (entry == null || !slice.test(period)) {
                    continue;
                }
                LocalDate exit = period.exitDate();
                if (!entry.isAfter(TO) && (exit == null || !exit.isBefore(FROM))) {
                    followed++;
                }
                if (within(entry)) {
                    entries++;
                }
                if (exit != null && within(exit)) {
                    exits++;
                    if (period.exit().reason().isPositive()) {
                        positive++;
                    }
                }
            }
        }
        assertThat(List.of(figures.followed(), figures.entries(), figures.exits(), figures.positiveExits())).as(figures.code())
                .containsExactly(followed, entries, exits, positive);
        if (exits > 0) {
            assertThat(figures.positiveExitRate()).isEqualByComparingTo(BigDecimal.valueOf(positive * 100L)
                    .divide(BigDecimal.valueOf(exits), 1, java.math.RoundingMode.HALF_UP));
            assertThat(figures.meetsObjective()).isEqualTo(positive * 100L >= objective.multiply(BigDecimal.valueOf(exits)).doubleValue());
        }
    }

    @Test
    @DisplayName("the JSON, the two CSV files and the HTML page hold the same figures")
    void filesAgree() {
        YearRun run = run();
        YearReport report = report();
        JsonNode json = ReportDocuments.json(run.file(YearReportFiles.JSON));
        assertThat(ReportDocuments.at(json, "format")).isEqualTo("plie/year-report");
        assertThat(ReportDocuments.at(json, "formatVersion")).isEqualTo("1.0");
        assertThat(ReportDocuments.at(json, "ledger.committedTotal")).isEqualTo(report.committedTotal().toString());
        assertThat(ReportDocuments.at(json, "programming.programmedTotal")).isEqualTo(report.programmedTotal().toString());

        List<List<String>> programming = ReportDocuments.csv(run.file(YearReportFiles.PROGRAMMING_CSV));
        assertThat(programming.get(0)).containsExactlyElementsOf(YearReportFiles.PROGRAMMING_COLUMNS);
        assertThat(programming).hasSize(report.operations().size() + 1);
        String[] members = {"id", "operator", "operatorName", "axis", "title", "cost", "esfAsked", "outcome", "approved", "commitment",
                "esfCommitted", "paid"};
        for (int i = 0; i < report.operations().size(); i++) {
            for (int c = 0; c < members.length; c++) {
                assertThat(programming.get(i + 1).get(c)).as("programming.csv row %d %s", i + 1, members[c])
                        .isEqualTo(ReportDocuments.at(json, "programming.operations[" + i + "]." + members[c]));
            }
        }
        List<List<String>> indicators = ReportDocuments.csv(run.file(YearReportFiles.INDICATORS_CSV));
        assertThat(indicators.get(0)).containsExactlyElementsOf(YearReportFiles.INDICATOR_COLUMNS);
        assertThat(indicators).hasSize(report.indicators().size() + 1);
        String[] columns = {"code", "label", "women", "men", "nonBinary", "total"};
        for (int i = 0; i < report.indicators().size(); i++) {
            for (int c = 0; c < columns.length; c++) {
                assertThat(indicators.get(i + 1).get(c)).as("indicators.csv row %d %s", i + 1, columns[c])
                        .isEqualTo(ReportDocuments.at(json, "indicators[" + i + "]." + columns[c]));
            }
        }
        assertThat(indicators.stream().map(r -> r.get(0))).contains("EECO01", "EECR04");

        String html = run.file(YearReportFiles.HTML);
        Map<String, String> figures = ReportDocuments.figures(html);
        figures.forEach((key, value) -> assertThat(value).as("the page's %s", key).isEqualTo(ReportDocuments.at(json, key)));
        assertThat(figures.keySet()).containsAll(expectedFigures(report));
        assertSelfContained(html);
    }

    /** The figures the page must show: every amount of the programming and the ledger, every count of the cohort and the indicators. */
    static List<String> expectedFigures(YearReport report) {
        List<String> keys = new ArrayList<>(List.of("programming.programmedTotal", "programming.envelopesTotal", "ledger.committedTotal",
                "ledger.paidTotal", "cohort.objectives.positiveExitRatePercent", "completeness.total"));
        for (int i = 0; i < report.axes().size(); i++) {
            for (String member : List.of("envelope", "programmed", "esfCommitted")) {
                keys.add("programming.axes[" + i + "]." + member);
            }
        }
        for (int i = 0; i < report.operations().size(); i++) {
            for (String member : List.of("id", "outcome", "approved", "esfCommitted", "paid")) {
                keys.add("programming.operations[" + i + "]." + member);
            }
        }
        for (int i = 0; i < report.envelopes().size(); i++) {
            for (String member : List.of("amount", "reserved", "committed", "paid", "available")) {
                keys.add("ledger.envelopes[" + i + "]." + member);
            }
        }
        List<String> slices = new ArrayList<>(List.of("cohort.overall"));
        for (int i = 0; i < report.byTargetPublic().size(); i++) {
            slices.add("cohort.byTargetPublic[" + i + "]");
        }
        for (String slice : slices) {
            for (String member : List.of("followed", "entries", "exits", "positiveExits", "positiveExitRatePercent", "meetsObjective")) {
                keys.add(slice + "." + member);
            }
        }
        for (int i = 0; i < report.indicators().size(); i++) {
            for (String member : List.of("code", "women", "men", "nonBinary", "total")) {
                keys.add("indicators[" + i + "]." + member);
            }
        }
        return keys;
    }

    /** No external file, no script: the page reads the same offline. */
    static void assertSelfContained(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"fr\">", "<svg id=\"chart-axes\"", "<svg id=\"chart-exits\"",
                "<svg id=\"chart-indicators\"");
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script", "<link", "src=", "href=", "url(", "@import");
    }

    @Test
    @DisplayName("an output folder that cannot be written is refused before any work, naming the option and the folder, in French and English")
    void unwritableOutputFolder() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("plie-report-", ".txt");
        java.nio.file.Path under = file.resolve("report");
        assertThat(PlanYearScenario.unwritable(under, Messages.FRENCH)).hasValueSatisfying(m -> assertThat(m)
                .contains("option --out", under.toAbsolutePath().toString(), "Rien n’a été fait"));
        assertThat(PlanYearScenario.unwritable(under, Messages.ENGLISH)).hasValueSatisfying(m -> assertThat(m)
                .contains("option --out", under.toAbsolutePath().toString(), "Nothing was done"));
        assertThat(java.nio.file.Files.isRegularFile(file)).isTrue();
        java.nio.file.Path fresh = java.nio.file.Files.createTempDirectory("plie-report-").resolve("a").resolve("b");
        assertThat(PlanYearScenario.unwritable(fresh, Messages.FRENCH)).isEmpty();
        assertThat(java.nio.file.Files.isDirectory(fresh)).isTrue();
    }

    @Test
    @DisplayName("on PostgreSQL, told in English with every stage (--verbose): the same year, the same figures as on H2 (PLIE_TEST_JDBC_URL; fails under CI=true without it)")
    void onPostgresqlInEnglish() throws SQLException {
        String url = System.getenv("PLIE_TEST_JDBC_URL");
        if (url == null || url.isBlank()) {
            String message = "PLIE_TEST_JDBC_URL is not set: the PostgreSQL run of the main job cannot run";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: a test that needs PostgreSQL and cannot reach it fails)");
            }
            Assumptions.abort(message);
        }
        String schema = "plie_year_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        YearRun postgres = YearRun.run(Messages.ENGLISH, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, true);
        assertCohortFigures(postgres);
        assertThat(postgres.told()).contains("is IN FORCE", "NOT ADMISSIBLE", "Committed total (FSE+): EUR", "EECO01 Total participants",
                "EECR04").doesNotContain("EN VIGUEUR", "Bilan");
        // --verbose: every opinion, deliberation and application told
        assertThat(postgres.told()).contains("Opinion of ", "approves the protocol, deliberation DEL-", "OP-2026-01 submitted by");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            assertThat(statement.executeQuery("SELECT COUNT(*) FROM " + schema + ".plie_schema_version").next()).isTrue();
        }
        // the same figures: the programming CSV has no translated text, the JSON's figures are language-free
        assertThat(postgres.file(YearReportFiles.PROGRAMMING_CSV)).isEqualTo(run().file(YearReportFiles.PROGRAMMING_CSV));
        JsonNode h2 = ReportDocuments.json(run().file(YearReportFiles.JSON));
        JsonNode pg = ReportDocuments.json(postgres.file(YearReportFiles.JSON));
        assertThat(pg.get("ledger")).isEqualTo(h2.get("ledger"));
        for (String key : expectedFigures(report())) {
            if (!key.endsWith(".id") && !key.endsWith(".code") && !key.endsWith(".outcome")) {
                assertThat(ReportDocuments.at(pg, key)).as(key).isEqualTo(ReportDocuments.at(h2, key));
            }
        }
        assertThat(ReportDocuments.at(pg, "language")).isEqualTo("en");
        assertThat(postgres.file(YearReportFiles.HTML)).contains("<html lang=\"en\">", "FSE+ common indicators by gender");
    }
}
