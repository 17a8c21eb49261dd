package fr.asso.europlie.plie.workflow.programming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.workflow.WorkflowError;
import fr.asso.europlie.plie.workflow.WorkflowSettings;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("programming settings: documented limits checked before any work, held by the plan's workflow settings")
class ProgrammingSettingsTest {

    @Test
    @DisplayName("every value outside its limit is refused at once, naming the setting, the value and the limit, in French and English")
    void limits() {
        InvalidValueException refused = catchThrowableOfType(InvalidValueException.class,
                () -> new ProgrammingSettings(Duration.ofDays(367), Duration.ZERO, null, ProgrammingSettings.MAX_SESSIONS + 1, true));
        assertThat(refused.violations()).extracting(v -> v.code().code()).containsOnly(WorkflowError.INVALID_SETTING.code());
        assertThat(refused.violations()).extracting(v -> v.field() + "=" + v.value()).containsExactly("appraisalDeadline=PT8808H",
                "appraisalReminder=PT0S", "ptiReminder=null", "maxSteeringSessions=13");
        assertThat(refused.violations().get(0).message(Locale.ENGLISH)).contains("appraisalDeadline", "PT8784H");
        assertThat(refused.violations().get(0).message(Messages.FRENCH)).isNotEqualTo(refused.violations().get(0).message(Locale.ENGLISH));
        InvalidValueException order = catchThrowableOfType(InvalidValueException.class,
                () -> new ProgrammingSettings(Duration.ofDays(10), Duration.ofDays(10), Duration.ofDays(1), 1));
        assertThat(order.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("appraisalReminder"));
        assertThat(catchThrowableOfType(InvalidValueException.class, () -> new ProgrammingSettings(Duration.ofDays(10),
                Duration.ofDays(1), Duration.ofDays(1), 0)).violations()).extracting(v -> v.field()).containsExactly("maxSteeringSessions");
    }

    @Test
    @DisplayName("the limits themselves are accepted: one year, twelve sessions; the defaults do not require a global grant")
    void atTheLimits() {
        ProgrammingSettings longest = new ProgrammingSettings(ProgrammingSettings.MAX_DURATION, Duration.ofDays(365),
                ProgrammingSettings.MAX_DURATION, ProgrammingSettings.MAX_SESSIONS);
        assertThat(longest.globalGrantRequired()).isFalse();
        assertThat(longest.withGlobalGrantRequired(true).globalGrantRequired()).isTrue();
        assertThat(ProgrammingSettings.defaults().globalGrantRequired()).isFalse();
    }

    @Test
    @DisplayName("the plan's workflow settings hold the programming settings: defaults, a copy with others, and never none")
    void inTheWorkflowSettings() {
        assertThat(WorkflowSettings.defaults().programming()).isEqualTo(ProgrammingSettings.defaults());
        ProgrammingSettings own = new ProgrammingSettings(Duration.ofDays(15), Duration.ofDays(10), Duration.ofDays(20), 4, false);
        WorkflowSettings settings = WorkflowSettings.defaults().withProgramming(own).withMaxConsultationRounds(5);
        assertThat(settings.programming()).isEqualTo(own);
        assertThat(settings.maxConsultationRounds()).isEqualTo(5);
        InvalidValueException refused = catchThrowableOfType(InvalidValueException.class,
                () -> WorkflowSettings.defaults().withProgramming(null));
        assertThat(refused.violations()).extracting(v -> v.field()).containsExactly("programming");
    }
}
