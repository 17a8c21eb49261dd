package fr.asso.europlie.plie.cohort.csv;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportResult;
import fr.asso.europlie.plie.cohort.Pseudonymiser;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.error.PlieException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the cohort's CSV files")
class CohortCsvTest {

    static final SyntheticCohort GENERATOR = new SyntheticCohort(CohortFixture.defaultSettings(), LocalDate.of(2022, 1, 1),
            LocalDate.of(2026, 12, 31));

    static CsvFiles sample() {
        return CohortCsv.write(GENERATOR.generate(7, 25).data(), ';');
    }

    /** Replaces a cell of periods.csv: the given line (header = 1), column by name. */
    static CsvFiles withPeriodCell(CsvFiles files, int line, String column, String value) {
        String[] lines = files.periods().split("\n");
        int index = CohortCsv.PERIOD_COLUMNS.indexOf(column);
        String[] cells = lines[line - 1].split(";", -1);
        cells[index] = value;
        lines[line - 1] = String.join(";", cells);
        return new CsvFiles(String.join("\n", lines) + "\n", files.steps(), files.identities(), files.referents());
    }

    @Test
    @DisplayName("written with semicolons or commas, the files read back to the same cohort")
    void roundTrip() {
        CohortData data = GENERATOR.generate(3, 40).data();
        for (char delimiter : new char[] {';', ','}) {
            CsvFiles files = CohortCsv.write(data, delimiter);
            assertThat(files.periods().lines().findFirst().orElseThrow()).startsWith("participantId" + delimiter + "period" + delimiter);
            assertThat(CohortCsv.read(files, CohortFixture.PUBLICS)).isEqualTo(data);
        }
    }

    @Test
    @DisplayName("a folder of files written then read gives the same cohort, quotes and line breaks included")
    void folderRoundTrip(@TempDir Path folder) throws Exception {
        Cohort cohort = CohortFixture.aCohort();
        CohortFixture.anEnteredJobseeker(cohort, "O'Brien; \"dit Bob\"", LocalDate.of(2026, 1, 5), CohortFixture.ALICE);
        CohortData data = cohort.toData();
        CohortCsv.write(data, ';').writeTo(folder);
        assertThat(Files.readString(folder.resolve("identities.csv"), StandardCharsets.UTF_8)).contains("\"O'Brien; \"\"dit Bob\"\"\"");
        assertThat(CohortCsv.read(CsvFiles.readFrom(folder), CohortFixture.PUBLICS)).isEqualTo(data);
    }

    @Test
    @DisplayName("dates inside list cells (referents, statuses, follow-ups) accept dd/MM/yyyy as the other date cells do")
    void frenchDatesInListCells() {
        CsvFiles files = sample();
        CohortData expected = CohortCsv.read(files, CohortFixture.PUBLICS);
        String[] lines = files.periods().split("\n");
        int changed = 0;
        for (int line = 1; line < lines.length; line++) {
            String[] cells = lines[line].split(";", -1);
            for (String column : new String[] {"referents", "statuses", "followUps"}) {
                int index = CohortCsv.PERIOD_COLUMNS.indexOf(column);
                String french = cells[index].replaceAll("(\\d{4})-(\\d{2})-(\\d{2})", "$3/$2/$1");
                changed += french.equals(cells[index]) ? 0 : 1;
                cells[index] = french;
            }
            lines[line] = String.join(";", cells);
        }
        assertThat(changed).isGreaterThan(3);
        CsvFiles french = new CsvFiles(String.join("\n", lines) + "\n", files.steps(), files.identities(), files.referents());
        assertThat(french.periods()).contains(":JOBSEEKER").containsPattern("\\d{2}/\\d{2}/\\d{4}:");
        assertThat(CohortCsv.read(french, CohortFixture.PUBLICS)).isEqualTo(expected);
        CsvFiles bad = withPeriodCell(files, 2, "statuses", "31/02/2026:JOBSEEKER");
        assertRefused(() -> CohortCsv.read(bad, CohortFixture.PUBLICS), CohortError.MALFORMED, "periods.csv[2].statuses",
                "31/02/2026:JOBSEEKER");
    }

    @Test
    @DisplayName("a file without a required column is refused, naming the column, and nothing is read")
    void missingColumn() {
        CsvFiles files = sample();
        String periods = files.periods().replaceFirst(";exitedOn;", ";sortie;");
        assertRefused(() -> CohortCsv.read(new CsvFiles(periods, files.steps(), files.identities(), files.referents()), CohortFixture.PUBLICS),
                CohortError.MISSING_COLUMN, "periods.csv[1]", "exitedOn");
    }

    @Test
    @DisplayName("every malformed date is reported with its file, line and column, and nothing is imported")
    void malformedDates() {
        CsvFiles files = withPeriodCell(withPeriodCell(sample(), 3, "referredOn", "2024-13-45"), 7, "referredOn", "le 3 mai");
        PlieException error = assertRefused(() -> CohortCsv.read(files, CohortFixture.PUBLICS),
                CohortError.MALFORMED, "periods.csv[3].referredOn", "2024-13-45");
        assertViolation(error, CohortError.MALFORMED, "periods.csv[7].referredOn", "le 3 mai");
        assertThat(error.violation().details()).containsExactly(Cells.DATE_FORMAT);
    }

    @Test
    @DisplayName("an unknown target public is refused naming the row")
    void unknownTargetPublic() {
        CsvFiles files = withPeriodCell(sample(), 4, "targetPublics", "DELD|MARTIENS");
        assertRefused(() -> CohortCsv.read(files, CohortFixture.PUBLICS), CohortError.UNKNOWN_TARGET_PUBLIC, "periods.csv[4].targetPublics",
                "MARTIENS");
    }

    @Test
    @DisplayName("an exit before the entry is refused naming the row")
    void exitBeforeEntry() {
        String periods = String.join("\n", sample().periods().lines().toList());
        String header = periods.lines().findFirst().orElseThrow();
        String row = "P-9;1;FT-24;2026-01-05;;DELD;false;2026-01-12;true;;2026-01-19;REF-1;2026-01-19;PLIE;2026-01-19;2026-01-19:REF-1;"
                + "2026-01-05:JOBSEEKER;;;;;;;;;;;;;;2026-01-10;DROPOUT;;;;;;;;\n";
        CsvFiles files = new CsvFiles(header + "\n" + row, null, null, null);
        PlieException error = assertRefused(() -> CohortCsv.read(files, CohortFixture.PUBLICS), CohortError.DATE_ORDER,
                "periods.csv[2].exit.exitedOn", "2026-01-10");
        assertThat(error.violation().details()).containsExactly("adhesion.entryDate", "2026-01-19");
    }

    @Test
    @DisplayName("overlapping periods of one participant are refused naming the second period's row")
    void overlappingPeriods() {
        String header = String.join(";", CohortCsv.PERIOD_COLUMNS);
        String first = "P-9;1;FT-24;2026-01-05;;DELD;false;2026-01-12;true;;2026-01-19;REF-1;2026-01-19;PLIE;2026-01-19;2026-01-19:REF-1;"
                + "2026-01-05:JOBSEEKER;;;;;;;;;;;;;;2026-06-30;DROPOUT;;;;;;;;\n";
        String second = "P-9;2;FT-24;2026-06-01;;DELD;false;;;;;;;;;;2026-06-01:JOBSEEKER;;;;;;;;;;;;;;;;;;;;;;;\n";
        CsvFiles files = new CsvFiles(header + "\n" + first + second, null, null, null);
        PlieException error = assertRefused(() -> CohortCsv.read(files, CohortFixture.PUBLICS), CohortError.OVERLAPPING_PERIODS,
                "periods.csv[3].referral.referredOn", "2026-06-01");
        assertThat(error.violation().details()).containsExactly("1", "2026-06-30");
    }

    @Test
    @DisplayName("a second identity row for the same participant is refused naming its line, not silently kept over the first")
    void duplicateIdentityRow() {
        Cohort cohort = CohortFixture.aCohort();
        CohortFixture.anEnteredJobseeker(cohort, "Morel", LocalDate.of(2026, 1, 5), CohortFixture.ALICE);
        CsvFiles files = CohortCsv.write(cohort.toData(), ';');
        String[] lines = files.identities().split("\n");
        String other = lines[1].replace("Morel", "Autre");
        CsvFiles twice = new CsvFiles(files.periods(), files.steps(), files.identities() + other + "\n", files.referents());
        String id = lines[1].split(";")[0];
        assertRefused(() -> CohortCsv.read(twice, CohortFixture.PUBLICS), CohortError.DUPLICATE, "identities.csv[3].participantId", id);
    }

    @Test
    @DisplayName("a participant with more period rows than the reader scans (a map beyond 8): a number given twice refused at its line,"
            + " a step found by its period's number, a step of no period an orphan")
    void manyPeriodRows() {
        CsvFiles files = sample();
        String[] lines = files.periods().split("\n");
        String[] cells = lines[1].split(";", -1);
        String id = cells[0];
        int period = CohortCsv.PERIOD_COLUMNS.indexOf("period");
        StringBuilder periods = new StringBuilder(lines[0]).append('\n');
        for (int n = 1; n <= 11; n++) {
            cells[period] = String.valueOf(n == 11 ? 10 : n);
            periods.append(String.join(";", cells)).append('\n');
        }
        String[] stepLines = files.steps().split("\n");
        String[] step = stepLines[1].split(";", -1);
        step[0] = id;
        step[1] = "10";
        String ofTen = String.join(";", step);
        step[1] = "12";
        String ofTwelve = String.join(";", step);
        CsvFiles many = new CsvFiles(periods.toString(), stepLines[0] + "\n" + ofTen + "\n" + ofTwelve + "\n", null, files.referents());
        ImportResult result = CohortCsv.read(many, CohortFixture.PUBLICS, ImportMode.VALID_PARTICIPANTS);
        assertThat(result.rejected()).anySatisfy(v -> {
            assertThat(v.code()).isEqualTo(CohortError.DUPLICATE);
            assertThat(v.field()).isEqualTo("periods.csv[12].period");
            assertThat(v.value()).isEqualTo(id + " 10");
        });
        assertThat(result.rejected()).anySatisfy(v -> {
            assertThat(v.code()).isEqualTo(CohortError.ORPHAN_ROW);
            assertThat(v.field()).isEqualTo("steps.csv[3]");
            assertThat(v.value()).isEqualTo(id + " 12");
        });
        assertThat(result.rejected()).noneSatisfy(v -> assertThat(v.field()).startsWith("steps.csv[2]"));
        assertThat(result.data().participants()).isEmpty();
    }

    @Test
    @DisplayName("a bad step row is reported at its own line in steps.csv")
    void badStepRow() {
        CsvFiles files = sample();
        String[] lines = files.steps().split("\n");
        lines[2] = lines[2].replaceFirst(";(\\d{4}-\\d{2}-\\d{2});", ";2026-02-30;");
        CsvFiles broken = new CsvFiles(files.periods(), String.join("\n", lines) + "\n", files.identities(), files.referents());
        assertRefused(() -> CohortCsv.read(broken, CohortFixture.PUBLICS), CohortError.MALFORMED, "steps.csv[3].start", "2026-02-30");
    }

    @Test
    @DisplayName("in valid-participants mode, the good participants are read and the bad rows reported")
    void validParticipantsMode() {
        CsvFiles files = withPeriodCell(sample(), 3, "referredOn", "2024-13-45");
        CohortData all = CohortCsv.read(sample(), CohortFixture.PUBLICS);
        ImportResult result = CohortCsv.read(files, CohortFixture.PUBLICS, ImportMode.VALID_PARTICIPANTS);
        assertThat(result.rejected()).extracting(v -> v.field()).contains("periods.csv[3].referredOn");
        String badId = files.periods().split("\n")[2].split(";")[0];
        assertThat(result.data().participants()).hasSize(all.participants().size() - 1)
                .noneMatch(p -> p.id().value().equals(badId));
        assertThat(result.data().identities()).doesNotContainKey(fr.asso.europlie.plie.cohort.ParticipantId.of(badId));
    }

    @Test
    @DisplayName("a pseudonymised export has no identity file and no internal identifier")
    void pseudonymisedExport() {
        CohortData data = GENERATOR.generate(5, 20).data();
        CsvFiles files = CohortCsv.write(data.pseudonymised(new Pseudonymiser("a-secret-key-of-16+bytes".getBytes(StandardCharsets.UTF_8))), ';');
        assertThat(files.identities()).isNull();
        data.participants().forEach(p -> assertThat(files.periods()).doesNotContain(p.id().value() + ";"));
        data.identities().values().forEach(i -> assertThat(files.periods() + files.steps()).doesNotContain(i.lastName()));
        assertThat(CohortCsv.read(files, CohortFixture.PUBLICS).participants()).hasSameSizeAs(data.participants())
                .allMatch(p -> p.id().value().startsWith("X-"));
    }
}
