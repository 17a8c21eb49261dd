package fr.asso.europlie.plie.cohort.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportResult;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each part of a row that the model's own types refuse (an adhesion, an exit, its data, the
 * six-month data, the entry data, a step, a person's identity) is reported at the file, row and
 * column it came from, with the model's code and value, and the participant is left out: the
 * reader builds these types itself and places what they refuse (issue 16 made it call their
 * constructors directly instead of through a supplier).
 */
@DisplayName("what the model refuses in a row is reported at that row's file, line and column")
class CsvModelRefusalsTest {

    /** A participant referred, decided, entered and followed, without exit: valid as it is. */
    private static Map<String, String> entered() {
        Map<String, String> row = new HashMap<>();
        row.put("participantId", "P-9");
        row.put("period", "1");
        row.put("referrer", "FT-24");
        row.put("referredOn", "2026-01-05");
        row.put("targetPublics", "DELD");
        row.put("doubleAccompanimentFlagged", "false");
        row.put("entryDecidedOn", "2026-01-12");
        row.put("entryValidated", "true");
        row.put("participantSignedOn", "2026-01-19");
        row.put("referent", "REF-1");
        row.put("referentSignedOn", "2026-01-19");
        row.put("plan", "PLIE");
        row.put("planSignedOn", "2026-01-19");
        row.put("referents", "2026-01-19:REF-1");
        row.put("statuses", "2026-01-05:JOBSEEKER");
        return row;
    }

    private static String line(List<String> columns, Map<String, String> row) {
        return columns.stream().map(c -> row.getOrDefault(c, "")).collect(Collectors.joining(";"));
    }

    private static String periods(Map<String, String> row) {
        return String.join(";", CohortCsv.PERIOD_COLUMNS) + "\n" + line(CohortCsv.PERIOD_COLUMNS, row) + "\n";
    }

    private static List<Violation> refused(CsvFiles files) {
        InvalidValueException e = catchThrowableOfType(() -> CohortCsv.read(files, CohortFixture.PUBLICS), InvalidValueException.class);
        assertThat(e).as("refused").isNotNull();
        // the other mode keeps nothing of the participant, with the same problems
        ImportResult kept = CohortCsv.read(files, CohortFixture.PUBLICS, ImportMode.VALID_PARTICIPANTS);
        assertThat(kept.data().participants()).isEmpty();
        assertThat(kept.rejected()).isEqualTo(e.violations());
        return e.violations();
    }

    private static void assertOnly(List<Violation> found, CohortError code, String field, String value) {
        assertThat(found).hasSize(1);
        assertThat(found.get(0).code()).isEqualTo(code);
        assertThat(found.get(0).field()).isEqualTo(field);
        assertThat(String.valueOf(found.get(0).value())).isEqualTo(value);
    }

    @Test
    @DisplayName("the row as given is valid: every case below differs from it by the cells it names")
    void baseRowIsValid() {
        ImportResult read = CohortCsv.read(new CsvFiles(periods(entered()), null, null, null), CohortFixture.PUBLICS, ImportMode.VALID_PARTICIPANTS);
        assertThat(read.rejected()).isEmpty();
        assertThat(read.data().participants()).hasSize(1);
    }

    @Test
    @DisplayName("an adhesion without its referent, at periods.csv[2].adhesion.referent")
    void adhesionWithoutReferent() {
        Map<String, String> row = entered();
        row.remove("referent");
        assertOnly(refused(new CsvFiles(periods(row), null, null, null)), CohortError.BLANK, "periods.csv[2].adhesion.referent", "null");
    }

    @Test
    @DisplayName("an exit reason without the exit's day, at periods.csv[2].exit.exitedOn")
    void exitWithoutDay() {
        Map<String, String> row = entered();
        row.put("exitReason", "DROPOUT");
        assertOnly(refused(new CsvFiles(periods(row), null, null, null)), CohortError.BLANK, "periods.csv[2].exit.exitedOn", "null");
    }

    /** The participant of {@link #entered()}, gone at the end of June. */
    private static Map<String, String> exited() {
        Map<String, String> row = entered();
        row.put("exitedOn", "2026-06-30");
        row.put("exitReason", "DROPOUT");
        return row;
    }

    private static void assertIncompatibleUnder(Map<String, String> row, String prefix) {
        List<Violation> found = refused(new CsvFiles(periods(row), null, null, null));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).code()).isEqualTo(CohortError.INCOMPATIBLE);
        assertThat(found.get(0).field()).startsWith(prefix);
    }

    @Test
    @DisplayName("exit data both searching and employed, at the exit data's row")
    void exitDataSearchingAndEmployed() {
        Map<String, String> row = exited();
        row.put("exitDataCollectedOn", "2026-06-30");
        row.put("jobSearching", "true");
        row.put("employedOnLeaving", "true");
        assertIncompatibleUnder(row, "periods.csv[2].exitData.");
    }

    @Test
    @DisplayName("a situation improved six months on without employment, at the six-month data's row")
    void sixMonthImprovedWithoutEmployment() {
        Map<String, String> row = exited();
        row.put("sixMonthDataCollectedOn", "2027-01-05");
        row.put("employedAfterSixMonths", "false");
        row.put("improvedSituation", "true");
        assertIncompatibleUnder(row, "periods.csv[2].sixMonthData.");
    }

    @Test
    @DisplayName("an age at entry of 130, at periods.csv[2].entryData.ageAtEntry, with its value")
    void ageOutOfRange() {
        Map<String, String> row = entered();
        row.put("entryDataCollectedOn", "2026-01-19");
        row.put("gender", "WOMAN");
        row.put("ageAtEntry", "130");
        row.put("labourStatus", "INACTIVE");
        row.put("isced", "3");
        row.put("disability", "NO");
        row.put("thirdCountNational", "NO");
        row.put("foreignBackground", "NO");
        row.put("minority", "NO");
        assertOnly(refused(new CsvFiles(periods(row), null, null, null)), CohortError.OUT_OF_RANGE, "periods.csv[2].entryData.ageAtEntry",
                "130");
    }

    @Test
    @DisplayName("a step ending before it starts, at steps.csv[2].end, with its day")
    void stepEndingBeforeItStarts() {
        String steps = String.join(";", CohortCsv.STEP_COLUMNS) + "\n" + "P-9;1;S1;ASSESSMENT;2026-03-01;2026-02-01;;;;;;\n";
        List<Violation> found = refused(new CsvFiles(periods(entered()), steps, null, null));
        assertOnly(found, CohortError.DATE_ORDER, "steps.csv[2].end", "2026-02-01");
    }

    @Test
    @DisplayName("an identity row without a last name, at identities.csv[2].lastName")
    void identityWithoutLastName() {
        String identities = String.join(";", CohortCsv.IDENTITY_COLUMNS) + "\n" + "P-9;;Jeanne;1980-02-03;;;;;;\n";
        assertOnly(refused(new CsvFiles(periods(entered()), null, identities, null)), CohortError.BLANK, "identities.csv[2].lastName", "null");
    }
}
