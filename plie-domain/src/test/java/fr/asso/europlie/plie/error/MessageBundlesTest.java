package fr.asso.europlie.plie.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("every error code has a message in French and in English")
class MessageBundlesTest {

    private static List<ErrorCode> allCodes() {
        List<ErrorCode> codes = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.asso.europlie.plie")) {
            if (type.isEnum() && type.isAssignableTo(ErrorCode.class)) {
                for (Object constant : type.reflect().getEnumConstants()) {
                    codes.add((ErrorCode) constant);
                }
            }
        }
        return codes;
    }

    @Test
    @DisplayName("the codes are unique, well formed and translated in both languages")
    void everyCodeIsTranslated() {
        List<ErrorCode> codes = allCodes();
        assertThat(codes).isNotEmpty();
        Set<String> seen = new HashSet<>();
        for (ErrorCode code : codes) {
            assertThat(code.code()).matches("PLIE-[A-Z]+-\\d{3}");
            assertThat(seen.add(code.code())).as("code %s declared twice", code.code()).isTrue();
            for (Locale language : Messages.SUPPORTED) {
                assertThat(Messages.has(code.bundle(), code.code(), language))
                        .as("%s has a %s message in %s", code.code(), language, code.bundle()).isTrue();
            }
            String french = code.format(Messages.FRENCH, "FIELD", "VALUE", "D1", "D2", "D3");
            String english = code.format(Messages.ENGLISH, "FIELD", "VALUE", "D1", "D2", "D3");
            assertThat(french).as(code.code()).contains("FIELD").contains("VALUE").isNotEqualTo(english);
            assertThat(english).as(code.code()).contains("FIELD").contains("VALUE");
        }
    }

    @Test
    @DisplayName("no message has a lone apostrophe that MessageFormat would swallow")
    void noLoneApostrophe() {
        Set<String> bundles = new HashSet<>();
        allCodes().forEach(code -> bundles.add(code.bundle()));
        for (String bundle : bundles) {
            for (Locale lookup : List.of(Locale.ROOT, Locale.ENGLISH)) {
                ResourceBundle resources = ResourceBundle.getBundle(bundle, lookup,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                for (String key : resources.keySet()) {
                    String pattern = resources.getString(key).replace("''", "");
                    assertThat(pattern).as("%s %s in %s", key, lookup, bundle).doesNotContain("'");
                }
            }
        }
    }
}
