package fr.asso.europlie.plie.cohort;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("eligibility rules configured in data")
class EligibilityRulesTest {

    static final LocalDate ON = LocalDate.of(2026, 1, 5);

    static EligibilityFacts facts(int age, LocalDate unemployedSince, Set<MinimumIncome> incomes, boolean disability, boolean qpv, IscedLevel isced) {
        ParticipantStatus status = unemployedSince == null ? ParticipantStatus.INACTIVE : ParticipantStatus.JOBSEEKER;
        return new EligibilityFacts(new ApplicantSituation(status, unemployedSince, incomes, disability, qpv, isced), age, ON);
    }

    @Test
    @DisplayName("the default rules read back from their own text")
    void defaultsRoundTrip() {
        EligibilityRules defaults = EligibilityRules.defaults(CohortFixture.PUBLICS);
        assertThat(EligibilityRules.parse(defaults.toText(), CohortFixture.PUBLICS)).isEqualTo(defaults);
        assertThat(defaults.toText()).contains("DELD: unemployment >= 12").contains("JEUNES: age >= 16; age <= 25; isced <= 2");
    }

    @Test
    @DisplayName("each criterion decides on its own threshold")
    void thresholds() {
        EligibilityRules rules = EligibilityRules.parse("""
                DELD: unemployment >= 12
                JEUNES: age >= 16; age <= 25; isced <= 2
                SENIORS: age >= 50; unemployment >= 0
                BRSA: income in RSA
                RQTH: disability
                """, List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.LOW_QUALIFIED_YOUNG, TargetPublic.SENIORS, TargetPublic.RSA_RECIPIENTS,
                TargetPublic.DISABLED_WORKERS));
        assertThat(rules.evaluate(facts(40, ON.minusMonths(12), Set.of(), false, false, IscedLevel.ISCED_3)).eligible())
                .containsExactly(TargetPublic.LONG_TERM_JOBSEEKERS);
        assertThat(rules.evaluate(facts(40, ON.minusMonths(12).plusDays(1), Set.of(), false, false, IscedLevel.ISCED_3)).isEligible()).isFalse();
        assertThat(rules.evaluate(facts(25, null, Set.of(), false, false, IscedLevel.ISCED_2)).eligible())
                .containsExactly(TargetPublic.LOW_QUALIFIED_YOUNG);
        assertThat(rules.evaluate(facts(26, null, Set.of(), false, false, IscedLevel.ISCED_2)).isEligible()).isFalse();
        assertThat(rules.evaluate(facts(50, ON.minusDays(3), Set.of(), false, false, IscedLevel.ISCED_5)).eligible())
                .containsExactly(TargetPublic.SENIORS);
        assertThat(rules.evaluate(facts(50, null, Set.of(MinimumIncome.RSA), true, false, IscedLevel.ISCED_5)).eligible())
                .containsExactlyInAnyOrder(TargetPublic.RSA_RECIPIENTS, TargetPublic.DISABLED_WORKERS);
    }

    @Test
    @DisplayName("an unreadable rule, an unknown target public and a target public without a rule are all reported")
    void badRules() {
        PlieException error = assertRefused(() -> EligibilityRules.parse("""
                DELD: unemployment >= douze
                MARTIENS: qpv
                """, List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.QPV_RESIDENTS)),
                CohortError.ELIGIBILITY_RULE_SYNTAX, "eligibility.rules[1]", "unemployment >= douze");
        assertViolation(error, CohortError.UNKNOWN_TARGET_PUBLIC, "eligibility.MARTIENS", "MARTIENS");
        assertViolation(error, CohortError.REQUIRED_FOR, "eligibility.QPV", "null");
    }

    @Test
    @DisplayName("a plan's own target public needs its own rule")
    void customTargetPublic() {
        TargetPublic families = new TargetPublic("FAMILLES", "Familles monoparentales");
        assertRefused(() -> EligibilityRules.defaults(List.of(families)), CohortError.REQUIRED_FOR, "eligibility.FAMILLES", "null");
        EligibilityRules rules = EligibilityRules.parse("FAMILLES: income in OTHER, RSA", List.of(families));
        assertThat(rules.evaluate(facts(30, null, Set.of(MinimumIncome.OTHER), false, false, null)).eligible()).containsExactly(families);
    }
}
