package fr.asso.europlie.plie.json.cohort;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertMessages;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportResult;
import fr.asso.europlie.plie.cohort.ImportSample;
import fr.asso.europlie.plie.cohort.ImportedExits;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.error.Messages;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@DisplayName("the JSON import checks the rules that need the cohort's settings at the document's path")
class CohortJsonImportChecksTest {

    private static final CohortSettings SETTINGS = CohortFixture.defaultSettings();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The sample's document, P-1's exit declared EMPLOYMENT, P-2's six-month data too early. */
    private static String edited(boolean earlySixMonths, boolean employmentExit) {
        Cohort source = ImportSample.cohort();
        ObjectNode root = (ObjectNode) MAPPER.readTree(CohortJson.write(source.toData()));
        assertThat(root.at("/participants/0/id").asString()).isEqualTo("P-1");
        assertThat(root.at("/participants/1/id").asString()).isEqualTo("P-2");
        if (employmentExit) {
            ((ObjectNode) root.at("/participants/0/periods/0/exit")).put("reason", "EMPLOYMENT");
        }
        if (earlySixMonths) {
            ((ObjectNode) root.at("/participants/1/periods/0/sixMonthData")).put("collectedOn", ImportSample.TOO_EARLY);
        }
        return MAPPER.writeValueAsString(root);
    }

    @Test
    @DisplayName("all or nothing: six-month data collected too early is refused at its path")
    void sixMonthDataTooEarly() {
        PlieException error = assertRefused(() -> CohortJson.read(edited(true, false), SETTINGS, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT),
                CohortError.SIX_MONTH_DATA_TOO_EARLY, "$.participants[1].periods[0].sixMonthData.collectedOn", ImportSample.TOO_EARLY);
        assertThat(error.getMessage(Messages.FRENCH)).contains("2026-03-31").contains("2026-09-30");
        assertThat(error.getMessage(Messages.ENGLISH)).contains("2026-03-31").contains("2026-09-30");
    }

    @Test
    @DisplayName("all or nothing: an imported employment exit whose steps do not meet the rule is refused at its path, naming the rule")
    void unmetPositiveExitStrict() {
        PlieException error = assertRefused(() -> CohortJson.read(edited(false, true), SETTINGS, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT),
                CohortError.IMPORTED_EXIT_NOT_POSITIVE, "$.participants[0].periods[0].exit.reason", "EMPLOYMENT");
        assertThat(error.getMessage(Messages.FRENCH)).contains("exitRules.employmentMonths=6").contains("(60 d)");
        assertThat(error.getMessage(Messages.ENGLISH)).contains("exitRules.employmentMonths=6").contains("(60 d)");
    }

    @Test
    @DisplayName("valid-participants mode: the participants refused by these rules are left out with their paths, the others kept")
    void validParticipantsMode() {
        ImportResult result = CohortJson.read(edited(true, true), SETTINGS, ImportMode.VALID_PARTICIPANTS, ImportedExits.STRICT);
        assertThat(result.data().participants()).extracting(p -> p.id().value()).containsExactly("P-3");
        assertThat(result.data().identities()).containsOnlyKeys(ParticipantId.of("P-3"));
        assertThat(result.rejected()).extracting(Violation::code, Violation::field).containsExactlyInAnyOrder(
                Tuple.tuple(CohortError.IMPORTED_EXIT_NOT_POSITIVE, "$.participants[0].periods[0].exit.reason"),
                Tuple.tuple(CohortError.SIX_MONTH_DATA_TOO_EARLY, "$.participants[1].periods[0].sixMonthData.collectedOn"));
        result.rejected().forEach(v -> assertMessages(v));
        assertThat(result.unconfirmedExits()).isEmpty();
    }

    @Test
    @DisplayName("lenient exits: the exit is imported as UNCONFIRMED_POSITIVE and listed with its path and rule, in both modes")
    void lenientExits() {
        for (ImportMode mode : ImportMode.values()) {
            ImportResult result = CohortJson.read(edited(false, true), SETTINGS, mode, ImportedExits.LENIENT);
            assertThat(result.rejected()).isEmpty();
            assertThat(result.unconfirmedExits()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo(CohortError.IMPORTED_EXIT_NOT_POSITIVE);
                assertThat(v.field()).isEqualTo("$.participants[0].periods[0].exit.reason");
                assertThat(v.value()).isEqualTo("EMPLOYMENT");
                assertThat(v.message(Messages.FRENCH)).contains("exitRules.employmentMonths=6");
                assertThat(v.message(Messages.ENGLISH)).contains("exitRules.employmentMonths=6");
                assertMessages(v);
            });
            assertThat(result.data().participants().get(0).period(1).orElseThrow().exit().reason()).isEqualTo(ExitReason.UNCONFIRMED_POSITIVE);
            Cohort target = CohortFixture.aCohort();
            assertThat(target.load(result.data(), ImportedExits.STRICT)).isEmpty();
            assertThat(target.participants()).hasSize(3);
        }
    }

    @Test
    @DisplayName("valid-participants mode with lenient exits: a demoted exit after a rejected participant keeps its path in the document")
    void demotedPathAfterRejected() {
        Cohort source = ImportSample.cohort();
        ObjectNode root = (ObjectNode) MAPPER.readTree(CohortJson.write(source.toData()));
        tools.jackson.databind.node.ArrayNode participants = (tools.jackson.databind.node.ArrayNode) root.get("participants");
        tools.jackson.databind.JsonNode morin = participants.remove(0);
        participants.add(morin); // P-2, P-3, P-1
        ((ObjectNode) root.at("/participants/2/periods/0/exit")).put("reason", "EMPLOYMENT");
        ((ObjectNode) root.at("/participants/0/periods/0/sixMonthData")).put("collectedOn", ImportSample.TOO_EARLY);
        ImportResult result = CohortJson.read(MAPPER.writeValueAsString(root), SETTINGS, ImportMode.VALID_PARTICIPANTS, ImportedExits.LENIENT);
        assertThat(result.data().participants()).extracting(p -> p.id().value()).containsExactly("P-3", "P-1");
        assertThat(result.rejected()).extracting(Violation::field).containsExactly("$.participants[0].periods[0].sixMonthData.collectedOn");
        assertThat(result.unconfirmedExits()).extracting(Violation::field).containsExactly("$.participants[2].periods[0].exit.reason");
    }

    @Test
    @DisplayName("the untouched sample reads back equal with the settings, nothing rejected or demoted")
    void validSample() {
        Cohort source = ImportSample.cohort();
        ImportResult result = CohortJson.read(CohortJson.write(source.toData()), SETTINGS, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT);
        assertThat(result.data()).isEqualTo(source.toData());
        assertThat(result.rejected()).isEmpty();
        assertThat(result.unconfirmedExits()).isEmpty();
    }
}
