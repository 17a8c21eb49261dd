package fr.asso.europlie.plie.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.ProcessEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Spring Boot example application, booted as an integrator's would be, on embedded H2 and on
 * PostgreSQL ({@code PLIE_TEST_JDBC_URL}; without it the PostgreSQL variant is skipped locally and
 * fails under {@code CI=true}): the library's auto-configuration gives the {@link PlieEngine} bean,
 * and a negotiation step taken inside the application's {@code @Transactional} method commits, or
 * rolls back, with the application's own write.
 */
@DisplayName("the Spring Boot example application")
class NegotiationApplicationTest {

    private static final ProtocolId ID = ProtocolFixture.ID;
    private static final Actor COORDINATOR = Actor.of("coordination.plie", ProtocolFixture.ANIMATION, Role.ANIMATION_TEAM);
    private static final String TOO_LONG = "x".repeat(ProtocolDesk.NOTE_LENGTH + 1);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

    /** Where the application keeps its data. */
    enum Database {
        H2, POSTGRESQL
    }

    /** The booted application and what the test reads of it. */
    private record App(ConfigurableApplicationContext context, List<ProtocolEvent> events) implements AutoCloseable {

        static App boot(Database database) {
            Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                    "spring.main.banner-mode", "off",
                    "flowable.async-executor-activate", "false",
                    "flowable.database-schema-update", "true"));
            if (database == Database.H2) {
                properties.put("spring.datasource.url", "jdbc:h2:mem:plie-boot-" + RUN + "-" + COUNTER.incrementAndGet()
                        + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
                properties.put("spring.datasource.username", "sa");
            } else {
                String url = postgresUrl();
                String schema = "plie_boot_" + RUN + "_" + COUNTER.incrementAndGet();
                try (Connection admin = DriverManager.getConnection(url); Statement statement = admin.createStatement()) {
                    statement.execute("CREATE SCHEMA " + schema);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
                }
                properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
                properties.put("flowable.database-schema", schema);
            }
            ConfigurableApplicationContext context = new SpringApplicationBuilder(NegotiationApplication.class)
                    .properties(properties).run();
            List<ProtocolEvent> events = new CopyOnWriteArrayList<>();
            context.getBean(PlieEngine.class).addListener(new WorkflowListener() {
                @Override
                public void onProtocolEvent(ProtocolEvent event) {
                    events.add(event);
                }
            });
            return new App(context, events);
        }

        ProtocolDesk desk() {
            return context.getBean(ProtocolDesk.class);
        }

        JdbcTemplate jdbc() {
            return context.getBean(JdbcTemplate.class);
        }

        /** The stored protocol row (revision, state, document), empty when none. */
        List<Map<String, Object>> protocolRow() {
            return jdbc().queryForList("SELECT revision, state, document FROM plie_protocol WHERE id = ?", ID.value());
        }

        long auditEntries() {
            return jdbc().queryForObject("SELECT COUNT(*) FROM plie_audit WHERE protocol_id = ?", Long.class, ID.value());
        }

        /** The process's open tasks by definition key, empty when no process runs. */
        List<String> openTasks() {
            ProcessEngine flowable = context.getBean(ProcessEngine.class);
            List<String> tasks = new ArrayList<>();
            flowable.getTaskService().createTaskQuery().processInstanceBusinessKey(ID.value()).list()
                    .forEach(task -> tasks.add(task.getTaskDefinitionKey()));
            tasks.sort(null);
            return tasks;
        }

        long processes() {
            return context.getBean(ProcessEngine.class).getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(ID.value()).count();
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** An application's own settings, as a bean. */
    @Configuration(proxyBeanMethods = false)
    static class FourRounds {
        @Bean
        WorkflowSettings settings() {
            return WorkflowSettings.defaults().withMaxConsultationRounds(4);
        }
    }

    @Test
    @DisplayName("the application's WorkflowSettings bean reaches the engine; plie.enabled=false leaves the library out")
    void settingsAndSwitch() {
        Map<String, Object> h2 = Map.of("spring.main.banner-mode", "off", "flowable.async-executor-activate", "false",
                "spring.datasource.url", "jdbc:h2:mem:plie-boot-settings-" + RUN + ";DB_CLOSE_DELAY=-1", "spring.datasource.username", "sa");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NegotiationApplication.class, FourRounds.class)
                .properties(h2).run()) {
            assertThat(context.getBean(PlieEngine.class).settings().maxConsultationRounds()).isEqualTo(4);
        }
        Map<String, Object> off = new java.util.HashMap<>(h2);
        off.put("plie.enabled", "false");
        off.put("spring.datasource.url", "jdbc:h2:mem:plie-boot-off-" + RUN + ";DB_CLOSE_DELAY=-1");
        assertThatThrownBy(() -> new SpringApplicationBuilder(NegotiationApplication.class).properties(off).run().close())
                .as("the example's desk needs the PlieEngine bean that plie.enabled=false withholds")
                .hasStackTraceContaining(PlieEngine.class.getName());
    }

    private static String postgresUrl() {
        String url = System.getenv("PLIE_TEST_JDBC_URL");
        if (url == null || url.isBlank()) {
            String message = "PLIE_TEST_JDBC_URL is not set: the PostgreSQL variant of this test cannot run";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: a test that needs PostgreSQL and cannot reach it fails)");
            }
            Assumptions.abort(message + "; skipped locally");
        }
        return url;
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    @DisplayName("boots with a PlieEngine bean, the library's tables, and a step that commits with the application's write")
    void stepCommitsWithTheApplicationsTransaction(Database database) {
        try (App app = App.boot(database)) {
            assertThat(app.jdbc().queryForObject("SELECT COUNT(*) FROM plie_schema_version", Long.class)).isPositive();
            Instant then = Instant.parse("2031-03-14T09:30:00Z");
            app.context().getBean(ProcessEngine.class).getProcessEngineConfiguration().getClock()
                    .setCurrentTime(Date.from(then));

            NegotiationStatus status = app.desk().open(COORDINATOR, ID, ProtocolFixture.grandPerigueux(), "ouverture");

            assertThat(status).isNotNull();
            assertThat(app.desk().journal(ID)).containsExactly("ouverture");
            assertThat(app.protocolRow()).hasSize(1);
            assertThat(app.auditEntries()).isPositive();
            assertThat(app.processes()).isEqualTo(1);
            assertThat(app.openTasks()).isNotEmpty();
            assertThat(app.events()).isNotEmpty();
            assertThat(app.jdbc().queryForObject("SELECT updated_at FROM plie_protocol WHERE id = ?", OffsetDateTime.class,
                    ID.value()).toInstant()).as("the library follows Flowable's clock").isEqualTo(then);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    @DisplayName("a step whose transaction fails afterwards leaves no trace: no row change, no audit, no process step, no event")
    void stepRollsBackWithTheApplicationsTransaction(Database database) {
        try (App app = App.boot(database)) {
            assertThatThrownBy(() -> app.desk().open(COORDINATOR, ID, ProtocolFixture.grandPerigueux(), TOO_LONG))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThat(app.protocolRow()).isEmpty();
            assertThat(app.auditEntries()).isZero();
            assertThat(app.processes()).isZero();
            assertThat(app.events()).isEmpty();
            assertThat(app.desk().journal(ID)).isEmpty();

            app.desk().open(COORDINATOR, ID, ProtocolFixture.grandPerigueux(), "ouverture");
            List<Map<String, Object>> row = app.protocolRow();
            long audit = app.auditEntries();
            List<String> tasks = app.openTasks();
            int events = app.events().size();

            assertThatThrownBy(() -> app.desk().recordDiagnostic(COORDINATOR, ID, ProtocolFixture.completeDiagnostic(),
                    TOO_LONG)).isInstanceOf(DataIntegrityViolationException.class);

            assertThat(app.protocolRow()).isEqualTo(row);
            assertThat(app.auditEntries()).isEqualTo(audit);
            assertThat(app.openTasks()).isEqualTo(tasks);
            assertThat(app.events()).hasSize(events);
            assertThat(app.desk().journal(ID)).containsExactly("ouverture");

            app.desk().recordDiagnostic(COORDINATOR, ID, ProtocolFixture.completeDiagnostic(), "diagnostic partagé");
            assertThat(app.protocolRow()).isNotEqualTo(row);
            assertThat(app.auditEntries()).isGreaterThan(audit);
            assertThat(app.openTasks()).isNotEqualTo(tasks);
        }
    }
}
