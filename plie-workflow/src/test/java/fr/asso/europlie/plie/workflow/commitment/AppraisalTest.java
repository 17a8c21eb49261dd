package fr.asso.europlie.plie.workflow.commitment;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.workflow.WorkflowError;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the instructor's appraisal refuses bad values with the project's bilingual errors, naming field and value")
class AppraisalTest {

    private static final GlobalGrantId GRANT = GlobalGrantId.of("SG-2026");
    private static final EnvelopeKey ENVELOPE = EnvelopeKey.of("4", "h", 2026);
    private static final OrganisationId OPERATOR = OrganisationId.of("ASSO-TREMPLIN");

    private static Appraisal of(Money cost, Money fse, String options) {
        return new Appraisal(GRANT, ENVELOPE, OPERATOR, cost, fse, options, WhenUncovered.WAIT);
    }

    @Test
    @DisplayName("an FSE+ amount above the eligible cost: PLIE-FUNDS-023 on fseAmount; equal to it is accepted")
    void overTheCost() {
        assertRefused(() -> of(Money.euros(1_000), Money.of(new BigDecimal("1000.01")), "aucune"), FundsError.AMOUNT_OVER_COST,
                "fseAmount", "1000.01");
        assertThat(of(Money.euros(1_000), Money.euros(1_000), "aucune").fseAmount()).isEqualTo(Money.euros(1_000));
    }

    @Test
    @DisplayName("an FSE+ amount of zero: PLIE-FUNDS-002 on fseAmount")
    void notPositive() {
        assertRefused(() -> of(Money.euros(1_000), Money.ZERO, "aucune"), FundsError.NOT_POSITIVE, "fseAmount", "0.00");
    }

    @Test
    @DisplayName("blank simplified cost options: PLIE-WORKFLOW-008 on simplifiedCostOptions")
    void blankOptions() {
        assertRefused(() -> of(Money.euros(1_000), Money.euros(500), "  "), WorkflowError.REQUIRED, "simplifiedCostOptions", "  ");
    }

    @Test
    @DisplayName("every missing component named in one refusal (PLIE-WORKFLOW-008), an InvalidValueException, never a bare exception")
    void missingComponents() {
        PlieException error = assertRefused(() -> new Appraisal(null, null, null, null, null, null, null), WorkflowError.REQUIRED,
                "grant", "null");
        assertThat(error).isInstanceOf(InvalidValueException.class);
        assertThat(error.violations()).extracting(v -> v.field()).containsExactlyInAnyOrder("grant", "envelope", "operator",
                "eligibleCost", "fseAmount", "whenUncovered", "simplifiedCostOptions");
        for (String field : new String[] {"envelope", "operator", "eligibleCost", "fseAmount", "whenUncovered", "simplifiedCostOptions"}) {
            assertViolation(error, WorkflowError.REQUIRED, field, "null");
        }
    }
}
