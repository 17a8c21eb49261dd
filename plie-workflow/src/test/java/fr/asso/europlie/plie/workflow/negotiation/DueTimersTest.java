package fr.asso.europlie.plie.workflow.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.workflow.Databases;
import fr.asso.europlie.plie.workflow.ManualClock;
import fr.asso.europlie.plie.workflow.PlieEngine;
import fr.asso.europlie.plie.workflow.Reminder;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngines;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link PlieEngine#runDueJobs()} after a node was down past two deadlines: the consultation's
 * reminder (due at 30 days) and its cut-off (due at 45 days, which ends the consultation and the
 * reminder with it) are both due. The reminder, due first, must run first, whatever order the
 * timers were created in: an integrator's copy of the BPMN may declare the cut-off first, and the
 * database returns unordered rows in any order it likes. A due timer is moved to a job and run in
 * one transaction; when its job fails, the failure must still be recorded as Flowable records any
 * job's (a retry less, then the dead letters), not lost with the rolled-back move.
 */
@DisplayName("due timers run by runDueJobs: earliest first, and a timer's failing job recorded as any job's failure, on H2 and PostgreSQL")
class DueTimersTest {

    private static final AtomicInteger PROTOCOLS = new AtomicInteger();
    /** The runs Flowable gives a failing job before the dead letters (its default retries). */
    private static final int FLOWABLE_RETRIES = 3;

    private final ManualClock clock = ManualClock.at(Instant.parse("2021-09-01T08:00:00Z"));

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("the library's BPMN: the reminder, then the missing opinions recorded")
    void libraryProcess(Databases.Kind kind) {
        assertReminderBeforeCutOff(kind, null);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a copy declaring the cut-off's timer before the reminder's: the reminder still runs first")
    void cutOffDeclaredFirst(Databases.Kind kind) {
        assertReminderBeforeCutOff(kind, cutOffFirst());
    }

    private void assertReminderBeforeCutOff(Databases.Kind kind, byte[] customised) {
        ProtocolId id = ProtocolId.of("PLIE-TIMER-ORDER-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).build()) {
            if (customised != null) {
                assertThat(engine.deployCustomisedProcess("negotiation-cut-off-first.bpmn20.xml",
                        new ByteArrayInputStream(customised))).isEqualTo(2);
            }
            List<Reminder> reminders = Negotiator.reminders(engine);
            Negotiator negotiator = new Negotiator(engine, clock, id).startedWithDiagnostic();
            negotiator.advance(Duration.ofDays(46)); // both timers due, run by one call

            List<String> steps = negotiator.negotiation().history(Negotiator.COORDINATOR, id).stream()
                    .map(e -> e.step() + ":" + e.outcome()).toList();
            assertThat(steps).as("the audit trail").containsSubsequence("REMINDER:TECHNICAL_OPINION",
                    "TECHNICAL_OPINION:NO_OPINION");
            assertThat(steps.stream().filter(s -> s.startsWith("REMINDER:"))).as("reminders").hasSize(1);
            assertThat(reminders).as("reminders sent").singleElement()
                    .satisfies(r -> assertThat(r.step()).isEqualTo("TECHNICAL_OPINION"));
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Databases.Kind.class)
    @DisplayName("a copy whose reminder step fails: each run throws, the timer comes back with a retry less, then goes to the dead letters; no reminder, the consultation still open")
    void failingTimerJob(Databases.Kind kind) {
        ProtocolId id = ProtocolId.of("PLIE-TIMER-FAIL-" + ProcessHandle.current().pid() + "-" + PROTOCOLS.incrementAndGet());
        String name = "timer-fail-" + ProcessHandle.current().pid() + "-" + kind + "-" + PROTOCOLS.incrementAndGet();
        try (Databases.Target database = Databases.fresh(kind);
                PlieEngine engine = database.engine(clock, WorkflowSettings.defaults()).name(name).build()) {
            // The reminder's task kept, with a start listener that fails before it runs.
            String reminderTask = "flowable:class=\"fr.asso.europlie.plie.workflow.negotiation.SendConsultationReminder\">";
            String failing = library().replace(reminderTask, reminderTask + "<extensionElements><flowable:executionListener"
                    + " event=\"start\" expression=\"${noSuchBean.remind()}\"/></extensionElements>");
            assertThat(failing).contains("noSuchBean");
            assertThat(engine.deployCustomisedProcess("negotiation-failing-reminder.bpmn20.xml",
                    new ByteArrayInputStream(failing.getBytes(StandardCharsets.UTF_8)))).isEqualTo(2);
            Negotiator negotiator = new Negotiator(engine, clock, id).startedWithDiagnostic();
            ManagementService management = ProcessEngines.getProcessEngine(name).getManagementService();
            clock.advance(Duration.ofDays(31)); // the reminder due, not the cut-off
            String timer = management.createTimerJobQuery().executable().singleResult().getId();

            int failures = 0;
            while (management.createDeadLetterJobQuery().count() == 0 && failures < 10) {
                assertThatThrownBy(engine::runDueJobs).as("run %d", failures + 1).hasMessageContaining("noSuchBean");
                failures++;
                Job retried = management.createTimerJobQuery().jobId(timer).singleResult();
                if (retried != null) {
                    assertThat(retried.getRetries()).as("retries left after %d failures", failures)
                            .isEqualTo(FLOWABLE_RETRIES - failures);
                    assertThat(retried.getExceptionMessage()).contains("noSuchBean");
                }
                clock.advance(Duration.ofMinutes(1)); // past Flowable's wait before a retry
            }
            assertThat(failures).as("runs before the dead letters").isEqualTo(FLOWABLE_RETRIES);
            Job dead = management.createDeadLetterJobQuery().singleResult();
            assertThat(dead.getId()).isEqualTo(timer);
            assertThat(dead.getExceptionMessage()).contains("noSuchBean");
            assertThat(engine.runDueJobs()).as("nothing left to run").isZero();
            assertThat(management.createJobQuery().count()).as("jobs left").isZero();
            assertThat(negotiator.negotiation().history(Negotiator.COORDINATOR, id))
                    .noneMatch(e -> e.step().equals("REMINDER"));
            assertThat(negotiator.negotiation().status(Negotiator.COORDINATOR, id).waitsFor("technicalOpinion"))
                    .as("the consultation still open").isTrue();
        }
    }

    /** The library's BPMN with the consultation's cut-off boundary event moved before its reminder. */
    private static byte[] cutOffFirst() {
        String xml = library();
        Matcher reminder = Pattern.compile("\\s*<boundaryEvent id=\"consultationReminder\".*?</boundaryEvent>", Pattern.DOTALL)
                .matcher(xml);
        assertThat(reminder.find()).as("the reminder's boundary event").isTrue();
        String reminderEvent = reminder.group();
        xml = xml.substring(0, reminder.start()) + xml.substring(reminder.end());
        Matcher cutOff = Pattern.compile("\\s*<boundaryEvent id=\"consultationCutOff\".*?</boundaryEvent>", Pattern.DOTALL)
                .matcher(xml);
        assertThat(cutOff.find()).as("the cut-off's boundary event").isTrue();
        xml = xml.substring(0, cutOff.end()) + reminderEvent + xml.substring(cutOff.end());
        assertThat(xml.indexOf("id=\"consultationCutOff\"")).isLessThan(xml.indexOf("id=\"consultationReminder\""));
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The library's own BPMN. */
    private static String library() {
        try (InputStream in = DueTimersTest.class.getClassLoader().getResourceAsStream(NegotiationProcess.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
