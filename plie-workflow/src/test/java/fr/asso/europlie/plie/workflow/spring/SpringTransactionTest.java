package fr.asso.europlie.plie.workflow.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.AccessDeniedException;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.Databases.Kind;
import fr.asso.europlie.plie.workflow.Databases.Target;
import fr.asso.europlie.plie.workflow.PlieConfigurator;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.negotiation.FailingTrigger;
import fr.asso.europlie.plie.workflow.negotiation.Negotiator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowable.engine.ProcessEngine;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The library on a Flowable engine that Spring's transaction manager drives, without Spring Boot:
 * a {@link SpringProcessEngineConfiguration} given {@link PlieConfigurator}, as the README tells,
 * with the library's commands called inside the application's Spring transactions. The Spring
 * Boot path (auto-configuration) is tested by the example application in plie-examples.
 */
@DisplayName("the library in a Spring-managed transaction (SpringProcessEngineConfiguration)")
class SpringTransactionTest {

    private static final ProtocolId ID = ProtocolFixture.ID;

    /** A Spring-managed engine with the library, and what the test looks at. */
    private record Host(Target database, GenericApplicationContext context, ProcessEngine flowable, PlieEngine plie,
            TransactionTemplate transactions, List<ProtocolEvent> events) implements AutoCloseable {

        static Host on(Kind kind) {
            Target database = Databases.fresh(kind);
            GenericApplicationContext context = new GenericApplicationContext();
            context.refresh();
            DataSourceTransactionManager manager = new DataSourceTransactionManager(database.dataSource());
            SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
            configuration.setDataSource(database.dataSource());
            configuration.setTransactionManager(manager);
            // Spring's beans are the context's: Flowable refuses additions to them, which the library
            // must not need.
            configuration.setApplicationContext(context);
            configuration.setDatabaseSchemaUpdate("true");
            configuration.setAsyncExecutorActivate(false);
            configuration.setEngineName("plie-spring-" + kind + "-" + System.nanoTime());
            if (database.schema() != null) {
                configuration.setDatabaseSchema(database.schema());
            }
            configuration.addConfigurator(new PlieConfigurator(WorkflowSettings.defaults()));
            ProcessEngine flowable = configuration.buildProcessEngine();
            PlieEngine plie = PlieEngine.attach(flowable);
            List<ProtocolEvent> events = new CopyOnWriteArrayList<>();
            plie.addListener(new WorkflowListener() {
                @Override
                public void onProtocolEvent(ProtocolEvent event) {
                    events.add(event);
                }
            });
            return new Host(database, context, flowable, plie, new TransactionTemplate(manager), events);
        }

        long count(String sql) {
            try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, ID.value());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Installs (or removes) a trigger that makes every insert into plie_audit fail. */
        void failAuditWrites(boolean on) {
            try (Connection connection = database.dataSource().getConnection();
                    java.sql.Statement statement = connection.createStatement()) {
                if (database.kind() == Kind.H2) {
                    statement.execute(on ? "CREATE TRIGGER plie_inject_audit BEFORE INSERT ON plie_audit FOR EACH ROW CALL \""
                            + FailingTrigger.class.getName() + "\"" : "DROP TRIGGER plie_inject_audit");
                } else if (on) {
                    statement.execute("CREATE FUNCTION plie_inject_audit() RETURNS trigger AS $$ BEGIN "
                            + "RAISE EXCEPTION 'injected failure of the audit write'; END $$ LANGUAGE plpgsql");
                    statement.execute("CREATE TRIGGER plie_inject_audit BEFORE INSERT ON plie_audit FOR EACH ROW "
                            + "EXECUTE FUNCTION plie_inject_audit()");
                } else {
                    statement.execute("DROP TRIGGER plie_inject_audit ON plie_audit");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        long protocolRows() {
            return count("SELECT COUNT(*) FROM plie_protocol WHERE id = ?");
        }

        long auditRows() {
            return count("SELECT COUNT(*) FROM plie_audit WHERE protocol_id = ?");
        }

        long processes() {
            return flowable.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ID.value()).count();
        }

        Instant updatedAt() {
            try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT updated_at FROM plie_protocol WHERE id = ?")) {
                statement.setString(1, ID.value());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getObject(1, java.time.OffsetDateTime.class).toInstant();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            plie.close();
            flowable.close();
            context.close();
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @DisplayName("a command in a Spring transaction that commits: protocol, audit, process step and event")
    void commitsWithTheSpringTransaction(Kind kind) {
        try (Host host = Host.on(kind)) {
            host.transactions().executeWithoutResult(status -> {
                host.plie().protocolNegotiation().start(Negotiator.COORDINATOR, ID, Negotiator.content());
                assertThat(host.events()).as("published only after the commit").isEmpty();
            });
            assertThat(host.protocolRows()).isEqualTo(1);
            assertThat(host.auditRows()).isPositive();
            assertThat(host.processes()).isEqualTo(1);
            assertThat(host.events()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @DisplayName("a Spring transaction that fails after the command rolls back the library's writes with it")
    void rollsBackWithTheSpringTransaction(Kind kind) {
        try (Host host = Host.on(kind)) {
            assertThatThrownBy(() -> host.transactions().executeWithoutResult(status -> {
                host.plie().protocolNegotiation().start(Negotiator.COORDINATOR, ID, Negotiator.content());
                throw new IllegalStateException("the application fails after the command");
            })).hasMessage("the application fails after the command");
            assertThat(host.protocolRows()).isZero();
            assertThat(host.auditRows()).isZero();
            assertThat(host.processes()).isZero();
            assertThat(host.events()).isEmpty();
            // The protocol is not stuck: the same start succeeds afterwards.
            host.transactions().executeWithoutResult(status ->
                    host.plie().protocolNegotiation().start(Negotiator.COORDINATOR, ID, Negotiator.content()));
            assertThat(host.protocolRows()).isEqualTo(1);
            assertThat(host.processes()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @DisplayName("a command that fails late spoils the Spring transaction, even when the application catches the failure")
    void lateFailureSpoilsTheTransaction(Kind kind) {
        try (Host host = Host.on(kind)) {
            host.failAuditWrites(true);
            assertThatThrownBy(() -> host.transactions().executeWithoutResult(status -> {
                assertThatThrownBy(() -> host.plie().protocolNegotiation().start(Negotiator.COORDINATOR, ID,
                        Negotiator.content())).as("the audit write fails, after the protocol's row was written")
                        .isInstanceOf(RuntimeException.class);
                // The application swallows the failure and goes on to commit.
            })).isInstanceOf(UnexpectedRollbackException.class);
            host.failAuditWrites(false);
            assertThat(host.protocolRows()).isZero();
            assertThat(host.auditRows()).isZero();
            assertThat(host.processes()).isZero();
            assertThat(host.events()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @DisplayName("a transaction marked rollback-only rolls back the library's writes too")
    void rollbackOnly(Kind kind) {
        try (Host host = Host.on(kind)) {
            host.transactions().executeWithoutResult(status -> {
                host.plie().protocolNegotiation().start(Negotiator.COORDINATOR, ID, Negotiator.content());
                status.setRollbackOnly();
            });
            assertThat(host.protocolRows()).isZero();
            assertThat(host.auditRows()).isZero();
            assertThat(host.processes()).isZero();
            assertThat(host.events()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @DisplayName("a refusal before any change leaves the application's transaction able to commit its other work")
    void refusalLeavesTheTransactionAlone(Kind kind) {
        try (Host host = Host.on(kind)) {
            Actor outsider = Actor.of("curieux", ProtocolFixture.OI, Role.TECHNICAL_STAFF);
            host.transactions().executeWithoutResult(status -> {
                host.plie().protocolNegotiation().start(Negotiator.COORDINATOR, ID, Negotiator.content());
                assertThatThrownBy(() -> host.plie().protocolNegotiation().start(outsider, ID, Negotiator.content()))
                        .isInstanceOf(AccessDeniedException.class);
            });
            assertThat(host.protocolRows()).isEqualTo(1);
            assertThat(host.processes()).isEqualTo(1);
            assertThat(host.events()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @DisplayName("the library reads the time from Flowable's clock")
    void followsFlowablesClock(Kind kind) {
        try (Host host = Host.on(kind)) {
            Instant then = Instant.parse("2031-03-14T09:30:00Z");
            host.flowable().getProcessEngineConfiguration().getClock().setCurrentTime(java.util.Date.from(then));
            host.transactions().executeWithoutResult(status ->
                    host.plie().protocolNegotiation().start(Negotiator.COORDINATOR, ID, Negotiator.content()));
            assertThat(host.updatedAt()).isEqualTo(then);
            assertThat(host.count("SELECT COUNT(*) FROM plie_audit WHERE protocol_id = ? AND occurred_at = '"
                    + Timestamp.from(then) + "'")).isPositive();
        }
    }
}
