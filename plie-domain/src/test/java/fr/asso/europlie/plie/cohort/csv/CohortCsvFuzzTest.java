package fr.asso.europlie.plie.cohort.csv;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortFixture;
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
}
