package fr.asso.europlie.plie.cohort.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportResult;
import fr.asso.europlie.plie.cohort.ImportedExits;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.json.cohort.CohortJson;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@DisplayName("the readers given the settings and Cohort.load refuse the same: six-month data, imported exits, and what the commands refuse")
class ImportChecksAgreementTest {

    private static final CohortSettings SETTINGS = CohortFixture.defaultSettings();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> POSITIVE = List.of("EMPLOYMENT", "BUSINESS_CREATION", "QUALIFYING_TRAINING", "LONG_TRAINING");

    /**
     * A generated cohort's document with some exits declared positive, some six-month data moved
     * earlier, and some referents' designations dropped (an RSA recipient's then breaks the adhesion
     * or reassignment command's rule).
     */
    private static String edited(CohortData data, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ObjectNode root = (ObjectNode) MAPPER.readTree(CohortJson.write(data));
        for (JsonNode participant : root.path("participants")) {
            for (JsonNode period : participant.path("periods")) {
                if (period.get("exit") instanceof ObjectNode exit && random.nextInt(3) == 0) {
                    exit.put("reason", POSITIVE.get(random.nextInt(POSITIVE.size())));
                }
                for (JsonNode assignment : period.path("referents")) {
                    if (assignment instanceof ObjectNode a && random.nextInt(4) == 0) {
                        a.remove("designatedBy");
                    }
                }
                if (period.get("sixMonthData") instanceof ObjectNode six && random.nextInt(3) == 0) {
                    LocalDate on = LocalDate.parse(six.get("collectedOn").asString()).minusDays(random.nextInt(1, 120));
                    LocalDate exited = LocalDate.parse(period.at("/exit/exitedOn").asString());
                    six.put("collectedOn", (on.isBefore(exited) ? exited : on).toString());
                }
            }
        }
        return MAPPER.writeValueAsString(root);
    }

    private static List<String> refusals(Runnable call) {
        try {
            call.run();
            return List.of();
        } catch (PlieException e) {
            return e.violations().stream().map(v -> v.code().code() + " " + v.field().replaceFirst("^\\$\\.", "")).sorted().toList();
        }
    }

    @Test
    @DisplayName("property: the JSON reader refuses what Cohort.load refuses (the commands' refusals, caseload caps included), at the same period; lenient, it demotes the same exits")
    void jsonAgreesWithLoad() {
        qt().withExamples(40).forAll(CohortFixture.generatedCohorts(30), longs().all(), integers().between(1, 12)).checkAssert((generated, seed, cap) -> {
            CohortSettings settings = SETTINGS.withCaseloadCap(cap);
            String json = edited(generated.data(), seed);
            CohortData plain;
            try {
                plain = CohortJson.read(json, settings.eligibility().targetPublics());
            } catch (PlieException e) {
                return; // the edit broke a period's own invariants: both readers refuse it alike
            }
            List<String> byLoad = refusals(() -> new Cohort(settings, CohortFixture.sequentialIds()).load(plain));
            List<String> byReader = refusals(() -> CohortJson.read(json, settings, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT));
            assertThat(byReader).isEqualTo(byLoad);

            List<String> demotedByLoad;
            try {
                demotedByLoad = new Cohort(settings, CohortFixture.sequentialIds()).load(plain, ImportedExits.LENIENT).stream()
                        .map(Violation::field).sorted().toList();
            } catch (PlieException e) {
                demotedByLoad = null; // six-month data too early: refused in both modes
            }
            List<String> expected = demotedByLoad;
            try {
                ImportResult lenient = CohortJson.read(json, settings, ImportMode.ALL_OR_NOTHING, ImportedExits.LENIENT);
                assertThat(expected).isNotNull();
                assertThat(lenient.unconfirmedExits().stream().map(v -> v.field().replaceFirst("^\\$\\.", "")).sorted().toList())
                        .isEqualTo(expected);
                Cohort target = new Cohort(settings, CohortFixture.sequentialIds());
                assertThat(target.load(lenient.data(), ImportedExits.STRICT)).isEmpty();
            } catch (PlieException e) {
                assertThat(expected).isNull();
            }
        });
    }

    @Test
    @DisplayName("property: the CSV reader refuses what Cohort.load refuses (the commands' refusals, caseload caps included), with the same codes, and keeps in valid-participants mode exactly the others")
    void csvAgreesWithLoad() {
        qt().withExamples(40).forAll(CohortFixture.generatedCohorts(30), longs().all(), integers().between(1, 12)).checkAssert((generated, seed, cap) -> {
            CohortSettings settings = SETTINGS.withCaseloadCap(cap);
            CohortData data;
            try {
                data = CohortJson.read(edited(generated.data(), seed), settings.eligibility().targetPublics());
            } catch (PlieException e) {
                return;
            }
            CsvFiles files = CohortCsv.write(data, ';');
            List<String> byLoad = refusals(() -> new Cohort(settings, CohortFixture.sequentialIds()).load(data)).stream()
                    .map(r -> r.substring(0, r.indexOf(' '))).toList();
            List<String> byReader = refusals(() -> CohortCsv.read(files, settings, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT)).stream()
                    .map(r -> r.substring(0, r.indexOf(' '))).sorted().toList();
            assertThat(byReader).isEqualTo(byLoad.stream().sorted().toList());
            ImportResult valid = CohortCsv.read(files, settings, ImportMode.VALID_PARTICIPANTS, ImportedExits.STRICT);
            assertThat(valid.rejected()).hasSize(byLoad.size());
            assertThat(refusals(() -> new Cohort(settings, CohortFixture.sequentialIds()).load(valid.data()))).isEmpty();
        });
    }
}
