package fr.asso.europlie.plie.cohort;

import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static fr.asso.europlie.plie.cohort.CohortFixture.aCohort;
import static fr.asso.europlie.plie.cohort.CohortFixture.anEnteredJobseeker;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertMessages;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.json.cohort.CohortJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("an imported positive exit whose steps are given is checked against the positive-exit rules")
class ImportedExitsTest {

    private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

    /** The JSON of one participant with a two-month CDD who left on 31 May, declared as the given reason. */
    private static CohortData twoMonthJobDeclaredAs(String reason, boolean withSteps) {
        Cohort source = aCohort();
        ParticipantId id = anEnteredJobseeker(source, "Perrin", JAN_5, ALICE);
        if (withSteps) {
            source.addStep(id, Step.employment(StepId.of("S1"), ContractType.CDD, BigDecimal.ONE, LocalDate.of(2026, 3, 2),
                    LocalDate.of(2026, 4, 30), null));
        }
        source.exit(id, LocalDate.of(2026, 5, 31), ExitReason.DROPOUT, null);
        String json = CohortJson.write(source.toData()).replace("\"reason\" : \"DROPOUT\"", "\"reason\" : \"" + reason + "\"");
        return CohortJson.read(json, source.settings().eligibility().targetPublics());
    }

    @Test
    @DisplayName("strict (the default): an employment exit after two months of CDD is refused, naming the period and the rule")
    void strictRefuses() {
        Cohort target = aCohort();
        PlieException error = assertRefused(() -> target.load(twoMonthJobDeclaredAs("EMPLOYMENT", true)),
                CohortError.IMPORTED_EXIT_NOT_POSITIVE, "participants[0].periods[0].exit.reason", "EMPLOYMENT");
        assertThat(error.getMessage(Messages.ENGLISH)).contains("exitRules.employmentMonths=6").contains("(60 d)");
        assertThat(target.participants()).isEmpty();
        assertRefused(() -> target.load(twoMonthJobDeclaredAs("LONG_TRAINING", true)), CohortError.IMPORTED_EXIT_NOT_POSITIVE,
                "participants[0].periods[0].exit.reason", "LONG_TRAINING");
    }

    @Test
    @DisplayName("lenient: the exit is imported as not positive and listed in the import report")
    void lenientDemotes() {
        Cohort target = aCohort();
        List<Violation> report = target.load(twoMonthJobDeclaredAs("EMPLOYMENT", true), ImportedExits.LENIENT);
        assertThat(report).hasSize(1);
        assertThat(report.get(0).code()).isEqualTo(CohortError.IMPORTED_EXIT_NOT_POSITIVE);
        assertThat(report.get(0).field()).isEqualTo("participants[0].periods[0].exit.reason");
        assertMessages(report.get(0));
        Exit exit = target.participants().iterator().next().period(1).orElseThrow().exit();
        assertThat(exit.reason()).isEqualTo(ExitReason.UNCONFIRMED_POSITIVE);
        assertThat(exit.reason().isPositive()).isFalse();
        assertThat(exit.exitedOn()).isEqualTo(LocalDate.of(2026, 5, 31));
    }

    @Test
    @DisplayName("an exit imported without steps is not re-derived: other systems may not export every step")
    void withoutStepsNotChecked() {
        Cohort target = aCohort();
        assertThat(target.load(twoMonthJobDeclaredAs("EMPLOYMENT", false), ImportedExits.STRICT)).isEmpty();
        assertThat(target.participants().iterator().next().period(1).orElseThrow().exit().reason()).isEqualTo(ExitReason.EMPLOYMENT);
    }
}
