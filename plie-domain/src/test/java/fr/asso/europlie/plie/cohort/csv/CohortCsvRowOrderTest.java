package fr.asso.europlie.plie.cohort.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportResult;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The reader finds a participant's rows from the one it found last and the next one in file order
 * (issue 16: the rows of a file come grouped by participant, nearly always) before its map: rows in
 * any order, and rows naming no participant, are read as in file order.
 */
@DisplayName("the CSV reader finds each row's participant whatever the order of the rows")
class CohortCsvRowOrderTest {

    @Test
    @DisplayName("steps and identity rows in any order, with orphan rows among them, give the cohort and the problems of the rows in order")
    void anyOrder() {
        qt().withExamples(60).forAll(longs().between(1, 1_000_000), integers().between(1, 25), integers().between(0, 3))
                .checkAssert((seed, size, orphans) -> {
                    CohortData data = CohortFixture.GENERATOR.generate(seed, size).data();
                    CsvFiles written = CohortCsv.write(data, ';');
                    Random random = new Random(seed);
                    // the orphan rows: a participant of no period row, and a known participant's period that does not exist
                    String pid = data.participants().get(0).id().value();
                    List<String> extraSteps = new ArrayList<>();
                    List<String> extraIdentities = new ArrayList<>();
                    for (int i = 0; i < orphans; i++) {
                        extraSteps.add("NOBODY-" + i + ";1;S-X" + i + ";ASSESSMENT;2024-01-02;;;;;;;");
                        extraSteps.add(pid + ";99;S-Y" + i + ";ASSESSMENT;2024-01-02;;;;;;;");
                        extraIdentities.add("NOBODY-" + i + ";Doe;Jane;1990-01-01;;;;;;");
                    }
                    CsvFiles shuffled = new CsvFiles(written.periods(), shuffle(written.steps(), extraSteps, random), written.identities() == null
                            ? null : shuffle(written.identities(), extraIdentities, random), written.referents());
                    ImportResult read = CohortCsv.read(shuffled, CohortFixture.PUBLICS, ImportMode.VALID_PARTICIPANTS);
                    // the same rows in file order, the extra ones last
                    CsvFiles inOrder = new CsvFiles(written.periods(), written.steps() + lines(extraSteps), written.identities() == null ? null
                            : written.identities() + lines(extraIdentities), written.referents());
                    ImportResult expectedResult = CohortCsv.read(inOrder, CohortFixture.PUBLICS, ImportMode.VALID_PARTICIPANTS);
                    assertThat(read.data()).isEqualTo(expectedResult.data());
                    assertThat(read.rejected().stream().map(v -> v.code() + " " + v.value()).sorted().toList())
                            .isEqualTo(expectedResult.rejected().stream().map(v -> v.code() + " " + v.value()).sorted().toList());
                    // each orphan row refused at its own line, nothing else
                    List<String> expected = new ArrayList<>();
                    addOrphans(expected, "steps.csv", shuffled.steps(), extraSteps);
                    if (shuffled.identities() != null) {
                        addOrphans(expected, "identities.csv", shuffled.identities(), extraIdentities);
                    }
                    assertThat(read.rejected()).allMatch(v -> v.code() == CohortError.ORPHAN_ROW);
                    assertThat(read.rejected().stream().map(Violation::field).sorted().toList()).isEqualTo(expected.stream().sorted().toList());
                });
    }

    /**
     * The text with its rows (not the header) and the extra ones interleaved at random: each
     * participant's rows (first cell) keep their order (a period's steps are kept in file order), the
     * participants' rows are mixed.
     */
    private static String shuffle(String text, List<String> extra, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        String header = lines.remove(0);
        lines.addAll(extra);
        java.util.Map<String, java.util.ArrayDeque<String>> byParticipant = new java.util.LinkedHashMap<>();
        for (String line : lines) {
            byParticipant.computeIfAbsent(line.substring(0, line.indexOf(';')), k -> new java.util.ArrayDeque<>()).add(line);
        }
        List<java.util.ArrayDeque<String>> queues = new ArrayList<>(byParticipant.values());
        StringBuilder out = new StringBuilder(header).append('\n');
        while (!queues.isEmpty()) {
            int pick = random.nextInt(queues.size());
            out.append(queues.get(pick).poll()).append('\n');
            if (queues.get(pick).isEmpty()) {
                queues.remove(pick);
            }
        }
        return out.toString();
    }

    private static String lines(List<String> rows) {
        return rows.stream().map(row -> row + "\n").collect(java.util.stream.Collectors.joining());
    }

    /** The places of the extra rows in a file: {@code file[line]}, the header on line 1. */
    private static void addOrphans(List<String> places, String file, String text, List<String> extra) {
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (extra.contains(lines[i])) {
                places.add(file + "[" + (i + 1) + "]");
            }
        }
    }
}
