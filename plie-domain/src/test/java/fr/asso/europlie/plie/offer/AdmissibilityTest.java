package fr.asso.europlie.plie.offer;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertMessages;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static fr.asso.europlie.plie.offer.OfferFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("admissibility of an application")
class AdmissibilityTest {

    private static Operation withPlan(Operation operation, Resource... resources) {
        return operation.withFinancingPlan(FinancingPlan.of(resources));
    }

    @Test
    @DisplayName("a complete, balanced application within the call and the rate is admissible")
    void admissible() {
        assertThat(Admissibility.reasons(anOperation("OP-1"), aContext())).isEmpty();
    }

    @Test
    @DisplayName("a financing plan over the co-financing rate is refused with the rate, the share and the cap")
    void esfShareOverRate() {
        Operation greedy = withPlan(anOperation("OP-1"),
                Resource.of(FunderKind.ESF_PLUS, OI, Money.euros(35_000)),
                Resource.of(FunderKind.DEPARTMENT, DEPARTMENT, Money.euros(15_000)));
        PlieException error = assertRefused(() -> Admissibility.requireAdmissible(greedy, aContext()),
                OfferError.ESF_SHARE_OVER_RATE, "financingPlan.esfShare", "35000.00");
        assertThat(error.violations()).hasSize(1);
        Violation v = error.violation();
        assertThat(v.message(Messages.FRENCH))
                .contains("35000.00 €").contains("70.00 %").contains("30000.00 €").contains("60 %").contains("TRANSITION");
        assertThat(v.message(Messages.ENGLISH))
                .contains("EUR 35000.00").contains("70.00 %").contains("EUR 30000.00").contains("60 %");
    }

    @Test
    @DisplayName("the co-financing rate is a setting: 85 % in a less developed region accepts the same plan")
    void rateIsASetting() {
        Operation operation = withPlan(anOperation("OP-1"),
                Resource.of(FunderKind.ESF_PLUS, OI, Money.euros(42_500)),
                Resource.of(FunderKind.DEPARTMENT, DEPARTMENT, Money.euros(7_500)));
        OfferSettings settings = OfferSettings.defaults().withOperationCoFinancingRate(RegionCategory.TRANSITION, BigDecimal.valueOf(85));
        assertThat(Admissibility.reasons(operation, aContext())).extracting(Violation::code).containsExactly(OfferError.ESF_SHARE_OVER_RATE);
        assertThat(Admissibility.reasons(operation, new AdmissibilityContext(aCall(), OPERATORS, settings, LocalDate.of(2026, 1, 15))))
                .isEmpty();
    }

    @Test
    @DisplayName("an FSE+ share exactly at the cap is admissible")
    void shareAtTheCap() {
        assertThat(FinancingPlan.esfCap(Money.euros(50_000), BigDecimal.valueOf(60))).isEqualTo(Money.euros(30_000));
        assertThat(Admissibility.reasons(anOperation("OP-1"), aContext())).isEmpty();
    }

    @Test
    @DisplayName("an unbalanced financing plan is refused with resources, costs and difference")
    void unbalanced() {
        Operation operation = withPlan(anOperation("OP-1"), Resource.of(FunderKind.ESF_PLUS, OI, Money.euros(20_000)),
                Resource.of(FunderKind.DEPARTMENT, DEPARTMENT, Money.euros(15_000)));
        PlieException error = assertRefused(() -> Admissibility.requireAdmissible(operation, aContext()),
                OfferError.FINANCING_PLAN_UNBALANCED, "financingPlan", "35000.00");
        assertThat(error.violation().message(Messages.ENGLISH)).contains("50000.00").contains("-15000.00");
    }

    @Test
    @DisplayName("an unknown operator is refused naming the field and the operator")
    void unknownOperator() {
        Operation stranger = anOperation("OP-1").withOperator(OrganisationId.of("INCONNU-1"));
        assertRefused(() -> Admissibility.requireAdmissible(stranger, aContext()), OfferError.UNKNOWN_OPERATOR, "operator", "INCONNU-1");
    }

    @Test
    @DisplayName("a period outside the call is refused naming the period and the call's period")
    void periodOutsideCall() {
        Operation late = anOperation("OP-1").withPeriod(OperationPeriod.of(LocalDate.of(2027, 7, 1), LocalDate.of(2028, 6, 30)));
        PlieException error = assertRefused(() -> Admissibility.requireAdmissible(late, aContext()),
                OfferError.PERIOD_OUTSIDE_CALL, "period", "2027-07-01/2028-06-30");
        assertThat(error.violation().message(Messages.FRENCH)).contains("2026-01-01/2027-12-31");
    }

    @Test
    @DisplayName("an axis the call does not open is refused naming the axis")
    void axisNotOpen() {
        Operation other = anOperation("OP-1").withAxis(ProgrammingAxis.EXPERIMENTAL_ACTIONS);
        assertRefused(() -> Admissibility.requireAdmissible(other, aContext()), OfferError.AXIS_NOT_OPEN, "axis", "EXPERIMENTAL_ACTIONS");
    }

    @Test
    @DisplayName("an application after the closing date is refused with both dates")
    void afterClosing() {
        AdmissibilityContext late = new AdmissibilityContext(aCall(), OPERATORS, OfferSettings.defaults(), LocalDate.of(2026, 2, 1));
        PlieException error = assertRefused(() -> Admissibility.requireAdmissible(anOperation("OP-1"), late),
                OfferError.SUBMITTED_AFTER_CLOSING, "submittedOn", "2026-02-01");
        assertThat(error.violation().message(Messages.ENGLISH)).contains("2026-01-31");
    }

    @Test
    @DisplayName("an application to another call is refused")
    void otherCall() {
        Operation other = anOperation("OP-1").withCall(CallId.of("AAP-2025"));
        assertRefused(() -> Admissibility.requireAdmissible(other, aContext()), OfferError.OTHER_CALL, "call", "AAP-2025");
    }

    @Test
    @DisplayName("a flat rate above the OI's own setting is refused with the highest rate allowed")
    void flatRateNotAllowed() {
        Operation o = anOperation("OP-1").withCosts(
                OperationCosts.withIndirectFlatRate(Money.euros(40_000), Money.euros(4_000), BigDecimal.valueOf(15)));
        Operation rebalanced = o.withFinancingPlan(FinancingPlan.of(Resource.of(FunderKind.ESF_PLUS, OI, Money.euros(30_000)),
                Resource.of(FunderKind.DEPARTMENT, DEPARTMENT, Money.euros(20_000))));
        assertThat(Admissibility.reasons(rebalanced, aContext())).isEmpty();
        OfferSettings tenPercent = OfferSettings.defaults().withFlatRate(SimplifiedCostOption.Kind.INDIRECT_FLAT_RATE, BigDecimal.TEN);
        PlieException error = assertRefused(() -> Admissibility.requireAdmissible(rebalanced,
                        new AdmissibilityContext(aCall(), OPERATORS, tenPercent, LocalDate.of(2026, 1, 15))),
                OfferError.FLAT_RATE_NOT_ALLOWED, "costs.option.ratePercent", "15");
        assertThat(error.violations()).hasSize(1);
        assertThat(error.violation().message(Messages.ENGLISH)).contains("<= 10");
        OfferSettings notOffered = OfferSettings.defaults().withFlatRate(SimplifiedCostOption.Kind.INDIRECT_FLAT_RATE, null);
        assertThat(Admissibility.reasons(rebalanced, new AdmissibilityContext(aCall(), OPERATORS, notOffered, LocalDate.of(2026, 1, 15))))
                .extracting(Violation::code).containsExactly(OfferError.FLAT_RATE_NOT_ALLOWED);
    }

    @Test
    @DisplayName("an incomplete application names every missing item")
    void incomplete() {
        Operation o = anOperation("OP-1");
        Operation empty = new Operation(o.id(), o.call(), o.operator(), o.axis(), " ", "", o.period(), new ForecastIndicators(0, 0),
                OperationCosts.real(Money.ZERO, Money.ZERO, Money.ZERO), FinancingPlan.of());
        List<Violation> reasons = Admissibility.reasons(empty, aContext());
        assertThat(reasons).extracting(Violation::field)
                .containsExactly("title", "description", "forecast.participants", "costs", "financingPlan.resources");
        reasons.forEach(v -> assertMessages(v));
    }

    @Test
    @DisplayName("admissibility returns every reason at once")
    void everyReasonAtOnce() {
        Operation bad = withPlan(anOperation("OP-1").withOperator(OrganisationId.of("INCONNU-1")).withAxis(ProgrammingAxis.ANIMATION)
                .withPeriod(OperationPeriod.of(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 5, 31))),
                Resource.of(FunderKind.ESF_PLUS, OI, Money.euros(45_000)));
        AdmissibilityContext late = new AdmissibilityContext(aCall(), OPERATORS, OfferSettings.defaults(), LocalDate.of(2026, 3, 1));
        PlieException error = assertRefused(() -> Admissibility.requireAdmissible(bad, late),
                OfferError.UNKNOWN_OPERATOR, "operator", "INCONNU-1");
        assertThat(error.violations()).extracting(Violation::code).containsExactly(
                OfferError.SUBMITTED_AFTER_CLOSING, OfferError.AXIS_NOT_OPEN, OfferError.PERIOD_OUTSIDE_CALL,
                OfferError.UNKNOWN_OPERATOR, OfferError.FINANCING_PLAN_UNBALANCED, OfferError.ESF_SHARE_OVER_RATE);
        assertViolation(error, OfferError.AXIS_NOT_OPEN, "axis", "ANIMATION");
        error.violations().forEach(v -> assertMessages(v));
    }

    @Test
    @DisplayName("an operation completed before its application was submitted cannot be selected (art. 63(6))")
    void completedBeforeSubmission() {
        Operation done = anOperation("OP-1").withPeriod(OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 10)));
        PlieException error = assertRefused(() -> Admissibility.requireAdmissible(done, aContext()),
                OfferError.COMPLETED_BEFORE_SUBMISSION, "period.end", "2026-01-10");
        assertThat(error.violations()).hasSize(1);
        assertThat(error.violation().message(Messages.ENGLISH)).contains("2026-01-15").contains("art. 63");
        assertThat(Admissibility.reasons(done, new AdmissibilityContext(aCall(), OPERATORS, OfferSettings.defaults(),
                LocalDate.of(2026, 1, 10)))).isEmpty();
    }

    @Test
    @DisplayName("an operation asking FSE+ beyond the eligibility period is refused; the period is a setting (art. 63(2))")
    void outsideEsfEligibility() {
        Operation operation = anOperation("OP-1");
        OfferSettings until2026June = OfferSettings.defaults().withEligibility(LocalDate.of(2021, 1, 1), LocalDate.of(2026, 6, 30));
        AdmissibilityContext context = new AdmissibilityContext(aCall(), OPERATORS, until2026June, LocalDate.of(2026, 1, 15));
        PlieException error = assertRefused(() -> Admissibility.requireAdmissible(operation, context),
                OfferError.OUTSIDE_ELIGIBILITY, "period", operation.period().toString());
        assertThat(error.violations()).hasSize(1);
        assertThat(error.violation().message(Messages.FRENCH)).contains("2026-06-30").contains("art. 63");
        Operation withoutEsf = withPlan(operation, Resource.of(FunderKind.DEPARTMENT, DEPARTMENT, Money.euros(45_000)),
                Resource.of(FunderKind.EPCI, EPCI, Money.euros(5_000)));
        assertThat(Admissibility.reasons(withoutEsf, context)).isEmpty();
        assertThat(AdmissibilityPolicies.WITHIN_ESF_ELIGIBILITY.check(operation, aContext())).isEmpty();
    }

    @Test
    @DisplayName("each policy can be applied alone")
    void policiesAlone() {
        Operation operation = anOperation("OP-1");
        for (AdmissibilityPolicy policy : AdmissibilityPolicies.all()) {
            assertThat(policy.check(operation, aContext())).as(policy.toString()).isEmpty();
        }
        assertThat(AdmissibilityPolicies.OPERATOR_KNOWN.check(operation,
                new AdmissibilityContext(aCall(), Operators.of(SIAE), OfferSettings.defaults(), LocalDate.of(2026, 1, 15))))
                .extracting(Violation::code).containsExactly(OfferError.UNKNOWN_OPERATOR);
    }
}
