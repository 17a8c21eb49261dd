package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.json.ProtocolJson;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolEvent;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.StoreException;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.flowable.engine.ProcessEngines;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("the protocols' store: compact documents, indented ones of earlier versions still read, on H2 and PostgreSQL")
class JdbcProtocolsTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ProtocolId ID = ProtocolFixture.ID;

    /** An engine on a test database and a runner that tries each command once. */
    private static final class Store implements AutoCloseable {
        final ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        final PlieEngine engine;
        final CommandRunner runner;
        final List<ProtocolEvent> published = new CopyOnWriteArrayList<>();

        Store(Databases.Target database) {
            String name = "protocols-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
            engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build();
            runner = new CommandRunner(((ProcessEngineConfigurationImpl) ProcessEngines.getProcessEngine(name)
                    .getProcessEngineConfiguration()).getCommandExecutor(), 1);
        }

        /** A store of its own, as another node of the cluster would have (its own cache). */
        JdbcProtocols protocols() {
            return new JdbcProtocols(PlanId.DEFAULT, clock, published::addAll);
        }

        <T> T inTransaction(Supplier<T> body) {
            return runner.run(null, "test", body);
        }

        void run(Runnable body) {
            inTransaction(() -> {
                body.run();
                return null;
            });
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a protocol is stored as the compact document, without white space between tokens, and read back equal by another store")
    void storedCompact(Databases.Kind kind) {
        Protocol draft = ProtocolFixture.aDraft();
        Protocol negotiated = ProtocolFixture.underNegotiation();
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcProtocols protocols = store.protocols();
            store.run(() -> protocols.add(draft));
            assertThat(store.inTransaction(JdbcProtocolsTest::document)).isEqualTo(ProtocolJson.writeCompact(draft))
                    .doesNotContain("\n").doesNotContain("\" : ");
            store.run(() -> protocols.update(negotiated, draft.revision()));

            String stored = store.inTransaction(JdbcProtocolsTest::document);
            assertThat(stored).isEqualTo(ProtocolJson.writeCompact(negotiated)).doesNotContain("\n");
            assertThat(stored.length()).isLessThan(ProtocolJson.write(negotiated).length());
            JdbcProtocols otherNode = store.protocols();
            assertThat(store.inTransaction(() -> otherNode.find(ID))).contains(negotiated);
            assertThat(store.published).isEqualTo(negotiated.events());
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a row written indented by an earlier version is read, updated (publishing only the new events) and then stored compact")
    void indentedRowRead(Databases.Kind kind) {
        Protocol draft = ProtocolFixture.aDraft();
        Protocol negotiated = ProtocolFixture.underNegotiation();
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            store.run(() -> store.protocols().add(draft));
            store.published.clear();
            store.run(() -> setDocument(ProtocolJson.write(draft), draft.revision()));
            assertThat(store.inTransaction(JdbcProtocolsTest::document)).contains("\n");

            JdbcProtocols protocols = store.protocols();
            assertThat(store.inTransaction(() -> protocols.find(ID))).contains(draft);
            store.run(() -> {
                assertThat(protocols.lock(ID)).isTrue();
                protocols.update(negotiated, draft.revision());
            });

            assertThat(store.inTransaction(JdbcProtocolsTest::document)).isEqualTo(ProtocolJson.writeCompact(negotiated));
            assertThat(store.published).isEqualTo(negotiated.events().subList(draft.events().size(), negotiated.events().size()));
            assertThat(store.inTransaction(() -> protocols.find(ID))).contains(negotiated);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a store that wrote a document compact parses the row again once another writer replaced it, indented or not")
    void cacheFollowsTheText(Databases.Kind kind) {
        Protocol draft = ProtocolFixture.aDraft();
        Protocol negotiated = ProtocolFixture.underNegotiation();
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcProtocols protocols = store.protocols();
            store.run(() -> protocols.add(draft));
            assertThat(store.inTransaction(() -> protocols.find(ID))).contains(draft);

            // Another writer (an earlier version of the library on another node) stores the next
            // state indented: the document differs, so this store reads it rather than its own.
            store.run(() -> setDocument(ProtocolJson.write(negotiated), negotiated.revision()));
            assertThat(store.inTransaction(() -> protocols.find(ID))).contains(negotiated);

            // The same state written back compact: still read as it is.
            store.run(() -> setDocument(ProtocolJson.writeCompact(draft), draft.revision()));
            assertThat(store.inTransaction(() -> protocols.find(ID))).contains(draft);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a command that locks the row reads what it holds, not this store's last document, once another writer replaced it at the same revision")
    void lockFollowsTheText(Databases.Kind kind) {
        Protocol draft = ProtocolFixture.aDraft();
        Protocol negotiated = ProtocolFixture.underNegotiation();
        try (Databases.Target database = Databases.fresh(kind); Store store = new Store(database)) {
            JdbcProtocols protocols = store.protocols();
            store.run(() -> protocols.add(draft));
            store.run(() -> assertThat(protocols.lock(ID)).isTrue());
            assertThat(lockedRead(store, protocols)).contains(draft);

            // Another writer stores another document under the same revision (its prefix equal to
            // the draft's document up to some point): the lock reads it, whole.
            store.run(() -> setDocument(ProtocolJson.writeCompact(negotiated), draft.revision()));
            assertThat(lockedRead(store, protocols)).contains(negotiated);
            store.run(() -> setDocument(ProtocolJson.write(draft), draft.revision()));
            assertThat(lockedRead(store, protocols)).contains(draft);
        }
    }

    /** What a command that locks the row first finds. */
    private static java.util.Optional<Protocol> lockedRead(Store store, JdbcProtocols protocols) {
        return store.inTransaction(() -> {
            protocols.lock(ID);
            return protocols.find(ID);
        });
    }

    private static String document() {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT document FROM plie_protocol WHERE plan_id = ? AND id = ?")) {
            select.setString(1, PlanId.DEFAULT.value());
            select.setString(2, ID.value());
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new StoreException("read document", e);
        }
    }

    private static void setDocument(String document, long revision) {
        try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                "UPDATE plie_protocol SET document = ?, revision = ? WHERE plan_id = ? AND id = ?")) {
            update.setString(1, document);
            update.setLong(2, revision);
            update.setString(3, PlanId.DEFAULT.value());
            update.setString(4, ID.value());
            assertThat(update.executeUpdate()).isOne();
        } catch (SQLException e) {
            throw new StoreException("write document", e);
        }
    }
}
