package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.negotiation.Negotiator;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.type.JdbcType;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.variable.api.types.VariableType;
import org.flowable.variable.service.impl.db.IbatisVariableTypeHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("engines alike in one JVM share Flowable's parsed MyBatis configuration, each on its own database")
class SharedMybatisConfigurationTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T08:00:00Z"));

    private static String name() {
        return "shared-mybatis-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    private static ProcessEngineConfigurationImpl flowable(String name) {
        return (ProcessEngineConfigurationImpl) ProcessEngines.getProcessEngine(name).getProcessEngineConfiguration();
    }

    /** The variable types the parse's handler of {@code VariableType} columns asks (Flowable's protected field). */
    private static Object variableTypesOf(Configuration parsed) throws ReflectiveOperationException {
        Object handler = parsed.getTypeHandlerRegistry().getTypeHandler(VariableType.class, JdbcType.VARCHAR);
        assertThat(handler).isInstanceOf(IbatisVariableTypeHandler.class);
        Field field = IbatisVariableTypeHandler.class.getDeclaredField("variableTypes");
        field.setAccessible(true);
        return field.get(handler);
    }

    @Test
    @DisplayName("two engines on two databases: one parsed configuration without a data source of its own; each engine reads and writes its own database, variables included, and goes on once the other is closed")
    void twoEnginesShareOneParse() throws ReflectiveOperationException {
        String first = name();
        String second = name();
        PlieEngine one = PlieEngine.builder().asyncExecutor(false).clock(clock).name(first).build();
        try (PlieEngine two = PlieEngine.builder().asyncExecutor(false).clock(clock).name(second).build()) {
            Configuration parsedForOne = flowable(first).getSqlSessionFactory().getConfiguration();
            Configuration parsedForTwo = flowable(second).getSqlSessionFactory().getConfiguration();
            assertThat(parsedForTwo).isSameAs(parsedForOne);
            assertThatThrownBy(() -> parsedForOne.getEnvironment().getDataSource().getConnection())
                    .as("the shared configuration holds neither engine's data source").isInstanceOf(SQLException.class)
                    .hasMessageContaining("no data source");
            Object variableTypes = variableTypesOf(parsedForOne);
            assertThat(variableTypes).as("the variables' type handler of the shared parse asks the current command's engine, "
                    + "it holds no engine's types").isSameAs(PlieProcessEngineConfiguration.CurrentEngineVariableTypes.INSTANCE);

            ProtocolId inOne = ProtocolId.of("PLIE-SHARED-ONE");
            new Negotiator(one, clock, inOne).startedWithDiagnostic();
            RuntimeService runtimeOne = flowable(first).getRuntimeService();
            String processOne = runtimeOne.createProcessInstanceQuery().processInstanceBusinessKey(inOne.value()).singleResult().getId();
            runtimeOne.setVariable(processOne, "probe", new HashMap<>(Map.of("engine", "one")));
            assertThat(runtimeOne.getVariable(processOne, "probe")).isEqualTo(Map.of("engine", "one"));

            RuntimeService runtimeTwo = flowable(second).getRuntimeService();
            assertThat(runtimeTwo.createProcessInstanceQuery().count()).as("the other engine's process, not in this database").isZero();
            one.close();

            ProtocolId inTwo = ProtocolId.of("PLIE-SHARED-TWO");
            new Negotiator(two, clock, inTwo).startedWithDiagnostic();
            String processTwo = runtimeTwo.createProcessInstanceQuery().processInstanceBusinessKey(inTwo.value()).singleResult().getId();
            runtimeTwo.setVariable(processTwo, "probe", new HashMap<>(Map.of("engine", "two")));
            runtimeTwo.setVariable(processTwo, "day", LocalDate.of(2026, 3, 2));
            assertThat(runtimeTwo.getVariable(processTwo, "probe")).isEqualTo(Map.of("engine", "two"));
            assertThat(runtimeTwo.getVariable(processTwo, "day")).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(runtimeTwo.createProcessInstanceQuery().list()).singleElement()
                    .satisfies(p -> assertThat(p.getBusinessKey()).isEqualTo(inTwo.value()));
        } finally {
            one.close(); // nothing the second time
        }
    }

    @Test
    @DisplayName("engines on different databases (H2, PostgreSQL) parse their own: the statements differ")
    void differentDatabasesParseTheirOwn() {
        try (Databases.Target h2 = Databases.fresh(Databases.Kind.H2); Databases.Target postgres = Databases.fresh(Databases.Kind.POSTGRESQL)) {
            String onH2 = name();
            String onPostgres = name();
            try (PlieEngine a = h2.engine(clock, WorkflowSettings.defaults()).asyncExecutor(false).name(onH2).build();
                    PlieEngine b = postgres.engine(clock, WorkflowSettings.defaults()).asyncExecutor(false).name(onPostgres).build()) {
                assertThat(flowable(onPostgres).getSqlSessionFactory().getConfiguration())
                        .isNotSameAs(flowable(onH2).getSqlSessionFactory().getConfiguration());
                assertThat(flowable(onH2).getDatabaseType()).isEqualTo("h2");
                assertThat(flowable(onPostgres).getDatabaseType()).isEqualTo("postgres");
            }
        }
    }
}
