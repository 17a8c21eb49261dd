package fr.asso.europlie.plie.json.cohort;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.json.JsonError;
import fr.asso.europlie.plie.json.UnknownFields;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the plie/cohort JSON document")
class CohortJsonTest {

    static final SyntheticCohort GENERATOR = new SyntheticCohort(CohortFixture.defaultSettings(), LocalDate.of(2022, 1, 1),
            LocalDate.of(2026, 12, 31));

    static String oneParticipant() {
        Cohort cohort = CohortFixture.aCohort();
        ParticipantId id = CohortFixture.anEnteredJobseeker(cohort, "Morin", LocalDate.of(2026, 1, 5), CohortFixture.ALICE);
        cohort.exit(id, LocalDate.of(2026, 3, 31), ExitReason.DROPOUT, null);
        return CohortJson.write(cohort.toData());
    }

    @Test
    @DisplayName("a written cohort reads back equal, with its envelope")
    void roundTrip() {
        CohortData data = GENERATOR.generate(11, 30).data();
        String json = CohortJson.write(data);
        assertThat(json).contains("\"format\" : \"plie/cohort\"").contains("\"formatVersion\" : \"1.0\"");
        assertThat(CohortJson.read(json, CohortFixture.PUBLICS)).isEqualTo(data);
    }

    /** Three participants entered on 5, 12 and 19 January 2026, the second left on 31 March. */
    static String threeParticipants() {
        Cohort cohort = CohortFixture.aCohort();
        CohortFixture.anEnteredJobseeker(cohort, "Morin", LocalDate.of(2026, 1, 5), CohortFixture.ALICE);
        ParticipantId second = CohortFixture.anEnteredJobseeker(cohort, "Roux", LocalDate.of(2026, 1, 12), CohortFixture.ALICE);
        cohort.exit(second, LocalDate.of(2026, 3, 31), ExitReason.DROPOUT, null);
        CohortFixture.anEnteredJobseeker(cohort, "Fabre", LocalDate.of(2026, 1, 19), CohortFixture.BRUNO);
        return CohortJson.write(cohort.toData());
    }

    @Test
    @DisplayName("valid-participants mode: the participant with a bad period and the one with a bad identity are left out, each problem at its path")
    void validParticipantsMode() {
        String json = threeParticipants().replace("\"exitedOn\" : \"2026-03-31\"", "\"exitedOn\" : \"2025-12-31\"")
                .replace("\"lastName\" : \"Fabre\"", "\"lastName\" : \"\"");
        assertRefused(() -> CohortJson.read(json, CohortFixture.PUBLICS, fr.asso.europlie.plie.cohort.ImportMode.ALL_OR_NOTHING),
                CohortError.DATE_ORDER, "$.participants[1].periods[0].exit.exitedOn", "2025-12-31");
        fr.asso.europlie.plie.cohort.ImportResult result = CohortJson.read(json, CohortFixture.PUBLICS,
                fr.asso.europlie.plie.cohort.ImportMode.VALID_PARTICIPANTS);
        assertThat(result.data().participants()).extracting(p -> p.id().value()).containsExactly("P-1");
        assertThat(result.data().identities()).containsOnlyKeys(ParticipantId.of("P-1"));
        assertThat(result.rejected()).extracting(fr.asso.europlie.plie.error.Violation::field)
                .contains("$.participants[1].periods[0].exit.exitedOn")
                .anySatisfy(field -> assertThat(field).startsWith("$.identities[2]"));
        result.rejected().forEach(fr.asso.europlie.plie.error.ViolationAssertions::assertMessages);
    }

    @Test
    @DisplayName("valid-participants mode still refuses a document whose problem is outside the participants")
    void validParticipantsModeRefusesTheEnvelope() {
        String json = threeParticipants().replace("\"formatVersion\" : \"1.0\"", "\"formatVersion\" : \"2.0\"");
        assertRefused(() -> CohortJson.read(json, CohortFixture.PUBLICS, fr.asso.europlie.plie.cohort.ImportMode.VALID_PARTICIPANTS),
                fr.asso.europlie.plie.json.JsonError.UNSUPPORTED_FORMAT, "$.formatVersion", "2.0");
    }

    @Test
    @DisplayName("an exit before the entry is refused at its JSON path")
    void exitBeforeEntry() {
        String json = oneParticipant().replace("\"exitedOn\" : \"2026-03-31\"", "\"exitedOn\" : \"2025-12-31\"");
        assertRefused(() -> CohortJson.read(json, CohortFixture.PUBLICS), CohortError.DATE_ORDER,
                "$.participants[0].periods[0].exit.exitedOn", "2025-12-31");
    }

    @Test
    @DisplayName("an unknown target public and a malformed date are both reported at their paths")
    void unknownTargetPublicAndBadDate() {
        String json = oneParticipant().replace("\"DELD\"", "\"MARTIENS\"").replace("\"referredOn\" : \"2025-12-15\"", "\"referredOn\" : \"15/12/25\"");
        var error = assertRefused(() -> CohortJson.read(json, CohortFixture.PUBLICS), CohortError.UNKNOWN_TARGET_PUBLIC,
                "$.participants[0].periods[0].targetPublics[0]", "MARTIENS");
        fr.asso.europlie.plie.error.ViolationAssertions.assertViolation(error, JsonError.BAD_VALUE,
                "$.participants[0].periods[0].referral.referredOn", "15/12/25");
    }

    @Test
    @DisplayName("a second identity for the same participant is refused at its path, not silently kept over the first")
    void duplicateIdentity() {
        String json = oneParticipant();
        int start = json.indexOf("{", json.indexOf("\"identities\""));
        int end = json.indexOf("}", start) + 1;
        String identity = json.substring(start, end);
        String twice = json.substring(0, end) + ", " + identity.replace("Morin", "Autre") + json.substring(end);
        assertRefused(() -> CohortJson.read(twice, CohortFixture.PUBLICS), CohortError.DUPLICATE, "$.identities[1].participantId",
                "P-1");
    }

    @Test
    @DisplayName("an unknown member is refused by default and kept on request")
    void unknownMember() {
        String json = oneParticipant().replace("\"number\" : 1,", "\"number\" : 1, \"couleur\" : \"bleu\",");
        assertRefused(() -> CohortJson.read(json, CohortFixture.PUBLICS), JsonError.UNKNOWN_FIELD, "$.participants[0].periods[0].couleur", "\"bleu\"");
        assertThat(CohortJson.read(json, CohortFixture.PUBLICS, UnknownFields.KEEP).unknownFields())
                .containsEntry("$.participants[0].periods[0].couleur", "\"bleu\"");
    }
}
