package fr.asso.europlie.plie.json.funds;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static fr.asso.europlie.plie.funds.FundsFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GrantAgreement;
import fr.asso.europlie.plie.funds.GrantAgreementId;
import fr.asso.europlie.plie.json.JsonError;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.money.MoneyError;
import fr.asso.europlie.plie.offer.OperationPeriod;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the plie/global-grant and plie/grant-agreement JSON documents")
class FundsJsonTest {

    @Test
    @DisplayName("a global grant is written with its journal and movements and read back equal")
    void grantRoundTrip() {
        GlobalGrant grant = aBusyGrant();
        String json = GlobalGrantJson.write(grant);
        assertThat(json).contains("\"format\" : \"plie/global-grant\"").contains("\"type\" : \"RecordServiceDone\"")
                .contains("\"paymentKind\" : \"INTERIM\"");
        GlobalGrant read = GlobalGrantJson.read(json);
        assertThat(read).isEqualTo(grant);
        assertThat(read.movements()).isEqualTo(grant.movements());
        assertThat(read.balance(Y2026)).isEqualTo(grant.balance(Y2026));
        assertThat(GlobalGrantJson.write(read)).isEqualTo(json);
    }

    @Test
    @DisplayName("a journal that breaks a ledger rule is refused at the command's path")
    void journalBreakingARule() {
        String json = GlobalGrantJson.write(aBusyGrant()).replace("\"amount\" : \"9500.00\"", "\"amount\" : \"19500.00\"");
        PlieException error = assertRefused(() -> GlobalGrantJson.read(json), FundsError.OVER_ACCEPTED, "$.journal[4].amount", "19500.00");
        assertThat(error.violations()).hasSize(1);
    }

    @Test
    @DisplayName("movements that do not match the journal are refused")
    void tamperedMovements() {
        String json = GlobalGrantJson.write(aBusyGrant());
        int last = json.lastIndexOf("\"amount\" : \"12345.00\"");
        String tampered = json.substring(0, last) + "\"amount\" : \"12346.00\"" + json.substring(last + "\"amount\" : \"12345.00\"".length());
        assertRefused(() -> GlobalGrantJson.read(tampered), JsonError.BAD_VALUE, "$.movements[6]", "RESERVATION 12346.00");
    }

    @Test
    @DisplayName("bad values in a grant are reported all at once with their path")
    void badValues() {
        String json = GlobalGrantJson.write(aBusyGrant())
                .replace("\"amount\" : \"100000.00\"", "\"amount\" : \"-100000.00\"")
                .replace("\"type\" : \"Decommit\"", "\"type\" : \"Cancel\"")
                .replace("\"kind\" : \"ADVANCE\"", "\"kind\" : \"GIFT\"");
        PlieException error = assertRefused(() -> GlobalGrantJson.read(json), JsonError.BAD_VALUE, "$.journal[5].type", "Cancel");
        assertViolation(error, JsonError.BAD_VALUE, "$.journal[2].kind", "GIFT");
        assertViolation(error, MoneyError.NEGATIVE, "$.envelopes[0].amount", "-100000.00");
    }

    @Test
    @DisplayName("a grant agreement with an amendment is read back equal; a bad version is refused with its path")
    void agreementRoundTrip() {
        OperationPeriod year = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        GrantAgreement agreement = GrantAgreement.sign(GrantAgreementId.of("CONV-1"), OP, OrganisationId.of("ASSO-1"), OI,
                Money.euros(30_000), Money.euros(50_000), year, LocalDate.of(2026, 2, 1))
                .amend(Money.euros(25_000), Money.euros(45_000), year, LocalDate.of(2026, 9, 1), "Réduction", Money.ZERO);
        String json = GrantAgreementJson.write(agreement);
        assertThat(GrantAgreementJson.read(json)).isEqualTo(agreement);
        assertRefused(() -> GrantAgreementJson.read(json.replace("\"esfAmount\" : \"25000.00\"", "\"esfAmount\" : \"46000.00\"")),
                FundsError.AMOUNT_OVER_COST, "$.versions[1].esfAmount", "46000.00");
        assertRefused(() -> GrantAgreementJson.read(json.replace("plie/grant-agreement", "plie/global-grant")),
                JsonError.UNSUPPORTED_FORMAT, "$.format", "plie/global-grant");
    }

    @Test
    @DisplayName("a grant agreement's simplified cost options are written and read back; a document without them (written before) reads as none stated; "
            + "too long ones are refused with their path")
    void agreementSimplifiedCostOptions() {
        OperationPeriod year = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        GrantAgreement stating = GrantAgreement.sign(GrantAgreementId.of("CONV-1"), OP, OrganisationId.of("ASSO-1"), OI,
                Money.euros(30_000), Money.euros(50_000), year, LocalDate.of(2026, 2, 1), "coûts unitaires : 1 200 € par participant");
        String json = GrantAgreementJson.write(stating);
        assertThat(json).contains("\"simplifiedCostOptions\" : \"coûts unitaires : 1 200 € par participant\"");
        assertThat(GrantAgreementJson.read(json)).isEqualTo(stating);

        GrantAgreement none = GrantAgreement.sign(GrantAgreementId.of("CONV-1"), OP, OrganisationId.of("ASSO-1"), OI, Money.euros(30_000),
                Money.euros(50_000), year, LocalDate.of(2026, 2, 1));
        String before = GrantAgreementJson.write(none);
        assertThat(before).doesNotContain("simplifiedCostOptions");
        assertThat(GrantAgreementJson.read(before).simplifiedCostOptions()).isEmpty();
        assertThat(GrantAgreementJson.read(before)).isEqualTo(none);

        String tooLong = json.replace("coûts unitaires : 1 200 € par participant", "x".repeat(GrantAgreement.MAX_SIMPLIFIED_COST_OPTIONS + 1));
        assertRefused(() -> GrantAgreementJson.read(tooLong), FundsError.TEXT_TOO_LONG, "$.simplifiedCostOptions",
                fr.asso.europlie.plie.error.Violation.shown("x".repeat(GrantAgreement.MAX_SIMPLIFIED_COST_OPTIONS + 1)));
        assertRefused(() -> GrantAgreementJson.read(json.replace("\"coûts unitaires : 1 200 € par participant\"", "12")),
                JsonError.WRONG_TYPE, "$.simplifiedCostOptions", "12");
    }
}
