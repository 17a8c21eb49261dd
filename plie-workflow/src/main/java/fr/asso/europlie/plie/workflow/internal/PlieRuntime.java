package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.Protocols;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.Reminder;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.internal.EngineTransaction;
import fr.asso.europlie.plie.workflow.internal.JdbcProtocols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the library's steps share inside one Flowable engine (contexte d'exécution): the
 * settings, the clock, the store and the application's listeners. Registered for its engine by
 * {@link fr.asso.europlie.plie.workflow.PlieConfigurator}; the process's delegates find it with
 * {@link #current()}.
 */
public final class PlieRuntime {

    /** The runtime of each engine configuration that took the library, see {@link #register}. */
    private static final Map<ProcessEngineConfigurationImpl, PlieRuntime> REGISTERED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private static final Logger LOG = LoggerFactory.getLogger(PlieRuntime.class);

    private final WorkflowSettings settings;
    private final Clock clock;
    private final Map<PlanId, JdbcProtocols> protocols = new ConcurrentHashMap<>();
    private final Map<PlanId, List<WorkflowListener>> listeners = new ConcurrentHashMap<>();
    private final Map<PlanId, WorkflowSettings> planSettings = new ConcurrentHashMap<>();

    /**
     * Creates the runtime.
     *
     * @param settings the settings, not null
     * @param clock the clock, the engine's own, not null
     */
    public PlieRuntime(WorkflowSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The runtime of the engine running the current command.
     *
     * @return the runtime
     * @throws IllegalStateException outside a command, or when the engine lacks the library
     */
    public static PlieRuntime current() {
        return of(CommandContextUtil.getProcessEngineConfiguration());
    }

    /**
     * Registers the runtime of an engine configuration, where {@link #of} and {@link #current()}
     * find it. The library keeps its own register rather than the configuration's beans: under
     * Spring those beans are the application context, which refuses additions ("unsupported
     * operation on configuration beans"). The register holds the configuration weakly: a closed
     * and forgotten engine does not stay in memory.
     *
     * @param configuration the engine's configuration, not null
     * @param runtime the runtime, not null
     */
    public static void register(ProcessEngineConfigurationImpl configuration, PlieRuntime runtime) {
        REGISTERED.put(Objects.requireNonNull(configuration, "configuration"), Objects.requireNonNull(runtime, "runtime"));
    }

    /**
     * The runtime registered in an engine configuration.
     *
     * @param configuration the engine's configuration, not null
     * @return the runtime
     * @throws IllegalStateException when the engine was not configured with the library
     */
    public static PlieRuntime of(ProcessEngineConfigurationImpl configuration) {
        PlieRuntime runtime = REGISTERED.get(Objects.requireNonNull(configuration, "configuration"));
        if (runtime == null) {
            throw new IllegalStateException("this Flowable engine was not configured with the PLIE library: "
                    + "add fr.asso.europlie.plie.workflow.PlieConfigurator to its configurators");
        }
        return runtime;
    }

    /**
     * The engine's settings, those of the plans that have none of their own.
     *
     * @return the settings
     */
    public WorkflowSettings settings() {
        return settings;
    }

    /**
     * The settings of a plan: its own when it was given some on this node, else the engine's.
     *
     * @param plan the plan, not null
     * @return the settings
     */
    public WorkflowSettings settings(PlanId plan) {
        return planSettings.getOrDefault(plan, settings);
    }

    /**
     * Gives a plan its own settings on this node.
     *
     * @param plan the plan, not null
     * @param own its settings, not null
     */
    public void settings(PlanId plan, WorkflowSettings own) {
        planSettings.put(Objects.requireNonNull(plan, "plan"), Objects.requireNonNull(own, "settings"));
    }

    /**
     * The clock (the engine's).
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Now, on the engine's clock.
     *
     * @return the instant
     */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Today, on the engine's clock and zone.
     *
     * @return the date
     */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The protocols of a plan on the engine's database and transaction.
     *
     * @param plan the plan, not null
     * @return the store
     */
    public JdbcProtocols protocols(PlanId plan) {
        return protocols.computeIfAbsent(Objects.requireNonNull(plan, "plan"),
                p -> new JdbcProtocols(p, clock, events -> publish(p, events)));
    }

    /**
     * Registers a listener of a plan's events.
     *
     * @param plan the plan, not null
     * @param listener the listener, not null
     */
    public void addListener(PlanId plan, WorkflowListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.computeIfAbsent(Objects.requireNonNull(plan, "plan"), p -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /**
     * Unregisters a listener of a plan's events.
     *
     * @param plan the plan, not null
     * @param listener the listener
     */
    public void removeListener(PlanId plan, WorkflowListener listener) {
        List<WorkflowListener> registered = listeners.get(plan);
        if (registered != null) {
            registered.remove(listener);
        }
    }

    /**
     * Sends a reminder to a plan's listeners once the current transaction has committed.
     *
     * @param plan the plan, not null
     * @param reminder the reminder, not null
     */
    public void remindAfterCommit(PlanId plan, Reminder reminder) {
        EngineTransaction.afterCommit(() -> deliver(plan, listener -> listener.onReminder(reminder)));
    }

    /**
     * Tells a plan's listeners of a programming event once the current transaction has committed.
     *
     * @param plan the plan, not null
     * @param event the event, not null
     */
    public void publishAfterCommit(PlanId plan, fr.asso.europlie.plie.workflow.programming.ProgrammingEvent event) {
        EngineTransaction.afterCommit(() -> deliver(plan, listener -> listener.onProgrammingEvent(event)));
    }

    private void publish(PlanId plan, List<ProtocolEvent> events) {
        for (ProtocolEvent event : events) {
            deliver(plan, listener -> listener.onProtocolEvent(event));
        }
    }

    private void deliver(PlanId plan, java.util.function.Consumer<WorkflowListener> call) {
        for (WorkflowListener listener : listeners.getOrDefault(plan, List.of())) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("a PLIE workflow listener failed; the change it heard of stays committed", e);
            }
        }
    }
}
