package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.protocol.ProtocolError;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the reasons of the engine's own steps, in French and English")
class EngineReasonTest {

    private static final List<String> KEYS = List.of("reason.GRACE_PERIOD_OVER", "reason.OPINION_DEADLINE_PASSED",
            "reason.DELIBERATION_OVERDUE", "reason.UNBALANCED_AFTER_WITHDRAWAL");

    @Test
    @DisplayName("every reason exists in both languages, differs between them and shows its arguments")
    void everyReasonInBothLanguages() {
        for (String key : KEYS) {
            String stored = EngineReason.of(key, "REGION-75", "4100000.00", "4200000.00");
            String french = EngineReason.render(stored, Messages.FRENCH);
            String english = EngineReason.render(stored, Messages.ENGLISH);
            assertThat(french).as(key).isNotEqualTo(english).doesNotContain("#", "reason.");
            if (!key.equals("reason.GRACE_PERIOD_OVER")) {
                assertThat(french).as(key).contains("REGION-75");
                assertThat(english).as(key).contains("REGION-75");
            }
        }
    }

    @Test
    @DisplayName("a reason written by a person is read as written, in any language")
    void peoplesReasonsUnchanged() {
        assertThat(EngineReason.render("objectifs trop ambitieux", Messages.ENGLISH)).isEqualTo("objectifs trop ambitieux");
        assertThat(EngineReason.render(null, Messages.FRENCH)).isNull();
    }

    @Test
    @DisplayName("a refusal is stored with its codes and values and read in either language")
    void refusal() {
        String stored = EngineReason.ofRefusal(new RuleViolationException(ProtocolError.BUDGET_UNBALANCED, "budget", "-1000.00",
                "4199000.00", "4200000.00"));
        assertThat(EngineReason.render(stored, Messages.FRENCH)).startsWith("[PLIE-PROTOCOL-014] Le budget").contains("-1000.00");
        assertThat(EngineReason.render(stored, Messages.ENGLISH)).startsWith("[PLIE-PROTOCOL-014] The protocol budget").contains("-1000.00");
    }
}
