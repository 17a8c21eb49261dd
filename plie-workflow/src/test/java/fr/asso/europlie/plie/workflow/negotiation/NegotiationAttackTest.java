package fr.asso.europlie.plie.workflow.negotiation;

import static fr.asso.europlie.plie.protocol.ProtocolFixture.ANIMATION;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.DEPARTMENT;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.EPCI;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.OI;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.error.ViolationAssertions;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.governance.Governance;
import fr.asso.europlie.plie.governance.SteeringCommittee;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.AnimationStructure;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.protocol.ProtocolContent;
import fr.asso.europlie.plie.protocol.ProtocolError;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the negotiation attacked from outside: rules on drafts, who may know, closed protocols, on H2 and PostgreSQL")
class NegotiationAttackTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    private static ProtocolId newId() {
        return ProtocolId.of("PLIE-ATTACK-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
    }

    private void withEngine(Databases.Kind kind, Consumer<PlieEngine> test) throws Exception {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            test.accept(engine);
        }
    }

    /** The fixture, with a steering committee convened by the intermediate body. */
    private static ProtocolContent steeredByTheOi() {
        return steeredBy(OI);
    }

    /** The fixture, with a steering committee convened by an organisation. */
    private static ProtocolContent steeredBy(OrganisationId convener) {
        Governance governance = Negotiator.content().governance();
        SteeringCommittee steering = governance.steeringCommittee();
        return Negotiator.content().withGovernance(new Governance(new SteeringCommittee(steering.members(), steering.chair(),
                steering.quorum(), convener), governance.technicalCommittee(), governance.fundersCommittee(),
                governance.entryCommission()));
    }

    private static RuleViolationException refusedByRules(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(RuleViolationException.class);
        return (RuleViolationException) thrown;
    }

    // ------------------------------------------------------------------------- rules on drafts

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a draft whose steering committee the OI convenes is refused at start, with every broken rule, and nothing is stored")
    void startRefusesADraftSteeredByTheOi(Databases.Kind kind) throws Exception {
        withEngine(kind, engine -> {
            ProtocolId id = newId();
            ProtocolContent draft = steeredByTheOi().withTargetPublics(List.of());
            RuleViolationException refused = refusedByRules(() -> engine.protocolNegotiation().start(Negotiator.COORDINATOR,
                    id, draft));
            assertThat(refused.violations()).extracting(Violation::code)
                    .containsExactlyInAnyOrder(ProtocolError.NO_TARGET_PUBLIC, ProtocolError.OI_NOT_STEERING_COMMITTEE);
            assertThat(engine.protocol(Negotiator.COORDINATOR, id)).isEmpty();
            // So the OI, with the steering committee's role, never gets a committee step to abandon it in.
            assertThat(engine.protocolNegotiation().tasks(Negotiator.of(OI, Role.STEERING_COMMITTEE))).isEmpty();
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a consolidation that hands the steering committee to the OI is refused, and nothing changes")
    void consolidationRefusesATextSteeredByTheOi(Databases.Kind kind) throws Exception {
        withEngine(kind, engine -> {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id).startedWithDiagnostic().oneUnfavourable(REGION);
            NegotiationRobustnessTest.Snapshot before = NegotiationRobustnessTest.snapshot(engine, id);
            RuleViolationException refused = refusedByRules(() -> negotiator.negotiation().consolidate(Negotiator.COORDINATOR,
                    id, steeredByTheOi(), "le copil passe à l’OI"));
            ViolationAssertions.assertViolation(refused, ProtocolError.OI_NOT_STEERING_COMMITTEE,
                    "governance.steeringCommittee.convenedBy", OI.value());
            assertThat(NegotiationRobustnessTest.snapshot(engine, id)).isEqualTo(before);
            assertThat(negotiator.negotiation().tasks(Negotiator.of(OI, Role.STEERING_COMMITTEE))).isEmpty();
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an amendment that hands the steering committee to the OI is refused; the protocol stays in force, unchanged")
    void amendmentRefusesATextSteeredByTheOi(Databases.Kind kind) throws Exception {
        withEngine(kind, engine -> {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id);
            negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted()
                    .allApproved().allSigned(Negotiator.signatories());
            NegotiationRobustnessTest.Snapshot before = NegotiationRobustnessTest.snapshot(engine, id);
            RuleViolationException refused = refusedByRules(() -> negotiator.negotiation().startAmendment(
                    Negotiator.COORDINATOR, id, steeredByTheOi(), "l’OI préside désormais"));
            ViolationAssertions.assertViolation(refused, ProtocolError.OI_NOT_STEERING_COMMITTEE,
                    "governance.steeringCommittee.convenedBy", OI.value());
            assertThat(NegotiationRobustnessTest.snapshot(engine, id)).isEqualTo(before);
            assertThat(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().pendingAmendment()).isEmpty();
        });
    }

    // ------------------------------------------------------------------------- who may know

    /** Every command and read an outsider may try on a protocol, each giving its refusal or answer. */
    private static List<ThrowingCallable> everyCommand(PlieEngine engine, Negotiator negotiator, ProtocolId id) {
        ProtocolNegotiation negotiation = engine.protocolNegotiation();
        OrganisationId commune = OrganisationId.of("COMMUNE-24037");
        LocalDate today = LocalDate.of(2021, 9, 1);
        return List.of(
                () -> negotiation.startAmendment(Negotiator.of(commune, Role.ANIMATION_TEAM), id, Negotiator.content(), "x"),
                () -> negotiation.recordDiagnostic(Negotiator.of(commune, Role.ANIMATION_TEAM), id,
                        ProtocolFixture.completeDiagnostic()),
                () -> negotiation.giveOpinion(Negotiator.of(commune, Role.TECHNICAL_STAFF), id, Opinion.favourable("")),
                () -> negotiation.consolidate(Negotiator.of(commune, Role.ANIMATION_TEAM), id, null, null),
                () -> negotiation.decideAfterRoundLimit(Negotiator.of(commune, Role.STEERING_COMMITTEE), id,
                        RoundLimitDecision.ABANDON, "x"),
                () -> negotiation.confirmContribution(Negotiator.of(commune, Role.FUNDER), id,
                        java.util.Map.of(java.time.Year.of(2022), fr.asso.europlie.plie.money.Money.euros(1))),
                () -> negotiation.decideInCommittee(Negotiator.of(commune, Role.STEERING_COMMITTEE), id,
                        negotiator.decision(AdoptionOutcome.ABANDON, "x")),
                () -> negotiation.deliberate(Negotiator.of(commune, Role.DELIBERATING_BODY), id, DeliberationOutcome.APPROVED,
                        "DEL", today, null),
                () -> negotiation.withdraw(Negotiator.of(commune, Role.DELIBERATING_BODY), id, "x"),
                () -> negotiation.sign(Negotiator.of(commune, Role.SIGNATORY), id, today),
                () -> negotiation.status(Negotiator.of(commune, Role.ANIMATION_TEAM), id),
                () -> negotiation.history(Negotiator.of(commune, Role.TECHNICAL_STAFF), id));
    }

    /** The refusal, as an outsider sees it: type, code, field, and messages with the id blotted out. */
    private static List<String> seen(Throwable thrown, ProtocolId id) {
        assertThat(thrown).isInstanceOf(PlieException.class);
        PlieException refusal = (PlieException) thrown;
        List<String> seen = new ArrayList<>(List.of(thrown.getClass().getName(), refusal.code(), refusal.field()));
        for (Locale language : Messages.SUPPORTED) {
            seen.add(refusal.getMessage(language).replace(id.value(), "<id>"));
        }
        return seen;
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an outsider gets the same refusal for a protocol under negotiation as for one that does not exist, on every command and read")
    void outsiderCannotTellWhetherAProtocolExists(Databases.Kind kind) throws Exception {
        withEngine(kind, engine -> {
            ProtocolId existing = newId();
            ProtocolId missing = newId();
            Negotiator negotiator = new Negotiator(engine, clock, existing).startedWithDiagnostic();
            NegotiationRobustnessTest.Snapshot before = NegotiationRobustnessTest.snapshot(engine, existing);
            List<ThrowingCallable> onExisting = everyCommand(engine, negotiator, existing);
            List<ThrowingCallable> onMissing = everyCommand(engine, negotiator, missing);
            for (int i = 0; i < onExisting.size(); i++) {
                Throwable existingRefusal = catchThrowable(onExisting.get(i));
                Throwable missingRefusal = catchThrowable(onMissing.get(i));
                assertThat(existingRefusal).as("command %d", i).isInstanceOf(AccessDeniedException.class);
                ViolationAssertions.assertViolation((PlieException) existingRefusal, WorkflowError.UNKNOWN_PROTOCOL,
                        "protocolId", existing.value());
                assertThat(seen(existingRefusal, existing)).as("command %d", i).isEqualTo(seen(missingRefusal, missing));
            }
            Actor outsider = Negotiator.of(OrganisationId.of("COMMUNE-24037"), Role.ANIMATION_TEAM);
            assertThat(engine.protocol(outsider, existing)).isEmpty();
            assertThat(engine.auditTrail(outsider, existing)).isEmpty();
            assertThat(engine.auditTrail(Negotiator.COORDINATOR, existing)).isNotEmpty();
            assertThat(NegotiationRobustnessTest.snapshot(engine, existing)).isEqualTo(before);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a party refused for the wrong organisation is not told who must act")
    void wrongOrganisationRefusalNamesNobodyElse(Databases.Kind kind) throws Exception {
        withEngine(kind, engine -> {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id);
            negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted();
            List<Function<Negotiator, ThrowingCallable>> attempts = List.of(
                    n -> () -> n.negotiation().deliberate(Negotiator.of(OI, Role.DELIBERATING_BODY), id,
                            DeliberationOutcome.APPROVED, "DEL-OI", LocalDate.now(clock), null),
                    n -> () -> n.negotiation().recordDiagnostic(Negotiator.of(EPCI, Role.ANIMATION_TEAM), id,
                            ProtocolFixture.completeDiagnostic()),
                    n -> () -> n.negotiation().consolidate(Negotiator.of(REGION, Role.ANIMATION_TEAM), id, null, null));
            for (Function<Negotiator, ThrowingCallable> attempt : attempts) {
                Throwable thrown = catchThrowable(attempt.apply(negotiator));
                assertThat(thrown).isInstanceOf(AccessDeniedException.class);
                PlieException refusal = (PlieException) thrown;
                assertThat(refusal.code()).isEqualTo(WorkflowError.WRONG_ORGANISATION.code());
                for (Locale language : Messages.SUPPORTED) {
                    String message = refusal.getMessage(language);
                    for (OrganisationId other : Negotiator.parties()) {
                        if (!other.value().equals(refusal.value())) {
                            assertThat(message).as("%s in %s", other, language).doesNotContain(other.value());
                        }
                    }
                }
            }
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("another plan's animation team starting under a taken id learns only that it is taken: not by whom, nor in which state")
    void startUnderATakenId(Databases.Kind kind) throws Exception {
        withEngine(kind, engine -> {
            ProtocolId id = newId();
            new Negotiator(engine, clock, id).startedWithDiagnostic();
            NegotiationRobustnessTest.Snapshot before = NegotiationRobustnessTest.snapshot(engine, id);
            OrganisationId commune = OrganisationId.of("COMMUNE-24037");
            Actor otherTeam = Negotiator.of(commune, Role.ANIMATION_TEAM);
            ProtocolContent otherPlan = Negotiator.content().withAnimationStructure(new AnimationStructure(commune,
                    "Service emploi de la commune", AnimationStructure.Form.LOCAL_AUTHORITY,
                    Negotiator.content().animationStructure().missions()));
            PlieException refused = ViolationAssertions.assertRefused(() -> engine.protocolNegotiation().start(otherTeam, id,
                    otherPlan), WorkflowError.ID_TAKEN, "protocolId", id.value());
            assertThat(refused).isInstanceOf(AccessDeniedException.class);
            for (Locale language : Messages.SUPPORTED) {
                assertThat(refused.getMessage(language)).doesNotContain(ANIMATION.value(), EPCI.value(),
                        ProtocolState.UNDER_NEGOTIATION.name());
            }
            assertThat(NegotiationRobustnessTest.snapshot(engine, id)).isEqualTo(before);
        });
    }

    // ------------------------------------------------------------------------- closed protocols

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a second start, and an amendment, on an abandoned protocol are refused as closed, with nothing changed")
    void abandonedProtocolIsClosed(Databases.Kind kind) throws Exception {
        withEngine(kind, engine -> {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id);
            negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed();
            CommitteeOutcome abandoned = negotiator.negotiation().decideInCommittee(Negotiator.COMMITTEE, id,
                    negotiator.decision(AdoptionOutcome.ABANDON, "le territoire renonce"));
            assertThat(abandoned.result()).isEqualTo(CommitteeOutcome.Result.ABANDONED);
            long revision = engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().revision();
            int entries = engine.auditTrail(Negotiator.COORDINATOR, id).size();

            ViolationAssertions.assertRefused(() -> negotiator.negotiation().start(Negotiator.COORDINATOR, id,
                    Negotiator.content()), WorkflowError.CLOSED, "protocolId", id.value());
            ViolationAssertions.assertRefused(() -> negotiator.negotiation().startAmendment(Negotiator.COORDINATOR, id,
                    Negotiator.content(), "relance"), WorkflowError.CLOSED, "protocolId", id.value());

            assertThat(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().state()).isEqualTo(ProtocolState.ABANDONED);
            assertThat(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().revision()).isEqualTo(revision);
            assertThat(engine.auditTrail(Negotiator.COORDINATOR, id)).hasSize(entries);
            assertThat(negotiator.negotiation().status(Negotiator.COORDINATOR, id).running()).isFalse();
            // The abandoned protocol keeps no text, yet its parties still know it by its trail.
            assertThat(negotiator.negotiation().history(Negotiator.of(REGION, Role.TECHNICAL_STAFF), id)).hasSize(entries);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("every command given a missing or blank-looking value answers with a refusal, never a NullPointerException, and nothing changes")
    void missingValuesAreRefused(Databases.Kind kind) throws Exception {
        withEngine(kind, engine -> {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id).startedWithDiagnostic();
            NegotiationRobustnessTest.Snapshot before = NegotiationRobustnessTest.snapshot(engine, id);
            ProtocolNegotiation negotiation = engine.protocolNegotiation();
            Actor funder = Negotiator.of(EPCI, Role.FUNDER);
            Actor body = Negotiator.of(EPCI, Role.DELIBERATING_BODY);
            LocalDate today = LocalDate.of(2021, 9, 1);
            java.util.Map<java.time.Year, fr.asso.europlie.plie.money.Money> nullAmount = new java.util.HashMap<>();
            nullAmount.put(java.time.Year.of(2022), null);
            java.util.Map<java.time.Year, fr.asso.europlie.plie.money.Money> nullYear = new java.util.HashMap<>();
            nullYear.put(null, fr.asso.europlie.plie.money.Money.euros(1));
            List<ThrowingCallable> calls = List.of(
                    () -> negotiation.start(Negotiator.COORDINATOR, null, Negotiator.content()),
                    () -> negotiation.start(Negotiator.COORDINATOR, id, null),
                    () -> negotiation.startAmendment(Negotiator.COORDINATOR, id, null, "avenant"),
                    () -> negotiation.startAmendment(Negotiator.COORDINATOR, id, Negotiator.content(), null),
                    () -> negotiation.recordDiagnostic(Negotiator.COORDINATOR, id, null),
                    () -> negotiation.giveOpinion(Negotiator.of(EPCI, Role.TECHNICAL_STAFF), id, null),
                    () -> negotiation.consolidate(Negotiator.COORDINATOR, null, null, null),
                    () -> negotiation.decideAfterRoundLimit(Negotiator.COMMITTEE, id, null, "x"),
                    () -> negotiation.decideAfterRoundLimit(Negotiator.COMMITTEE, id, RoundLimitDecision.ABANDON, null),
                    () -> negotiation.confirmContribution(funder, id, null),
                    () -> negotiation.confirmContribution(funder, id, nullAmount),
                    () -> negotiation.confirmContribution(funder, id, nullYear),
                    () -> negotiation.decideInCommittee(Negotiator.COMMITTEE, id, null),
                    () -> negotiation.deliberate(body, id, null, "DEL", today, null),
                    () -> negotiation.deliberate(body, id, DeliberationOutcome.APPROVED, null, today, null),
                    () -> negotiation.deliberate(body, id, DeliberationOutcome.APPROVED, "DEL", null, null),
                    () -> negotiation.withdraw(body, id, null),
                    () -> negotiation.withdraw(body, id, "\u200B\u00A0"),
                    () -> negotiation.decideAfterRoundLimit(Negotiator.COMMITTEE, id, RoundLimitDecision.ABANDON, "\u3164"),
                    () -> negotiation.sign(Negotiator.of(EPCI, Role.SIGNATORY), id, null),
                    () -> negotiation.status(Negotiator.COORDINATOR, null),
                    () -> negotiation.history(Negotiator.COORDINATOR, null));
            for (int i = 0; i < calls.size(); i++) {
                assertThat(catchThrowable(calls.get(i))).as("call %d", i).isInstanceOf(PlieException.class);
            }
            assertThat(NegotiationRobustnessTest.snapshot(engine, id)).isEqualTo(before);
        });
    }

    // ------------------------------------------------------------------------- identities

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the OI cannot convene the steering committee under its id disguised with invisible, no-break or full-width characters")
    void disguisedOiCannotSteer(Databases.Kind kind) throws Exception {
        withEngine(kind, engine -> {
            for (String disguised : List.of("OI-\u200BPLIE-GP", "OI-PLIE-GP\u00A0", "\uFF2F\uFF29-PLIE-GP", "\uFEFFOI-PLIE\u00AD-GP")) {
                ProtocolId id = newId();
                ProtocolContent draft = steeredBy(OrganisationId.of(disguised));
                ViolationAssertions.assertRefused(() -> engine.protocolNegotiation().start(Negotiator.COORDINATOR, id, draft),
                        ProtocolError.OI_NOT_STEERING_COMMITTEE, "governance.steeringCommittee.convenedBy", OI.value());
                assertThat(engine.protocol(Negotiator.COORDINATOR, id)).isEmpty();
            }
            Actor disguisedOi = Actor.of("secretariat.copil", OrganisationId.of("OI-\u200BPLIE-GP"), Role.STEERING_COMMITTEE);
            assertThat(disguisedOi.organisation()).isEqualTo(OI);
        });
    }

    // ------------------------------------------------------------------------- due jobs

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a job's own failure is thrown by runDueJobs and counted by Flowable (a retry less); once repaired it runs")
    void aJobsOwnFailureIsThrownAndCounted(Databases.Kind kind) throws Exception {
        String name = "plie-attack-" + PROTOCOLS.incrementAndGet();
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build()) {
            ProtocolId id = newId();
            new Negotiator(engine, clock, id).startedWithDiagnostic();
            clock.advance(java.time.Duration.ofDays(46));
            // The end of the grace period removes the opinion tasks: make that fail.
            NegotiationRobustnessTest.injectFailure(database, true);
            Throwable failure = catchThrowable(engine::runDueJobs);
            assertThat(failure).isNotNull().isNotInstanceOf(PlieException.class).hasStackTraceContaining("injected failure");
            org.flowable.engine.ManagementService management = org.flowable.engine.ProcessEngines.getProcessEngine(name)
                    .getManagementService();
            assertThat(management.createTimerJobQuery().withException().list()).singleElement().satisfies(job -> {
                assertThat(job.getRetries()).isEqualTo(2);
                assertThat(job.getExceptionMessage()).isNotBlank();
            });
            assertThat(engine.protocolNegotiation().status(Negotiator.COORDINATOR, id).waitingFor())
                    .extracting(WorkItem::step).containsOnly(NegotiationStep.TECHNICAL_OPINION);

            NegotiationRobustnessTest.injectFailure(database, false);
            clock.advance(java.time.Duration.ofMinutes(5));
            engine.runDueJobs();
            assertThat(engine.auditTrail(Negotiator.COORDINATOR, id).stream().filter(e -> "NO_OPINION".equals(e.outcome())))
                    .hasSize(Negotiator.parties().size());
            assertThat(engine.protocolNegotiation().status(Negotiator.COORDINATOR, id).waitingFor())
                    .extracting(WorkItem::step).containsExactly(NegotiationStep.CONSOLIDATION);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("due jobs run by 4 threads while the parties give their opinions: no job failure, every opinion recorded once")
    void dueJobsWhileUsersAct(Databases.Kind kind) throws Exception {
        withEngine(kind, engine -> {
            List<ProtocolId> ids = List.of(newId(), newId());
            for (ProtocolId id : ids) {
                new Negotiator(engine, clock, id).startedWithDiagnostic();
            }
            // Both the reminder and the end of the grace period fall due while the parties answer.
            clock.advance(java.time.Duration.ofDays(46));
            List<Throwable> jobFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Throwable> userFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Runnable> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> {
                    try {
                        engine.runDueJobs();
                    } catch (RuntimeException e) {
                        jobFailures.add(e);
                    }
                });
            }
            for (ProtocolId id : ids) {
                for (OrganisationId party : Negotiator.parties()) {
                    calls.add(() -> {
                        try {
                            engine.protocolNegotiation().giveOpinion(Negotiator.of(party, Role.TECHNICAL_STAFF), id,
                                    Opinion.favourable(""));
                        } catch (PlieException refused) {
                            // Too late: the grace period ended first and recorded "no opinion".
                            if (!List.of(WorkflowError.NO_SUCH_TASK.code(), WorkflowError.NO_NEGOTIATION.code())
                                    .contains(refused.code())) {
                                userFailures.add(refused);
                            }
                        } catch (RuntimeException e) {
                            userFailures.add(e);
                        }
                    });
                }
            }
            NegotiationRobustnessTest.atOnce(calls);
            engine.runDueJobs();

            assertThat(jobFailures).as("runDueJobs never fails for a job another caller took or a conflict").isEmpty();
            assertThat(userFailures).as("only clear refusals for the parties").isEmpty();
            for (ProtocolId id : ids) {
                List<String> answered = engine.auditTrail(Negotiator.COORDINATOR, id).stream()
                        .filter(e -> e.step().equals("TECHNICAL_OPINION")).map(e -> e.organisation()).toList();
                assertThat(answered).as("one opinion or 'no opinion' per party of %s", id)
                        .containsExactlyInAnyOrderElementsOf(Negotiator.parties().stream().map(OrganisationId::value).toList());
                assertThat(engine.protocolNegotiation().status(Negotiator.COORDINATOR, id).waitingFor())
                        .extracting(WorkItem::step).containsExactly(NegotiationStep.CONSOLIDATION);
            }
        });
    }
}
