package fr.asso.europlie.plie.examples;

import com.zaxxer.hikari.HikariDataSource;
import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.funds.EnvelopeBalance;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.ExecutionReportSchedule;
import fr.asso.europlie.plie.funds.FundsSettings;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.funds.OperationAccount;
import fr.asso.europlie.plie.funds.PaymentKind;
import fr.asso.europlie.plie.funds.ServiceDoneCheck;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.Member;
import fr.asso.europlie.plie.indicators.CohortFigures;
import fr.asso.europlie.plie.indicators.CompletenessReport;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfIndicators;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.GenderBreakdown;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.indicators.SliceFigures;
import fr.asso.europlie.plie.json.funds.GlobalGrantJson;
import fr.asso.europlie.plie.json.offer.OfferDirectoryJson;
import fr.asso.europlie.plie.json.offer.OperationJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.Application;
import fr.asso.europlie.plie.offer.AxisMapping;
import fr.asso.europlie.plie.offer.CallForProposals;
import fr.asso.europlie.plie.offer.FunderKind;
import fr.asso.europlie.plie.offer.OfferSettings;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.Operator;
import fr.asso.europlie.plie.offer.Operators;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import fr.asso.europlie.plie.offer.ProgrammingState;
import fr.asso.europlie.plie.offer.PtiMarking;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.protocol.StrategicAxis;
import fr.asso.europlie.plie.protocol.TargetPublic;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.Plan;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.commitment.CommitmentState;
import fr.asso.europlie.plie.workflow.commitment.CommitmentView;
import fr.asso.europlie.plie.workflow.commitment.CommitteeOpinion;
import fr.asso.europlie.plie.workflow.commitment.FseCommitment;
import fr.asso.europlie.plie.workflow.commitment.WhenUncovered;
import fr.asso.europlie.plie.workflow.programming.CallOpening;
import fr.asso.europlie.plie.workflow.programming.ProgrammingApproval;
import fr.asso.europlie.plie.workflow.programming.ProgrammingSettings;
import fr.asso.europlie.plie.workflow.programming.ProgrammingStatus;
import fr.asso.europlie.plie.workflow.programming.Submission;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The main job (scénario principal): one year of the PLIE du Grand Périgueux, end to end, on the
 * library's public API. The protocol is negotiated to in force (process A); the animation team
 * opens the 2026 call on the protocol's axes; twelve operations of six operators apply (read from
 * {@code plie/operators}, {@code plie/call-for-proposals} and {@code plie/operation} documents);
 * one is not admissible, one adjourned, one rejected, the others appraised, marked by the
 * Département and programmed within the envelopes by the steering committee (process B); the OI
 * commits the FSE+ of each approved operation asking for it (process C), one reduced for lack of
 * envelope, one on the waiting list then taken up after a decommitment; agreements are signed, a
 * first execution report is checked and paid; a cohort of a few hundred generated participants is
 * followed through steps the programmed operations fund ({@link YearCohort}); and the year's report
 * is told and written ({@link YearReportFiles}).
 *
 * <p>Arguments: {@code --lang fr|en} (French by default), {@code --out DIR} (default
 * {@code target/plie-report}), {@code --verbose} (every stage of the negotiation), and a PostgreSQL
 * JDBC URL (embedded H2 without one; a {@code currentSchema} parameter puts the engine's tables in
 * that schema). Exits with 0 when the year went through, 1 otherwise, 2 on bad arguments.
 */
public final class PlanYearScenario {

    private static final String BUNDLE = "fr.asso.europlie.plie.examples.year";
    private static final String DOCUMENTS = "year/";
    /** The operations' documents, in the order the operators submit them. */
    static final int OPERATIONS = 12;
    /** The default output folder. */
    static final Path DEFAULT_OUT = Path.of("target", "plie-report");

    /** What a run gives back. */
    record Outcome(boolean ok, YearReport report, Path out, GlobalGrant grant, List<Application> applications, YearCohort cohort) {
    }

    private final Locale language;
    private final PrintStream out;
    private final ManualClock clock;
    private final boolean verbose;
    private final DateTimeFormatter dates;
    private final java.text.NumberFormat amounts;

    private PlanId planId;
    private Protocol protocol;
    private ProtocolContent content;
    private Operators operators;
    private CallForProposals call;
    private AxisMapping mapping;
    private final Map<OperationId, Operation> operations = new LinkedHashMap<>();
    private final Map<OperationId, List<Violation>> inadmissible = new LinkedHashMap<>();
    private final Map<OperationId, String> notes = new LinkedHashMap<>();
    private GlobalGrant grantAtStart;
    private ProgrammingStatus programming;
    /** The programming the steering committee adopted, read back from the engine. */
    private fr.asso.europlie.plie.offer.Programming adopted;
    private YearCohort cohort;

    private PlanYearScenario(Locale language, PrintStream out, ManualClock clock, boolean verbose) {
        this.language = language;
        this.out = out;
        this.clock = clock;
        this.verbose = verbose;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language);
        this.amounts = java.text.NumberFormat.getNumberInstance(language);
        this.amounts.setMinimumFractionDigits(2);
        this.amounts.setMaximumFractionDigits(2);
    }

    /**
     * Runs the main job.
     *
     * @param args {@code --lang fr|en}, {@code --out DIR}, {@code --verbose}, a PostgreSQL JDBC URL
     */
    public static void main(String[] args) {
        Locale language = Messages.FRENCH;
        String url = null;
        Path outDir = DEFAULT_OUT;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            if ("--lang".equals(args[i]) && i + 1 < args.length) {
                language = Messages.supported(Locale.forLanguageTag(args[++i]));
            } else if ("--out".equals(args[i]) && i + 1 < args.length) {
                outDir = Path.of(args[++i]);
            } else if ("--verbose".equals(args[i])) {
                verbose = true;
            } else if (args[i].startsWith("jdbc:")) {
                url = args[i];
            } else if (!args[i].isBlank()) {
                System.err.println(Messages.text(BUNDLE, "usage", language, args[i]));
                System.exit(2);
            }
        }
        Optional<String> refused = unwritable(outDir, language);
        if (refused.isPresent()) {
            System.err.println(refused.get());
            System.exit(2);
        }
        Outcome outcome = run(language, new PrintStream(System.out, true, StandardCharsets.UTF_8), url, outDir, verbose);
        System.exit(outcome.ok() ? 0 : 1);
    }

    /**
     * Checks the output folder before any work: it is created when missing and must be writable.
     *
     * @param outDir the folder given with {@code --out}
     * @param language the language of the message
     * @return why the folder cannot hold the report, naming the option and the folder; empty when it can
     */
    static Optional<String> unwritable(Path outDir, Locale language) {
        try {
            Files.createDirectories(outDir);
            if (Files.isDirectory(outDir) && Files.isWritable(outDir)) {
                return Optional.empty();
            }
            return Optional.of(Messages.text(BUNDLE, "out.unwritable", language, outDir.toAbsolutePath(), "-"));
        } catch (IOException | SecurityException e) {
            return Optional.of(Messages.text(BUNDLE, "out.unwritable", language, outDir.toAbsolutePath(), e.toString()));
        }
    }

    /**
     * Runs the year from its first day (the negotiation opens on 6 September 2021).
     *
     * @param language French or English
     * @param out where the story and the report are told
     * @param url a JDBC URL, or null for embedded H2
     * @param outDir where the report's files are written
     * @param verbose whether every stage of the negotiation is told
     * @return whether the year went through, the report, and where its files are
     */
    static Outcome run(Locale language, PrintStream out, String url, Path outDir, boolean verbose) {
        ManualClock clock = ManualClock.at(Instant.parse("2021-09-06T08:00:00Z"));
        return new PlanYearScenario(language, out, clock, verbose).run(url, outDir);
    }

    private Outcome run(String url, Path outDir) {
        PlieEngine.Builder builder = PlieEngine.builder().clock(clock).asyncExecutor(false);
        HikariDataSource pool = onDatabase(builder, url);
        try (PlieEngine engine = builder.build()) {
            say(url == null ? "engine.h2" : "engine.jdbc", url == null ? "" : url.replaceAll("password=[^&]*", "password=***"));
            Protocol draft = ProtocolNegotiationScenario.readPlan();
            Plan plan = engine.defaultPlan();
            Actor probe = Actor.of("thomas.bouyssou", draft.content().animationStructure().id(), Role.ANIMATION_TEAM);
            if (engine.protocol(probe, draft.id()).isPresent()) {
                // A database that already holds a year (a second run on PostgreSQL): this run is a plan of its own.
                plan = engine.registerPlan(PlanId.of("PLIE-GP-" + System.currentTimeMillis()), draft.content().name());
                say("plan.new", plan.id().value());
            }
            planId = plan.id();
            protocol = ProtocolNegotiationScenario.negotiateIn(engine, planId, language, out, clock, verbose);
            if (protocol.state() != ProtocolState.IN_FORCE) {
                return new Outcome(false, null, outDir, null, List.of(), null);
            }
            content = protocol.versionInForce().orElseThrow().content();
            program(plan.programmingApproval());
            commit(fse(plan), plan.cohort());
            YearReport report = report(fse(plan));
            new YearReportText(report, language, out).print();
            Path written = YearReportFiles.write(report, outDir);
            say("files", written.toAbsolutePath());
            boolean ok = report.committedTotal().isPositive() && report.overall().exits() > 0;
            return new Outcome(ok, report, written, fse(plan).globalGrant(oiManager(), grantAtStart.id()).orElseThrow(),
                    programming.applications(), cohort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }

    private static FseCommitment fse(Plan plan) {
        return plan.fseCommitment();
    }

    /**
     * Puts an engine on the database of a JDBC URL through a small pool; with a {@code currentSchema}
     * parameter, the engine's tables go in that schema.
     *
     * @param builder the engine's builder
     * @param url a JDBC URL, or null for the embedded H2 default
     * @return the pool to close after the engine, or null
     */
    static HikariDataSource onDatabase(PlieEngine.Builder builder, String url) {
        if (url == null) {
            return null;
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(4);
        Matcher schema = Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)").matcher(url);
        if (schema.find()) {
            pool.setSchema(schema.group(1));
            builder.databaseSchema(schema.group(1));
        }
        builder.dataSource(pool);
        return pool;
    }

    // ------------------------------------------------------------------------------- process B

    private void program(ProgrammingApproval approval) {
        operators = OfferDirectoryJson.readOperators(document("operators.json"));
        CallForProposals published = OfferDirectoryJson.readCall(document("call-for-proposals-2026.json"));
        call = new CallForProposals(published.id(), protocol.id(), published.year(), published.eligibility(), published.closingDate(),
                published.regionCategory(), published.envelopes());
        mapping = AxisMapping.of(Map.of(ProgrammingAxis.ACCOMPANIMENT, axis(0), ProgrammingAxis.TRAINING_AND_MOBILITY_SUPPORT, axis(1),
                ProgrammingAxis.LINKS_WITH_EMPLOYERS, axis(2), ProgrammingAxis.ANIMATION, axis(3)),
                content.strategicAxes().stream().map(StrategicAxis::id).collect(Collectors.toSet()));
        until("2025-11-03T09:00:00Z");
        say("year.title", content.name(), String.valueOf(call.year().getValue()));
        approval.openCall(coordinator(), new CallOpening(call, mapping, department(), operators, OfferSettings.defaults(),
                ProgrammingSettings.defaults()));
        say("call.opened", today(), call.id().value(), call.envelopes().size(), money(call.envelopes().values().stream()
                .reduce(Money.ZERO, Money::plus)), dates.format(call.closingDate()), operators.operators().size());

        for (int i = 1; i <= OPERATIONS; i++) {
            Operation operation = OperationJson.read(document(String.format("operation-%02d.json", i)));
            operation = new Operation(operation.id(), call.id(), operation.operator(), operation.axis(), operation.title(),
                    operation.description(), operation.period(), operation.forecast(), operation.costs(), operation.financingPlan());
            operations.put(operation.id(), operation);
            clock.advance(Duration.ofDays(6));
            Submission submission = approval.submit(actor("depot@" + operation.operator().value(), operation.operator(), Role.OPERATOR),
                    call.id(), operation);
            if (submission.admissible()) {
                detail("submitted", today(), operation.id().value(), operatorName(operation.operator()), operation.title(),
                        money(operation.costs().total()));
            } else {
                inadmissible.put(operation.id(), submission.reasons());
                say("inadmissible", today(), operation.id().value(), operatorName(operation.operator()), operation.title(),
                        submission.reasons().size());
                submission.reasons().forEach(r -> say("reason", r.code().code(), r.message(language)));
            }
        }
        until("2026-01-30T17:00:00Z");
        approval.closeCall(coordinator(), call.id());
        ProgrammingStatus closed = approval.status(coordinator(), call.id());
        say("call.closed", today(), closed.applications().size(), inadmissible.size());

        until("2026-02-02T09:00:00Z");
        Map<OperationId, String> instructors = new LinkedHashMap<>();
        List<Application> applications = closed.applications();
        for (int i = 0; i < applications.size(); i++) {
            instructors.put(applications.get(i).operation().id(), INSTRUCTORS.get(i % INSTRUCTORS.size()));
        }
        approval.assignInstructors(coordinator(), call.id(), instructors);
        until("2026-02-16T09:00:00Z");
        for (Application application : applications) {
            Operation operation = application.operation();
            String instructor = instructors.get(operation.id());
            boolean doubtful = REJECTED.equals(operation.id().value());
            approval.appraise(actor(instructor, coordinator().organisation(), Role.ANIMATION_TEAM), call.id(), operation.id(),
                    doubtful ? Appraisal.Opinion.UNFAVOURABLE : ADJOURNED.equals(operation.id().value())
                            ? Appraisal.Opinion.FAVOURABLE_WITH_RESERVATIONS : Appraisal.Opinion.FAVOURABLE,
                    operation.costs().total(), doubtful ? "fait double emploi avec le parrainage du PTI" : "");
            approval.markPti(actor("antoine.marty", department(), Role.TECHNICAL_STAFF), call.id(), operation.id(),
                    doubtful ? PtiMarking.Complementarity.REDUNDANT : PtiMarking.Complementarity.COMPLEMENTARY,
                    doubtful ? "le PTI finance déjà un parrainage sur le territoire" : "complète l’offre d’insertion du PTI");
        }
        say("appraised", today(), applications.size());
        until("2026-03-02T09:00:00Z");
        approval.recordTechnicalOpinion(coordinator(), call.id(), Appraisal.Opinion.FAVOURABLE, "programmation équilibrée",
                "COTECH 2026-03-02");
        say("technical", today());

        until("2026-03-12T14:00:00Z");
        for (Application application : applications) {
            Operation operation = application.operation();
            String id = operation.id().value();
            SteeringDecision.Outcome outcome = REJECTED.equals(id) ? SteeringDecision.Outcome.REJECTED
                    : ADJOURNED.equals(id) ? SteeringDecision.Outcome.ADJOURNED : SteeringDecision.Outcome.APPROVED;
            String why = REJECTED.equals(id) ? "redondant avec le parrainage financé par le PTI"
                    : ADJOURNED.equals(id) ? "préciser le public visé et l’articulation avec les conseillers numériques" : "conforme";
            approval.decide(secretariat(), call.id(), operation.id(), steering(outcome, why), outcome == SteeringDecision.Outcome.APPROVED
                    ? operation.costs().total() : Money.ZERO);
            if (outcome != SteeringDecision.Outcome.APPROVED) {
                notes.put(operation.id(), why);
                say("decision." + outcome.name(), today(), id, operation.title(), why);
            }
        }
        ProgrammingStatus first = approval.closeSession(secretariat(), call.id(), adoption());
        say("session", today(), first.session() - 1);
        until("2026-04-09T14:00:00Z");
        approval.decide(secretariat(), call.id(), OperationId.of(ADJOURNED), steering(SteeringDecision.Outcome.ADJOURNED,
                "le public reste à préciser : reporté à l’appel 2027"), Money.ZERO);
        notes.put(OperationId.of(ADJOURNED), text("note.adjourned"));
        programming = approval.closeSession(secretariat(), call.id(), adoption());
        adopted = approval.programming(coordinator(), call.id());
        Money total = call.envelopes().keySet().stream().map(adopted::approvedTotal).reduce(Money.ZERO, Money::plus);
        say("adopted", today(), text("state." + adopted.state().name()), adopted.approved().size(), money(total),
                adopted.approvedAskingEsf().size());
        if (adopted.state() != ProgrammingState.ADOPTED) {
            throw new IllegalStateException("the programming is not adopted: " + adopted.state());
        }
    }

    // ------------------------------------------------------------------------------- process C

    /** The approved operations asking for FSE+, in the order the OI appraises them: the last two meet an empty envelope. */
    private List<Operation> askingEsf() {
        List<Operation> asking = new ArrayList<>(adopted.approvedAskingEsf().stream().map(Application::operation).toList());
        asking.sort(java.util.Comparator.comparingInt(o -> LATE.indexOf(o.id().value())));   // stable: the others first, in order
        return asking;
    }

    private void commit(FseCommitment fse, fr.asso.europlie.plie.workflow.cohort.CohortFollowUp cohortFacade) {
        grantAtStart = GlobalGrantJson.read(document("global-grant.json"));
        fse.openGlobalGrant(oiManager(), grantAtStart);
        say("grant.opened", today(), grantAtStart.id().value(), grantAtStart.envelopes().size(),
                money(grantAtStart.envelopes().values().stream().reduce(Money.ZERO, Money::plus)));

        until("2026-04-20T09:00:00Z");
        List<Operation> asking = askingEsf();
        for (Operation operation : asking) {
            CommitmentView appraised = appraise(fse, operation);
            CommitmentState state = appraised.status().state();
            Money asked = appraised.fseAsked();   // what process B's publication asked for, before any reduction
            if (state == CommitmentState.WAITING) {
                notes.put(operation.id(), text("note.waiting"));
                say("oi.waiting", today(), operation.id().value(), money(asked));
            } else if (appraised.status().amount().isLessThan(asked)) {
                notes.put(operation.id(), text("note.reduced", money(asked), money(appraised.status().amount())));
                say("oi.reduced", today(), operation.id().value(), money(asked), money(appraised.status().amount()));
            } else {
                detail("oi.reserved", today(), operation.id().value(), money(appraised.status().amount()));
            }
        }
        until("2026-05-12T14:00:00Z");
        List<OperationId> reservedIds = fse.commitments(oiInstructor(), grantAtStart.id()).stream()
                .filter(v -> v.status().state() == CommitmentState.RESERVED).map(CommitmentView::operation).toList();
        List<Operation> reserved = asking.stream().filter(o -> reservedIds.contains(o.id())).toList();
        reserved.forEach(o -> fse.recordCommitteeOpinion(oiInstructor(), o.id(), CommitteeOpinion.FAVOURABLE, "comité de programmation du 12 mai 2026"));
        say("oi.committee", today(), reserved.size());
        until("2026-05-19T09:00:00Z");
        reserved.forEach(o -> fse.decide(oiManager(), o.id()));
        until("2026-06-02T09:00:00Z");
        for (Operation operation : reserved) {
            Actor signatory = actor("presidence@" + operation.operator().value(), operation.operator(), Role.OPERATOR);
            // the accompaniment operation's agreement asks for the one interim report its 18 months allow (the standard has none)
            CommitmentView signed = PAID.equals(operation.id().value())
                    ? fse.signAgreement(signatory, operation.id(), new ExecutionReportSchedule(operation.period(),
                            List.of(LocalDate.of(2026, 10, 31)), ExecutionReportSchedule.latestFinalDueDate(operation.period(), FundsSettings.defaults())))
                    : fse.signAgreement(signatory, operation.id(), operation.period());
            detail("oi.signed", today(), operation.id().value(), operatorName(operation.operator()), money(signed.status().amount()));
        }
        say("oi.committed", today(), reserved.size(), money(committed(fse)));

        // The June entry commission takes twelve people in, followed through steps of the operations now committed.
        int year = call.year().getValue();
        List<Operation> running = new ArrayList<>(reserved);
        adopted.approved().stream().map(Application::operation).filter(o -> !o.financingPlan().esfShare().isPositive())
                .forEach(running::add);
        cohort = YearCohort.open(cohortFacade, planId, content, mapping, clock, LocalDate.of(year - 1, 7, 1), LocalDate.of(year, 12, 31));
        say("cohort.commission", today(), cohort.juneCommission(running), running.size());

        // The first execution report of the accompaniment operation: an advance, a service-done check, an interim payment.
        OperationId first = OperationId.of(PAID);
        until("2026-06-15T09:00:00Z");
        Money advance = fse.account(oiManager(), first).orElseThrow().committed().multipliedBy(new BigDecimal("0.30"), RoundingMode.DOWN);
        fse.pay(oiManager(), first, PaymentKind.ADVANCE, advance, "avance de 30 % à la signature", IdempotencyKey.of(PAID + "-advance"));
        say("oi.advance", today(), PAID, money(advance));

        // The training organisation opens one session of two: it decommits what it will not spend, and the waiting one is taken up.
        OperationId shrunk = OperationId.of(DECOMMITTED);
        until("2026-09-07T09:00:00Z");
        Money released = Money.euros(20_000);
        fse.decommit(oiManager(), shrunk, released, "une seule session de préqualification ouverte sur deux",
                IdempotencyKey.of(DECOMMITTED + "-decommit"));
        notes.put(shrunk, text("note.decommitted", money(released)));
        say("oi.decommitted", today(), DECOMMITTED, money(released));
        Operation waiting = operations.get(OperationId.of(WAITING));
        CommitmentView takenUp = fse.view(oiInstructor(), waiting.id());
        say("oi.takenUp", today(), WAITING, text("step." + takenUp.waitingStep()));
        until("2026-09-14T09:00:00Z");
        appraise(fse, waiting);
        fse.recordCommitteeOpinion(oiInstructor(), waiting.id(), CommitteeOpinion.FAVOURABLE, "comité de programmation du 14 septembre 2026");
        fse.decide(oiManager(), waiting.id());
        until("2026-10-01T09:00:00Z");
        CommitmentView late = fse.signAgreement(actor("presidence@" + waiting.operator().value(), waiting.operator(), Role.OPERATOR),
                waiting.id(), waiting.period());
        notes.put(waiting.id(), text("note.takenUp", DECOMMITTED));
        say("oi.lateSigned", today(), WAITING, money(late.status().amount()));
        cohort.alsoFundedBy(waiting);   // the cohort's steps from today may be funded by the operation taken up

        until("2026-10-23T09:00:00Z");
        Operation reporting = operations.get(first);
        Actor reporter = actor("presidence@" + reporting.operator().value(), reporting.operator(), Role.OPERATOR);
        fse.submitReport(reporter, first, Money.euros(26_500), "bilan intermédiaire : 64 participants accompagnés, 62 justifiés");
        until("2026-10-30T09:00:00Z");
        ServiceDoneCheck check = new ServiceDoneCheck(first, "controleur.csf", clock.instant(), Money.euros(26_500),
                List.of(new ServiceDoneCheck.Rejection(Money.euros(1_200), "frais de déplacement hors période")), 64, 62);
        fse.recordServiceDone(oiInstructor(), check, IdempotencyKey.of(PAID + "-csf-1"));
        until("2026-11-06T09:00:00Z");
        fse.answerContradictory(reporter, first, "les déplacements refusés ont préparé la session de janvier");
        until("2026-11-13T09:00:00Z");
        OperationAccount checked = fse.concludeContradictory(oiInstructor(), first, Money.ZERO,
                "déplacements antérieurs à la période de l'opération : rejet maintenu", IdempotencyKey.of(PAID + "-csf-1-conclusion"));
        Money interim = checked.accepted().minus(checked.paid());
        OperationAccount paid = fse.pay(oiManager(), first, PaymentKind.INTERIM, interim, "acompte sur le bilan intermédiaire",
                IdempotencyKey.of(PAID + "-interim-1"));
        notes.put(first, text("note.checked", money(checked.accepted()), money(paid.paid())));
        say("oi.checked", today(), PAID, money(check.declared()), money(Money.euros(1_200)), money(checked.accepted()), money(interim),
                money(paid.paid()));
    }

    private CommitmentView appraise(FseCommitment fse, Operation operation) {
        EnvelopeKey envelope = EnvelopeKey.of("1", "h", call.year().getValue());
        return fse.appraise(oiInstructor(), operation.id(), new fr.asso.europlie.plie.workflow.commitment.Appraisal(grantAtStart.id(),
                envelope, operation.operator(), operation.costs().total(), operation.financingPlan().esfShare(),
                operation.costs().option().kind().name() + " " + operation.costs().option().ratePercent().toPlainString() + " %",
                WAITING.equals(operation.id().value()) ? WhenUncovered.WAIT : WhenUncovered.REDUCE));
    }

    private Money committed(FseCommitment fse) {
        GlobalGrant grant = fse.globalGrant(oiManager(), grantAtStart.id()).orElseThrow();
        return grant.envelopes().keySet().stream().map(k -> grant.balance(k).committed()).reduce(Money.ZERO, Money::plus);
    }

    // ------------------------------------------------------------------------------- the report

    private YearReport report(FseCommitment fse) {
        int year = call.year().getValue();
        LocalDate asOf = LocalDate.of(year, 12, 31);
        until(year + "-12-31T17:00:00Z");
        GlobalGrant grant = fse.globalGrant(oiManager(), grantAtStart.id()).orElseThrow();

        List<YearReport.OperationLine> lines = new ArrayList<>();
        Map<OperationId, Application> decided = new LinkedHashMap<>();
        programming.applications().forEach(a -> decided.put(a.operation().id(), a));
        Map<OperationId, CommitmentView> commitments = new LinkedHashMap<>();
        fse.commitments(oiManager(), grant.id()).forEach(v -> commitments.put(v.operation(), v));
        Map<ProgrammingAxis, Money> esfByAxis = new EnumMap<>(ProgrammingAxis.class);
        for (Operation operation : operations.values()) {
            Application application = decided.get(operation.id());
            Optional<OperationAccount> account = grant.account(operation.id());
            Money committedNet = account.filter(OperationAccount::isCommitted).map(a -> a.committed().minus(a.decommitted())).orElse(Money.ZERO);
            esfByAxis.merge(operation.axis(), committedNet, Money::plus);
            String outcome = application == null ? "INADMISSIBLE" : application.decisionIfAny().map(d -> d.outcome().name()).orElse("UNDECIDED");
            List<String> reasons = new ArrayList<>();
            inadmissible.getOrDefault(operation.id(), List.of()).forEach(v -> reasons.add(v.code().code() + " " + v.message(language)));
            Optional.ofNullable(notes.get(operation.id())).ifPresent(reasons::add);
            String state = application != null && application.isApproved() && operation.financingPlan().esfShare().isPositive()
                    ? Optional.ofNullable(commitments.get(operation.id())).flatMap(CommitmentView::ledgerStatus).map(s -> s.state().name())
                            .orElse("") : "";
            lines.add(new YearReport.OperationLine(operation.id().value(), operation.operator().value(), operatorName(operation.operator()),
                    operation.axis(), operation.title(), operation.costs().total(), operation.financingPlan().amountOf(FunderKind.ESF_PLUS),
                    outcome, application != null && application.isApproved() ? application.decision().approvedAmount() : Money.ZERO, state,
                    committedNet, account.map(OperationAccount::paid).orElse(Money.ZERO), reasons));
        }
        List<YearReport.Axis> axes = new ArrayList<>();
        call.envelopes().forEach((axis, envelope) -> axes.add(new YearReport.Axis(axis, text("axis." + axis.name()),
                mapping.strategicAxisOf(axis).map(a -> a.value()).orElse(""), envelope,
                adopted.approvedTotal(axis),
                esfByAxis.getOrDefault(axis, Money.ZERO))));
        List<YearReport.Envelope> envelopes = new ArrayList<>();
        for (EnvelopeKey key : grant.envelopes().keySet()) {
            EnvelopeBalance balance = grant.balance(key);
            envelopes.add(new YearReport.Envelope(key.priority(), key.specificObjective(), key.year().getValue(), balance.amount(),
                    balance.reserved(), balance.committed(), balance.paid(), balance.available()));
        }

        List<Operation> funded = lines.stream().filter(l -> "APPROVED".equals(l.outcome()))
                .filter(l -> l.esfCommitted().isPositive() || l.esfAsked().isZero()).map(l -> operations.get(OperationId.of(l.id()))).toList();
        cohort.closeYear(funded);
        say("cohort", today(), cohort.participants().size(), funded.size(), dates.format(LocalDate.of(year - 1, 7, 1)),
                YearCohort.COMMISSION_ENTRIES);
        int[] commands = cohort.generatedCommands();
        say("cohort.commands", today(), commands[0], commands[1]);
        ReportPeriod period = ReportPeriod.year(year);
        FullIndicatorReport full = cohort.report(period, asOf);
        YearReport.Figures overall = figures("ALL", text("publics.all"), full.overall().figures());
        List<YearReport.Figures> byPublic = new ArrayList<>();
        for (TargetPublic targetPublic : content.targetPublics()) {
            SliceFigures slice = full.byTargetPublic().get(targetPublic.code());
            if (slice != null) {
                byPublic.add(figures(targetPublic.code(), targetPublic.label(), slice.figures()));
            }
        }
        EsfIndicators esf = cohort.esfReport(period).plan();
        List<YearReport.Indicator> esfLines = new ArrayList<>();
        for (EsfIndicator indicator : EsfIndicator.values()) {
            GenderBreakdown by = esf.get(indicator);
            esfLines.add(new YearReport.Indicator(indicator.code(), language.getLanguage().equals("en") ? indicator.englishLabel()
                    : indicator.frenchLabel(), indicator.isResult(), by.women(), by.men(), by.nonBinary(), by.total()));
        }
        CompletenessReport completeness = full.overall().completeness();
        List<YearReport.Item> top = completeness.items().stream().limit(YearReport.TOP_ITEMS)
                .map(i -> new YearReport.Item(i.participant().value(), i.period(), i.kind().name(), i.dueOn())).toList();
        YearReport.Completeness missing = new YearReport.Completeness(completeness.items().size(),
                (int) completeness.count(CompletenessReport.Kind.ENTRY_DATA_MISSING), (int) completeness.count(CompletenessReport.Kind.EXIT_DATA_MISSING),
                (int) completeness.count(CompletenessReport.Kind.SIX_MONTH_DATA_DUE), top);
        int participantsObjective = content.objectives().participantsPerYear().getOrDefault(java.time.Year.of(year), 0);
        return new YearReport(content.name(), protocol.id().value(), year, asOf, language.getLanguage(), axes, lines, envelopes,
                new YearReport.Objectives(participantsObjective, content.objectives().positiveExitRatePercent()), overall, byPublic, esfLines,
                missing);
    }

    private static YearReport.Figures figures(String code, String label, CohortFigures figures) {
        return new YearReport.Figures(code, label, figures.followed(), figures.entries(), figures.exits(), figures.positiveExits(),
                figures.positiveExitRate(), figures.meetsObjective());
    }

    // ------------------------------------------------------------------------------- the cast

    /** The operation not admissible, the one adjourned, the one rejected, and those the envelope cannot cover. */
    static final String ADJOURNED = "OP-2026-04";
    static final String REJECTED = "OP-2026-10";
    /** Appraised last by the OI: reduced to what is left, then on the waiting list. */
    static final String REDUCED = "OP-2026-11";
    static final String WAITING = "OP-2026-12";
    private static final List<String> LATE = List.of(REDUCED, WAITING);
    /** The operation that decommits, and the one whose first execution report is checked and paid. */
    static final String DECOMMITTED = "OP-2026-06";
    static final String PAID = "OP-2026-01";
    private static final List<String> INSTRUCTORS = List.of("claire.fongauffier", "yann.lespinasse");

    private Actor actor(String userId, OrganisationId organisation, Role role) {
        return Actor.in(planId, userId, organisation, role);
    }

    private Actor coordinator() {
        return actor("thomas.bouyssou", content.animationStructure().id(), Role.ANIMATION_TEAM);
    }

    private Actor secretariat() {
        return actor("secretariat.copil", content.governance().steeringCommittee().convenedBy(), Role.STEERING_COMMITTEE);
    }

    private OrganisationId department() {
        return content.department().orElseThrow().id();
    }

    private OrganisationId intermediateBody() {
        return content.intermediateBodies().get(0).id();
    }

    private Actor oiInstructor() {
        return actor("instructrice.oi", intermediateBody(), Role.OI_INSTRUCTOR);
    }

    private Actor oiManager() {
        return actor("gestionnaire.oi", intermediateBody(), Role.OI_MANAGER);
    }

    private fr.asso.europlie.plie.protocol.StrategicAxisId axis(int index) {
        return content.strategicAxes().get(index).id();
    }

    private Decision<SteeringDecision.Outcome> steering(SteeringDecision.Outcome outcome, String reasons) {
        List<Member> members = content.governance().steeringCommittee().members();
        return new Decision<>(CommitteeKind.STEERING, members, clock.instant(), outcome, reasons,
                Optional.of("COPIL " + LocalDate.now(clock)));
    }

    private Decision<AdoptionOutcome> adoption() {
        List<Member> members = content.governance().steeringCommittee().members();
        return new Decision<>(CommitteeKind.STEERING, members, clock.instant(), AdoptionOutcome.ADOPT, "Programmation " + call.year()
                + " adoptée", Optional.of("COPIL " + LocalDate.now(clock)));
    }

    private String operatorName(OrganisationId id) {
        return operators.find(id).map(Operator::name).orElse(id.value());
    }

    private static String document(String name) {
        try (InputStream in = PlanYearScenario.class.getResourceAsStream(DOCUMENTS + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DOCUMENTS + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------- telling

    /** Moves the scenario's clock forward to an instant (never back: the engine's timers follow it). */
    private void until(String instant) {
        if (cohort != null) {
            cohort.catchUp(Instant.parse(instant));   // the cohort's commands due meanwhile, each on its day
        }
        Duration ahead = Duration.between(clock.instant(), Instant.parse(instant));
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }

    private String today() {
        return dates.format(LocalDate.now(clock));
    }

    private String money(Money money) {
        return amounts.format(money.amount());
    }

    private String text(String key, Object... arguments) {
        return Messages.text(BUNDLE, key, language, arguments);
    }

    private void detail(String key, Object... arguments) {
        if (verbose) {
            say(key, arguments);
        }
    }

    private void say(String key, Object... arguments) {
        out.println(Messages.text(BUNDLE, key, language, arguments));
    }
}
