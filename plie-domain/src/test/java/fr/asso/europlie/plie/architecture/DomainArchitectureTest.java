package fr.asso.europlie.plie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("plie-domain stays plain Java")
class DomainArchitectureTest {

    private static JavaClasses domain;

    @BeforeAll
    static void importDomain() {
        domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.asso.europlie.plie");
    }

    @Test
    @DisplayName("no Flowable, JDBC, Spring, Jakarta, Hibernate or Lombok in the domain")
    void noFrameworkInTheDomain() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.flowable..", "java.sql..", "javax.sql..", "org.springframework..",
                        "jakarta..", "javax.persistence..", "org.hibernate..", "lombok..",
                        "org.h2..", "org.postgresql..", "com.zaxxer..")
                .check(domain);
    }

    @Test
    @DisplayName("only the json package knows Jackson")
    void jacksonOnlyInJson() {
        noClasses().that().resideOutsideOfPackage("fr.asso.europlie.plie.json..")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
                .check(domain);
    }

    @Test
    @DisplayName("the model reads no hidden clock and draws no random identifier")
    void noHiddenClockOrRandomId() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(domain);
    }
}
