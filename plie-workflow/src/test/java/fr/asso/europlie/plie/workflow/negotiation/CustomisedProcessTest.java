package fr.asso.europlie.plie.workflow.negotiation;

import static fr.asso.europlie.plie.protocol.ProtocolFixture.ANIMATION;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.DEPARTMENT;
import static fr.asso.europlie.plie.protocol.ProtocolFixture.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.ViolationAssertions;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.audit.AuditEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("an integrator's customised copy of the negotiation BPMN, with a legal review added, runs through the facade")
public class CustomisedProcessTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();
    private static final String LEGAL_REVIEW = "legalReview";
    /** The Département's legal service reviews the adopted text. */
    private static final Actor DEPARTMENT_LAWYER = Actor.of("juriste@dept-24", DEPARTMENT, Role.TECHNICAL_STAFF);

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    private static ProtocolId newId() {
        return ProtocolId.of("PLIE-CUSTOM-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
    }

    /**
     * The library's BPMN with a user task {@code legalReview} ("Legal review") put on a sequence
     * flow: the flow now leads to the review, and the review to a gateway that goes on to the
     * flow's old target, or back to consolidation when the outcome is {@code CHANGES_NEEDED}.
     */
    public static byte[] withLegalReview(String flowId, String candidateGroups) {
        String xml = library();
        java.util.regex.Matcher flow = java.util.regex.Pattern
                .compile("(<sequenceFlow id=\"" + flowId + "\"[^>]*targetRef=\")([^\"]+)(\")").matcher(xml);
        assertThat(flow.find()).as(flowId).isTrue();
        String target = flow.group(2);
        xml = xml.substring(0, flow.start(2)) + LEGAL_REVIEW + xml.substring(flow.end(2));
        String added = """
                    <userTask id="legalReview" name="Legal review" flowable:candidateGroups="%s"/>
                    <exclusiveGateway id="legalReviewChecked" name="Legal review favourable?" default="legalReviewPassed"/>
                    <sequenceFlow id="toLegalReviewCheck" sourceRef="legalReview" targetRef="legalReviewChecked"/>
                    <sequenceFlow id="legalReviewPassed" sourceRef="legalReviewChecked" targetRef="%s"/>
                    <sequenceFlow id="legalReviewChangesNeeded" name="changes needed" sourceRef="legalReviewChecked" targetRef="consolidationMerge">
                      <conditionExpression xsi:type="tFormalExpression"><![CDATA[${legalReviewOutcome == 'CHANGES_NEEDED'}]]></conditionExpression>
                    </sequenceFlow>
                  </process>""".formatted(candidateGroups, target);
        return xml.replace("  </process>", added).getBytes(StandardCharsets.UTF_8);
    }

    /** The library's own BPMN. */
    private static String library() {
        try (InputStream in = CustomisedProcessTest.class.getClassLoader().getResourceAsStream(NegotiationProcess.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream stream(byte[] bpmn) {
        return new ByteArrayInputStream(bpmn);
    }

    /** Runs a negotiation on the customised copy up to the committee's adoption: the legal review is open. */
    private static Negotiator adoptedUnderReview(PlieEngine engine, ManualClock clock) {
        Negotiator negotiator = new Negotiator(engine, clock, newId());
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted();
        return negotiator;
    }

    /** Runs a test on an engine over a fresh database of a kind. */
    private void withEngine(Databases.Kind kind, Consumer<PlieEngine> test) {
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            test.accept(engine);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a legal review between the committee and the deliberations is listed, access-checked, completed and audited, and the protocol enters into force")
    void legalReviewBetweenCommitteeAndDeliberations(Databases.Kind kind) {
        withEngine(kind, engine -> {
            int version = engine.deployCustomisedProcess("negotiation-with-legal-review.bpmn20.xml",
                    stream(withLegalReview("adopted", "TECHNICAL_STAFF,DEPT-24")));
            assertThat(version).isEqualTo(2);
            Negotiator negotiator = adoptedUnderReview(engine, clock);
            ProtocolNegotiation negotiation = negotiator.negotiation();
            ProtocolId id = negotiator.id();

            NegotiationStatus status = negotiation.status(Negotiator.COORDINATOR, id);
            assertThat(status.waitsFor(LEGAL_REVIEW)).isTrue();
            assertThat(status.waitingFor()).singleElement().satisfies(item -> {
                assertThat(item.taskKey()).isEqualTo(LEGAL_REVIEW);
                assertThat(item.name()).isEqualTo("Legal review");
                assertThat(item.step()).isNull();
                assertThat(item.knownStep()).isEmpty();
                assertThat(item.roles()).containsExactly(Role.TECHNICAL_STAFF);
                assertThat(item.organisation()).isEqualTo(DEPARTMENT);
                assertThat(item.protocolId()).isEqualTo(id);
            });
            assertThat(negotiation.tasks(DEPARTMENT_LAWYER)).extracting(WorkItem::taskKey).containsExactly(LEGAL_REVIEW);
            assertThat(negotiation.tasks(Negotiator.of(REGION, Role.TECHNICAL_STAFF))).isEmpty();
            assertThat(negotiation.tasks(Actor.of("elu@dept-24", DEPARTMENT, Role.SIGNATORY))).isEmpty();

            int audited = negotiation.history(Negotiator.COORDINATOR, id).size();
            ViolationAssertions.assertRefused(() -> negotiation.completeStep(Negotiator.of(REGION, Role.TECHNICAL_STAFF), id,
                    LEGAL_REVIEW, "FAVOURABLE", null), WorkflowError.WRONG_ORGANISATION, "actor.organisation", REGION.value());
            ViolationAssertions.assertRefused(() -> negotiation.completeStep(Actor.of("elu@dept-24", DEPARTMENT, Role.SIGNATORY),
                    id, LEGAL_REVIEW, "FAVOURABLE", null), WorkflowError.ROLE_REQUIRED, "actor.roles", "elu@dept-24");
            ViolationAssertions.assertRefused(() -> negotiation.completeStep(DEPARTMENT_LAWYER, id, "deliberation",
                    "APPROVED", null), WorkflowError.LIBRARY_STEP, "taskKey", "deliberation");
            ViolationAssertions.assertRefused(() -> negotiation.completeStep(DEPARTMENT_LAWYER, id, "unknownReview",
                    "FAVOURABLE", null), WorkflowError.NO_SUCH_TASK, "step", DEPARTMENT.value());
            assertThat(negotiation.history(Negotiator.COORDINATOR, id)).hasSize(audited);
            assertThat(negotiation.status(Negotiator.COORDINATOR, id)).isEqualTo(status);

            negotiation.completeStep(DEPARTMENT_LAWYER, id, LEGAL_REVIEW, "FAVOURABLE", "conforme au droit des collectivités");

            AuditEntry review = negotiation.history(Negotiator.COORDINATOR, id).get(audited);
            assertThat(review.step()).isEqualTo(LEGAL_REVIEW);
            assertThat(review.outcome()).isEqualTo("FAVOURABLE");
            assertThat(review.userId()).isEqualTo("juriste@dept-24");
            assertThat(review.organisation()).isEqualTo(DEPARTMENT.value());
            assertThat(review.reason()).isEqualTo("conforme au droit des collectivités");
            assertThat(negotiation.status(Negotiator.COORDINATOR, id).waitsFor(NegotiationStep.DELIBERATION)).isTrue();
            assertThat(negotiation.tasks(DEPARTMENT_LAWYER)).isEmpty();

            negotiator.allApproved().allSigned(Negotiator.signatories());
            NegotiationStatus end = negotiation.status(Negotiator.COORDINATOR, id);
            assertThat(end.state()).isEqualTo(ProtocolState.IN_FORCE);
            assertThat(end.running()).isFalse();
            assertThat(negotiation.history(Negotiator.COORDINATOR, id)).last().extracting(AuditEntry::step).isEqualTo("ENTRY_INTO_FORCE");
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the outcome of an added step reaches the customised process's gateway: changes needed sends the text back to consolidation")
    void outcomeRoutesTheCustomisedProcess(Databases.Kind kind) {
        withEngine(kind, engine -> {
            engine.deployCustomisedProcess("negotiation-with-legal-review.bpmn20.xml",
                    stream(withLegalReview("adopted", "TECHNICAL_STAFF,DEPT-24")));
            Negotiator negotiator = adoptedUnderReview(engine, clock);

            negotiator.negotiation().completeStep(DEPARTMENT_LAWYER, negotiator.id(), LEGAL_REVIEW, "CHANGES_NEEDED",
                    "la clause de retrait est contraire au CGCT");

            NegotiationStatus status = negotiator.negotiation().status(Negotiator.COORDINATOR, negotiator.id());
            assertThat(status.waitingFor()).extracting(WorkItem::step).containsExactly(NegotiationStep.CONSOLIDATION);
            assertThat(status.running()).isTrue();
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an added step naming only a role belongs to the animation structure; start returns it as waiting")
    void addedStepWithOnlyARole(Databases.Kind kind) {
        withEngine(kind, engine -> {
            engine.deployCustomisedProcess("negotiation-reviewed-first.bpmn20.xml",
                    stream(withLegalReview("toDiagnostic", "ANIMATION_TEAM")));
            ProtocolId id = newId();
            ProtocolNegotiation negotiation = engine.protocolNegotiation();

            NegotiationStatus started = negotiation.start(Negotiator.COORDINATOR, id, Negotiator.content());

            assertThat(started.waitingFor()).singleElement().satisfies(item -> {
                assertThat(item.taskKey()).isEqualTo(LEGAL_REVIEW);
                assertThat(item.roles()).containsExactly(Role.ANIMATION_TEAM);
                assertThat(item.organisation()).isNull();
            });
            assertThat(started).isEqualTo(negotiation.status(Negotiator.COORDINATOR, id));
            assertThat(negotiation.tasks(Negotiator.COORDINATOR)).extracting(WorkItem::taskKey).containsExactly(LEGAL_REVIEW);
            ViolationAssertions.assertRefused(() -> negotiation.completeStep(Negotiator.of(REGION, Role.ANIMATION_TEAM), id,
                    LEGAL_REVIEW, "FAVOURABLE", null), WorkflowError.WRONG_ORGANISATION, "actor.organisation", REGION.value());
            negotiation.completeStep(Negotiator.COORDINATOR, id, LEGAL_REVIEW, "FAVOURABLE", null);
            assertThat(negotiation.status(Negotiator.COORDINATOR, id).waitingFor()).extracting(WorkItem::step)
                    .containsExactly(NegotiationStep.SHARED_DIAGNOSTIC);
            assertThat(negotiation.status(Negotiator.COORDINATOR, id).waitingFor()).extracting(WorkItem::organisation).containsExactly(ANIMATION);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an added step whose candidate groups name no role is listed but nobody may complete it")
    void addedStepWithoutARole(Databases.Kind kind) {
        withEngine(kind, engine -> {
            engine.deployCustomisedProcess("negotiation-unassigned.bpmn20.xml",
                    stream(withLegalReview("toDiagnostic", "LEGAL_SERVICE")));
            ProtocolId id = newId();
            ProtocolNegotiation negotiation = engine.protocolNegotiation();
            NegotiationStatus started = negotiation.start(Negotiator.COORDINATOR, id, Negotiator.content());
            assertThat(started.waitingFor()).singleElement().satisfies(item -> {
                assertThat(item.roles()).isEmpty();
                assertThat(item.organisation()).isEqualTo(OrganisationId.of("LEGAL_SERVICE"));
            });
            ViolationAssertions.assertRefused(() -> negotiation.completeStep(Negotiator.COORDINATOR, id, LEGAL_REVIEW,
                    "FAVOURABLE", null), WorkflowError.STEP_WITHOUT_ROLE, "taskKey", LEGAL_REVIEW);
            assertThat(negotiation.status(Negotiator.COORDINATOR, id)).isEqualTo(started);
        });
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an upgraded library restarting does not deploy its own BPMN over the application's newer customised copy")
    void upgradeKeepsTheApplicationsCopy(Databases.Kind kind) throws Exception {
        try (Databases.Target database = Databases.fresh(kind)) {
            // What an earlier release of the library and then the application deployed.
            ProcessEngine earlier = rawEngine(database);
            try {
                byte[] earlierLibrary = library()
                        .replace("Negotiation of a PLIE protocol", "Earlier release: negotiation of a PLIE protocol")
                        .getBytes(StandardCharsets.UTF_8);
                earlier.getRepositoryService().createDeployment().name("plie-library").key("plie-library")
                        .addBytes(NegotiationProcess.RESOURCE, earlierLibrary).deploy();
                earlier.getRepositoryService().createDeployment().name("my-application").key("my-application")
                        .addBytes("negotiation-reviewed-first.bpmn20.xml", withLegalReview("toDiagnostic", "ANIMATION_TEAM"))
                        .deploy();
            } finally {
                earlier.close();
            }

            try (PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
                ProtocolId id = newId();
                NegotiationStatus started = engine.protocolNegotiation().start(Negotiator.COORDINATOR, id, Negotiator.content());
                assertThat(started.waitsFor(LEGAL_REVIEW)).isTrue();
            }
            ProcessEngine after = rawEngine(database);
            try {
                ProcessDefinition newest = after.getRepositoryService().createProcessDefinitionQuery()
                        .processDefinitionKey(NegotiationProcess.KEY).latestVersion().singleResult();
                assertThat(newest.getVersion()).isEqualTo(2);
                // The negotiation's library deployments (other library processes have their own names).
                assertThat(after.getRepositoryService().createDeploymentQuery().deploymentKey("plie-library")
                        .deploymentName("plie-library").count()).isEqualTo(1);
            } finally {
                after.close();
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the library's copy is deployed once; a restart finds the application's copy still the newest, and an unchanged copy is not deployed again")
    void restartKeepsTheApplicationsCopy(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind)) {
            byte[] customised = withLegalReview("toDiagnostic", "ANIMATION_TEAM");
            try (PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
                assertThat(engine.deployCustomisedProcess("reviewed-first.bpmn20.xml", stream(customised))).isEqualTo(2);
            }
            try (PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
                assertThat(engine.deployCustomisedProcess("reviewed-first.bpmn20.xml", stream(customised))).isEqualTo(2);
                ProtocolId id = newId();
                assertThat(engine.protocolNegotiation().start(Negotiator.COORDINATOR, id, Negotiator.content())
                        .waitsFor(LEGAL_REVIEW)).isTrue();
            }
        }
    }

    @Test
    @DisplayName("a copy that is not the negotiation, or that lost a library step or delegate, is refused before deploying")
    void brokenCopiesAreRefused() {
        try (PlieEngine engine = PlieEngine.builder().clock(clock).asyncExecutor(false).build()) {
            byte[] renamed = new String(withLegalReview("adopted", "TECHNICAL_STAFF,DEPT-24"), StandardCharsets.UTF_8)
                    .replace("<process id=\"plieProtocolNegotiation\"", "<process id=\"myNegotiation\"")
                    .getBytes(StandardCharsets.UTF_8);
            ViolationAssertions.assertRefused(() -> engine.deployCustomisedProcess("renamed.bpmn20.xml", stream(renamed)),
                    WorkflowError.NOT_A_LIBRARY_PROCESS, "bpmn", "renamed.bpmn20.xml");
            ViolationAssertions.assertRefused(() -> engine.deployCustomisedProcess("garbage.bpmn20.xml",
                    stream("not xml".getBytes(StandardCharsets.UTF_8))), WorkflowError.NOT_A_LIBRARY_PROCESS, "bpmn",
                    "garbage.bpmn20.xml");
            byte[] lostStep = new String(withLegalReview("adopted", "TECHNICAL_STAFF,DEPT-24"), StandardCharsets.UTF_8)
                    .replace("<userTask id=\"signature\"", "<userTask id=\"signing\"")
                    .replace("targetRef=\"signature\"", "targetRef=\"signing\"")
                    .replace("attachedToRef=\"signature\"", "attachedToRef=\"signing\"")
                    .replace("sourceRef=\"signature\"", "sourceRef=\"signing\"")
                    .getBytes(StandardCharsets.UTF_8);
            var refused = ViolationAssertions.assertRefused(() -> engine.deployCustomisedProcess("lost.bpmn20.xml",
                    stream(lostStep)), WorkflowError.LIBRARY_ELEMENTS_MISSING, "bpmn", "lost.bpmn20.xml");
            assertThat(refused.getMessage()).contains("userTask signature");
            // Nothing was deployed: new negotiations still run the library's own process.
            ProtocolId id = newId();
            assertThat(engine.protocolNegotiation().start(Negotiator.COORDINATOR, id, Negotiator.content())
                    .waitsFor(NegotiationStep.SHARED_DIAGNOSTIC)).isTrue();
        }
    }

    /** A plain Flowable engine on the test database, as an earlier release or the application would use it. */
    private static ProcessEngine rawEngine(Databases.Target database) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(database.dataSource());
        if (database.schema() != null) {
            configuration.setDatabaseSchema(database.schema());
        }
        configuration.setEngineName("raw-" + PROTOCOLS.incrementAndGet());
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setAsyncExecutorActivate(false);
        return configuration.buildProcessEngine();
    }

    @Test
    @DisplayName("the set of roles of a library step's work item is its step's role")
    void libraryItemsCarryTheirRole() {
        WorkItem item = new WorkItem(ProtocolId.of("P"), NegotiationStep.SIGNATURE, DEPARTMENT, Instant.EPOCH);
        assertThat(item.roles()).isEqualTo(Set.of(Role.SIGNATORY));
        assertThat(item.taskKey()).isEqualTo("signature");
        assertThat(item.knownStep()).contains(NegotiationStep.SIGNATURE);
        assertThat(List.of(item)).extracting(WorkItem::step).containsExactly(NegotiationStep.SIGNATURE);
    }
}
