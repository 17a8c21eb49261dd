package fr.asso.europlie.plie.json.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.error.Fuzz;
import fr.asso.europlie.plie.json.InvalidDocumentException;
import fr.asso.europlie.plie.json.UnknownFields;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("fuzz: the plie/cohort reader answers any mutated document with a cohort or a documented refusal")
class CohortJsonFuzzTest {

    @Test
    @DisplayName("mutated cohorts: data that round-trips (also compact, as the store writes it), or InvalidDocumentException with located, translated problems")
    void mutatedCohorts() {
        Random random = Fuzz.random(4);
        List<String> seeds = List.of(CohortJson.write(CohortFixture.GENERATOR.generate(3, 6).data()),
                CohortJson.write(CohortFixture.GENERATOR.generate(8, 4).data()));
        int accepted = 0;
        for (int i = 0; i < Fuzz.iterations(); i++) {
            String json = Fuzz.mutateJson(seeds.get(random.nextInt(seeds.size())), random);
            UnknownFields mode = random.nextBoolean() ? UnknownFields.REJECT : UnknownFields.KEEP;
            if (Fuzz.check(json, () -> CohortJson.read(json, CohortFixture.PUBLICS, mode).value(), InvalidDocumentException.class,
                    (CohortData data) -> {
                        assertThat(CohortJson.read(CohortJson.write(data), CohortFixture.PUBLICS)).isEqualTo(data);
                        String stored = CohortJson.writeCompact(data);
                        assertThat(stored).as("the compact form the participant store writes").doesNotContain("\n");
                        assertThat(CohortJson.read(stored, CohortFixture.PUBLICS)).isEqualTo(data);
                    })) {
                accepted++;
            }
        }
        assertThat(accepted).as("some mutations keep a valid document").isPositive();
    }
}
