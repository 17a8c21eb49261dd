package fr.asso.europlie.plie.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.workflow.negotiation.NegotiationStep;
import fr.asso.europlie.plie.workflow.negotiation.Negotiator;
import java.time.Instant;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("an application's own Flowable engine takes the library through the configurator")
class PlieConfiguratorTest {

    private static ProcessEngine hostEngine(String name, boolean withLibrary) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setEngineName(name);
        configuration.setAsyncExecutorActivate(false);
        if (withLibrary) {
            configuration.addConfigurator(new PlieConfigurator(WorkflowSettings.defaults()));
        }
        return configuration.buildProcessEngine();
    }

    @Test
    @DisplayName("the host engine runs the negotiation, deploys it once, and stays open when the facade closes")
    void hostEngineRunsTheNegotiation() {
        ProcessEngine host = hostEngine("host-with-plie", true);
        try {
            ProtocolId id = ProtocolFixture.ID;
            PlieEngine plie = PlieEngine.attach(host);
            PlieEngine again = PlieEngine.attach(host);
            assertThat(host.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(
                    fr.asso.europlie.plie.workflow.negotiation.NegotiationProcess.KEY).count()).isEqualTo(1);
            assertThat(host.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(
                    fr.asso.europlie.plie.workflow.programming.ProgrammingProcess.KEY).count()).isEqualTo(1);
            Negotiator negotiator = new Negotiator(again, ManualClock.at(Instant.now()), id);
            negotiator.startedWithDiagnostic();
            assertThat(plie.protocolNegotiation().status(Negotiator.COORDINATOR, id).waitsFor(NegotiationStep.TECHNICAL_OPINION)).isTrue();
            assertThat(plie.protocol(Negotiator.COORDINATOR, id).orElseThrow().state()).isEqualTo(ProtocolState.UNDER_NEGOTIATION);
            plie.close();
            assertThat(host.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id.value()).count())
                    .isEqualTo(1);
        } finally {
            host.close();
        }
    }

    @Test
    @DisplayName("an engine built without the configurator is refused with an explanation")
    void engineWithoutTheLibraryIsRefused() {
        ProcessEngine host = hostEngine("host-without-plie", false);
        try {
            assertThatThrownBy(() -> PlieEngine.attach(host)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PlieConfigurator");
        } finally {
            host.close();
        }
    }

    @Test
    @DisplayName("the application's own command interceptors are kept, the library's lock for the executor's jobs appended after them, and both run")
    void applicationsInterceptorsKept() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:host-with-interceptor;DB_CLOSE_DELAY=-1");
        configuration.setEngineName("host-with-interceptor");
        configuration.setAsyncExecutorActivate(false);
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        org.flowable.common.engine.impl.interceptor.CommandInterceptor own =
                new org.flowable.common.engine.impl.interceptor.AbstractCommandInterceptor() {
                    @Override
                    public <T> T execute(org.flowable.common.engine.impl.interceptor.CommandConfig config,
                            org.flowable.common.engine.impl.interceptor.Command<T> command,
                            org.flowable.common.engine.impl.interceptor.CommandExecutor executor) {
                        seen.incrementAndGet();
                        return next.execute(config, command, executor);
                    }
                };
        configuration.setCustomPostCommandInterceptors(new java.util.ArrayList<>(java.util.List.of(own)));
        configuration.addConfigurator(new PlieConfigurator(WorkflowSettings.defaults()));
        ProcessEngine host = configuration.buildProcessEngine();
        try {
            assertThat(configuration.getCustomPostCommandInterceptors()).hasSize(2).first().isSameAs(own);
            assertThat(configuration.getCustomPostCommandInterceptors().get(1).getClass().getSimpleName())
                    .isEqualTo("NegotiationJobLock");
            int before = seen.get();
            PlieEngine plie = PlieEngine.attach(host);
            new Negotiator(plie, ManualClock.at(Instant.now()), ProtocolId.of("PLIE-INTERCEPTED")).startedWithDiagnostic();
            assertThat(seen.get()).as("commands through the application's interceptor").isGreaterThan(before);
        } finally {
            host.close();
        }
    }
}
