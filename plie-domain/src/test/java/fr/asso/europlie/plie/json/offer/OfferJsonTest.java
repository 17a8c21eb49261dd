package fr.asso.europlie.plie.json.offer;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.json.JsonError;
import fr.asso.europlie.plie.json.UnknownFields;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.money.MoneyError;
import fr.asso.europlie.plie.offer.Adoption;
import fr.asso.europlie.plie.offer.OfferError;
import fr.asso.europlie.plie.offer.OfferFixture;
import fr.asso.europlie.plie.offer.OfferGenerators;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.Programming;
import fr.asso.europlie.plie.offer.SteeringDecision;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the plie/operation and plie/programming JSON documents")
class OfferJsonTest {

    private static final Operation OP1 = OfferFixture.anOperation("OP-1");
    private static final Operation OP2 = OfferFixture.anOperation("OP-2");

    private static Programming anAmendedProgramming() {
        return OfferFixture.aReviewedProgrammingWith(List.of(OP1, OP2))
                .decide(OfferFixture.anApproval(OP1.id(), Money.euros(50_000)))
                .decide(OfferFixture.refusal(OP2.id(), SteeringDecision.Outcome.ADJOURNED, "COPIL 2026-03-12", OfferFixture.at(400), "Préciser le public"))
                .recordTechnicalOpinion(OfferFixture.aTechnicalOpinion())
                .adopt(OfferFixture.anAdoption("COPIL 2026-03-12", OfferFixture.at(500)))
                .amend(OfferFixture.anApproval(OP2.id(), Money.euros(40_000)), "Public précisé");
    }

    @Test
    @DisplayName("an operation is written with its envelope and read back equal")
    void operationRoundTrip() {
        String json = OperationJson.write(OP1);
        assertThat(json).contains("\"format\" : \"plie/operation\"").contains("\"formatVersion\" : \"1.0\"")
                .contains("\"indirect\" : \"6000.00\"").contains("\"kind\" : \"INDIRECT_FLAT_RATE\"");
        assertThat(OperationJson.read(json)).isEqualTo(OP1);
    }

    @Test
    @DisplayName("an adopted and amended programming is read back equal, decisions and amendments included")
    void programmingRoundTrip() {
        Programming programming = anAmendedProgramming();
        String json = ProgrammingJson.write(programming);
        assertThat(json).contains("\"format\" : \"plie/programming\"").contains("\"complementarity\" : \"COMPLEMENTARY\"");
        Programming read = ProgrammingJson.read(json);
        assertThat(read).isEqualTo(programming);
        assertThat(read.amendments()).hasSize(1);
        assertThat(ProgrammingJson.write(read)).isEqualTo(json);
    }

    @Test
    @DisplayName("property: any valid operation survives a JSON round trip")
    void anyOperationRoundTrips() {
        qt().withExamples(150).forAll(OfferGenerators.operations()).checkAssert(operation -> {
            assertThat(OperationJson.read(OperationJson.write(operation))).isEqualTo(operation);
        });
    }

    @Test
    @DisplayName("property: any valid programming, at any stage, survives a JSON round trip")
    void anyProgrammingRoundTrips() {
        qt().withExamples(100).forAll(OfferGenerators.programmings()).checkAssert(programming -> {
            String json = ProgrammingJson.write(programming);
            Programming read = ProgrammingJson.read(json);
            assertThat(read).isEqualTo(programming);
            assertThat(ProgrammingJson.write(read)).isEqualTo(json);
        });
    }

    @Test
    @DisplayName("a malformed document is refused naming the line and column")
    void malformed() {
        assertRefused(() -> OperationJson.read("{ \"format\" : \"plie/operation\", "), JsonError.MALFORMED, "line 1, column 32",
                "Unexpected end-of-input within/between Object entries");
    }

    @Test
    @DisplayName("bad values are reported all at once with their JSON path: unknown axis, negative amount, unknown member, bad date")
    void badValues() {
        String json = OperationJson.write(OP1)
                .replace("\"ACCOMPANIMENT\"", "\"PATHWAY_ENGINEERING\"")
                .replace("\"otherDirect\" : \"4000.00\"", "\"otherDirect\" : \"-4000.00\"")
                .replace("\"title\" :", "\"titel\" : \"x\", \"title\" :")
                .replace("\"start\" : \"2026-01-01\"", "\"start\" : \"1er janvier\"");
        PlieException error = assertRefused(() -> OperationJson.read(json), JsonError.BAD_VALUE, "$.axis", "PATHWAY_ENGINEERING");
        assertViolation(error, MoneyError.NEGATIVE, "$.costs.otherDirect", "-4000.00");
        assertViolation(error, JsonError.UNKNOWN_FIELD, "$.titel", "\"x\"");
        assertViolation(error, JsonError.BAD_VALUE, "$.period.start", "1er janvier");
        assertThat(error.violations()).hasSize(4);
        assertThat(OperationJson.read(OperationJson.write(OP1).replace("\"title\" :", "\"titel\" : \"x\", \"title\" :"), UnknownFields.KEEP)
                .unknownFields()).containsEntry("$.titel", "\"x\"");
    }

    @Test
    @DisplayName("a programming that breaks an invariant is refused with the rule's own code and path")
    void programmingInvariant() {
        String json = ProgrammingJson.write(anAmendedProgramming()).replace("\"amount\" : \"100000.00\"", "\"amount\" : \"80000.00\"");
        assertRefused(() -> ProgrammingJson.read(json), OfferError.AXIS_OVER_PROGRAMMED, "$.call.envelopes.ACCOMPANIMENT", "90000.00");
        String period = ProgrammingJson.write(anAmendedProgramming()).replace("\"end\" : \"2026-12-31\"", "\"end\" : \"2025-12-31\"");
        assertRefused(() -> ProgrammingJson.read(period), OfferError.PERIOD_ORDER, "$.applications[0].operation.period.end", "2025-12-31");
        String generous = ProgrammingJson.write(anAmendedProgramming()).replaceFirst("\"approvedAmount\" : \"50000.00\"",
                "\"approvedAmount\" : \"60000.00\"");
        assertRefused(() -> ProgrammingJson.read(generous), OfferError.AMOUNT_OVER_COST, "$.applications[0].decision.approvedAmount",
                "60000.00");
    }
}
