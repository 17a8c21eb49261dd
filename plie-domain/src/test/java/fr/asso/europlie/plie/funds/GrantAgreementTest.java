package fr.asso.europlie.plie.funds;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static fr.asso.europlie.plie.funds.FundsFixture.OI;
import static fr.asso.europlie.plie.funds.FundsFixture.OP;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationPeriod;
import fr.asso.europlie.plie.offer.RegionCategory;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("grant agreements and execution reports")
class GrantAgreementTest {

    private static final OperationPeriod YEAR_2026 = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

    private static GrantAgreement anAgreement() {
        return GrantAgreement.sign(GrantAgreementId.of("CONV-2026-001"), OP, OrganisationId.of("ASSO-INSERTION-24"), OI,
                Money.euros(30_000), Money.euros(50_000), YEAR_2026, LocalDate.of(2026, 4, 15));
    }

    @Test
    @DisplayName("an amendment while the operation runs gives a new version and keeps the old ones")
    void amendment() {
        GrantAgreement signed = anAgreement();
        OperationPeriod longer = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 6, 30));
        GrantAgreement amended = signed.amend(Money.euros(36_000), Money.euros(60_000), longer, LocalDate.of(2026, 10, 1),
                "Prolongation de six mois", Money.euros(10_000));
        assertThat(amended.versions()).hasSize(2);
        assertThat(amended.versions().get(0)).isEqualTo(signed.current());
        assertThat(amended.current().number()).isEqualTo(2);
        assertThat(amended.current().esfAmount()).isEqualTo(Money.euros(36_000));
        assertThat(signed.versions()).hasSize(1);
    }

    @Test
    @DisplayName("the simplified cost options are stated on the agreement and kept by its amendments, none stated is empty; "
            + "over 400 characters refused (PLIE-FUNDS-039) naming the length and the limit, null refused (PLIE-FUNDS-001)")
    void simplifiedCostOptions() {
        String options = "forfait 40 % des frais de personnel directs (art. 56)";
        GrantAgreement signed = GrantAgreement.sign(GrantAgreementId.of("CONV-2026-001"), OP, OrganisationId.of("ASSO-INSERTION-24"), OI,
                Money.euros(30_000), Money.euros(50_000), YEAR_2026, LocalDate.of(2026, 4, 15), options);
        assertThat(signed.simplifiedCostOptions()).isEqualTo(options);
        GrantAgreement amended = signed.amend(Money.euros(25_000), Money.euros(50_000), YEAR_2026, LocalDate.of(2026, 9, 1), "Baisse",
                Money.ZERO);
        assertThat(amended.simplifiedCostOptions()).isEqualTo(options);
        assertThat(anAgreement().simplifiedCostOptions()).isEmpty();
        assertThat(signed).isNotEqualTo(GrantAgreement.sign(GrantAgreementId.of("CONV-2026-001"), OP, OrganisationId.of("ASSO-INSERTION-24"),
                OI, Money.euros(30_000), Money.euros(50_000), YEAR_2026, LocalDate.of(2026, 4, 15)));

        String atTheLimit = "é".repeat(GrantAgreement.MAX_SIMPLIFIED_COST_OPTIONS);
        assertThat(new GrantAgreement(signed.id(), OP, signed.operator(), OI, signed.versions(), atTheLimit).simplifiedCostOptions())
                .hasSize(400);
        String over = atTheLimit + "x";
        PlieException tooLong = assertRefused(() -> new GrantAgreement(signed.id(), OP, signed.operator(), OI, signed.versions(), over),
                FundsError.TEXT_TOO_LONG, "simplifiedCostOptions", fr.asso.europlie.plie.error.Violation.shown(over));
        assertThat(tooLong.violation().message(Messages.FRENCH)).contains("401 caractères").contains("400 au plus");
        assertThat(tooLong.violation().message(Messages.ENGLISH)).contains("401 characters").contains("at most 400");
        assertRefused(() -> GrantAgreement.sign(GrantAgreementId.of("C"), OP, OI, OI, Money.euros(30_000), Money.euros(50_000), YEAR_2026,
                LocalDate.of(2026, 4, 15), null), FundsError.BLANK, "simplifiedCostOptions", "null");
    }

    @Test
    @DisplayName("an amendment after the end, or below what was paid, is refused with every reason")
    void amendmentRefused() {
        PlieException error = assertRefused(() -> anAgreement().amend(Money.euros(5_000), Money.euros(50_000), YEAR_2026,
                LocalDate.of(2027, 2, 1), "Trop tard", Money.euros(10_000)), FundsError.AMENDMENT_OUTSIDE_PERIOD, "signedOn", "2027-02-01");
        assertViolation(error, FundsError.AMOUNT_BELOW_PAID, "esfAmount", "5000.00");
        assertRefused(() -> anAgreement().amend(Money.euros(30_000), Money.euros(50_000), YEAR_2026, LocalDate.of(2026, 6, 1), " ",
                Money.ZERO), FundsError.BLANK, "reason", " ");
    }

    @Test
    @DisplayName("an agreement rebuilt from its versions (JSON, database) cannot hold an amendment signed outside the period in force")
    void rebuiltAmendmentOutsidePeriod() {
        GrantAgreement signed = anAgreement();
        AgreementVersion tooLate = new AgreementVersion(2, Money.euros(30_000), Money.euros(50_000), YEAR_2026, LocalDate.of(2027, 2, 1),
                "Trop tard");
        assertRefused(() -> new GrantAgreement(signed.id(), signed.operation(), signed.operator(), signed.intermediateBody(),
                List.of(signed.current(), tooLate)), FundsError.AMENDMENT_OUTSIDE_PERIOD, "versions[1].signedOn", "2027-02-01");
        GrantAgreement amended = signed.amend(Money.euros(30_000), Money.euros(50_000), YEAR_2026, LocalDate.of(2026, 12, 31), "Avenant",
                Money.ZERO);
        assertThat(new GrantAgreement(amended.id(), amended.operation(), amended.operator(), amended.intermediateBody(), amended.versions()))
                .isEqualTo(amended);
    }

    @Test
    @DisplayName("the FSE+ amount cannot exceed the eligible cost, and amounts must be positive")
    void amounts() {
        assertRefused(() -> GrantAgreement.sign(GrantAgreementId.of("C"), OP, OI, OI, Money.euros(60_000), Money.euros(50_000), YEAR_2026,
                LocalDate.of(2026, 1, 1)), FundsError.AMOUNT_OVER_COST, "esfAmount", "60000.00");
        assertRefused(() -> GrantAgreement.sign(GrantAgreementId.of("C"), OP, OI, OI, Money.euros(-1), Money.euros(50_000), YEAR_2026,
                LocalDate.of(2026, 1, 1)), FundsError.NOT_POSITIVE, "esfAmount", "-1.00");
    }

    @ParameterizedTest(name = "{0} months: at least {1} interim report(s), at most {2}")
    @CsvSource({"6,0,0", "12,0,0", "13,0,1", "24,0,1", "25,1,-", "36,1,-", "37,2,-", "48,2,-", "49,3,-"})
    @DisplayName("the number of interim reports follows the operation's length")
    void interimReportsByLength(int months, int min, String max) {
        assertThat(ExecutionReportSchedule.minimumInterimReports(months)).isEqualTo(min);
        assertThat(ExecutionReportSchedule.maximumInterimReports(months).map(String::valueOf).orElse("-")).isEqualTo(max);
        OperationPeriod period = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1).plusMonths(months).minusDays(1));
        ExecutionReportSchedule standard = ExecutionReportSchedule.standard(period, FundsSettings.defaults());
        assertThat(standard.interimDueDates()).hasSize(min).allMatch(period::contains);
        // the period ends on a month's last day: six months later is the last day of the sixth month after
        assertThat(standard.finalDueDate()).isEqualTo(java.time.YearMonth.from(period.end()).plusMonths(6).atEndOfMonth());
        assertThat(ExecutionReportSchedule.of(period, standard.interimDueDates(), standard.finalDueDate(), FundsSettings.defaults()))
                .isEqualTo(standard);
    }

    @Test
    @DisplayName("a schedule with too few or too many interim reports, or a late final report, is refused")
    void scheduleRefused() {
        OperationPeriod thirtyMonths = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 6, 30));
        PlieException error = assertRefused(() -> ExecutionReportSchedule.of(thirtyMonths, List.of(), LocalDate.of(2029, 1, 1),
                FundsSettings.defaults()), FundsError.INTERIM_REPORTS, "interimDueDates", "0");
        assertViolation(error, FundsError.FINAL_REPORT_LATE, "finalDueDate", "2029-01-01");
        assertThat(error.violation().message(Messages.FRENCH)).contains("30 mois").contains("minimum 1");
        assertRefused(() -> ExecutionReportSchedule.of(OperationPeriod.of(LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 5, 31)), List.of(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 1)), LocalDate.of(2027, 11, 30),
                FundsSettings.defaults()), FundsError.INTERIM_REPORTS, "interimDueDates", "2");
        assertRefused(() -> ExecutionReportSchedule.of(YEAR_2026, List.of(), LocalDate.of(2026, 12, 1), FundsSettings.defaults()),
                FundsError.DATE_OUT_OF_RANGE, "finalDueDate", "2026-12-01");
        // beyond 24 months the rules set no maximum: the library's limit is one interim report a started month
        List<LocalDate> thirtyOneDays = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2026, 2, 1)).toList();
        PlieException tooMany = assertRefused(() -> ExecutionReportSchedule.of(thirtyMonths, thirtyOneDays, LocalDate.of(2028, 12, 31),
                FundsSettings.defaults()), FundsError.INTERIM_REPORTS, "interimDueDates", "31");
        assertThat(tooMany.violation().message(Messages.ENGLISH)).contains("maximum 30");
        assertThat(ExecutionReportSchedule.of(thirtyMonths, thirtyOneDays.subList(0, 30), LocalDate.of(2028, 12, 31), FundsSettings.defaults())
                .interimDueDates()).hasSize(30);
    }

    @Test
    @DisplayName("two interim reports due the same day, or out of order, do not count as two: the dates must follow each other")
    void interimDatesFollowEachOther() {
        OperationPeriod fortyMonths = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2029, 4, 30));
        LocalDate finalDue = LocalDate.of(2029, 10, 15);
        assertRefused(() -> ExecutionReportSchedule.of(fortyMonths, List.of(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 15)), finalDue,
                FundsSettings.defaults()), FundsError.DUPLICATE, "interimDueDates[1]", "2027-01-15");
        assertRefused(() -> ExecutionReportSchedule.of(fortyMonths, List.of(LocalDate.of(2028, 1, 15), LocalDate.of(2027, 1, 15)), finalDue,
                FundsSettings.defaults()), FundsError.DATE_OUT_OF_RANGE, "interimDueDates[1]", "2027-01-15");
        assertThat(ExecutionReportSchedule.of(fortyMonths, List.of(LocalDate.of(2027, 1, 15), LocalDate.of(2028, 1, 15)), finalDue,
                FundsSettings.defaults()).interimDueDates()).hasSize(2);
    }

    @Test
    @DisplayName("six months after an end on 30 June is 31 December: the delay counts whole months from the day after the end")
    void finalReportSixWholeMonthsAfterTheEnd() {
        OperationPeriod toJune = OperationPeriod.of(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30));
        assertThat(ExecutionReportSchedule.standard(toJune, FundsSettings.defaults()).finalDueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(ExecutionReportSchedule.of(toJune, List.of(), LocalDate.of(2026, 12, 31), FundsSettings.defaults()).finalDueDate())
                .isEqualTo(LocalDate.of(2026, 12, 31));
        PlieException late = assertRefused(() -> ExecutionReportSchedule.of(toJune, List.of(), LocalDate.of(2027, 1, 1),
                FundsSettings.defaults()), FundsError.FINAL_REPORT_LATE, "finalDueDate", "2027-01-01");
        assertThat(late.violation().message(Messages.FRENCH)).contains("2026-12-31");
        OperationPeriod toFebruary = OperationPeriod.of(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 2, 28));
        assertThat(ExecutionReportSchedule.standard(toFebruary, FundsSettings.defaults()).finalDueDate()).isEqualTo(LocalDate.of(2026, 8, 31));
        OperationPeriod toMidMonth = OperationPeriod.of(LocalDate.of(2025, 3, 16), LocalDate.of(2026, 3, 15));
        assertThat(ExecutionReportSchedule.standard(toMidMonth, FundsSettings.defaults()).finalDueDate()).isEqualTo(LocalDate.of(2026, 9, 15));
    }

    @Test
    @DisplayName("the report delay is a setting, and the agreement derives its schedule from the period in force")
    void settings() {
        assertThat(anAgreement().reportSchedule(new FundsSettings(3)).finalDueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(anAgreement().reportSchedule(FundsSettings.defaults()).finalDueDate()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertRefused(() -> new FundsSettings(-1), FundsError.BAD_COUNT, "finalReportMonths", "-1");
    }

    /** The operation committed for 30,000 euros in the ledger (priority 1, transition region: 60 %). */
    private static OperationAccount committed30k() {
        return FundsFixture.aGrantWithCommitted(30_000).account(OP).orElseThrow();
    }

    @Test
    @DisplayName("an agreement checked against the ledger: within the co-financing rate of its eligible cost and the commitment")
    void signedAgainstTheLedger() {
        GrantAgreement signed = GrantAgreement.sign(GrantAgreementId.of("C"), OP, OI, OI, Money.euros(30_000), Money.euros(50_000), YEAR_2026,
                LocalDate.of(2026, 4, 15), RegionCategory.TRANSITION, committed30k());
        assertThat(signed.current().esfAmount()).isEqualTo(Money.euros(30_000));
        // 60 % of 49,999.99 is 29,999.994: the cap is rounded down to 29,999.99
        PlieException overRate = assertRefused(() -> GrantAgreement.sign(GrantAgreementId.of("C"), OP, OI, OI, Money.euros(30_000),
                Money.of(new java.math.BigDecimal("49999.99")), YEAR_2026, LocalDate.of(2026, 4, 15), RegionCategory.TRANSITION,
                committed30k()), FundsError.AGREEMENT_OVER_RATE, "esfAmount", "30000.00");
        assertThat(overRate.violations().get(0).details()).containsExactly("60", "49999.99", "TRANSITION", "29999.99");
        assertRefused(() -> GrantAgreement.sign(GrantAgreementId.of("C"), OP, OI, OI, Money.euros(30_001), Money.euros(60_000), YEAR_2026,
                LocalDate.of(2026, 4, 15), RegionCategory.TRANSITION, committed30k()), FundsError.AGREEMENT_OVER_COMMITMENT, "esfAmount",
                "30001.00");
        OperationAccount reservedOnly = FundsFixture.aGrant().apply(FundsFixture.reserve(OP, 30_000)).grant().account(OP).orElseThrow();
        assertRefused(() -> GrantAgreement.sign(GrantAgreementId.of("C"), OP, OI, OI, Money.euros(30_000), Money.euros(60_000), YEAR_2026,
                LocalDate.of(2026, 4, 15), RegionCategory.TRANSITION, reservedOnly), FundsError.AGREEMENT_WITHOUT_COMMITMENT, "account", OP.value());
    }

    @Test
    @DisplayName("an amendment that raises the FSE+ amount above the commitment goes back through reservation: refused with every reason, the agreement unchanged")
    void raisingAmendmentGoesBackThroughReservation() {
        GrantAgreement signed = GrantAgreement.sign(GrantAgreementId.of("C"), OP, OI, OI, Money.euros(30_000), Money.euros(50_000), YEAR_2026,
                LocalDate.of(2026, 4, 15), RegionCategory.TRANSITION, committed30k());
        PlieException error = assertRefused(() -> signed.amend(Money.euros(36_000), Money.euros(60_000), YEAR_2026, LocalDate.of(2026, 9, 1),
                "Hausse", RegionCategory.TRANSITION, committed30k()), FundsError.AGREEMENT_OVER_COMMITMENT, "esfAmount", "36000.00");
        assertThat(error.violations()).hasSize(1);
        PlieException both = assertRefused(() -> signed.amend(Money.euros(36_000), Money.euros(50_000), YEAR_2026, LocalDate.of(2027, 2, 1),
                "Hausse", RegionCategory.TRANSITION, committed30k()), FundsError.AMENDMENT_OUTSIDE_PERIOD, "signedOn", "2027-02-01");
        assertViolation(both, FundsError.AGREEMENT_OVER_RATE, "esfAmount", "36000.00");
        assertViolation(both, FundsError.AGREEMENT_OVER_COMMITMENT, "esfAmount", "36000.00");
        assertThat(signed.versions()).hasSize(1);
        // a lowering amendment within the commitment and the rate is signed
        GrantAgreement lowered = signed.amend(Money.euros(24_000), Money.euros(40_000), YEAR_2026, LocalDate.of(2026, 9, 1), "Baisse",
                RegionCategory.TRANSITION, committed30k());
        assertThat(lowered.current().esfAmount()).isEqualTo(Money.euros(24_000));
    }
}
