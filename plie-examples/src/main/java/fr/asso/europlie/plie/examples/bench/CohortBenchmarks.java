package fr.asso.europlie.plie.examples.bench;

import java.util.List;

/** The cohort figures (filled below). */
final class CohortBenchmarks {

    private CohortBenchmarks() {
    }

    static void run(boolean quick, List<Figure> figures, List<String> notes) {
        notes.add("cohort figures: not yet measured by this harness.");
    }
}
