package fr.asso.europlie.plie.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.error.ViolationAssertions;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolError;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolState;
import fr.asso.europlie.plie.territory.TerritoryError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the plie/protocol JSON document")
class ProtocolJsonTest {

    @Test
    @DisplayName("the Grand Périgueux protocol in force is written and read back equal")
    void fixtureRoundTrip() {
        Protocol inForce = ProtocolFixture.inForce();
        String json = ProtocolJson.write(inForce);
        assertThat(json).contains("\"format\" : \"plie/protocol\"").contains("\"formatVersion\" : \"1.0\"")
                .contains("\"24322\"").contains("\"150000.00\"").doesNotContain("Périgueux\" : ");
        Protocol read = ProtocolJson.read(json);
        assertThat(read).isEqualTo(inForce);
        assertThat(read.content().territory().municipalities()).hasSize(43);
        assertThat(read.state()).isEqualTo(ProtocolState.IN_FORCE);
    }

    @Test
    @DisplayName("a protocol with a pending amendment keeps both texts through JSON")
    void amendmentRoundTrip() {
        Protocol amended = ProtocolFixture.inForceWithAmendment(ProtocolState.ADOPTED);
        assertThat(ProtocolJson.read(ProtocolJson.write(amended))).isEqualTo(amended);
    }

    private static String broken() {
        return ProtocolJson.write(ProtocolFixture.aDraft())
                .replace("\"kind\" : \"STATE\"", "\"kind\" : \"PREFECTURE\"")
                .replace("\"last\" : 2027", "\"last\" : 2033")
                .replace("\"24322\"", "\"99999\"")
                .replace("\"amount\" : \"150000.00\"", "\"amount\" : \"150000.005\"")
                .replace("\"signatories\" :", "\"signatorie\" : [], \"signatories\" :")
                .replace("\"at\" : \"2021-09-01T08:00:00Z\"", "\"at\" : \"le 1er septembre\"");
    }

    @Test
    @DisplayName("an invalid document reports every problem with its JSON path, not just the first")
    void everyProblemWithItsPath() {
        InvalidDocumentException error = catchThrowableOfType(InvalidDocumentException.class, () -> ProtocolJson.read(broken()));
        assertThat(error).isNotNull();
        assertThat(error.violations()).extracting(Violation::field).contains(
                "$.negotiation.content.signatorie",
                "$.negotiation.content.signatories[2].kind",
                "$.negotiation.content.period",
                "$.events[0].at");
        assertThat(error.violations()).anySatisfy(v -> assertThat(v.field()).startsWith("$.negotiation.content.territory.municipalities"));
        assertThat(error.violations()).anySatisfy(v -> assertThat(v.field()).startsWith("$.negotiation.content.budget.contributions[0].amount"));
        assertThat(error.violations()).hasSizeGreaterThanOrEqualTo(6);
        ViolationAssertions.assertViolation(error, JsonError.UNKNOWN_FIELD, "$.negotiation.content.signatorie", "[]");
        ViolationAssertions.assertViolation(error, JsonError.BAD_VALUE, "$.negotiation.content.signatories[2].kind", "PREFECTURE");
        ViolationAssertions.assertViolation(error, ProtocolError.PERIOD_LENGTH, "$.negotiation.content.period", "12");
        ViolationAssertions.assertViolation(error, fr.asso.europlie.plie.money.MoneyError.MORE_THAN_CENTS,
                "$.negotiation.content.budget.contributions[0].amount", "150000.005");
        assertThat(error.violations()).anySatisfy(v -> {
            assertThat(v.code()).isInstanceOf(TerritoryError.class);
            assertThat(v.value()).contains("99999");
        });
        assertThat(error.getMessage(Messages.FRENCH)).contains("PREFECTURE").contains("99999");
        assertThat(error.getMessage(Messages.ENGLISH)).contains("PREFECTURE").contains("99999");
    }

    @Test
    @DisplayName("unknown members can be kept instead of refused, with their path and raw JSON")
    void unknownMembersKept() {
        String json = ProtocolJson.write(ProtocolFixture.aDraft()).replaceFirst("\"id\" :", "\"vendorRef\" : {\"crm\" : 42}, \"id\" :");
        catchThrowableOfType(InvalidDocumentException.class, () -> ProtocolJson.read(json));
        Document<Protocol> document = ProtocolJson.read(json, UnknownFields.KEEP);
        assertThat(document.value()).isEqualTo(ProtocolFixture.aDraft());
        assertThat(document.unknownFields()).containsEntry("$.vendorRef", "{\"crm\":42}");
    }

    @Test
    @DisplayName("malformed JSON is refused with its line and column")
    void malformed() {
        InvalidDocumentException error = catchThrowableOfType(InvalidDocumentException.class,
                () -> ProtocolJson.read("{\n  \"format\": \"plie/protocol\",\n  \"id\": }"));
        assertThat(error.violations()).hasSize(1);
        assertThat(error.code()).isEqualTo("PLIE-JSON-001");
        assertThat(error.field()).isEqualTo("line 3, column 9");
        ViolationAssertions.assertMessages(error.violation());
    }

    @Test
    @DisplayName("a document of another kind or another major version is refused")
    void otherFormat() {
        String json = ProtocolJson.write(ProtocolFixture.aDraft());
        InvalidDocumentException kind = catchThrowableOfType(InvalidDocumentException.class,
                () -> ProtocolJson.read(json.replace("plie/protocol", "plie/programming")));
        ViolationAssertions.assertViolation(kind, JsonError.UNSUPPORTED_FORMAT, "$.format", "plie/programming");
        InvalidDocumentException version = catchThrowableOfType(InvalidDocumentException.class,
                () -> ProtocolJson.read(json.replace("\"1.0\"", "\"2.0\"")));
        ViolationAssertions.assertViolation(version, JsonError.UNSUPPORTED_FORMAT, "$.formatVersion", "2.0");
        assertThat(ProtocolJson.read(json.replace("\"1.0\"", "\"1.3\""))).isEqualTo(ProtocolFixture.aDraft());
    }
}
