package fr.asso.europlie.plie.workflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What an integrator sees of plie-workflow: the public and protected members of the public types
 * outside {@code workflow.internal} never name an internal type, so that the internals can change
 * without breaking applications.
 */
@DisplayName("plie-workflow's public API")
class PublicApiTest {

    private static final String INTERNAL = "fr.asso.europlie.plie.workflow.internal";

    private static JavaClasses workflow;

    @BeforeAll
    static void importWorkflow() {
        workflow = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.asso.europlie.plie.workflow");
    }

    @Test
    @DisplayName("no public signature outside workflow.internal names an internal type")
    void internalsStayInternal() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : workflow) {
            if (type.getPackageName().startsWith(INTERNAL) || !visible(type.getModifiers())
                    || (type.getEnclosingClass().isPresent() && !visible(type.getEnclosingClass().get().getModifiers()))) {
                continue;
            }
            for (JavaCodeUnit member : type.getCodeUnits()) {
                if (!visible(member.getModifiers())) {
                    continue;
                }
                List<JavaType> types = new ArrayList<>(member.getParameterTypes());
                types.add(member.getReturnType());
                for (JavaType used : types) {
                    for (JavaClass raw : used.getAllInvolvedRawTypes()) {
                        if (raw.getPackageName().startsWith(INTERNAL)) {
                            leaks.add(member.getFullName() + " -> " + raw.getName());
                        }
                    }
                }
            }
            for (JavaField field : type.getFields()) {
                if (visible(field.getModifiers())) {
                    for (JavaClass raw : field.getType().getAllInvolvedRawTypes()) {
                        if (raw.getPackageName().startsWith(INTERNAL)) {
                            leaks.add(field.getFullName() + " -> " + raw.getName());
                        }
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    @DisplayName("the importer sees the internals it guards against (the check above is not vacuous)")
    void internalsExist() {
        assertThat(workflow.stream().filter(c -> c.getPackageName().startsWith(INTERNAL)).count()).isGreaterThan(5);
        assertThat(workflow.stream().filter(c -> !c.getPackageName().startsWith(INTERNAL)).count()).isGreaterThan(5);
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }
}
