package fr.asso.europlie.plie.cohort.csv;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the CSV import checks the rules that need the cohort's settings at the row and column")
class CohortCsvImportChecksTest {

    private static final CohortSettings SETTINGS = CohortFixture.defaultSettings();

    /** The sample's files, P-1's exit declared EMPLOYMENT, P-2's six-month data too early. */
    private static CsvFiles edited(boolean earlySixMonths, boolean employmentExit) {
        Cohort source = ImportSample.cohort();
        CsvFiles files = CohortCsv.write(source.toData(), ';');
        if (employmentExit) {
            files = cell(files, "P-1", "exitReason", "EMPLOYMENT");
        }
        if (earlySixMonths) {
            files = cell(files, "P-2", "sixMonthDataCollectedOn", ImportSample.TOO_EARLY);
        }
        return files;
    }

    /** Replaces a cell of the periods.csv row of a participant's first period. */
    private static CsvFiles cell(CsvFiles files, String participant, String column, String value) {
        String[] lines = files.periods().split("\n");
        int index = CohortCsv.PERIOD_COLUMNS.indexOf(column);
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(";", -1);
            if (cells[0].equals(participant)) {
                cells[index] = value;
                lines[i] = String.join(";", cells);
            }
        }
        return new CsvFiles(String.join("\n", lines) + "\n", files.steps(), files.identities(), files.referents());
    }

    @Test
    @DisplayName("all or nothing: six-month data collected too early is refused at its row and column")
    void sixMonthDataTooEarly() {
        CsvFiles files = edited(true, false);
        PlieException error = assertRefused(() -> CohortCsv.read(files, SETTINGS, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT),
                CohortError.SIX_MONTH_DATA_TOO_EARLY, "periods.csv[3].sixMonthDataCollectedOn", ImportSample.TOO_EARLY);
        assertThat(error.getMessage(Messages.FRENCH)).contains("2026-03-31").contains("2026-09-30");
        assertThat(error.getMessage(Messages.ENGLISH)).contains("2026-03-31").contains("2026-09-30");
        // without the settings, the reader cannot know: Cohort.load refuses it later, at the data's path
        assertThat(CohortCsv.read(files, SETTINGS.eligibility().targetPublics())).isNotNull();
    }

    @Test
    @DisplayName("all or nothing: an imported employment exit whose steps do not meet the rule is refused at its row, naming the rule")
    void unmetPositiveExitStrict() {
        PlieException error = assertRefused(() -> CohortCsv.read(edited(false, true), SETTINGS, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT),
                CohortError.IMPORTED_EXIT_NOT_POSITIVE, "periods.csv[2].exitReason", "EMPLOYMENT");
        assertThat(error.getMessage(Messages.FRENCH)).contains("exitRules.employmentMonths=6").contains("(60 d)");
        assertThat(error.getMessage(Messages.ENGLISH)).contains("exitRules.employmentMonths=6").contains("(60 d)");
    }

    @Test
    @DisplayName("valid-participants mode: the participants refused by these rules are left out with their rows, the others kept")
    void validParticipantsMode() {
        ImportResult result = CohortCsv.read(edited(true, true), SETTINGS, ImportMode.VALID_PARTICIPANTS, ImportedExits.STRICT);
        assertThat(result.data().participants()).extracting(p -> p.id().value()).containsExactly("P-3");
        assertThat(result.data().identities()).containsOnlyKeys(ParticipantId.of("P-3"));
        assertThat(result.rejected()).extracting(Violation::code, Violation::field).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(CohortError.IMPORTED_EXIT_NOT_POSITIVE, "periods.csv[2].exitReason"),
                org.assertj.core.groups.Tuple.tuple(CohortError.SIX_MONTH_DATA_TOO_EARLY, "periods.csv[3].sixMonthDataCollectedOn"));
        result.rejected().forEach(v -> assertMessages(v));
        assertThat(result.unconfirmedExits()).isEmpty();
        Cohort target = CohortFixture.aCohort();
        target.load(result.data());
        assertThat(target.participants()).hasSize(1);
    }

    @Test
    @DisplayName("lenient exits: the exit is imported as UNCONFIRMED_POSITIVE and listed with its row and rule")
    void lenientExits() {
        for (ImportMode mode : ImportMode.values()) {
            ImportResult result = CohortCsv.read(edited(false, true), SETTINGS, mode, ImportedExits.LENIENT);
            assertThat(result.rejected()).isEmpty();
            assertThat(result.unconfirmedExits()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo(CohortError.IMPORTED_EXIT_NOT_POSITIVE);
                assertThat(v.field()).isEqualTo("periods.csv[2].exitReason");
                assertThat(v.value()).isEqualTo("EMPLOYMENT");
                assertThat(v.message(Messages.FRENCH)).contains("exitRules.employmentMonths=6");
                assertThat(v.message(Messages.ENGLISH)).contains("exitRules.employmentMonths=6");
                assertMessages(v);
            });
            assertThat(result.data().participants()).hasSize(3);
            assertThat(result.data().participants().get(0).period(1).orElseThrow().exit().reason()).isEqualTo(ExitReason.UNCONFIRMED_POSITIVE);
            Cohort target = CohortFixture.aCohort();
            assertThat(target.load(result.data(), ImportedExits.STRICT)).isEmpty();
            assertThat(target.participant(ParticipantId.of("P-1")).orElseThrow().period(1).orElseThrow().exit().reason())
                    .isEqualTo(ExitReason.UNCONFIRMED_POSITIVE);
        }
    }

    @Test
    @DisplayName("lenient exits do not excuse six-month data collected too early; in valid-participants mode only that participant is left out")
    void lenientStillRefusesEarlySixMonthData() {
        assertRefused(() -> CohortCsv.read(edited(true, true), SETTINGS, ImportMode.ALL_OR_NOTHING, ImportedExits.LENIENT),
                CohortError.SIX_MONTH_DATA_TOO_EARLY, "periods.csv[3].sixMonthDataCollectedOn", ImportSample.TOO_EARLY);
        ImportResult result = CohortCsv.read(edited(true, true), SETTINGS, ImportMode.VALID_PARTICIPANTS, ImportedExits.LENIENT);
        assertThat(result.data().participants()).extracting(p -> p.id().value()).containsExactly("P-1", "P-3");
        assertThat(result.rejected()).extracting(Violation::field).containsExactly("periods.csv[3].sixMonthDataCollectedOn");
        assertThat(result.unconfirmedExits()).extracting(Violation::field).containsExactly("periods.csv[2].exitReason");
    }

    @Test
    @DisplayName("the untouched sample reads back equal with the settings, nothing rejected or demoted")
    void validSample() {
        Cohort source = ImportSample.cohort();
        ImportResult result = CohortCsv.read(CohortCsv.write(source.toData(), ';'), SETTINGS, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT);
        assertThat(result.data()).isEqualTo(source.toData());
        assertThat(result.rejected()).isEmpty();
        assertThat(result.unconfirmedExits()).isEmpty();
    }
}
