package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.CommitteeKind;
import fr.asso.europlie.plie.governance.Decision;
import fr.asso.europlie.plie.governance.GovernanceFixture;
import fr.asso.europlie.plie.governance.Member;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.CallForProposals;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.OfferFixture;
import fr.asso.europlie.plie.offer.OfferSettings;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.Operator;
import fr.asso.europlie.plie.offer.Operators;
import fr.asso.europlie.plie.offer.ProgrammingAxis;
import fr.asso.europlie.plie.offer.ProgrammingRecord;
import fr.asso.europlie.plie.offer.PtiMarking;
import fr.asso.europlie.plie.offer.SteeringDecision;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.internal.JdbcGlobalGrants;
import fr.asso.europlie.plie.workflow.internal.JdbcProgrammings;
import fr.asso.europlie.plie.workflow.internal.PlieRuntime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * A programming round for tests: an engine on a database with the Grand Périgueux protocol in
 * force, the 2026 call (accompaniment 100,000 euros, links with employers 50,000 euros, closing
 * on 31 January 2026), the people of each role, and short-hands for every step.
 */
final class Round implements AutoCloseable {

    private static final AtomicInteger ENGINES = new AtomicInteger();

    static final CallId CALL = OfferFixture.CALL;
    static final OrganisationId ANIMATION = ProtocolFixture.ANIMATION;
    static final OrganisationId COMMITTEE = GovernanceFixture.EPCI;
    static final OrganisationId DEPARTMENT = OfferFixture.DEPARTMENT;
    /** The OI's global grant: 300,000 euros of FSE+ for 2026 (priority 1, objective h), transition region. */
    static final GlobalGrantId GRANT = GlobalGrantId.of("SG-OI-PERIGUEUX");

    static final Actor COORDINATOR = Actor.of("coordinatrice.plie", ANIMATION, Role.ANIMATION_TEAM);
    static final Actor INSTRUCTOR_1 = Actor.of("instructeur.1", ANIMATION, Role.ANIMATION_TEAM);
    static final Actor INSTRUCTOR_2 = Actor.of("instructeur.2", ANIMATION, Role.ANIMATION_TEAM);
    static final Actor ASSOCIATION = Actor.of("porteur.asso", OfferFixture.ASSOCIATION.id(), Role.OPERATOR);
    static final Actor SIAE = Actor.of("porteur.siae", OfferFixture.SIAE.id(), Role.OPERATOR);
    static final Actor DEPARTMENT_STAFF = Actor.of("cheffe.insertion.24", DEPARTMENT, Role.TECHNICAL_STAFF);
    static final Actor SECRETARIAT = Actor.of("secretariat.copil", COMMITTEE, Role.STEERING_COMMITTEE);
    /** The OI: every role it could claim, none of them a role in the programming. */
    static final Actor OI = Actor.of("oi.gestionnaire", OfferFixture.OI, Role.FUNDER, Role.SIGNATORY, Role.TECHNICAL_STAFF);

    final Databases.Target database;
    final ManualClock clock;
    final PlieEngine engine;
    final String name;
    final List<ProgrammingEvent> events = new CopyOnWriteArrayList<>();

    final PlanId plan;

    Round(Databases.Kind kind) {
        this(kind, PlanId.DEFAULT);
    }

    /** A round in a plan of its own (registered), with the protocol in force in that plan. */
    Round(Databases.Kind kind, PlanId plan) {
        this(Databases.fresh(kind), plan, true, ManualClock.at(Instant.parse("2026-01-05T09:00:00Z")));
    }

    /**
     * A round on a database that may already hold one (an engine restarted after a crash).
     *
     * @param database the database
     * @param plan the plan
     * @param fresh whether to register the plan and store the protocol (a new database)
     * @param clock the clock
     */
    Round(Databases.Target database, PlanId plan, boolean fresh, ManualClock clock) {
        this(database, plan, fresh, clock, WorkflowSettings.defaults());
    }

    /** A round in the default plan on an engine with these settings. */
    Round(Databases.Kind kind, WorkflowSettings settings) {
        this(Databases.fresh(kind), PlanId.DEFAULT, true, ManualClock.at(Instant.parse("2026-01-05T09:00:00Z")), settings);
    }

    private Round(Databases.Target database, PlanId plan, boolean fresh, ManualClock clock, WorkflowSettings settings) {
        this.plan = plan;
        this.clock = clock;
        this.database = database;
        name = "programming-test-" + ENGINES.incrementAndGet();
        engine = database.engine(clock, settings).name(name).build();
        if (!plan.isDefault() && fresh) {
            engine.registerPlan(plan, "PLIE " + plan.value());
        }
        engine.plan(plan).addListener(new WorkflowListener() {
            @Override
            public void onProgrammingEvent(ProgrammingEvent event) {
                events.add(event);
            }
        });
        if (fresh) {
            inCommand(() -> {
                runtime().protocols(plan).add(ProtocolFixture.inForce());
                new JdbcGlobalGrants(plan, clock).add(grant(Money.euros(300_000)));
                return null;
            });
        }
    }

    @Override
    public void close() {
        engine.close();
        database.close();
    }

    ProgrammingApproval approval() {
        return engine.plan(plan).programmingApproval();
    }

    /** The same person, organisation and roles, acting in this round's plan. */
    Actor as(Actor actor) {
        return plan.isDefault() ? actor : new Actor(actor.userId(), actor.organisation(), actor.roles(), plan);
    }

    ProcessEngine flowable() {
        return ProcessEngines.getProcessEngine(name);
    }

    PlieRuntime runtime() {
        return PlieRuntime.of((ProcessEngineConfigurationImpl) flowable().getProcessEngineConfiguration());
    }

    <T> T inCommand(Supplier<T> body) {
        return ((ProcessEngineConfigurationImpl) flowable().getProcessEngineConfiguration()).getCommandExecutor()
                .execute(context -> body.get());
    }

    /** The stored programming, as a store reads it. */
    ProgrammingRecord stored() {
        return inCommand(() -> new JdbcProgrammings(plan, clock).get(CALL));
    }

    Optional<ProgrammingRecord> storedIfAny() {
        return inCommand(() -> new JdbcProgrammings(plan, clock).find(CALL));
    }

    List<ProgrammingAuditEntry> history() {
        return approval().history(as(COORDINATOR), CALL);
    }

    List<String> steps() {
        return history().stream().map(e -> e.step() + ":" + e.outcome()).toList();
    }

    long runningProcesses() {
        return flowable().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProgrammingProcess.KEY).count();
    }

    /** The id of this round's programming process instance, running or ended. */
    String instanceId() {
        return flowable().getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ProgrammingProcess.KEY)
                .singleResult().getId();
    }

    /** How many times the engine's history records the activity as finished, in this round's process. */
    long finishedRuns(String activityId) {
        return flowable().getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instanceId())
                .activityId(activityId).finished().count();
    }

    /** Whether the engine's history holds a process instance of this round that ended. */
    boolean processEnded() {
        return flowable().getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ProgrammingProcess.KEY)
                .finished().count() == 1;
    }

    /** The last value the engine's history holds of a variable of this round's process. */
    Object historicVariable(String name) {
        return flowable().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId()).variableName(name)
                .singleResult().getValue();
    }

    long openTasks() {
        return flowable().getTaskService().createTaskQuery().processDefinitionKey(ProgrammingProcess.KEY).count();
    }

    static CallForProposals call() {
        Map<ProgrammingAxis, Money> envelopes = new EnumMap<>(ProgrammingAxis.class);
        envelopes.put(ProgrammingAxis.ACCOMPANIMENT, Money.euros(100_000));
        envelopes.put(ProgrammingAxis.LINKS_WITH_EMPLOYERS, Money.euros(50_000));
        CallForProposals fixture = OfferFixture.aCall();
        return new CallForProposals(CALL, ProtocolFixture.ID, Year.of(2026), fixture.eligibility(), LocalDate.of(2026, 1, 31),
                fixture.regionCategory(), envelopes);
    }

    /** The OI's global grant with an amount of FSE+ for 2026. */
    static GlobalGrant grant(Money fse2026) {
        return GlobalGrant.of(GRANT, OfferFixture.OI, Map.of(EnvelopeKey.of("1", "h", 2026), fse2026),
                Map.of("1", call().regionCategory()));
    }

    /** The fixture call drawn from the OI's global grant, with the plan's programming settings. */
    static CallOpening opening() {
        return new CallOpening(call(), OfferFixture.aMapping(), DEPARTMENT, Operators.of(OfferFixture.ASSOCIATION, OfferFixture.SIAE),
                OfferSettings.defaults(), GRANT);
    }

    /** The fixture call drawn from the OI's global grant, with settings of its own. */
    static CallOpening opening(ProgrammingSettings settings) {
        return opening().withSettings(settings);
    }

    /** An admissible accompaniment operation of 50,000 euros (FSE+ 30,000) of an operator. */
    static Operation operation(String id, Operator operator) {
        return OfferFixture.anOperation(id).withOperator(operator.id());
    }

    Round opened() {
        approval().openCall(as(COORDINATOR), opening(ProgrammingSettings.defaults()));
        return this;
    }

    Round submitted(String... ids) {
        for (String id : ids) {
            Submission submission = approval().submit(as(ASSOCIATION), CALL, operation(id, OfferFixture.ASSOCIATION));
            if (!submission.admissible()) {
                throw new AssertionError("not admissible: " + submission.reasons());
            }
        }
        return this;
    }

    /** Closed by hand, every application assigned to instructor 1. */
    Round closedAndAssigned() {
        approval().closeCall(as(COORDINATOR), CALL);
        Map<OperationId, String> instructors = new java.util.LinkedHashMap<>();
        stored().programming().applications().forEach(a -> instructors.put(a.operation().id(), INSTRUCTOR_1.userId()));
        approval().assignInstructors(as(COORDINATOR), CALL, instructors);
        return this;
    }

    /** Every application appraised favourably at its cost and marked complementary, then the technical opinion. */
    Round reviewed() {
        for (var application : stored().programming().applications()) {
            OperationId id = application.operation().id();
            approval().appraise(as(INSTRUCTOR_1), CALL, id, Appraisal.Opinion.FAVOURABLE, application.operation().costs().total(), "solide");
            approval().markPti(as(DEPARTMENT_STAFF), CALL, id, PtiMarking.Complementarity.COMPLEMENTARY, "Complète l’offre du PTI");
        }
        approval().recordTechnicalOpinion(as(COORDINATOR), CALL, Appraisal.Opinion.FAVOURABLE, "équilibrée", "COTECH 2026-03-02");
        return this;
    }

    static Decision<SteeringDecision.Outcome> decision(SteeringDecision.Outcome outcome) {
        return GovernanceFixture.steeringCommittee().decide(GovernanceFixture.steeringMembers(), Instant.parse("2026-03-12T14:00:00Z"),
                outcome, "Délibéré en séance", "COPIL 2026-03-12");
    }

    /** A decision taken without the Département: no quorum. */
    static Decision<SteeringDecision.Outcome> withoutQuorum(SteeringDecision.Outcome outcome) {
        List<Member> present = GovernanceFixture.steeringMembers().stream().filter(m -> !m.organisation().equals(DEPARTMENT)).toList();
        return new Decision<>(CommitteeKind.STEERING, present, Instant.parse("2026-03-12T14:00:00Z"), outcome, "Délibéré",
                Optional.of("COPIL 2026-03-12"));
    }

    static Decision<AdoptionOutcome> adoption() {
        return GovernanceFixture.steeringCommittee().decide(GovernanceFixture.steeringMembers(), Instant.parse("2026-03-12T16:00:00Z"),
                AdoptionOutcome.ADOPT, "Programmation adoptée", "COPIL 2026-03-12");
    }

    void approve(String id, long euros) {
        approval().decide(as(SECRETARIAT), CALL, OperationId.of(id), decision(SteeringDecision.Outcome.APPROVED), Money.euros(euros));
    }

    void refuse(String id, SteeringDecision.Outcome outcome) {
        approval().decide(as(SECRETARIAT), CALL, OperationId.of(id), decision(outcome), Money.ZERO);
    }

    void advance(Duration duration) {
        clock.advance(duration);
        engine.runDueJobs();
    }
}
