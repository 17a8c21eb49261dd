package fr.asso.europlie.plie.examples;

import com.zaxxer.hikari.HikariDataSource;
import fr.asso.europlie.plie.budget.ProtocolBudget;
import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.Member;
import fr.asso.europlie.plie.json.ProtocolJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.protocol.ProtocolVersion;
import fr.asso.europlie.plie.protocol.Signatory;
import fr.asso.europlie.plie.protocol.SignatoryKind;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.Plan;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.negotiation.CommitteeOutcome;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStatus;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStep;
import fr.asso.europlie.plie.workflow.negotiation.Opinion;
import fr.asso.europlie.plie.workflow.negotiation.OpinionKind;
import fr.asso.europlie.plie.workflow.negotiation.ProtocolNegotiation;
import fr.asso.europlie.plie.workflow.negotiation.WorkItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The negotiation of the protocol (the first stage of the main job, {@link PlanYearScenario}): the
 * protocol of the PLIE du Grand Périgueux negotiated by its signatories through every stage of the
 * negotiation process until it is in force, each stage told in plain words, in French (default)
 * or English ({@code --lang en}).
 *
 * <p>The plan is read from {@code grand-perigueux.protocol.json}, a {@code plie/protocol} document
 * of the interchange format, as a vendor would receive it.
 *
 * <p>Runs on an embedded H2 database, or on PostgreSQL when given a JDBC URL
 * ({@code jdbc:postgresql://host:5432/db?user=...&password=...}). Exits with status 0 when the
 * protocol is in force, 1 otherwise, 2 on bad arguments.
 */
public final class ProtocolNegotiationScenario {

    private static final String BUNDLE = "fr.asso.europlie.plie.examples.scenario";
    /** The plan negotiated: a draft protocol in the JSON interchange format. */
    static final String PLAN = "grand-perigueux.protocol.json";

    private final Locale language;
    private final PrintStream out;
    private final ManualClock clock;
    private final DateTimeFormatter dates;
    private final NumberFormat amounts;
    private final Queue<String> published = new ConcurrentLinkedQueue<>();
    private final Protocol plan;
    private final ProtocolContent draft;
    private final Actor coordinator;
    private final Actor copil;
    private final PlanId planId;
    private final boolean verbose;

    private ProtocolNegotiationScenario(Locale language, PrintStream out, ManualClock clock, PlanId planId, boolean verbose) {
        this.language = language;
        this.out = out;
        this.clock = clock;
        this.planId = planId;
        this.verbose = verbose;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language);
        this.amounts = NumberFormat.getNumberInstance(language);
        this.amounts.setMinimumFractionDigits(2);
        this.amounts.setMaximumFractionDigits(2);
        this.plan = readPlan();
        this.draft = plan.content();
        this.coordinator = actor("thomas.bouyssou", draft.animationStructure().id(), Role.ANIMATION_TEAM);
        this.copil = actor("secretariat.copil", draft.governance().steeringCommittee().convenedBy(), Role.STEERING_COMMITTEE);
    }

    /**
     * Reads the plan from the example's {@code plie/protocol} document.
     *
     * @return the draft protocol
     */
    static Protocol readPlan() {
        try (InputStream in = ProtocolNegotiationScenario.class.getResourceAsStream(PLAN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + PLAN);
            }
            return ProtocolJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An actor of this scenario's plan. */
    private Actor actor(String userId, OrganisationId organisation, Role role) {
        return Actor.in(planId, userId, organisation, role);
    }

    /**
     * Negotiates the plan's protocol to in force in a plan of an engine, as the first stage of a
     * longer scenario: every stage told when verbose, the main ones otherwise.
     *
     * @param engine the engine
     * @param plan the plan, registered, that does not hold the protocol yet
     * @param language French or English
     * @param out where the stages are told
     * @param clock the scenario's clock, advanced week by week
     * @param verbose whether every stage is told
     * @return the protocol as the plan holds it at the end
     */
    static Protocol negotiateIn(PlieEngine engine, PlanId plan, Locale language, PrintStream out, ManualClock clock, boolean verbose) {
        ProtocolNegotiationScenario scenario = new ProtocolNegotiationScenario(language, out, clock, plan, verbose);
        scenario.listenTo(engine.plan(plan));
        scenario.negotiate(engine, scenario.plan.id());
        return engine.plan(plan).protocol(scenario.coordinator, scenario.plan.id()).orElseThrow();
    }

    private void listenTo(Plan scope) {
        scope.addListener(new WorkflowListener() {
            @Override
            public void onProtocolEvent(ProtocolEvent event) {
                if (event instanceof ProtocolEvent.ProtocolAdopted || event instanceof ProtocolEvent.ProtocolSigned
                        || event instanceof ProtocolEvent.ProtocolEnteredIntoForce
                        || event instanceof ProtocolEvent.NegotiationOpened) {
                    published.add(event.type());
                }
            }
        });
    }

    private OrganisationId signatoryOfKind(SignatoryKind kind) {
        return draft.signatories().stream().filter(s -> s.kind() == kind).map(Signatory::id).findFirst().orElseThrow();
    }

    /**
     * Runs the scenario.
     *
     * @param args {@code --lang fr|en} and, optionally, a PostgreSQL JDBC URL
     */
    public static void main(String[] args) {
        Locale language = Messages.FRENCH;
        String url = null;
        for (int i = 0; i < args.length; i++) {
            if ("--lang".equals(args[i]) && i + 1 < args.length) {
                language = Messages.supported(Locale.forLanguageTag(args[++i]));
            } else if (args[i].startsWith("jdbc:")) {
                url = args[i];
            } else if (!args[i].isBlank()) {
                System.err.println(Messages.text(BUNDLE, "usage", language));
                System.exit(2);
            }
        }
        boolean inForce = run(language, new PrintStream(System.out, true, StandardCharsets.UTF_8), url);
        System.exit(inForce ? 0 : 1);
    }

    /**
     * Runs the scenario from its first day (6 September 2021).
     *
     * @param language French or English
     * @param out where the stages are told
     * @param url a JDBC URL, or null for embedded H2
     * @return true when the protocol ends in force with no negotiation left running
     */
    static boolean run(Locale language, PrintStream out, String url) {
        ManualClock clock = ManualClock.at(Instant.parse("2021-09-06T08:00:00Z"));
        return new ProtocolNegotiationScenario(language, out, clock, PlanId.DEFAULT, true).run(url);
    }

    /**
     * Negotiates the protocol on a database, with this scenario's clock.
     *
     * @param url a JDBC URL, or null for embedded H2
     * @return true when the protocol ends in force
     */
    boolean run(String url) {
        PlieEngine.Builder builder = PlieEngine.builder().clock(clock).asyncExecutor(false);
        HikariDataSource pool = PlanYearScenario.onDatabase(builder, url);
        try (PlieEngine engine = builder.build()) {
            say(url == null ? "engine.h2" : "engine.jdbc", url == null ? "" : url.replaceAll("password=[^&]*", "password=***"));
            listenTo(engine.defaultPlan());
            // On a database that already holds the plan (a second run on PostgreSQL), negotiate a copy.
            ProtocolId id = engine.protocol(coordinator, plan.id()).isEmpty() ? plan.id()
                    : ProtocolId.of(plan.id().value() + "-" + System.currentTimeMillis());
            return negotiate(engine, id);
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }

    private boolean negotiate(PlieEngine engine, ProtocolId id) {
        ProtocolNegotiation negotiation = engine.plan(planId).protocolNegotiation();
        say("title", draft.name(), draft.period().first() + "-" + draft.period().last());

        negotiation.start(coordinator, id, draft);
        say("start", today(), draft.animationStructure().name(), draft.signatories().size(),
                draft.objectives().participantsOverPeriod(), draft.budget().totalExpenses());
        week(1);
        negotiation.recordDiagnostic(coordinator, id, draft.diagnostic());
        detail("diagnostic", today());

        consult(negotiation, id, signatoryOfKind(SignatoryKind.REGION));
        negotiation.consolidate(coordinator, id, draft, "objectif de sorties positives décliné par public");
        detail("consolidation", today(), text("consolidation.revised"));
        consult(negotiation, id, null);
        week(2);
        negotiation.consolidate(coordinator, id, null, "remarques intégrées");
        detail("consolidation", today(), text("consolidation.kept"));

        week(3);
        ProtocolBudget budget = draft.budget();
        for (OrganisationId funder : budget.funders()) {
            Map<Year, Money> amounts = new TreeMap<>();
            budget.contributions().stream().filter(c -> c.funder().equals(funder))
                    .forEach(c -> amounts.put(c.year(), c.amount()));
            negotiation.confirmContribution(actor("budget@" + funder.value(), funder, Role.FUNDER), id, amounts);
            detail("contribution", today(), nameOf(draft, funder), budget.contributionOf(funder));
        }
        say("budget", today(), budget.totalResources(), budget.totalExpenses());

        week(3);
        List<Member> members = draft.governance().steeringCommittee().members();
        List<Member> withoutDepartment = members.stream()
                .filter(m -> !m.organisation().equals(signatoryOfKind(SignatoryKind.DEPARTMENT))).toList();
        meet(negotiation, id, withoutDepartment, members.size());
        week(2);
        meet(negotiation, id, members, members.size());

        for (Signatory signatory : draft.signatories()) {
            week(2);
            String reference = "DEL-" + LocalDate.now(clock).getYear() + "-" + signatory.id().value();
            negotiation.deliberate(actor("assemblee@" + signatory.id().value(), signatory.id(), Role.DELIBERATING_BODY),
                    id, DeliberationOutcome.APPROVED, reference, LocalDate.now(clock), null);
            detail("deliberation", today(), signatory.name(), signatory.deliberatingBody(), reference);
        }
        week(2);
        for (Signatory signatory : draft.signatories()) {
            negotiation.sign(actor("signataire@" + signatory.id().value(), signatory.id(), Role.SIGNATORY), id,
                    LocalDate.now(clock));
            detail("signature", today(), signatory.name());
        }

        Protocol protocol = engine.plan(planId).protocol(coordinator, id).orElseThrow();
        NegotiationStatus status = negotiation.status(coordinator, id);
        if (protocol.state() == ProtocolState.IN_FORCE) {
            ProtocolVersion version = protocol.versionInForce().orElseThrow();
            say("inforce", today(), version.content().name(), version.number(), dates.format(version.inForceFrom()));
        } else {
            say("failed", text("state." + protocol.state().name()));
        }
        say("state", text("state." + protocol.state().name()), negotiation.history(coordinator, id).size(), text(status.running() ? "no" : "yes"));
        return protocol.state() == ProtocolState.IN_FORCE && !status.running();
    }

    private void consult(ProtocolNegotiation negotiation, ProtocolId id, OrganisationId unfavourable) {
        NegotiationStatus status = negotiation.status(coordinator, id);
        List<WorkItem> asked = status.waitingFor().stream().filter(i -> i.step() == NegotiationStep.TECHNICAL_OPINION).toList();
        detail("consultation", today(), status.round(), asked.size(),
                asked.stream().map(i -> i.organisation().value()).collect(Collectors.joining(", ")));
        for (WorkItem item : asked) {
            week(1);
            OrganisationId party = item.organisation();
            Opinion opinion = party.equals(unfavourable)
                    ? Opinion.unfavourable("l’objectif de 50 % de sorties positives doit être décliné par public")
                    : party.equals(signatoryOfKind(SignatoryKind.STATE)) ? new Opinion(OpinionKind.FAVOURABLE_WITH_RESERVATIONS,
                            "articulation avec le contrat de ville à préciser") : Opinion.favourable("");
            negotiation.giveOpinion(actor("services@" + party.value(), party, Role.TECHNICAL_STAFF), id, opinion);
            detail("opinion", today(), party.value(), text("opinion." + opinion.kind().name()),
                    opinion.remarks().isEmpty() ? "" : " (" + opinion.remarks() + ")");
        }
    }

    private void meet(ProtocolNegotiation negotiation, ProtocolId id, List<Member> present, int members) {
        Decision<AdoptionOutcome> decision = new Decision<>(CommitteeKind.STEERING, present, clock.instant(),
                AdoptionOutcome.ADOPT, "Adoption du protocole du PLIE", Optional.of("COPIL-" + LocalDate.now(clock)));
        CommitteeOutcome outcome = negotiation.decideInCommittee(copil, id, decision);
        say("committee", today(), present.size(), members, text("committee." + outcome.result().name()));
    }

    private static String nameOf(ProtocolContent content, OrganisationId organisation) {
        return content.signatory(organisation).map(Signatory::name)
                .orElseGet(() -> content.intermediateBodies().stream().filter(b -> b.id().equals(organisation))
                        .map(b -> b.name()).findFirst().orElse(organisation.value()));
    }

    private void week(int weeks) {
        clock.advance(Duration.ofDays(7L * weeks));
    }

    private String today() {
        return dates.format(LocalDate.now(clock));
    }

    private String text(String key) {
        return Messages.text(BUNDLE, key, language);
    }

    /** Tells a detail of the negotiation when verbose; otherwise keeps only its events for the next stage told. */
    private void detail(String key, Object... arguments) {
        if (verbose) {
            say(key, arguments);
        }
    }

    /** Tells a stage, then the events that its step published. */
    private void say(String key, Object... arguments) {
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = arguments[i] instanceof Money money ? amounts.format(money.amount()) : arguments[i];
        }
        out.println(Messages.text(BUNDLE, key, language, shown));
        for (String event; (event = published.poll()) != null; ) {
            out.println("    " + Messages.text(BUNDLE, "event", language, text("event." + event), event));
        }
    }
}
