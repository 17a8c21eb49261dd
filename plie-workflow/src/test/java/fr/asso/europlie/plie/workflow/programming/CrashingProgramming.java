package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.Appraisal;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlanId;
import fr.asso.europlie.plie.workflow.commitment.StallingTrigger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of the programming's crash tests ({@link ProgrammingCrashTest}). On the database
 * it is given (an H2 file, or a PostgreSQL schema of the test database) it opens the 2026 call,
 * takes two applications (OP-1, OP-2) and closes the call, then:
 * <ul>
 *   <li>{@code mid-appraisal}: appraises OP-1 only, says READY and waits to be killed without any
 *       chance to close the engine;</li>
 *   <li>{@code in-decision}: reviews both, has the steering committee approve OP-1, prints the
 *       stored revision ({@code REVISION n}), puts a trigger on {@code plie_programming} that
 *       stalls inside the next decision's transaction, after the programming's row is written
 *       and before the commit (H2: {@link StallingTrigger}, which says IN_TRANSACTION;
 *       PostgreSQL: a {@code pg_sleep} the test sees in {@code pg_stat_activity}), says DECIDING
 *       and approves OP-2, where the test kills it.</li>
 * </ul>
 */
public final class CrashingProgramming {

    /** The trigger (and PostgreSQL function) that stalls the decision's transaction. */
    static final String TRIGGER = "plie_crash_stall_programming";
    /** The child's (and the resumed engine's) clock at start. */
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private CrashingProgramming() {
    }

    /**
     * Runs the child.
     *
     * @param args the H2 file (without extension) or the PostgreSQL schema, {@code H2} or
     *     {@code POSTGRESQL}, and {@code mid-appraisal} or {@code in-decision}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Databases.Kind kind = Databases.Kind.valueOf(args[1]);
        Databases.Target database = kind == Databases.Kind.H2 ? Databases.h2File(Path.of(args[0])) : Databases.postgresSchema(args[0]);
        // never closed: the JVM is killed with it open
        Round round = new Round(database, PlanId.DEFAULT, true, ManualClock.at(START));
        round.opened().submitted("OP-1", "OP-2").closedAndAssigned();
        if ("in-decision".equals(args[2])) {
            round.reviewed();
            round.approve("OP-1", 50_000);
            System.out.println("REVISION " + round.stored().revision());
            try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                if (kind == Databases.Kind.H2) {
                    statement.execute("CREATE TRIGGER " + TRIGGER + " AFTER UPDATE ON PLIE_PROGRAMMING FOR EACH ROW CALL \""
                            + StallingTrigger.class.getName() + "\"");
                } else {
                    statement.execute("CREATE FUNCTION " + TRIGGER + "() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(300); RETURN NEW; END $$ "
                            + "LANGUAGE plpgsql");
                    statement.execute("CREATE TRIGGER " + TRIGGER + " AFTER UPDATE ON plie_programming FOR EACH ROW EXECUTE FUNCTION "
                            + TRIGGER + "()");
                }
            }
            System.setProperty("plie.crash", "true");
            System.out.println("DECIDING");
            System.out.flush();
            round.approve("OP-2", 50_000);
            System.out.println("DECIDED");
            System.exit(4);
        }
        round.approval().appraise(Round.INSTRUCTOR_1, Round.CALL, OperationId.of("OP-1"), Appraisal.Opinion.FAVOURABLE,
                Money.euros(50_000), "solide");
        System.out.println("READY");
        System.out.flush();
        TimeUnit.MINUTES.sleep(5);
        System.exit(3);
    }
}
