package fr.asso.europlie.plie.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One run of the main job for the tests, on embedded H2 in French, shared by the test classes of
 * this JVM (a run takes a few tens of seconds): what it printed, and the outcome with the domain
 * objects and the report's folder.
 *
 * @param told what the run printed
 * @param outcome the outcome
 */
record YearRun(String told, PlanYearScenario.Outcome outcome) {

    private static YearRun h2;

    /** @return the H2 run in French, made once */
    static synchronized YearRun onH2() {
        if (h2 == null) {
            h2 = run(Locale.FRENCH, null, false);
        }
        return h2;
    }

    /**
     * Runs the main job into a new temporary folder.
     *
     * @param language the language
     * @param url a JDBC URL, or null for H2
     * @param verbose whether every stage of the negotiation is told
     * @return the run
     */
    static YearRun run(Locale language, String url, boolean verbose) {
        try {
            Path out = Files.createTempDirectory("plie-report-");
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            PlanYearScenario.Outcome outcome = PlanYearScenario.run(language, new PrintStream(text, true, StandardCharsets.UTF_8), url,
                    out, verbose);
            assertThat(outcome.ok()).as("the year went through").isTrue();
            return new YearRun(text.toString(StandardCharsets.UTF_8), outcome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file the run wrote.
     *
     * @param name its name
     * @return its text
     */
    String file(String name) {
        try {
            return Files.readString(outcome.out().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
