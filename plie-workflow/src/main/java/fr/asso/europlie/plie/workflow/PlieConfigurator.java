package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.workflow.internal.ClockBridge;
import fr.asso.europlie.plie.workflow.internal.NegotiationJobLock;
import fr.asso.europlie.plie.workflow.internal.PlieRuntime;
import fr.asso.europlie.plie.workflow.internal.SchemaMigrations;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.common.engine.impl.EngineConfigurator;
import org.flowable.common.engine.impl.interceptor.CommandInterceptor;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Adds the PLIE library to a Flowable process engine that an application builds itself
 * (configurateur): registers the library's runtime (settings, clock, store, listeners) for that
 * engine and creates or upgrades the store's tables on the engine's data source. It works on a
 * standalone configuration and on Spring's {@code SpringProcessEngineConfiguration} alike; a
 * Spring Boot application with Flowable's starter needs neither this class nor
 * {@link PlieEngine#attach}: the auto-configuration in {@code workflow.spring} does both.
 *
 * <pre>{@code
 * ProcessEngineConfigurationImpl configuration = ...;             // the application's own
 * configuration.addConfigurator(new PlieConfigurator(WorkflowSettings.defaults()));
 * ProcessEngine flowable = configuration.buildProcessEngine();
 * PlieEngine plie = PlieEngine.attach(flowable);                  // deploys the library's processes
 * }</pre>
 *
 * <p>The library reads the time from the engine's clock, in the zone given here (Europe/Paris by
 * default), so that moving Flowable's clock moves the library's instants too.
 *
 * <p>Before the engine is built it also appends one command interceptor to the configuration's
 * {@code customPostCommandInterceptors} (the application's own are kept, before it): a negotiation's
 * job run by Flowable's async executor takes its protocol's row lock before the job is read, as
 * every command on the protocol does.
 */
public final class PlieConfigurator implements EngineConfigurator {

    /** The zone in which the library's dates are taken unless told otherwise. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final WorkflowSettings settings;
    private final ZoneId zone;

    /**
     * Creates the configurator with the default zone (Europe/Paris).
     *
     * @param settings the workflow settings, not null
     */
    public PlieConfigurator(WorkflowSettings settings) {
        this(settings, PARIS);
    }

    /**
     * Creates the configurator.
     *
     * @param settings the workflow settings, not null
     * @param zone the zone of the library's dates, not null
     */
    public PlieConfigurator(WorkflowSettings settings, ZoneId zone) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public void beforeInit(AbstractEngineConfiguration engineConfiguration) {
        // Before the engine's command executors are built: a negotiation's job run by the async
        // executor takes its protocol's row lock first (see NegotiationJobLock). The rest needs the
        // engine's data source and clock, in configure().
        if (engineConfiguration instanceof ProcessEngineConfigurationImpl processConfiguration) {
            List<CommandInterceptor> after = processConfiguration.getCustomPostCommandInterceptors() == null
                    ? new ArrayList<>() : new ArrayList<>(processConfiguration.getCustomPostCommandInterceptors());
            if (after.stream().noneMatch(NegotiationJobLock.class::isInstance)) {
                after.add(new NegotiationJobLock());
            }
            processConfiguration.setCustomPostCommandInterceptors(after);
        }
    }

    @Override
    public void configure(AbstractEngineConfiguration engineConfiguration) {
        if (!(engineConfiguration instanceof ProcessEngineConfigurationImpl processConfiguration)) {
            throw new IllegalArgumentException("the PLIE library configures a Flowable process engine, not "
                    + engineConfiguration.getClass().getName());
        }
        new SchemaMigrations(processConfiguration.getDataSource()).migrate();
        PlieRuntime runtime = new PlieRuntime(settings, ClockBridge.java(processConfiguration.getClock(), zone));
        PlieRuntime.register(processConfiguration, runtime);
    }

    @Override
    public int getPriority() {
        return 10_000;
    }
}
