package fr.asso.europlie.plie.workflow.negotiation;

import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of the crash test: negotiates a protocol up to the signatures on the database it
 * is given, says READY, and waits to be killed without any chance to close the engine.
 */
public final class CrashingNegotiation {

    private CrashingNegotiation() {
    }

    /**
     * Runs the child.
     *
     * @param args the JDBC URL, the schema (or "-"), the protocol id
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setJdbcUrl(args[0]);
        if (args[0].startsWith("jdbc:h2:")) {
            pool.setUsername("sa");
        }
        PlieEngine.Builder builder = PlieEngine.builder().dataSource(pool).asyncExecutor(false)
                .clock(ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"))).settings(WorkflowSettings.defaults());
        if (!"-".equals(args[1])) {
            pool.setSchema(args[1]);
            builder.databaseSchema(args[1]);
        }
        ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));
        PlieEngine engine = builder.clock(clock).build();
        Negotiator negotiator = new Negotiator(engine, clock, ProtocolId.of(args[2]));
        negotiator.startedWithDiagnostic().allFavourable().consolidated().allContributionsConfirmed().adopted().allApproved();
        System.out.println("READY");
        System.out.flush();
        TimeUnit.MINUTES.sleep(5);
        System.exit(3);
    }
}
