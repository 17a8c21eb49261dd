package fr.asso.europlie.plie.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.ViolationAssertions;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the workflow settings: the network's defaults, and impossible values refused")
class WorkflowSettingsTest {

    @Test
    @DisplayName("the defaults are 30 + 15 days for opinions, 3 rounds, 60 and 90 days for deliberations")
    void defaults() {
        WorkflowSettings settings = WorkflowSettings.defaults();
        assertThat(settings.consultationDeadline()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.consultationGrace()).isEqualTo(Duration.ofDays(15));
        assertThat(settings.maxConsultationRounds()).isEqualTo(3);
        assertThat(settings.deliberationReminder()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.deliberationDeadline()).isEqualTo(Duration.ofDays(90));
        // reminders at 30 and 60 days, none on the deadline itself
        assertThat(settings.deliberationReminderCycle()).isEqualTo("R2/PT720H");
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("the deliberation reminders fall strictly before the deadline")
    void reminderCycle() {
        WorkflowSettings defaults = WorkflowSettings.defaults();
        assertThat(defaults.withDeliberation(Duration.ofDays(60), Duration.ofDays(90)).deliberationReminderCycle()).isEqualTo("R1/PT1440H");
        assertThat(defaults.withDeliberation(Duration.ofDays(45), Duration.ofDays(90)).deliberationReminderCycle()).isEqualTo("R1/PT1080H");
        assertThat(defaults.withDeliberation(Duration.ofDays(20), Duration.ofDays(90)).deliberationReminderCycle()).isEqualTo("R4/PT480H");
    }

    @Test
    @DisplayName("a zero deadline, no round, or a reminder after the deadline is refused, naming the setting")
    void impossibleValues() {
        WorkflowSettings settings = WorkflowSettings.defaults();
        ViolationAssertions.assertRefused(() -> settings.withConsultation(Duration.ZERO, Duration.ofDays(1)),
                WorkflowError.INVALID_SETTING, "consultationDeadline", "PT0S");
        ViolationAssertions.assertRefused(() -> settings.withMaxConsultationRounds(0),
                WorkflowError.INVALID_SETTING, "maxConsultationRounds", "0");
        ViolationAssertions.assertRefused(() -> settings.withDeliberation(Duration.ofDays(100), Duration.ofDays(90)),
                WorkflowError.INVALID_SETTING, "deliberationReminder", "PT2400H");
        ViolationAssertions.assertRefused(() -> settings.withConflictAttempts(0),
                WorkflowError.INVALID_SETTING, "conflictAttempts", "0");
    }

    @Test
    @DisplayName("several impossible values are all reported at once, not only the first")
    void everyImpossibleValueReported() {
        PlieException refused = ViolationAssertions.assertRefused(() -> new WorkflowSettings(Duration.ZERO,
                Duration.ofDays(15), 0, Duration.ofDays(100), Duration.ofDays(90), 0),
                WorkflowError.INVALID_SETTING, "consultationDeadline", "PT0S");
        ViolationAssertions.assertViolation(refused, WorkflowError.INVALID_SETTING, "maxConsultationRounds", "0");
        ViolationAssertions.assertViolation(refused, WorkflowError.INVALID_SETTING, "deliberationReminder", "PT2400H");
        ViolationAssertions.assertViolation(refused, WorkflowError.INVALID_SETTING, "conflictAttempts", "0");
        assertThat(refused.violations()).hasSize(4);
    }
}
