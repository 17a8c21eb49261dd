package fr.asso.europlie.plie.workflow.transaction;

import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.PlieConfigurator;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.negotiation.Negotiator;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * An integrator's application as it would be written: its own Flowable engine on its own
 * database, with the library added by {@link PlieConfigurator} and {@link PlieEngine#attach},
 * and its own process whose service tasks call library commands and may fail afterwards.
 */
public final class IntegratorApplication implements AutoCloseable {

    /** The application's process: a service task that starts a negotiation, then one that may fail. */
    public static final String PROCESS = "integratorIntake";

    private static final AtomicInteger ENGINES = new AtomicInteger();

    /** The facade the application's delegates reach (an application would inject it). */
    static volatile PlieEngine plie;
    /** What the application's second service task does. */
    static volatile Runnable afterStart = () -> { };
    /** Whether the application's first service task catches a library failure and goes on. */
    static volatile boolean swallowLibraryFailure;
    /** Who starts the negotiation in the application's first service task. */
    static volatile Actor starter = Negotiator.COORDINATOR;

    private final ProcessEngine flowable;
    private final PlieEngine facade;

    private IntegratorApplication(ProcessEngine flowable) {
        this.flowable = flowable;
        this.facade = PlieEngine.attach(flowable);
        plie = facade;
        afterStart = () -> { };
        swallowLibraryFailure = false;
        starter = Negotiator.COORDINATOR;
        flowable.getRepositoryService().createDeployment().name("integrator")
                .addString("integrator.bpmn20.xml", BPMN).deploy();
    }

    /**
     * Starts the application on a database.
     *
     * @param database the database
     * @return the application; close it
     */
    public static IntegratorApplication on(Databases.Target database) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(database.dataSource());
        if (database.schema() != null) {
            configuration.setDatabaseSchema(database.schema());
        }
        configuration.setEngineName("integrator-" + ENGINES.incrementAndGet());
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setAsyncExecutorActivate(false);
        configuration.addConfigurator(new PlieConfigurator(WorkflowSettings.defaults()));
        return new IntegratorApplication(configuration.buildProcessEngine());
    }

    /** @return the application's Flowable engine */
    public ProcessEngine flowable() {
        return flowable;
    }

    /** @return the library's facade on it */
    public PlieEngine plie() {
        return facade;
    }

    /**
     * Runs the application's process for a protocol.
     *
     * @param id the protocol to start negotiating
     */
    public void intake(ProtocolId id) {
        flowable.getRuntimeService().createProcessInstanceBuilder().processDefinitionKey(PROCESS)
                .variable("protocolId", id.value()).start();
    }

    @Override
    public void close() {
        facade.close();
        flowable.close();
    }

    /** The application's first service task: starts the negotiation through the library. */
    public static final class StartNegotiation implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            ProtocolId id = ProtocolId.of((String) execution.getVariable("protocolId"));
            try {
                plie.protocolNegotiation().start(starter, id, Negotiator.content());
                execution.setVariable("started", true);
            } catch (RuntimeException e) {
                if (!swallowLibraryFailure) {
                    throw e;
                }
                execution.setVariable("started", false);
            }
        }
    }

    /** The application's second service task. */
    public static final class AfterStart implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            afterStart.run();
        }
    }

    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="http://example.org/integrator">
              <process id="integratorIntake" name="Integrator intake" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="startNegotiation"/>
                <serviceTask id="startNegotiation" flowable:class="%s"/>
                <sequenceFlow id="f2" sourceRef="startNegotiation" targetRef="afterStart"/>
                <serviceTask id="afterStart" flowable:class="%s"/>
                <sequenceFlow id="f3" sourceRef="afterStart" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """.formatted(StartNegotiation.class.getName(), AfterStart.class.getName());
}
