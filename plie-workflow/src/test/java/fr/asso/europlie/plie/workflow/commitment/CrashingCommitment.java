package fr.asso.europlie.plie.workflow.commitment;

import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.Actor;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Role;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of the commitment's crash tests: opens a grant and takes an operation to the
 * agreement signature on the database it is given (its amount reserved), says READY, and waits
 * to be killed without any chance to close the engine; or, given {@code in-ledger}, goes on to
 * sign the agreement with a trigger on the ledger's journal that stalls inside the commitment's
 * transaction, after the ledger write and before the commit (H2: {@link StallingTrigger}, which
 * says IN_TRANSACTION; PostgreSQL: a {@code pg_sleep} the test sees in {@code pg_stat_activity}),
 * where the test kills it.
 */
public final class CrashingCommitment {

    static final OrganisationId OI = OrganisationId.of("OI-DORDOGNE");
    static final OrganisationId OPERATOR = OrganisationId.of("ASSO-TREMPLIN");
    static final EnvelopeKey ENVELOPE = EnvelopeKey.of("4", "h", 2026);
    static final GlobalGrantId GRANT = GlobalGrantId.of("SG-2026");
    static final Actor INSTRUCTOR = Actor.of("instructeur.a", OI, Role.OI_INSTRUCTOR);
    static final Actor MANAGER = Actor.of("gestionnaire.b", OI, Role.OI_MANAGER);
    /** The trigger (and PostgreSQL function) that stalls the commitment's transaction. */
    static final String TRIGGER = "plie_crash_stall";

    private CrashingCommitment() {
    }

    /**
     * Runs the child.
     *
     * @param args the JDBC URL, the schema (or "-"), the operation id, and optionally {@code in-ledger}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setJdbcUrl(args[0]);
        if (args[0].startsWith("jdbc:h2:")) {
            pool.setUsername("sa");
        }
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T08:00:00Z"));
        PlieEngine.Builder builder = PlieEngine.builder().dataSource(pool).asyncExecutor(false).clock(clock)
                .settings(WorkflowSettings.defaults());
        if (!"-".equals(args[1])) {
            pool.setSchema(args[1]);
            builder.databaseSchema(args[1]);
        }
        PlieEngine engine = builder.build();
        FseCommitment fse = engine.fseCommitment();
        OperationId operation = OperationId.of(args[2]);
        fse.openGlobalGrant(MANAGER, Grants.of(GRANT, OI, Map.of(ENVELOPE, Money.euros(10_000))));
        fse.start(INSTRUCTOR, operation, OPERATOR, Money.euros(6_000));
        fse.appraise(INSTRUCTOR, operation, new Appraisal(GRANT, ENVELOPE, OPERATOR, Money.euros(12_000), Money.euros(6_000), "aucune",
                WhenUncovered.WAIT));
        fse.recordCommitteeOpinion(INSTRUCTOR, operation, CommitteeOpinion.FAVOURABLE, "ok");
        fse.decide(MANAGER, operation);
        if (args.length > 3 && "in-ledger".equals(args[3])) {
            try (java.sql.Connection connection = pool.getConnection(); java.sql.Statement statement = connection.createStatement()) {
                if (args[0].startsWith("jdbc:h2:")) {
                    statement.execute("CREATE TRIGGER " + TRIGGER + " AFTER INSERT ON PLIE_LEDGER_ENTRY FOR EACH ROW CALL \""
                            + StallingTrigger.class.getName() + "\"");
                } else {
                    statement.execute("SET search_path TO " + args[1]);
                    statement.execute("CREATE FUNCTION " + TRIGGER + "() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(300); RETURN NEW; END $$ "
                            + "LANGUAGE plpgsql");
                    statement.execute("CREATE TRIGGER " + TRIGGER + " AFTER INSERT ON plie_ledger_entry FOR EACH ROW EXECUTE FUNCTION "
                            + TRIGGER + "()");
                }
            }
            System.setProperty("plie.crash", "true");
            System.out.println("SIGNING");
            System.out.flush();
            fse.signAgreement(Actor.of("presidente", OPERATOR, Role.OPERATOR), operation,
                    fr.asso.europlie.plie.offer.OperationPeriod.of(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31)));
            System.out.println("SIGNED");
            System.exit(4);
        }
        System.out.println("READY");
        System.out.flush();
        TimeUnit.MINUTES.sleep(5);
        System.exit(3);
    }
}
