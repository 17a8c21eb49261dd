package fr.asso.europlie.plie.json.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.json.InvalidDocumentException;
import fr.asso.europlie.plie.json.JsonError;
import fr.asso.europlie.plie.offer.OfferFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the plie/operators and plie/call-for-proposals documents")
class OfferDirectoryJsonTest {

    @Test
    @DisplayName("the known operators and the call are written and read back equal")
    void roundTrips() {
        assertThat(OfferDirectoryJson.readOperators(OfferDirectoryJson.writeOperators(OfferFixture.OPERATORS)))
                .isEqualTo(OfferFixture.OPERATORS);
        assertThat(OfferDirectoryJson.readCall(OfferDirectoryJson.writeCall(OfferFixture.aCall()))).isEqualTo(OfferFixture.aCall());
    }

    @Test
    @DisplayName("an operators document with a nameless operator and an unknown member reports both, with their paths")
    void everyProblem() {
        String json = OfferDirectoryJson.writeOperators(OfferFixture.OPERATORS)
                .replace("\"name\" : \"Association Insertion 24\"", "\"name\" : \" \", \"siret\" : \"123\"");
        InvalidDocumentException error = catchThrowableOfType(InvalidDocumentException.class, () -> OfferDirectoryJson.readOperators(json));
        assertThat(error.violations()).extracting(Violation::field)
                .contains("$.operators[0].siret").anySatisfy(f -> assertThat(f).startsWith("$.operators[0].name"));
        assertThat(error.violations()).anySatisfy(v -> assertThat(v.code()).isEqualTo(JsonError.UNKNOWN_FIELD));
    }

    @Test
    @DisplayName("a call with a closing date that is not a date is refused by path")
    void badCall() {
        String json = OfferDirectoryJson.writeCall(OfferFixture.aCall()).replace("\"2026-01-31\"", "\"fin janvier\"");
        InvalidDocumentException error = catchThrowableOfType(InvalidDocumentException.class, () -> OfferDirectoryJson.readCall(json));
        assertThat(error.violations()).extracting(Violation::field).contains("$.call.closingDate");
        assertThat(error.getMessage()).contains("fin janvier");
    }
}
