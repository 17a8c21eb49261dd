package fr.asso.europlie.plie.workflow.spring;

import fr.asso.europlie.plie.workflow.PlieConfigurator;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.ZoneId;
import org.flowable.engine.ProcessEngine;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The PLIE library in a Spring Boot application that has Flowable's
 * {@code flowable-spring-boot-starter-process} (configuration automatique): adds the library to the
 * process engine that Flowable's starter builds, and gives a {@link PlieEngine} bean on it.
 *
 * <p>The library's tables are created or upgraded on the engine's data source when the engine
 * starts; the library reads the time from Flowable's clock; every command joins the Spring
 * transaction that is active when it is called (a {@code @Transactional} method, a
 * {@code TransactionTemplate}), so that when that transaction rolls back, the library's rows, its
 * audit entries and the process step roll back with it, and no event is published. Outside such a
 * transaction each command runs in its own, as with the standalone engine.
 *
 * <p>Settings: a bean of type {@link WorkflowSettings}, if the application declares one (otherwise
 * {@link WorkflowSettings#defaults()}); the property {@code plie.zone} for the zone of the
 * library's dates (default {@code Europe/Paris}); {@code plie.enabled=false} turns the library off.
 * An application that declares its own {@link PlieEngine} bean keeps it.
 */
@AutoConfiguration
@ConditionalOnClass({SpringProcessEngineConfiguration.class, EngineConfigurationConfigurer.class, ProcessEngine.class})
@ConditionalOnBooleanProperty(name = "plie.enabled", matchIfMissing = true)
public class PlieAutoConfiguration {

    /** The name of the bean that adds the library to Flowable's process engine configuration. */
    public static final String CONFIGURER = "plieProcessEngineConfigurer";

    /** Creates the configuration (called by Spring). */
    public PlieAutoConfiguration() {
    }

    /**
     * Adds the library to the process engine that Flowable's starter configures.
     *
     * @param settings the application's settings, if it declares them
     * @param environment where {@code plie.zone} is read
     * @return the configurer, which Flowable's starter calls before it builds the engine
     */
    @Bean(CONFIGURER)
    @ConditionalOnMissingBean(name = CONFIGURER)
    public EngineConfigurationConfigurer<SpringProcessEngineConfiguration> plieProcessEngineConfigurer(
            ObjectProvider<WorkflowSettings> settings, Environment environment) {
        WorkflowSettings chosen = settings.getIfAvailable(WorkflowSettings::defaults);
        ZoneId zone = ZoneId.of(environment.getProperty("plie.zone", PlieConfigurator.PARIS.getId()));
        return configuration -> configuration.addConfigurator(new PlieConfigurator(chosen, zone));
    }

    /**
     * The facade on Flowable's engine. Closing it (when the context closes) leaves the engine to
     * Spring.
     *
     * @param processEngine Flowable's engine, built with the library
     * @return the facade
     */
    @Bean
    @ConditionalOnMissingBean
    public PlieEngine plieEngine(ProcessEngine processEngine) {
        return PlieEngine.attach(processEngine);
    }
}
