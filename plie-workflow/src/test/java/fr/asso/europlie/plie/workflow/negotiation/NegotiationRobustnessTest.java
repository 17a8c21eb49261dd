package fr.asso.europlie.plie.workflow.negotiation;

import static fr.asso.europlie.plie.protocol.ProtocolFixture.DEPARTMENT;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.EPCI;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.OI;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.ViolationAssertions;
import fr.asso.europlie.plie.governance.AdoptionOutcome;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.DeliberationOutcome;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the negotiation under attack: access, concurrency, crashes and failures, on H2 and PostgreSQL")
class NegotiationRobustnessTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    private static ProtocolId newId() {
        return ProtocolId.of("PLIE-TEST-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
    }

    record Snapshot(long revision, int auditEntries, List<WorkItem> waiting) {
    }

    static Snapshot snapshot(PlieEngine engine, ProtocolId id) {
        ProtocolNegotiation negotiation = engine.protocolNegotiation();
        return new Snapshot(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().revision(), negotiation.history(Negotiator.COORDINATOR, id).size(),
                negotiation.status(Negotiator.COORDINATOR, id).waitingFor());
    }

    private void withEngine(Databases.Kind kind, WorkflowSettings settings, Consumer<PlieEngine> test) throws Exception {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, settings).build()) {
            test.accept(engine);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("access: wrong organisation or role is refused with a clear error, and nothing changes")
    void access(Databases.Kind kind) throws Exception {
        withEngine(kind, WorkflowSettings.defaults(), engine -> {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id);
            ProtocolNegotiation negotiation = negotiator.negotiation();

            ViolationAssertions.assertRefused(() -> negotiation.start(Negotiator.of(EPCI, Role.ANIMATION_TEAM), id,
                    Negotiator.content()), WorkflowError.WRONG_ORGANISATION, "actor.organisation", EPCI.value());
            assertThat(engine.protocol(Negotiator.COORDINATOR, id)).isEmpty();

            negotiator.startedWithDiagnostic();
            Snapshot before = snapshot(engine, id);
            ViolationAssertions.assertRefused(() -> negotiation.start(Negotiator.COORDINATOR, id, Negotiator.content()),
                    WorkflowError.ALREADY_RUNNING, "protocolId", id.value());
            Actor stranger = Negotiator.of(OrganisationId.of("COMMUNE-24037"), Role.TECHNICAL_STAFF);
            ViolationAssertions.assertRefused(() -> negotiation.giveOpinion(stranger, id, Opinion.favourable("")),
                    WorkflowError.UNKNOWN_PROTOCOL, "protocolId", id.value());
            ViolationAssertions.assertRefused(() -> negotiation.giveOpinion(Negotiator.of(REGION, Role.SIGNATORY), id,
                    Opinion.favourable("")), WorkflowError.ROLE_REQUIRED, "actor.roles", "signatory@" + REGION.value());
            ViolationAssertions.assertRefused(() -> negotiation.consolidate(Negotiator.of(REGION, Role.ANIMATION_TEAM), id,
                    null, "prise de contrôle"), WorkflowError.WRONG_ORGANISATION, "actor.organisation", REGION.value());
            ViolationAssertions.assertRefused(() -> negotiation.sign(Negotiator.of(REGION, Role.SIGNATORY), id,
                    LocalDate.now(clock)), WorkflowError.NO_SUCH_TASK, "step", REGION.value());
            assertThat(snapshot(engine, id)).isEqualTo(before);

            negotiator.allFavourable().consolidated().allContributionsConfirmed();
            before = snapshot(engine, id);
            // The OI may not stand in for the steering committee, even with the role (RULES.md).
            Actor oiAsCommittee = Negotiator.of(OI, Role.STEERING_COMMITTEE);
            ViolationAssertions.assertRefused(() -> negotiation.decideInCommittee(oiAsCommittee, id,
                    negotiator.decision(AdoptionOutcome.ABANDON, "prise de contrôle")),
                    WorkflowError.WRONG_ORGANISATION, "actor.organisation", OI.value());
            assertThat(negotiation.tasks(oiAsCommittee)).isEmpty();
            assertThat(negotiation.tasks(Negotiator.COMMITTEE)).extracting(WorkItem::step)
                    .containsExactly(NegotiationStep.COMMITTEE_DECISION);
            assertThat(snapshot(engine, id)).isEqualTo(before);

            negotiator.adopted();
            before = snapshot(engine, id);
            Actor intermediateBody = Negotiator.of(OI, Role.DELIBERATING_BODY);
            PlieException refused = (PlieException) catchThrowable(() -> negotiation.deliberate(intermediateBody, id,
                    DeliberationOutcome.APPROVED, "DEL-OI", LocalDate.now(clock), null));
            assertThat(refused).isInstanceOf(AccessDeniedException.class);
            ViolationAssertions.assertViolation(refused, WorkflowError.WRONG_ORGANISATION, "actor.organisation", OI.value());
            ViolationAssertions.assertRefused(() -> negotiation.deliberate(Negotiator.of(REGION, Role.TECHNICAL_STAFF), id,
                    DeliberationOutcome.APPROVED, "DEL", LocalDate.now(clock), null),
                    WorkflowError.ROLE_REQUIRED, "actor.roles", "technical_staff@" + REGION.value());
            assertThat(snapshot(engine, id)).isEqualTo(before);

            negotiator.deliberate(REGION, DeliberationOutcome.APPROVED);
            Snapshot afterApproval = snapshot(engine, id);
            ViolationAssertions.assertRefused(() -> negotiator.deliberate(REGION, DeliberationOutcome.REJECTED),
                    WorkflowError.NO_SUCH_TASK, "step", REGION.value());
            assertThat(snapshot(engine, id)).isEqualTo(afterApproval);
            assertThat(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().state()).isEqualTo(ProtocolState.ADOPTED);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("concurrency: 10 threads deliberate then sign at once, twice per signatory: no decision lost or doubled")
    void concurrentDeliberationsAndSignatures(Databases.Kind kind) throws Exception {
        withEngine(kind, WorkflowSettings.defaults().withConflictAttempts(60), engine -> {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id);
            negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted();

            Map<OrganisationId, Integer> approved = race(Negotiator.signatories(), signatory ->
                    negotiator.deliberate(signatory, DeliberationOutcome.APPROVED));
            assertThat(approved).containsOnlyKeys(Negotiator.signatories()).allSatisfy((s, n) -> assertThat(n).isEqualTo(1));
            Protocol adopted = engine.protocol(Negotiator.COORDINATOR, id).orElseThrow();
            for (OrganisationId signatory : Negotiator.signatories()) {
                assertThat(adopted.negotiation().orElseThrow().approvalOf(signatory)).as("approval of %s", signatory)
                        .isPresent();
            }
            assertThat(negotiator.negotiation().status(Negotiator.COORDINATOR, id).waitingFor()).extracting(WorkItem::step)
                    .containsOnly(NegotiationStep.SIGNATURE).hasSize(Negotiator.signatories().size());

            Map<OrganisationId, Integer> signed = race(Negotiator.signatories(), signatory ->
                    negotiator.negotiation().sign(Negotiator.of(signatory, Role.SIGNATORY), id, LocalDate.now(clock)));
            assertThat(signed).containsOnlyKeys(Negotiator.signatories()).allSatisfy((s, n) -> assertThat(n).isEqualTo(1));
            Protocol inForce = engine.protocol(Negotiator.COORDINATOR, id).orElseThrow();
            assertThat(inForce.state()).isEqualTo(ProtocolState.IN_FORCE);
            assertThat(inForce.versionInForce().orElseThrow().signatures()).hasSize(Negotiator.signatories().size());
            List<AuditEntry> history = negotiator.negotiation().history(Negotiator.COORDINATOR, id);
            assertThat(history.stream().filter(e -> e.step().equals("DELIBERATION"))).hasSize(5);
            assertThat(history.stream().filter(e -> e.step().equals("SIGNATURE"))).hasSize(5);
            assertThat(history.stream().filter(e -> e.step().equals("ENTRY_INTO_FORCE"))).hasSize(1);
            assertThat(negotiator.negotiation().status(Negotiator.COORDINATOR, id).running()).isFalse();
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("concurrency: 8 threads start the same new protocol at once: one negotiation, the others refused as running")
    void concurrentStartsOfOneProtocol(Databases.Kind kind) throws Exception {
        withEngine(kind, WorkflowSettings.defaults(), engine -> {
            ProtocolId id = newId();
            ProtocolNegotiation negotiation = engine.protocolNegotiation();
            int calls = 8;
            AtomicInteger started = new AtomicInteger();
            List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Runnable> starts = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                starts.add(() -> {
                    try {
                        negotiation.start(Negotiator.COORDINATOR, id, Negotiator.content());
                        started.incrementAndGet();
                    } catch (PlieException refused) {
                        refusals.add(refused.code());
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                });
            }
            atOnce(starts);
            assertThat(unexpected).as("only clear refusals, no technical failure").isEmpty();
            assertThat(started).hasValue(1);
            assertThat(refusals).hasSize(calls - 1).containsOnly(WorkflowError.ALREADY_RUNNING.code());
            assertThat(negotiation.status(Negotiator.COORDINATOR, id).waitingFor()).extracting(WorkItem::step)
                    .containsExactly(NegotiationStep.SHARED_DIAGNOSTIC);
            assertThat(negotiation.history(Negotiator.COORDINATOR, id)).extracting(AuditEntry::step).containsExactly("NEGOTIATION_STARTED");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("concurrency: 4 threads run the due jobs at once: each timer fires once, none fails")
    void concurrentRunsOfDueJobs(Databases.Kind kind) throws Exception {
        withEngine(kind, WorkflowSettings.defaults(), engine -> {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id);
            negotiator.startedWithDiagnostic();
            List<fr.asso.europlie.plie.workflow.Reminder> reminders = new java.util.concurrent.CopyOnWriteArrayList<>();
            engine.addListener(new WorkflowListener() {
                @Override
                public void onReminder(fr.asso.europlie.plie.workflow.Reminder reminder) {
                    reminders.add(reminder);
                }
            });
            clock.advance(java.time.Duration.ofDays(31));
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicInteger executed = new AtomicInteger();
            List<Runnable> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> {
                    try {
                        executed.addAndGet(engine.runDueJobs());
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                });
            }
            atOnce(runs);

            assertThat(failures).as("a job taken by another caller is not a failure").isEmpty();
            assertThat(executed).hasValue(1);
            assertThat(reminders).singleElement().satisfies(r -> assertThat(r.step()).isEqualTo("TECHNICAL_OPINION"));
            assertThat(negotiator.negotiation().history(Negotiator.COORDINATOR, id).stream().filter(e -> e.step().equals("REMINDER"))).hasSize(1);
            assertThat(negotiator.negotiation().status(Negotiator.COORDINATOR, id).waitingFor()).extracting(WorkItem::step)
                    .containsOnly(NegotiationStep.TECHNICAL_OPINION);
        });
    }

    /**
     * Runs the action twice per organisation on 10 threads released at once; each call either
     * succeeds or is refused with a PLIE error (never lost silently).
     */
    private static Map<OrganisationId, Integer> race(List<OrganisationId> organisations, Consumer<OrganisationId> action) {
        List<OrganisationId> calls = new ArrayList<>(organisations);
        calls.addAll(organisations);
        Map<OrganisationId, Integer> successes = new ConcurrentHashMap<>();
        List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Runnable> runs = new ArrayList<>();
        for (OrganisationId organisation : calls) {
            runs.add(() -> {
                try {
                    action.accept(organisation);
                    successes.merge(organisation, 1, Integer::sum);
                } catch (PlieException refused) {
                    String code = refused.code();
                    // The twin call came second: its task is done, or the whole negotiation is.
                    if (!List.of(WorkflowError.NO_SUCH_TASK.code(), WorkflowError.NO_NEGOTIATION.code(),
                            "PLIE-PROTOCOL-007").contains(code)) {
                        unexpected.add(refused);
                    }
                } catch (RuntimeException e) {
                    unexpected.add(e);
                }
            });
        }
        atOnce(runs);
        assertThat(unexpected).isEmpty();
        return successes;
    }

    /** Runs each call on its own thread, all released at once, and waits for them all. */
    static void atOnce(List<Runnable> calls) {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable call : calls) {
                done.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    call.run();
                    return null;
                }));
            }
            for (Future<?> call : done) {
                call.get(120, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("atomicity: a failure after the domain write and before the step ends leaves neither")
    void atomicity(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            ProtocolId id = newId();
            Negotiator negotiator = new Negotiator(engine, clock, id);
            negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted()
                    .allApproved();
            Snapshot before = snapshot(engine, id);
            Protocol adopted = engine.protocol(Negotiator.COORDINATOR, id).orElseThrow();

            List<ProtocolEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            engine.addListener(new WorkflowListener() {
                @Override
                public void onProtocolEvent(ProtocolEvent event) {
                    events.add(event);
                }
            });
            injectFailure(database, true);
            Throwable failure = catchThrowable(() -> negotiator.negotiation().sign(Negotiator.of(EPCI, Role.SIGNATORY), id,
                    LocalDate.now(clock)));
            assertThat(failure).isNotNull().hasStackTraceContaining("injected failure");
            assertThat(snapshot(engine, id)).isEqualTo(before);
            assertThat(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow()).isEqualTo(adopted);
            assertThat(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().negotiation().orElseThrow().signatureOf(EPCI)).isEmpty();
            assertThat(events).as("no event for a step that rolled back").isEmpty();

            injectFailure(database, false);
            negotiator.allSigned(Negotiator.signatories());
            assertThat(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().state()).isEqualTo(ProtocolState.IN_FORCE);
            assertThat(negotiator.negotiation().history(Negotiator.COORDINATOR, id).stream().filter(e -> e.step().equals("SIGNATURE"))).hasSize(5);
        }
    }

    /** A trigger on Flowable's task table fails when the signature task is removed, at the step's very end. */
    static void injectFailure(Databases.Target database, boolean on) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            if (database.kind() == Databases.Kind.H2) {
                statement.execute(on ? "CREATE TRIGGER plie_inject BEFORE DELETE ON ACT_RU_TASK FOR EACH ROW CALL \""
                        + FailingTrigger.class.getName() + "\"" : "DROP TRIGGER plie_inject");
            } else if (on) {
                statement.execute("CREATE FUNCTION plie_inject() RETURNS trigger AS $$ BEGIN "
                        + "RAISE EXCEPTION 'injected failure after the domain write, before the step ends'; END $$ "
                        + "LANGUAGE plpgsql");
                statement.execute("CREATE TRIGGER plie_inject BEFORE DELETE ON act_ru_task FOR EACH ROW "
                        + "EXECUTE FUNCTION plie_inject()");
            } else {
                statement.execute("DROP TRIGGER plie_inject ON act_ru_task");
                statement.execute("DROP FUNCTION plie_inject()");
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("crash: an engine dropped without closing mid-negotiation; a new one resumes, nothing lost or doubled")
    void engineDroppedMidNegotiation(Databases.Kind kind) throws Exception {
        Path file = Files.createDirectories(Path.of("target", "crash")).resolve("dropped-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Databases.Target database = kind == Databases.Kind.H2 ? Databases.h2File(file) : Databases.postgres();
        ProtocolId id = newId();
        PlieEngine first = database.engine(clock, WorkflowSettings.defaults()).build();
        Negotiator before = new Negotiator(first, clock, id);
        before.startedWithDiagnostic();
        before.negotiation().giveOpinion(Negotiator.of(EPCI, Role.TECHNICAL_STAFF), id, Opinion.favourable(""));
        before.negotiation().giveOpinion(Negotiator.of(DEPARTMENT, Role.TECHNICAL_STAFF), id, Opinion.favourable(""));
        // The first engine is never closed: it is dropped as a crashed application would leave it.

        try (PlieEngine second = database.engine(clock, WorkflowSettings.defaults()).build()) {
            Negotiator after = new Negotiator(second, clock, id);
            NegotiationStatus resumed = after.negotiation().status(Negotiator.COORDINATOR, id);
            assertThat(resumed.waitingFor()).extracting(WorkItem::organisation)
                    .hasSize(Negotiator.parties().size() - 2).doesNotContain(EPCI, DEPARTMENT);
            for (OrganisationId party : Negotiator.parties()) {
                if (!party.equals(EPCI) && !party.equals(DEPARTMENT)) {
                    after.negotiation().giveOpinion(Negotiator.of(party, Role.TECHNICAL_STAFF), id, Opinion.favourable(""));
                }
            }
            after.consolidated().allContributionsConfirmed().adopted().allApproved().allSigned(Negotiator.signatories());
            assertThat(second.protocol(Negotiator.COORDINATOR, id).orElseThrow().state()).isEqualTo(ProtocolState.IN_FORCE);
            List<AuditEntry> history = after.negotiation().history(Negotiator.COORDINATOR, id);
            assertThat(history.stream().filter(e -> e.step().equals("TECHNICAL_OPINION"))).hasSize(7);
            assertThat(history.stream().filter(e -> e.step().equals("NEGOTIATION_STARTED"))).hasSize(1);
        } finally {
            database.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("crash: the JVM of a child process is killed mid-negotiation; a new engine resumes from the last wait state")
    void childJvmKilled(Databases.Kind kind) throws Exception {
        ProtocolId id = newId();
        String url;
        String schema;
        Databases.Target database;
        if (kind == Databases.Kind.H2) {
            Path file = Files.createDirectories(Path.of("target", "crash")).resolve("killed-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            url = PlieEngine.h2FileUrl(file);
            schema = "-";
            database = null;
        } else {
            database = Databases.postgres();
            url = Databases.postgresUrl();
            schema = database.schema();
            database.close();
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingNegotiation.class.getName(), url, schema, id.value())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("the child's output:\n%s", seen).isEqualTo("READY");
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isNotZero();

        Databases.Target reopened = kind == Databases.Kind.H2
                ? Databases.h2File(Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';'))))
                : Databases.postgresSchema(schema);
        try (reopened; PlieEngine engine = reopened.engine(clock, WorkflowSettings.defaults()).build()) {
            Negotiator negotiator = new Negotiator(engine, clock, id);
            assertThat(negotiator.negotiation().status(Negotiator.COORDINATOR, id).waitingFor()).extracting(WorkItem::step)
                    .containsOnly(NegotiationStep.SIGNATURE).hasSize(Negotiator.signatories().size());
            negotiator.allSigned(Negotiator.signatories());
            assertThat(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().state()).isEqualTo(ProtocolState.IN_FORCE);
            List<AuditEntry> history = negotiator.negotiation().history(Negotiator.COORDINATOR, id);
            assertThat(history.stream().filter(e -> e.step().equals("DELIBERATION"))).hasSize(5);
            assertThat(history.stream().filter(e -> e.step().equals("COMMITTEE_RESULT"))).hasSize(1);
            assertThat(negotiator.negotiation().status(Negotiator.COORDINATOR, id).running()).isFalse();
        }
    }
}
