package fr.asso.europlie.plie.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.Messages;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("every workflow error code has a message in French and in English")
class WorkflowMessagesTest {

    @Test
    @DisplayName("codes are unique, well formed, translated, and name the field and the value")
    void everyCodeIsTranslated() {
        Set<String> seen = new HashSet<>();
        for (WorkflowError code : WorkflowError.values()) {
            assertThat(code.code()).matches("PLIE-WORKFLOW-\\d{3}");
            assertThat(seen.add(code.code())).as("%s twice", code.code()).isTrue();
            for (Locale language : Messages.SUPPORTED) {
                assertThat(Messages.has(code.bundle(), code.code(), language)).as("%s in %s", code, language).isTrue();
            }
            String french = code.format(Messages.FRENCH, "FIELD", "VALUE", "D1", "D2");
            String english = code.format(Messages.ENGLISH, "FIELD", "VALUE", "D1", "D2");
            assertThat(french).contains("FIELD").contains("VALUE").isNotEqualTo(english);
            assertThat(english).contains("FIELD").contains("VALUE");
        }
    }

    @Test
    @DisplayName("the bundles hold no code that the enum lacks, and no lone apostrophe")
    void bundlesMatchTheEnum() {
        Set<String> codes = new HashSet<>();
        for (WorkflowError code : WorkflowError.values()) {
            codes.add(code.code());
        }
        for (Locale lookup : List.of(Locale.ROOT, Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle(WorkflowError.ROLE_REQUIRED.bundle(), lookup,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertThat(bundle.keySet()).containsExactlyInAnyOrderElementsOf(codes);
            for (String key : bundle.keySet()) {
                assertThat(bundle.getString(key).replace("''", "")).as(key).doesNotContain("'");
            }
        }
    }
}
