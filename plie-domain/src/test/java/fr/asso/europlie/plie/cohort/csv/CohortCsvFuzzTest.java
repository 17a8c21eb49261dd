package fr.asso.europlie.plie.cohort.csv;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportResult;
import fr.asso.europlie.plie.error.Fuzz;
import fr.asso.europlie.plie.error.InvalidValueException;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("fuzz: the cohort CSV reader answers any mutated file with a cohort or a documented refusal")
class CohortCsvFuzzTest {

    @Test
    @DisplayName("mutated CSV files: data that the writer writes and the reader reads back equal, or InvalidValueException")
    void mutatedFiles() {
        Random random = Fuzz.random(5);
        CsvFiles valid = CohortCsv.write(CohortFixture.GENERATOR.generate(11, 6).data(), ';');
        int accepted = 0;
        for (int i = 0; i < Fuzz.iterations(); i++) {
            CsvFiles files = switch (random.nextInt(4)) {
                case 0 -> new CsvFiles(Fuzz.mutateCsv(valid.periods(), random), valid.steps(), valid.identities(), valid.referents());
                case 1 -> new CsvFiles(valid.periods(), Fuzz.mutateCsv(valid.steps(), random), valid.identities(), valid.referents());
                case 2 -> new CsvFiles(valid.periods(), valid.steps(), Fuzz.mutateCsv(valid.identities(), random), valid.referents());
                default -> new CsvFiles(valid.periods(), valid.steps(), valid.identities(), Fuzz.mutateCsv(valid.referents(), random));
            };
            String shown = files.toString();
            if (Fuzz.check(shown, () -> CohortCsv.read(files, CohortFixture.PUBLICS), InvalidValueException.class,
                    (CohortData data) -> assertThat(CohortCsv.read(CohortCsv.write(data, ';'), CohortFixture.PUBLICS)).isEqualTo(data))) {
                accepted++;
            }
        }
        assertThat(accepted).as("some mutations keep valid files").isPositive();
    }

    @Test
    @DisplayName("keeping the valid participants: the data read round-trips and every problem left is coded, located and translated")
    void mutatedFilesKeepingValidParticipants() {
        Random random = Fuzz.random(8);
        CsvFiles valid = CohortCsv.write(CohortFixture.GENERATOR.generate(12, 6).data(), ';');
        int partial = 0;
        for (int i = 0; i < Fuzz.iterations() / 2; i++) {
            CsvFiles files = new CsvFiles(Fuzz.mutateCsv(valid.periods(), random), random.nextBoolean() ? Fuzz.mutateCsv(valid.steps(), random)
                    : valid.steps(), valid.identities(), valid.referents());
            String shown = files.toString();
            ImportResult[] result = new ImportResult[1];
            if (Fuzz.check(shown, () -> result[0] = CohortCsv.read(files, CohortFixture.PUBLICS, ImportMode.VALID_PARTICIPANTS),
                    InvalidValueException.class, (ImportResult r) -> assertThat(CohortCsv.read(CohortCsv.write(r.data(), ';'),
                            CohortFixture.PUBLICS)).isEqualTo(r.data()))) {
                if (!result[0].rejected().isEmpty()) {
                    partial++;
                    Fuzz.assertRefusal(new InvalidValueException(result[0].rejected()), shown);
                }
            }
        }
        assertThat(partial).as("some mutations leave valid participants beside invalid ones").isPositive();
    }
}
