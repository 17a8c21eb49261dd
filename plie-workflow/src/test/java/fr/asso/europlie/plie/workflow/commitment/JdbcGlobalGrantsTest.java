package fr.asso.europlie.plie.workflow.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.funds.LedgerCommand;
import fr.asso.europlie.plie.funds.LedgerModel;
import fr.asso.europlie.plie.funds.LedgerResult;
import fr.asso.europlie.plie.json.funds.GlobalGrantJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.ConflictException;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.internal.JdbcGlobalGrants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The global grants kept in the engine's database: the ledger's model-based property run through
 * the store, and the store's own refusals (stale revision, re-based grant, duplicate, another plan).
 */
@DisplayName("the ledger kept in the database agrees with the model, and the store refuses what would corrupt it")
class JdbcGlobalGrantsTest {

    private static final EnvelopeKey Y2026 = EnvelopeKey.of("1", "h", 2026);
    private static final AtomicInteger GRANTS = new AtomicInteger();

    /** The ledger of one property run: each command in its own engine transaction, under the grant's row lock. */
    private static final class Stored implements LedgerModel.Ledger {
        private final LedgerEngine engine;
        private final JdbcGlobalGrants grants;
        private final GlobalGrantId id;

        Stored(LedgerEngine engine) {
            this.engine = engine;
            this.grants = new JdbcGlobalGrants(PlanId.DEFAULT, engine.clock);
            GlobalGrant initial = LedgerModel.initialGrant();
            this.id = GlobalGrantId.of("SG-" + GRANTS.incrementAndGet());
            GlobalGrant renamed = Grants.of(id, initial.intermediateBody(), initial.envelopes());
            engine.inTransaction(() -> {
                grants.add(renamed);
                return null;
            });
        }

        @Override
        public LedgerResult apply(LedgerCommand command) {
            LedgerResult result = engine.inTransaction(() -> {
                assertThat(grants.lock(id)).isTrue();
                GlobalGrant stored = grants.get(id);
                LedgerResult applied = stored.apply(command);
                if (!applied.replayed()) {
                    grants.update(applied.grant(), stored.revision());
                }
                return applied;
            });
            return result;
        }

        @Override
        public GlobalGrant current() {
            GlobalGrant grant = engine.inTransaction(() -> grants.get(id));
            // the journal's rows are the grant's journal, one row per command, keys unique
            List<JdbcGlobalGrants.Entry> entries = engine.inTransaction(() -> grants.entries(id));
            assertThat(entries).extracting(JdbcGlobalGrants.Entry::key)
                    .containsExactlyElementsOf(grant.journal().stream().map(c -> c.key().value()).toList());
            assertThat(entries).extracting(JdbcGlobalGrants.Entry::kind)
                    .containsExactlyElementsOf(grant.journal().stream().map(c -> c.getClass().getSimpleName()).toList());
            return grant;
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("property: any sequence of ledger commands through the store, retries under the same key included, matches the model to the cent")
    void storedLedgerAgreesWithTheModel(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            LedgerModel.SEEN.clear();
            qt().withExamples(kind == Databases.Kind.H2 ? 60 : 25).withShrinkCycles(0)
                    .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(LedgerModel.FIELDS * 10,
                            LedgerModel.FIELDS * 30))
                    .checkAssert(numbers -> LedgerModel.run(numbers, new Stored(engine)));
            System.out.println("stored ledger property on " + kind + ": outcomes " + new java.util.TreeMap<>(LedgerModel.SEEN));
            assertThat(LedgerModel.SEEN).as("outcomes seen").containsKeys("accepted Reserve", "accepted Commit", "accepted Pay",
                    "accepted Release", "accepted TopUp", "replayed", "conflict", "refused PLIE-FUNDS-004", "refused PLIE-FUNDS-009");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("an update from a stale revision, a re-based grant under the same revision, a duplicate grant are refused (PLIE-FUNDS-028) and change nothing")
    void refusesWhatWouldCorruptTheLedger(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            JdbcGlobalGrants grants = new JdbcGlobalGrants(PlanId.DEFAULT, engine.clock);
            GlobalGrant initial = Grants.of(GlobalGrantId.of("SG-1"), OrganisationId.of("OI"), Map.of(Y2026, Money.euros(1000)));
            engine.inTransaction(() -> {
                grants.add(initial);
                return null;
            });
            GlobalGrant reserved = initial.apply(reserve("k1", "OP-1", 600)).grant();
            engine.inTransaction(() -> {
                grants.update(reserved, 0);
                return null;
            });

            // stale: computed from revision 0 while the store is at 1
            GlobalGrant stale = initial.apply(reserve("k2", "OP-2", 900)).grant();
            assertConflict(engine, () -> grants.update(stale, 0));
            // re-based under the same revision: bigger envelope, the same journal plus a command
            GlobalGrant rebased = Grants.of(initial.id(), initial.intermediateBody(), Map.of(Y2026, Money.euros(5000)))
                    .apply(reserve("k1", "OP-1", 600)).grant().apply(reserve("k2", "OP-2", 900)).grant();
            assertConflict(engine, () -> grants.update(rebased, 1));
            // re-based: a rewritten journal of the same length plus one
            GlobalGrant rewritten = initial.apply(reserve("k9", "OP-9", 100)).grant().apply(reserve("k2", "OP-2", 300)).grant();
            assertConflict(engine, () -> grants.update(rewritten, 1));
            // re-based: the priority's region category (so its co-financing rate) changed, the same journal plus a command
            GlobalGrant recategorised = GlobalGrant.of(initial.id(), initial.intermediateBody(), initial.envelopes(),
                    Map.of(Y2026.priority(), fr.asso.europlie.plie.offer.RegionCategory.MORE_DEVELOPED))
                    .apply(reserve("k1", "OP-1", 600)).grant().apply(reserve("k2", "OP-2", 300)).grant();
            assertConflict(engine, () -> grants.update(recategorised, 1));
            // re-based: another OI
            GlobalGrant otherOi = Grants.of(initial.id(), OrganisationId.of("OI-AUTRE"), Map.of(Y2026, Money.euros(1000)))
                    .apply(reserve("k1", "OP-1", 600)).grant().apply(reserve("k2", "OP-2", 300)).grant();
            assertConflict(engine, () -> grants.update(otherOi, 1));
            // the same revision, nothing new
            assertConflict(engine, () -> grants.update(reserved, 1));
            // a grant already stored
            assertConflict(engine, () -> grants.add(initial));

            assertThat(engine.inTransaction(() -> grants.get(initial.id()))).isEqualTo(reserved);
            List<JdbcGlobalGrants.Entry> entries = engine.inTransaction(() -> grants.entries(initial.id()));
            assertThat(entries).singleElement()
                    .satisfies(e -> assertThat(e.key()).isEqualTo("k1"));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the idempotency key is unique in the database: a second row under a used key is refused by the database itself")
    void keyUniqueInTheDatabase(Databases.Kind kind) throws SQLException {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            JdbcGlobalGrants grants = new JdbcGlobalGrants(PlanId.DEFAULT, engine.clock);
            GlobalGrant initial = Grants.of(GlobalGrantId.of("SG-1"), OrganisationId.of("OI"), Map.of(Y2026, Money.euros(1000)));
            engine.inTransaction(() -> {
                grants.add(initial);
                grants.update(initial.apply(reserve("k1", "OP-1", 600)).grant(), 0);
                return null;
            });
            try (Connection connection = database.dataSource().getConnection(); PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO plie_ledger_entry (plan_id, grant_id, revision, idempotency_key, kind, operation_id, amount, actor, at, reason) "
                            + "VALUES ('default', 'SG-1', 2, 'k1', 'Reserve', 'OP-2', 1.00, 'x', CURRENT_TIMESTAMP, 'r')")) {
                SQLException unique = catchThrowableOfType(SQLException.class, insert::executeUpdate);
                assertThat(unique == null ? "accepted" : unique.getSQLState()).isEqualTo("23505");
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the journal is append-only in the database: an UPDATE or a DELETE of its rows by plain SQL is refused and changes nothing")
    void journalAppendOnlyInTheDatabase(Databases.Kind kind) throws SQLException {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            JdbcGlobalGrants grants = new JdbcGlobalGrants(PlanId.DEFAULT, engine.clock);
            GlobalGrant initial = Grants.of(GlobalGrantId.of("SG-1"), OrganisationId.of("OI"), Map.of(Y2026, Money.euros(1000)));
            GlobalGrant reserved = initial.apply(reserve("k1", "OP-1", 600)).grant();
            engine.inTransaction(() -> {
                grants.add(initial);
                grants.update(reserved, 0);
                return null;
            });
            for (String change : List.of("UPDATE plie_ledger_entry SET amount = 1000.00 WHERE grant_id = 'SG-1'",
                    "DELETE FROM plie_ledger_entry WHERE grant_id = 'SG-1'", "DELETE FROM plie_ledger_entry")) {
                try (Connection connection = database.dataSource().getConnection(); java.sql.Statement statement = connection.createStatement()) {
                    SQLException refused = catchThrowableOfType(SQLException.class, () -> statement.executeUpdate(change));
                    assertThat((Throwable) refused).as(change).isNotNull();
                    assertThat(refused.getSQLState()).as(change).isEqualTo("P0001");
                    assertThat(refused.getMessage()).as(change).contains("append-only");
                }
            }
            List<JdbcGlobalGrants.Entry> entries = engine.inTransaction(() -> grants.entries(initial.id()));
            assertThat(entries).singleElement().satisfies(e -> assertThat(e.amount()).isEqualTo(Money.euros(600)));
            assertThat(engine.inTransaction(() -> grants.get(initial.id()))).isEqualTo(reserved);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the journal lives in the rows, each with its whole command: the document is written once, without it, and the grant is rebuilt from the rows")
    void journalInTheRows(Databases.Kind kind) throws SQLException {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            JdbcGlobalGrants grants = new JdbcGlobalGrants(PlanId.DEFAULT, engine.clock);
            GlobalGrant initial = Grants.of(GlobalGrantId.of("SG-1"), OrganisationId.of("OI"), Map.of(Y2026, Money.euros(1000)));
            GlobalGrant one = initial.apply(reserve("k1", "OP-1", 600)).grant();
            GlobalGrant two = one.apply(reserve("k2", "OP-2", 300)).grant();
            engine.inTransaction(() -> {
                grants.add(initial);
                return null;
            });
            String added = document(database, "SG-1");
            engine.inTransaction(() -> {
                grants.update(one, 0);
                return null;
            });
            engine.inTransaction(() -> {
                assertThat(grants.lock(initial.id())).isTrue();
                grants.update(two, 1);
                return null;
            });
            assertThat(document(database, "SG-1")).as("the document, never rewritten").isEqualTo(added);
            assertThat(GlobalGrantJson.read(added).journal()).isEmpty();
            List<String> commands = new java.util.ArrayList<>();
            try (Connection connection = database.dataSource().getConnection(); PreparedStatement select = connection.prepareStatement(
                    "SELECT command FROM plie_ledger_entry WHERE grant_id = 'SG-1' ORDER BY revision");
                    java.sql.ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    commands.add(rows.getString(1));
                }
            }
            assertThat(commands.stream().map(GlobalGrantJson::readCommand).toList()).isEqualTo(two.journal());
            // another store, as another node reads it: the same grant, balances from the rows
            JdbcGlobalGrants other = new JdbcGlobalGrants(PlanId.DEFAULT, engine.clock);
            GlobalGrant read = engine.inTransaction(() -> other.get(initial.id()));
            assertThat(read).isEqualTo(two);
            assertThat(read.balance(Y2026).reserved()).isEqualTo(Money.euros(900));
            assertThat(read.movements()).isEqualTo(two.movements());

            // a third command written by another node (its own cache): this node extends what it kept by the new row only
            GlobalGrant three = two.apply(reserve("k3", "OP-3", 50)).grant();
            try (Connection connection = database.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plie_ledger_entry (plan_id, grant_id, revision, "
                        + "idempotency_key, kind, operation_id, amount, actor, at, reason, command) VALUES ('default', 'SG-1', 3, 'k3', "
                        + "'Reserve', 'OP-3', 50.00, 'instructeur', CURRENT_TIMESTAMP, 'réservation', ?)");
                        PreparedStatement update = connection.prepareStatement(
                                "UPDATE plie_global_grant SET revision = 3 WHERE id = 'SG-1' AND revision = 2")) {
                    insert.setString(1, GlobalGrantJson.writeCommand(three.journal().get(2)));
                    insert.executeUpdate();
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
                connection.commit();
            }
            GlobalGrant extended = engine.inTransaction(() -> grants.get(initial.id()));
            assertThat(extended).isEqualTo(three);
            assertThat(extended.balance(Y2026).available()).isEqualTo(Money.euros(50));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a grant stored before version 13 (journal inside its document, rows without command) reads as it was, and grows by rows")
    void oldFormatDocumentStillReads(Databases.Kind kind) throws SQLException {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            JdbcGlobalGrants grants = new JdbcGlobalGrants(PlanId.DEFAULT, engine.clock);
            GlobalGrantId id = GlobalGrantId.of("SG-OLD-" + GRANTS.incrementAndGet());
            GlobalGrant initial = Grants.of(id, OrganisationId.of("OI"), Map.of(Y2026, Money.euros(1000)));
            GlobalGrant old = initial.apply(reserve("k1", "OP-1", 600)).grant().apply(reserve("k2", "OP-2", 300)).grant();
            try (Connection connection = database.dataSource().getConnection()) {
                // as the store wrote it before version 13: the whole grant in the document, rows without command
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plie_global_grant (plan_id, id, revision, "
                        + "intermediate_body, document, updated_at) VALUES ('default', ?, 2, 'OI', ?, CURRENT_TIMESTAMP)")) {
                    insert.setString(1, id.value());
                    insert.setString(2, GlobalGrantJson.write(old));
                    insert.executeUpdate();
                }
                for (int i = 0; i < 2; i++) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plie_ledger_entry (plan_id, grant_id, revision, "
                            + "idempotency_key, kind, operation_id, amount, actor, at, reason) VALUES ('default', ?, ?, ?, 'Reserve', ?, ?, "
                            + "'instructeur', CURRENT_TIMESTAMP, 'réservation')")) {
                        LedgerCommand.Reserve command = (LedgerCommand.Reserve) old.journal().get(i);
                        insert.setString(1, id.value());
                        insert.setLong(2, i + 1L);
                        insert.setString(3, command.key().value());
                        insert.setString(4, command.operation().value());
                        insert.setBigDecimal(5, command.amount().amount());
                        insert.executeUpdate();
                    }
                }
            }
            assertThat(engine.inTransaction(() -> grants.get(id))).isEqualTo(old);
            GlobalGrant next = old.apply(reserve("k3", "OP-3", 100)).grant();
            engine.inTransaction(() -> {
                assertThat(grants.lock(id)).isTrue();
                GlobalGrant stored = grants.get(id);
                grants.update(stored.apply(reserve("k3", "OP-3", 100)).grant(), stored.revision());
                return null;
            });
            GlobalGrant read = engine.inTransaction(() -> new JdbcGlobalGrants(PlanId.DEFAULT, engine.clock).get(id));
            assertThat(read).isEqualTo(next);
            assertThat(read.balance(Y2026).available()).isEqualTo(Money.euros(0));
            assertThat(document(database, id.value())).isEqualTo(GlobalGrantJson.write(old));
            // the envelope is full: a command refused by the rebuilt grant
            assertThat(catchThrowableOfType(RuleViolationException.class, () -> read.apply(reserve("k4", "OP-4", 1))).violations())
                    .anyMatch(v -> v.code() == FundsError.ENVELOPE_EXCEEDED);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a grant stored before version 13 with every kind of command: the first ledger commands after the upgrade, through the ledger, "
            + "append their rows after the old ones with the same balances as a plain replay; a retry of an old key is applied once, "
            + "another command under it refused; the old document and rows left as they were")
    void oldFormatGrantThroughTheLedger(Databases.Kind kind) throws SQLException {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            GlobalGrantId id = GlobalGrantId.of("SG-OLD-" + GRANTS.incrementAndGet());
            Instant at = Instant.parse("2026-03-02T08:00:00Z");
            OperationId op1 = OperationId.of("OP-1");
            LedgerCommand.Pay advance = new LedgerCommand.Pay(IdempotencyKey.of("p1"), op1, fr.asso.europlie.plie.funds.PaymentKind.ADVANCE,
                    Money.euros(1_000), "gestionnaire", at, "avance");
            List<LedgerCommand> before13 = List.of(reserve("k1", "OP-1", 6_000),
                    new LedgerCommand.Commit(IdempotencyKey.of("c1"), op1, Money.euros(6_000), Money.euros(12_000), "gestionnaire", at,
                            "convention"),
                    advance,
                    new LedgerCommand.RecordServiceDone(IdempotencyKey.of("csf1"), new fr.asso.europlie.plie.funds.ServiceDoneCheck(op1,
                            "controleur", at, Money.euros(3_000), List.of(new fr.asso.europlie.plie.funds.ServiceDoneCheck.Rejection(
                                    Money.euros(500), "hors période")), 10, 9), "contrôle"),
                    reserve("k2", "OP-2", 2_000));
            GlobalGrant old = Grants.of(id, OrganisationId.of("OI"), Map.of(Y2026, Money.euros(10_000)));
            for (LedgerCommand command : before13) {
                old = old.apply(command).grant();
            }
            String oldDocument = GlobalGrantJson.write(old);
            try (Connection connection = database.dataSource().getConnection()) {
                // as the store wrote it before version 13: the whole grant in the document, one row per command without command
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plie_global_grant (plan_id, id, revision, "
                        + "intermediate_body, document, updated_at) VALUES ('default', ?, ?, 'OI', ?, CURRENT_TIMESTAMP)")) {
                    insert.setString(1, id.value());
                    insert.setLong(2, before13.size());
                    insert.setString(3, oldDocument);
                    insert.executeUpdate();
                }
                String[] kinds = {"Reserve", "Commit", "Pay", "RecordServiceDone", "Reserve"};
                String[] operations = {"OP-1", "OP-1", "OP-1", "OP-1", "OP-2"};
                long[] amounts = {6_000, 6_000, 1_000, 2_500, 2_000};
                for (int i = 0; i < before13.size(); i++) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plie_ledger_entry (plan_id, grant_id, revision, "
                            + "idempotency_key, kind, operation_id, amount, actor, at, reason) VALUES ('default', ?, ?, ?, ?, ?, ?, "
                            + "'avant', CURRENT_TIMESTAMP, 'avant la version 13')")) {
                        insert.setString(1, id.value());
                        insert.setLong(2, i + 1L);
                        insert.setString(3, before13.get(i).key().value());
                        insert.setString(4, kinds[i]);
                        insert.setString(5, operations[i]);
                        insert.setBigDecimal(6, Money.euros(amounts[i]).amount());
                        insert.executeUpdate();
                    }
                }
            }

            // the first commands after the upgrade, through the ledger as process C sends them
            LedgerCommand.Pay interim = new LedgerCommand.Pay(IdempotencyKey.of("p2"), op1, fr.asso.europlie.plie.funds.PaymentKind.INTERIM,
                    Money.euros(1_500), "gestionnaire", at, "acompte");
            LedgerCommand.Decommit decommit = new LedgerCommand.Decommit(IdempotencyKey.of("d1"), op1, Money.euros(500), "gestionnaire", at,
                    "sous-réalisation");
            assertThat(engine.ledger.apply(id, interim).replayed()).isFalse();
            assertThat(engine.ledger.apply(id, decommit).replayed()).isFalse();
            // a retry of a command of before the upgrade is recognised by its key; another command under that key is refused
            assertThat(engine.ledger.apply(id, advance).replayed()).isTrue();
            LedgerCommand.Pay otherUnderOldKey = new LedgerCommand.Pay(IdempotencyKey.of("p1"), op1,
                    fr.asso.europlie.plie.funds.PaymentKind.ADVANCE, Money.euros(999), "gestionnaire", at, "avance");
            assertThat(catchThrowableOfType(RuleViolationException.class, () -> engine.ledger.apply(id, otherUnderOldKey)).violations())
                    .anyMatch(v -> v.code() == FundsError.IDEMPOTENCY_CONFLICT);

            // the same grant as a plain replay of every command, read again by a store of its own
            GlobalGrant expected = old.apply(interim).grant().apply(decommit).grant();
            GlobalGrant read = engine.inTransaction(() -> new JdbcGlobalGrants(PlanId.DEFAULT, engine.clock).get(id));
            assertThat(read).isEqualTo(expected);
            assertThat(read.revision()).isEqualTo(7);
            assertThat(read.balance(Y2026).reserved()).isEqualTo(Money.euros(2_000));
            assertThat(read.balance(Y2026).committed()).isEqualTo(Money.euros(5_500));
            assertThat(read.balance(Y2026).paid()).isEqualTo(Money.euros(2_500));
            assertThat(read.balance(Y2026).available()).isEqualTo(Money.euros(2_500));
            assertThat(read.account(op1).orElseThrow().accepted()).isEqualTo(Money.euros(2_500));
            assertThat(read.account(op1).orElseThrow().leftToPay()).isEqualTo(Money.euros(3_000));

            // the journal's rows: the five of before, untouched, then the two new ones with their whole command
            assertThat(engine.inTransaction(() -> new JdbcGlobalGrants(PlanId.DEFAULT, engine.clock).entries(id)))
                    .extracting(e -> e.revision() + " " + e.kind() + " " + e.operation() + " " + e.key() + " " + e.amount())
                    .containsExactly("1 Reserve OP-1 k1 6000.00", "2 Commit OP-1 c1 6000.00", "3 Pay OP-1 p1 1000.00",
                            "4 RecordServiceDone OP-1 csf1 2500.00", "5 Reserve OP-2 k2 2000.00", "6 Pay OP-1 p2 1500.00",
                            "7 Decommit OP-1 d1 500.00");
            try (Connection connection = database.dataSource().getConnection(); PreparedStatement select = connection.prepareStatement(
                    "SELECT revision, command FROM plie_ledger_entry WHERE grant_id = ? ORDER BY revision")) {
                select.setString(1, id.value());
                List<String> commands = new java.util.ArrayList<>();
                try (java.sql.ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String command = rows.getString(2);
                        commands.add(rows.getLong(1) + ":" + (command == null ? "-" : GlobalGrantJson.readCommand(command).key().value()));
                    }
                }
                assertThat(commands).containsExactly("1:-", "2:-", "3:-", "4:-", "5:-", "6:p2", "7:d1");
            }
            assertThat(document(database, id.value())).isEqualTo(oldDocument);
        }
    }

    private static String document(Databases.Target database, String id) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT document FROM plie_global_grant WHERE id = ?")) {
            select.setString(1, id);
            try (java.sql.ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a grant of one plan is not seen from another, which may hold its own grant under the same id")
    void grantsArePerPlan(Databases.Kind kind) {
        try (Databases.Target database = Databases.fresh(kind); LedgerEngine engine = new LedgerEngine(database)) {
            engine.engine.registerPlan(PlanId.of("plie-b"), "PLIE B");
            JdbcGlobalGrants a = new JdbcGlobalGrants(PlanId.DEFAULT, engine.clock);
            JdbcGlobalGrants b = new JdbcGlobalGrants(PlanId.of("plie-b"), engine.clock);
            GlobalGrant inA = Grants.of(GlobalGrantId.of("SG-1"), OrganisationId.of("OI-A"), Map.of(Y2026, Money.euros(1000)));
            GlobalGrant inB = Grants.of(GlobalGrantId.of("SG-1"), OrganisationId.of("OI-B"), Map.of(Y2026, Money.euros(7)));
            engine.inTransaction(() -> {
                a.add(inA);
                assertThat(b.find(inA.id())).isEmpty();
                assertThat(b.lock(inA.id())).isFalse();
                b.add(inB);
                b.update(inB.apply(reserve("k1", "OP-1", 7)).grant(), 0);
                return null;
            });
            assertThat(engine.inTransaction(() -> a.get(inA.id()))).isEqualTo(inA);
            assertThat(engine.inTransaction(() -> b.get(inA.id())).revision()).isEqualTo(1);
            List<JdbcGlobalGrants.Entry> entriesOfA = engine.inTransaction(() -> a.entries(inA.id()));
            assertThat(entriesOfA).isEmpty();
        }
    }

    private static LedgerCommand.Reserve reserve(String key, String operation, long euros) {
        return new LedgerCommand.Reserve(IdempotencyKey.of(key), OperationId.of(operation), Y2026, Money.euros(euros), "instructeur",
                Instant.parse("2026-03-02T08:00:00Z"), "réservation");
    }

    private static void assertConflict(LedgerEngine engine, Runnable write) {
        ConflictException conflict = catchThrowableOfType(ConflictException.class, () -> engine.once().run(null, "x", () -> {
            write.run();
            return null;
        }));
        assertThat(conflict).as("refused as a conflict").isNotNull();
        assertThat(conflict.getSuppressed()).singleElement().isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.violation().code()).isEqualTo(FundsError.CONCURRENT_CHANGE));
    }
}
