package fr.asso.europlie.plie.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.repository.ProcessDefinition;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the engine facade")
class PlieEngineTest {

    @Test
    @DisplayName("closing an embedded engine releases its private in-memory database")
    void closingReleasesTheEmbeddedDatabase() throws Exception {
        PlieEngine engine = PlieEngine.builder().asyncExecutor(false).build();
        String url = engine.embeddedUrl();
        assertThat(url).startsWith("jdbc:h2:mem:");
        try (Connection open = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "")) {
            assertThat(open.getMetaData().getTables(null, null, "PLIE_PROTOCOL", null).next())
                    .as("the engine's tables, while it runs").isTrue();
        }

        engine.close();

        assertThatThrownBy(() -> DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "").close())
                .as("the database is gone once the engine is closed").isInstanceOf(SQLException.class);
        assertThatCode(engine::close).as("closing it again (try-with-resources after an explicit close) does nothing")
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the H2 databases the library opens or names keep 64 parsed statements a session, not H2's 8")
    void embeddedDatabasesKeepMoreParsedStatements(@TempDir Path directory)
            throws Exception {
        try (PlieEngine engine = PlieEngine.builder().asyncExecutor(false).build();
                Connection open = DriverManager.getConnection(engine.embeddedUrl() + ";IFEXISTS=TRUE", "sa", "")) {
            assertThat(queryCacheSize(open)).as("the private in-memory database").isEqualTo("64");
        }
        try (Connection file = DriverManager.getConnection(PlieEngine.h2FileUrl(directory.resolve("db")), "sa", "")) {
            assertThat(queryCacheSize(file)).as("a database opened with h2FileUrl").isEqualTo("64");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    @DisplayName("on H2 Flowable inserts each row with a statement of its own, on PostgreSQL the rows of a table with one")
    void multiRowInsertsOnlyOnPostgres(Databases.Kind kind) {
        String name = "multi-row-inserts-" + kind;
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(ManualClock.at(java.time.Instant.parse("2026-12-02T12:00:00Z")),
                        WorkflowSettings.defaults()).name(name).build()) {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngines
                    .getProcessEngine(name).getProcessEngineConfiguration();
            // In H2's JVM a statement is a call, and MyBatis builds a multi-row text afresh each time;
            // over a socket each statement is a round trip.
            assertThat(configuration.isBulkInsertEnabled()).isEqualTo(kind == Databases.Kind.POSTGRESQL);
        }
        try (PlieEngine embedded = PlieEngine.builder().asyncExecutor(false).name(name + "-embedded").build()) {
            assertThat(((ProcessEngineConfigurationImpl) ProcessEngines.getProcessEngine(name + "-embedded")
                    .getProcessEngineConfiguration()).isBulkInsertEnabled()).as("the library's own H2").isFalse();
        }
    }

    @Test
    @DisplayName("the library's engine deploys each process's BPMN, with its diagram interchange, and stores no PNG drawn from it")
    void noDiagramImageStored() {
        String name = "no-diagram-image";
        try (PlieEngine engine = PlieEngine.builder().asyncExecutor(false).name(name).build()) {
            RepositoryService repository = ProcessEngines.getProcessEngine(name).getRepositoryService();
            List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().list();
            assertThat(definitions).as("the library's five processes").hasSize(5);
            for (ProcessDefinition definition : definitions) {
                assertThat(definition.getDiagramResourceName()).as(definition.getKey() + "'s image").isNull();
                assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId()))
                        .as(definition.getKey() + "'s deployment").allMatch(resource -> resource.endsWith(".bpmn20.xml"));
                assertThat(repository.getBpmnModel(definition.getId()).getLocationMap())
                        .as(definition.getKey() + "'s shapes, for a modeler").isNotEmpty();
            }
        }
    }

    private static String queryCacheSize(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            return setting.next() ? setting.getString(1) : null;
        }
    }

    /** A process whose only job blocks in its delegate until the test lets it go. */
    private static final String SLOW_JOB = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:flowable="http://flowable.org/bpmn" targetNamespace="test">
              <process id="slowJob" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="toSlow" sourceRef="start" targetRef="slow"/>
                <serviceTask id="slow" flowable:async="true"
                             flowable:class="fr.asso.europlie.plie.workflow.PlieEngineTest$SlowDelegate"/>
                <sequenceFlow id="toAfter" sourceRef="slow" targetRef="after"/>
                <userTask id="after"/>
                <sequenceFlow id="toEnd" sourceRef="after" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    /** Blocks the job's thread: entered once it runs, and holds it until released. */
    public static final class SlowDelegate implements JavaDelegate {
        static final CountDownLatch ENTERED = new CountDownLatch(1);
        static final CountDownLatch RELEASE = new CountDownLatch(1);

        @Override
        public void execute(DelegateExecution execution) {
            ENTERED.countDown();
            try {
                RELEASE.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    @DisplayName("closing an engine while its executor runs a job waits for the job, which commits; the job is not released under it")
    void closingWaitsForTheRunningJob() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:closing-waits-for-jobs;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        database.setUser("sa");
        PlieEngine engine = PlieEngine.builder().dataSource(database).name("closing-waits-for-jobs").build();
        ProcessEngine flowable = ProcessEngines.getProcessEngine("closing-waits-for-jobs");
        flowable.getRepositoryService().createDeployment().addString("slow-job.bpmn20.xml", SLOW_JOB).deploy();
        flowable.getRuntimeService().startProcessInstanceByKey("slowJob");
        assertThat(SlowDelegate.ENTERED.await(60, TimeUnit.SECONDS)).as("the executor runs the job").isTrue();

        // The job is held until well after close() began: Flowable's own executor would release it
        // (and bump its row) meanwhile, and the job's commit would then fail.
        ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor();
        try {
            releaser.schedule(SlowDelegate.RELEASE::countDown, 1, TimeUnit.SECONDS);
            engine.close();
        } finally {
            releaser.shutdownNow();
        }

        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(count(statement, "select count(*) from ACT_RU_JOB"))
                    .as("no job left behind, failed or released").isZero();
            assertThat(count(statement, "select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'after'"))
                    .as("the job's work committed: the process went on to the next step").isEqualTo(1);
            statement.execute("SHUTDOWN");
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
