package fr.asso.europlie.plie.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayName("the documents' snippets do what their text says")
class DocumentedExamplesTest {

    @Test
    @DisplayName("README, embedding: the negotiation starts, the diagnostic is recorded, an opinion is taken, events are heard after commit")
    void embedding() {
        JdbcDataSource postgres = new JdbcDataSource();   // the snippet's name; any DataSource does
        postgres.setURL("jdbc:h2:mem:readme-embedding;DB_CLOSE_DELAY=-1");
        postgres.setUser("sa");
        List<ProtocolEvent> received = DocumentedExamples.embedding(postgres, ProtocolFixture.ID,
                ProtocolFixture.grandPerigueux(), ProtocolFixture.completeDiagnostic(), new CopyOnWriteArrayList<>());
        assertThat(received).isNotEmpty();
        assertThat(received).allSatisfy(event -> assertThat(event).isNotNull());
    }

    @Test
    @DisplayName("README, own engine: the configurator and attach give a working facade on the application's engine")
    void ownEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:readme-own-engine;DB_CLOSE_DELAY=-1");
        configuration.setEngineName("readme-own-engine");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setAsyncExecutorActivate(false);
        DocumentedExamples.OwnEngine own = DocumentedExamples.ownEngine(configuration);
        PlieEngine plie = own.plie();
        try {
            plie.protocolNegotiation().start(Actor.of("coordination.plie", ProtocolFixture.ANIMATION, Role.ANIMATION_TEAM),
                    ProtocolFixture.ID, ProtocolFixture.grandPerigueux());
            assertThat(configuration.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(ProtocolFixture.ID.value()).count()).isEqualTo(1);
            plie.close();
            assertThat(configuration.getRuntimeService().createProcessInstanceQuery().count())
                    .as("close() leaves the application's engine running").isEqualTo(1);
        } finally {
            own.flowable().close();
        }
    }

    @Test
    @DisplayName("docs/workflow.md, customising: the application's copy becomes the version new negotiations run")
    void customise(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        java.nio.file.Path copy = folder.resolve("negotiation-with-legal-review.bpmn20.xml");
        try (java.io.InputStream library = PlieEngine.class.getClassLoader()
                .getResourceAsStream("fr/asso/europlie/plie/workflow/negotiation/protocol-negotiation.bpmn20.xml")) {
            // A copy that differs from the library's (here only by a comment) is a new version.
            java.nio.file.Files.writeString(copy, new String(library.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    + "<!-- revue juridique -->\n");
        }
        try (PlieEngine engine = PlieEngine.embedded()) {
            int version = DocumentedExamples.customise(engine, copy);
            assertThat(version).isEqualTo(2);
            engine.protocolNegotiation().start(Actor.of("coordination.plie", ProtocolFixture.ANIMATION, Role.ANIMATION_TEAM),
                    ProtocolFixture.ID, ProtocolFixture.grandPerigueux());
            assertThat(engine.protocol(Actor.of("coordination.plie", ProtocolFixture.ANIMATION, Role.ANIMATION_TEAM),
                    ProtocolFixture.ID)).isPresent();
        }
    }

    @Test
    @DisplayName("docs/workflow.md, plans: the same protocol id negotiated in the default plan and in a registered one, apart")
    void plans() {
        try (PlieEngine engine = PlieEngine.embedded()) {
            List<ProtocolEvent> heard = new CopyOnWriteArrayList<>();
            WorkflowSettings bergeracSettings = WorkflowSettings.defaults().withMaxConsultationRounds(2);
            DocumentedExamples.Plans plans = DocumentedExamples.plans(engine, ProtocolFixture.ANIMATION, ProtocolFixture.ID,
                    ProtocolFixture.grandPerigueux(), bergeracSettings, new WorkflowListener() {
                        @Override public void onProtocolEvent(ProtocolEvent event) { heard.add(event); }
                    });
            assertThat(plans.same()).isPresent();
            assertThat(heard).isEqualTo(plans.same().orElseThrow().events());
            assertThat(plans.bergerac().settings()).isEqualTo(bergeracSettings);
            Actor inBergerac = Actor.in(plans.bergerac().id(), "t.bouyssou", ProtocolFixture.ANIMATION, Role.ANIMATION_TEAM);
            assertThat(plans.bergerac().protocol(inBergerac, ProtocolFixture.ID)).isEmpty();
            assertThat(engine.protocol(Actor.of("t.bouyssou", ProtocolFixture.ANIMATION, Role.ANIMATION_TEAM),
                    ProtocolFixture.ID)).isPresent();
        }
    }

    @Test
    @DisplayName("README, domain: the refused adoption is reported, the JSON document reads back as the same protocol")
    void domain() {
        Clock clock = Clock.fixed(Instant.parse("2022-03-01T09:00:00Z"), ZoneOffset.UTC);
        DocumentedExamples.Taste taste = DocumentedExamples.domain(ProtocolFixture.grandPerigueux(), clock,
                ProtocolFixture.adoptionWithoutDepartment(), LoggerFactory.getLogger(DocumentedExamplesTest.class));
        assertThat(taste.territory().name()).isEqualTo("PLIE du Grand Périgueux");
        assertThat(taste.negotiating().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
        assertThat(taste.same()).isEqualTo(taste.negotiating());
        assertThatThrownBy(() -> taste.negotiating().adopt(ProtocolFixture.adoptionWithoutDepartment(), clock.instant(),
                "coordination")).as("the snippet's decision is one the domain refuses").isInstanceOf(PlieException.class);
    }
}
