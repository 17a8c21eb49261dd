package fr.asso.europlie.plie.workflow.internal;

import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.json.offer.OfferDirectoryJson;
import fr.asso.europlie.plie.json.offer.ProgrammingJson;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.OfferSettings;
import fr.asso.europlie.plie.offer.ProgrammingRecord;
import fr.asso.europlie.plie.offer.Programmings;
import fr.asso.europlie.plie.offer.RegionCategory;
import fr.asso.europlie.plie.offer.SimplifiedCostOption;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.StoreException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The annual programmings kept in the engine's database (programmations en base), in table
 * {@code plie_programming}: one row per call for proposals of a plan with the programming's JSON
 * document ({@link ProgrammingJson}), the operators ({@link OfferDirectoryJson}) and the offer
 * settings it was opened with, its state and its revision. Like {@link JdbcProtocols}: every read
 * and write runs on the engine's current transaction, writes are optimistic, and {@link #lock}
 * serialises the commands on one programming.
 *
 * <p>One engine command reads and parses a programming at most once (cache par commande), as
 * {@link JdbcGlobalGrants} does: the lock reads the row with it; while the command holds the lock no
 * other transaction can change the row, so a later read, lock or the revision check before an
 * update sends nothing (the update still names the revision, the safety net). The cache ends with
 * the command. Across commands, the last texts read or written of each recently used programming
 * are kept with what was parsed from them: stored texts equal to them, character for character,
 * are not parsed again (a document of format 1.x upgraded with its protocol's committee is never
 * kept).
 */
public final class JdbcProgrammings implements Programmings {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How many programmings' last texts are kept parsed. */
    private static final int PARSED_KEPT = 64;

    /** The last texts read or written of the most recently used programmings, by plan and id, with what was parsed from them. */
    private static final Map<String, Parsed> PARSED = RecentlyUsed.map(PARSED_KEPT);

    private final PlanId plan;
    private final Clock clock;

    /**
     * Creates the store.
     *
     * @param plan the plan whose programmings these are, not null
     * @param clock the clock that stamps rows, not null
     */
    public JdbcProgrammings(PlanId plan, Clock clock) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<ProgrammingRecord> find(CallId id) {
        Objects.requireNonNull(id, "id");
        Known known = known(id);
        if (known != null && known.locked()) {
            // Locked by this command, which read the row with the lock or wrote it since.
            return Optional.ofNullable(known.record());
        }
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision, document, operators, settings FROM plie_programming WHERE plan_id = ? AND id = ?")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long revision = rows.getLong(1);
                if (known != null && known.record() != null && known.revision() == revision) {
                    return Optional.of(known.record());
                }
                ProgrammingRecord record = parse(id, revision, rows.getString(2), rows.getString(3), rows.getString(4));
                remember(id, revision, record, false);
                return Optional.of(record);
            }
        } catch (SQLException e) {
            throw new StoreException("read programming " + id, e);
        }
    }

    /** The record of stored texts: what was parsed from the same texts when they are kept, else parsed (and kept). */
    private ProgrammingRecord parse(CallId id, long revision, String document, String operators, String settingsText) {
        Parsed last = PARSED.get(key(id));
        if (last != null && last.document().equals(document) && last.operators().equals(operators) && last.settings().equals(settingsText)) {
            return new ProgrammingRecord(last.record().programming(), last.record().operators(), last.record().settings(), revision);
        }
        OfferSettings settings = readSettings(settingsText);
        // A document of format 1.x is upgraded on reading with the settings stored beside it and,
        // for its first layout, the steering committee of the plan's protocol (never written back
        // until the programming next changes).
        boolean[] upgraded = {false};
        ProgrammingJson.Legacy legacy = new ProgrammingJson.Legacy(protocol -> {
            upgraded[0] = true;
            return new JdbcProtocols(plan, clock, events -> {
            }).find(protocol).map(p -> p.content().governance().steeringCommittee());
        }, settings);
        ProgrammingRecord record = new ProgrammingRecord(ProgrammingJson.read(document, legacy), OfferDirectoryJson.readOperators(operators),
                settings, revision);
        if (!upgraded[0]) {
            PARSED.put(key(id), new Parsed(document, operators, settingsText, record));
        }
        return record;
    }

    /**
     * Locks a programming's row until the current transaction ends, so that the commands on one
     * programming run one after the other (the revision check stays as a safety net).
     *
     * @param id the programming, not null
     * @return true when it exists (and is now locked)
     */
    public boolean lock(CallId id) {
        Known known = known(id);
        if (known != null && known.locked()) {
            return true; // this command holds the lock already, until its transaction ends
        }
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision, document, operators, settings FROM plie_programming WHERE plan_id = ? AND id = ? FOR UPDATE")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                long revision = rows.getLong(1);
                if (cache() != null) {
                    remember(id, revision, known != null && known.record() != null && known.revision() == revision ? known.record()
                            : parse(id, revision, rows.getString(2), rows.getString(3), rows.getString(4)), true);
                }
                return true;
            }
        } catch (SQLException e) {
            throw new StoreException("lock programming " + id, e);
        }
    }

    @Override
    public void add(ProgrammingRecord programming) {
        Optional<Long> earlier = revision(programming.id());
        if (earlier.isPresent()) {
            throw Programmings.conflict(programming.id(), 0, earlier.get());
        }
        try (PreparedStatement insert = EngineTransaction.connection().prepareStatement(
                "INSERT INTO plie_programming (plan_id, id, revision, state, document, operators, settings, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, plan.value());
            insert.setString(2, programming.id().value());
            insert.setLong(3, programming.revision());
            insert.setString(4, programming.programming().state().name());
            insert.setString(5, ProgrammingJson.writeCompact(programming.programming()));
            insert.setString(6, OfferDirectoryJson.writeOperatorsCompact(programming.operators()));
            insert.setString(7, writeSettings(programming.settings()));
            insert.setObject(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            EngineTransaction.changed();
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw Programmings.conflict(programming.id(), 0, programming.revision());
            }
            throw new StoreException("insert programming " + programming.id(), e);
        }
        remember(programming.id(), programming.revision(), programming, false);
    }

    @Override
    public void update(ProgrammingRecord programming, long readRevision) {
        Known known = known(programming.id());
        boolean locked = known != null && known.locked();
        // the row locked by this command is what it read with the lock or wrote since
        long stored = locked ? known.revision()
                : revision(programming.id()).orElseThrow(() -> Programmings.conflict(programming.id(), readRevision, -1));
        if (stored != readRevision) {
            throw Programmings.conflict(programming.id(), readRevision, stored);
        }
        String document = ProgrammingJson.writeCompact(programming.programming());
        String operators = OfferDirectoryJson.writeOperatorsCompact(programming.operators());
        String settings = writeSettings(programming.settings());
        int updated;
        try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                "UPDATE plie_programming SET revision = ?, state = ?, document = ?, operators = ?, settings = ?, updated_at = ? "
                        + "WHERE plan_id = ? AND id = ? AND revision = ?")) {
            update.setLong(1, programming.revision());
            update.setString(2, programming.programming().state().name());
            update.setString(3, document);
            update.setString(4, operators);
            update.setString(5, settings);
            update.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            update.setString(7, plan.value());
            update.setString(8, programming.id().value());
            update.setLong(9, readRevision);
            EngineTransaction.changed();
            updated = update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update programming " + programming.id(), e);
        }
        if (updated == 0) {
            throw Programmings.conflict(programming.id(), readRevision, revision(programming.id()).orElse(-1L));
        }
        remember(programming.id(), programming.revision(), programming, locked);
        PARSED.put(key(programming.id()), new Parsed(document, operators, settings, programming));
    }

    /** What the current command knows of a programming: its revision, the record, and whether it holds the row's lock. */
    private record Known(long revision, ProgrammingRecord record, boolean locked) {
    }

    /** Stored texts and the record parsed from them (or written to them). */
    private record Parsed(String document, String operators, String settings, ProgrammingRecord record) {
    }

    private String key(CallId id) {
        return plan.value() + '\u0000' + id.value();
    }

    /** The current command's cache of this plan's programmings, or null outside a command. */
    private Map<String, Known> cache() {
        return EngineTransaction.commandMap("plie.programmings." + plan.value());
    }

    private Known known(CallId id) {
        Map<String, Known> cache = cache();
        return cache == null ? null : cache.get(id.value());
    }

    private void remember(CallId id, long revision, ProgrammingRecord record, boolean locked) {
        Map<String, Known> cache = cache();
        if (cache != null) {
            cache.put(id.value(), new Known(revision, record, locked));
        }
    }

    /**
     * Records the OI's global grant a programming draws its FSE+ from (named when its call opens).
     *
     * @param id the programming, stored, not null
     * @param grant the grant, not null
     */
    public void recordGlobalGrant(CallId id, GlobalGrantId grant) {
        Objects.requireNonNull(grant, "grant");
        try (PreparedStatement update = EngineTransaction.connection().prepareStatement(
                "UPDATE plie_programming SET global_grant = ? WHERE plan_id = ? AND id = ?")) {
            update.setString(1, grant.value());
            update.setString(2, plan.value());
            update.setString(3, id.value());
            EngineTransaction.changed();
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("record the global grant of programming " + id, e);
        }
    }

    /**
     * The OI's global grant a programming draws its FSE+ from.
     *
     * @param id the programming, not null
     * @return the grant; empty when opened without one (or before the grant was kept, schema version 12)
     */
    public Optional<GlobalGrantId> globalGrant(CallId id) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT global_grant FROM plie_programming WHERE plan_id = ? AND id = ?")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getString(1) != null ? Optional.of(GlobalGrantId.of(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read the global grant of programming " + id, e);
        }
    }

    private Optional<Long> revision(CallId id) {
        try (PreparedStatement select = EngineTransaction.connection().prepareStatement(
                "SELECT revision FROM plie_programming WHERE plan_id = ? AND id = ?")) {
            select.setString(1, plan.value());
            select.setString(2, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read programming " + id, e);
        }
    }

    /** The offer settings as a small JSON object (rates as plain decimal strings, dates ISO). */
    static String writeSettings(OfferSettings settings) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode flat = root.putObject("flatRatesPercent");
        settings.flatRatesPercent().forEach((kind, rate) -> flat.put(kind.name(), rate.toPlainString()));
        root.put("annualHours", settings.annualHours());
        ObjectNode rates = root.putObject("operationCoFinancingRatesPercent");
        settings.operationCoFinancingRatesPercent().forEach((category, rate) -> rates.put(category.name(), rate.toPlainString()));
        root.put("eligibleFrom", settings.eligibleFrom().toString());
        root.put("eligibleUntil", settings.eligibleUntil().toString());
        return JSON.writeValueAsString(root);
    }

    static OfferSettings readSettings(String json) {
        JsonNode root = JSON.readTree(json);
        Map<SimplifiedCostOption.Kind, BigDecimal> flat = new EnumMap<>(SimplifiedCostOption.Kind.class);
        for (SimplifiedCostOption.Kind kind : SimplifiedCostOption.Kind.values()) {
            JsonNode rate = root.get("flatRatesPercent").get(kind.name());
            if (rate != null) {
                flat.put(kind, new BigDecimal(rate.asString()));
            }
        }
        Map<RegionCategory, BigDecimal> rates = new EnumMap<>(RegionCategory.class);
        for (RegionCategory category : RegionCategory.values()) {
            JsonNode rate = root.get("operationCoFinancingRatesPercent").get(category.name());
            if (rate != null) {
                rates.put(category, new BigDecimal(rate.asString()));
            }
        }
        return new OfferSettings(flat, root.get("annualHours").asInt(), rates,
                java.time.LocalDate.parse(root.get("eligibleFrom").asString()),
                java.time.LocalDate.parse(root.get("eligibleUntil").asString()));
    }
}
