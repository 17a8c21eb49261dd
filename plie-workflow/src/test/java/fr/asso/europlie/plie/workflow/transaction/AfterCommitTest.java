package fr.asso.europlie.plie.workflow.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowListener;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import fr.asso.europlie.plie.workflow.negotiation.Negotiator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a step hands to the listeners once it has committed, and what that costs the pool: the
 * listeners of a facade's command run after its commit on the caller's thread, outside any engine
 * command, so the step holds one connection of the pool, not a second one opened only to run them
 * (docs/PERFORMANCE.md section 31).
 */
@DisplayName("listeners after the commit, with one connection a step")
class AfterCommitTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    /** The connections of the pool each thread holds now. */
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a listener hears a step once it is committed, holding no connection, and may act through the library")
    void listenersRunAfterTheCommitOutsideTheCommand(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind)) {
            DataSource counted = counting(database.dataSource());
            PlieEngine.Builder builder = PlieEngine.builder().dataSource(counted).clock(clock)
                    .settings(WorkflowSettings.defaults()).asyncExecutor(false);
            try (PlieEngine engine = (database.schema() == null ? builder : builder.databaseSchema(database.schema())).build()) {
                ProtocolId id = ProtocolId.of("PLIE-AC-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
                List<ProtocolEvent> heard = new CopyOnWriteArrayList<>();
                List<Integer> heldWhenHeard = new CopyOnWriteArrayList<>();
                List<Long> revisionSeen = new CopyOnWriteArrayList<>();
                engine.addListener(new WorkflowListener() {
                    @Override
                    public void onProtocolEvent(ProtocolEvent event) {
                        heldWhenHeard.add(HELD.get()[0]);
                        // A command of its own, which sees what the step committed.
                        revisionSeen.add(engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().revision());
                        heard.add(event);
                    }
                });

                Negotiator negotiator = new Negotiator(engine, clock, id).startedWithDiagnostic().allFavourable();
                long committed = engine.protocol(Negotiator.COORDINATOR, id).orElseThrow().revision();

                assertThat(heard).isNotEmpty();
                assertThat(heldWhenHeard).containsOnly(0);
                assertThat(revisionSeen.get(revisionSeen.size() - 1)).isEqualTo(committed);
                assertThat(HELD.get()[0]).isZero();

                // A refused step commits nothing and tells nothing.
                int before = heard.size();
                Throwable refused = catchThrowable(() -> negotiator.negotiation().consolidate(
                        Negotiator.of(Negotiator.parties().get(0), fr.asso.europlie.plie.workflow.Role.TECHNICAL_STAFF), id,
                        null, "pas mon étape"));
                assertThat(refused).isNotNull();
                assertThat(heard).hasSize(before);

                negotiator.consolidated().allContributionsConfirmed().adopted();
                assertThat(heard.size()).isGreaterThan(before);
                assertThat(heldWhenHeard).containsOnly(0);
            }
        }
    }

    /** The data source, counting the connections each thread holds. */
    private static DataSource counting(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(AfterCommitTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (self, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof Connection connection) {
                        HELD.get()[0]++;
                        return held(connection);
                    }
                    return result;
                });
    }

    private static Connection held(Connection real) {
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(AfterCommitTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (self, method, args) -> {
                    if ("close".equals(method.getName()) && !closed[0]) {
                        closed[0] = true;
                        HELD.get()[0]--;
                    }
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
