package fr.asso.europlie.plie.workflow.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.Member;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.Signatory;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.Plan;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drives the negotiation of the Grand Périgueux fixture protocol through its steps, as the
 * people of each organisation would, for the tests: one method per step, with the actors of the
 * fixture.
 */
public final class Negotiator {

    /** The animation team's coordinator. */
    public static final Actor COORDINATOR = Actor.of("coordination.plie", ProtocolFixture.ANIMATION, Role.ANIMATION_TEAM);
    /** The steering committee's secretariat. */
    public static final Actor COMMITTEE = Actor.of("secretariat.copil", ProtocolFixture.EPCI, Role.STEERING_COMMITTEE);

    private final PlieEngine engine;
    private final ProtocolNegotiation negotiation;
    private final PlanId plan;
    private final ManualClock clock;
    private final ProtocolId id;

    /**
     * Creates the driver.
     *
     * @param engine the engine
     * @param clock its clock
     * @param id the protocol's id
     */
    public Negotiator(PlieEngine engine, ManualClock clock, ProtocolId id) {
        this(engine, engine.defaultPlan(), clock, id);
    }

    /**
     * Creates the driver of a negotiation in a plan, its actors acting in that plan.
     *
     * @param engine the engine
     * @param plan the plan
     * @param clock its clock
     * @param id the protocol's id
     */
    public Negotiator(PlieEngine engine, Plan plan, ManualClock clock, ProtocolId id) {
        this.engine = engine;
        this.negotiation = plan.protocolNegotiation();
        this.plan = plan.id();
        this.clock = clock;
        this.id = id;
    }

    /** @return the negotiation service */
    public ProtocolNegotiation negotiation() {
        return negotiation;
    }

    /**
     * An actor of the fixture, in this driver's plan.
     *
     * @param actor the actor (of the default plan)
     * @return the same person, organisation and roles in this plan
     */
    public Actor here(Actor actor) {
        return new Actor(actor.userId(), actor.organisation(), actor.roles(), plan);
    }

    /** @return the protocol's id */
    public ProtocolId id() {
        return id;
    }

    /** @return the fixture's content */
    public static ProtocolContent content() {
        return ProtocolFixture.grandPerigueux();
    }

    /** @return the signatories' ids */
    public static List<OrganisationId> signatories() {
        return content().signatories().stream().map(Signatory::id).toList();
    }

    /** @return the consulted parties: signatories, OI, animation structure */
    public static List<OrganisationId> parties() {
        return List.of(ProtocolFixture.EPCI, ProtocolFixture.DEPARTMENT, ProtocolFixture.STATE, ProtocolFixture.REGION,
                ProtocolFixture.FRANCE_TRAVAIL, ProtocolFixture.OI, ProtocolFixture.ANIMATION);
    }

    /** @return the funders of the fixture's budget */
    public static List<OrganisationId> funders() {
        return content().budget().funders();
    }

    /**
     * An actor of an organisation with one role.
     *
     * @param organisation the organisation
     * @param role the role
     * @return the actor
     */
    public static Actor of(OrganisationId organisation, Role role) {
        return Actor.of(role.name().toLowerCase() + "@" + organisation.value(), organisation, role);
    }

    /**
     * The reminders the engine will send from now on, collected by a listener added to it.
     *
     * @param engine the engine
     * @return the list the reminders are added to, safe to read from another thread
     */
    public static List<fr.asso.europlie.plie.workflow.Reminder> reminders(PlieEngine engine) {
        List<fr.asso.europlie.plie.workflow.Reminder> reminders = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.addListener(new fr.asso.europlie.plie.workflow.WorkflowListener() {
            @Override
            public void onReminder(fr.asso.europlie.plie.workflow.Reminder reminder) {
                reminders.add(reminder);
            }
        });
        return reminders;
    }

    /** Moves the engine's clock and runs what fell due. */
    public void advance(Duration duration) {
        clock.advance(duration);
        engine.runDueJobs();
    }

    /** Starts the negotiation and records the diagnostic. */
    public Negotiator startedWithDiagnostic() {
        negotiation().start(here(COORDINATOR), id, content());
        negotiation().recordDiagnostic(here(COORDINATOR), id, ProtocolFixture.completeDiagnostic());
        return this;
    }

    /** Every party gives a favourable opinion. */
    public Negotiator allFavourable() {
        for (OrganisationId party : parties()) {
            negotiation().giveOpinion(here(of(party, Role.TECHNICAL_STAFF)), id, Opinion.favourable("rien à ajouter"));
        }
        return this;
    }

    /** One party is unfavourable, the others favourable. */
    public Negotiator oneUnfavourable(OrganisationId unfavourable) {
        for (OrganisationId party : parties()) {
            Opinion opinion = party.equals(unfavourable) ? Opinion.unfavourable("objectifs trop ambitieux")
                    : Opinion.favourable("");
            negotiation().giveOpinion(here(of(party, Role.TECHNICAL_STAFF)), id, opinion);
        }
        return this;
    }

    /** The animation team consolidates without revising. */
    public Negotiator consolidated() {
        negotiation().consolidate(here(COORDINATOR), id, null, "remarques intégrées");
        return this;
    }

    /** Every funder confirms the fixture's contribution. */
    public Negotiator allContributionsConfirmed() {
        for (OrganisationId funder : funders()) {
            confirm(funder, content().budget());
        }
        return this;
    }

    /** A funder confirms the lines of a budget. */
    public void confirm(OrganisationId funder, fr.asso.europlie.plie.budget.ProtocolBudget budget) {
        Map<Year, Money> amounts = new LinkedHashMap<>();
        budget.contributions().stream().filter(c -> c.funder().equals(funder))
                .forEach(c -> amounts.put(c.year(), c.amount()));
        negotiation().confirmContribution(here(of(funder, Role.FUNDER)), id, amounts);
    }

    /** A committee decision with every member present. */
    public Decision<AdoptionOutcome> decision(AdoptionOutcome outcome, String reasons) {
        return new Decision<>(CommitteeKind.STEERING, ProtocolFixture.governance().steeringCommittee().members(),
                clock.instant(), outcome, reasons, Optional.of("COPIL-" + clock.instant().getEpochSecond()));
    }

    /** A committee decision without the Département. */
    public Decision<AdoptionOutcome> decisionWithoutDepartment(AdoptionOutcome outcome) {
        List<Member> present = ProtocolFixture.governance().steeringCommittee().members().stream()
                .filter(m -> !m.organisation().equals(ProtocolFixture.DEPARTMENT)).toList();
        return new Decision<>(CommitteeKind.STEERING, present, clock.instant(), outcome, "séance sans le Département",
                Optional.of("COPIL-SANS-QUORUM"));
    }

    /** The steering committee adopts with quorum. */
    public Negotiator adopted() {
        CommitteeOutcome outcome = negotiation().decideInCommittee(here(COMMITTEE), id,
                decision(AdoptionOutcome.ADOPT, "adopté à l’unanimité"));
        assertThat(outcome.result()).isEqualTo(CommitteeOutcome.Result.ADOPTED);
        return this;
    }

    /** A signatory's body deliberates. */
    public void deliberate(OrganisationId signatory, DeliberationOutcome outcome) {
        negotiation().deliberate(here(of(signatory, Role.DELIBERATING_BODY)), id, outcome, "DEL-" + signatory.value(),
                LocalDate.now(clock), outcome == DeliberationOutcome.APPROVED ? null : "le plan de financement doit évoluer");
    }

    /** Every signatory's body approves. */
    public Negotiator allApproved() {
        signatories().forEach(s -> deliberate(s, DeliberationOutcome.APPROVED));
        return this;
    }

    /** Every remaining signatory signs. */
    public Negotiator allSigned(List<OrganisationId> signers) {
        signers.forEach(s -> negotiation().sign(here(of(s, Role.SIGNATORY)), id, LocalDate.now(clock)));
        return this;
    }
}
