package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.cohort.csv.CohortCsv;
import fr.asso.europlie.plie.cohort.csv.CsvFiles;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.indicators.EsfSettings;
import fr.asso.europlie.plie.indicators.FullIndicatorReport;
import fr.asso.europlie.plie.indicators.Indicators;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.json.cohort.CohortJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("cohort properties over generated participants and pathways")
class CohortPropertiesTest {

    static final CohortSettings SETTINGS = CohortFixture.defaultSettings();
    static final LocalDate END = CohortFixture.GENERATED_TO;

    static Gen<SyntheticCohort.Generated> cohorts() {
        return CohortFixture.generatedCohorts(60);
    }

    static Cohort loaded(CohortData data) {
        Cohort cohort = new Cohort(SETTINGS, CohortFixture.sequentialIds());
        cohort.load(data);
        return cohort;
    }

    @Test
    @DisplayName("export then import returns an equal cohort, in CSV and in JSON")
    void exportThenImport() {
        qt().withExamples(60).forAll(cohorts()).checkAssert(generated -> {
            CohortData original = loaded(generated.data()).toData();
            CsvFiles files = CohortCsv.write(original, ';');
            assertThat(loaded(CohortCsv.read(files, SETTINGS.eligibility().targetPublics())).toData()).isEqualTo(original);
            String json = CohortJson.write(original);
            assertThat(loaded(CohortJson.read(json, SETTINGS.eligibility().targetPublics())).toData()).isEqualTo(original);
        });
    }

    @Test
    @DisplayName("erasure leaves no personal field readable and every indicator unchanged")
    void erasure() {
        qt().withExamples(60).forAll(cohorts(), longs().all()).checkAssert((generated, seed) -> {
            Cohort cohort = loaded(generated.data());
            Indicators indicators = new Indicators(SETTINGS, EsfSettings.defaults(), generated.operations());
            ReportPeriod period = new ReportPeriod(LocalDate.of(2022, 1, 1), LocalDate.of(2026, 12, 31));
            FullIndicatorReport before = indicators.fullReport(cohort.participants(), period, END);
            SplittableRandom random = new SplittableRandom(seed);
            List<ParticipantId> erased = new ArrayList<>();
            List<PersonalData> identities = new ArrayList<>();
            for (Participant participant : List.copyOf(cohort.participants())) {
                if (random.nextBoolean()) {
                    identities.add(cohort.personalData().find(participant.id()).orElseThrow());
                    cohort.erase(participant.id(), LocalDate.of(2027, 6, 1), LocalDate.of(2028, 3, 15));
                    erased.add(participant.id());
                }
            }
            String csv = String.valueOf(CohortCsv.write(cohort.toData(), ';'));
            String json = CohortJson.write(cohort.toData());
            for (int i = 0; i < erased.size(); i++) {
                ParticipantId id = erased.get(i);
                assertThat(readablePersonalFields(cohort, id)).as("readable fields of %s", id).isEmpty();
                assertThat(cohort.personalData().erasure(id)).contains(new Erasure(id, LocalDate.of(2027, 6, 1), LocalDate.of(2033, 12, 31)));
                assertThat(csv).doesNotContain(identities.get(i).lastName()).doesNotContain(identities.get(i).address());
                assertThat(json).doesNotContain(identities.get(i).lastName()).doesNotContain(identities.get(i).address());
            }
            FullIndicatorReport after = indicators.fullReport(cohort.participants(), period, END);
            assertThat(after).isEqualTo(before);
        });
    }

    /** Every field that an erasure must remove at once, found readable for a participant. */
    static List<String> readablePersonalFields(Cohort cohort, ParticipantId id) {
        List<String> found = new ArrayList<>();
        cohort.personalData().find(id).ifPresent(identity -> {
            for (PersonalField field : PersonalField.values()) {
                if (field.isErasedOnRequest() && field.path().startsWith("personal.")) {
                    found.add(field.path());
                }
            }
        });
        for (AccompanimentPeriod period : cohort.participant(id).orElseThrow().periods()) {
            String scheme = period.referral().otherPtiScheme();
            if (scheme != null && !scheme.equals("-")) {
                found.add(PersonalField.OTHER_PTI_SCHEME.path() + "=" + scheme);
            }
            if (period.entryDecision() != null && period.entryDecision().reason() != null) {
                found.add(PersonalField.ENTRY_REFUSAL_REASON.path() + "=" + period.entryDecision().reason());
            }
        }
        return found;
    }
}
