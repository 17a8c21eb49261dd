package fr.asso.europlie.plie.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import fr.asso.europlie.plie.error.Messages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The year's report page opened in a real browser: Chromium from Debian's packages, headless
 * ({@code /usr/bin/chromium}, or the {@code PLIE_CHROMIUM} variable). Without it the test is skipped
 * locally and fails under {@code CI=true} ({@code .ci/run} installs it).
 */
@DisplayName("the year's report page in a real headless Chromium")
class YearReportBrowserTest {

    private static final Duration TIMEOUT = new Duration(120);

    private record Duration(long seconds) {
    }

    private static Path chromium() {
        String configured = System.getenv("PLIE_CHROMIUM");
        Path browser = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(browser)) {
            String message = "no Chromium at " + browser + ": the browser test cannot run (apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: the browser test must run)");
            }
            Assumptions.abort(message);
        }
        return browser;
    }

    /** Runs headless Chromium on the page with one more flag; returns what it printed on its standard output. */
    private static String browse(Path page, String... flags) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("plie-chromium-");
        Path stdout = Files.createTempFile("plie-chromium-", ".out");
        Path stderr = Files.createTempFile("plie-chromium-", ".err");
        List<String> command = new ArrayList<>(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(List.of(flags));
        command.add(page.toUri().toString());
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT.seconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("Chromium did not finish within " + TIMEOUT.seconds() + " s: " + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            assertThat(process.exitValue()).as("Chromium's exit status; its messages: %s", Files.readString(stderr, StandardCharsets.UTF_8))
                    .isZero();
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    @Test
    @DisplayName("the page as the browser built it shows every figure of the JSON report, in French words and numbers")
    void rendersTheFiguresOfTheJsonReport() throws Exception {
        YearRun run = YearRun.onH2();
        YearReport report = run.outcome().report();
        String dom = browse(run.outcome().out().resolve(YearReportFiles.HTML), "--dump-dom");
        assertThat(dom).contains("<svg id=\"chart-axes\"", "<svg id=\"chart-exits\"", "<svg id=\"chart-indicators\"");
        JsonNode json = ReportDocuments.json(run.file(YearReportFiles.JSON));
        Map<String, String> figures = ReportDocuments.figures(dom);
        assertThat(figures.keySet()).containsAll(PlanYearScenarioTest.expectedFigures(report));
        figures.forEach((key, value) -> assertThat(value).as("the page's %s", key).isEqualTo(ReportDocuments.at(json, key)));
        // each cell shows its figure as a French reader reads it
        java.util.regex.Matcher cells = java.util.regex.Pattern.compile(
                "<td class=\"num\" data-key=\"([^\"]+)\" data-value=\"([^\"]*)\">([^<]*)</td>").matcher(dom);
        int seen = 0;
        while (cells.find()) {
            String value = cells.group(2);
            java.text.NumberFormat rate = java.text.NumberFormat.getNumberInstance(Messages.FRENCH);
            rate.setMinimumFractionDigits(1);
            String expected = cells.group(1).endsWith("positiveExitRatePercent")
                    ? (value.isEmpty() ? "-" : rate.format(new java.math.BigDecimal(value))) + " %"
                    : value.matches("\\d+\\.\\d{2}") ? YearReportText.amounts(Messages.FRENCH).format(new java.math.BigDecimal(value)) + " €"
                    : value;
            assertThat(cells.group(3)).as("the cell %s", cells.group(1)).isEqualTo(expected);
            seen++;
        }
        assertThat(seen).isGreaterThan(100);
        // and the words and numbers a director reads
        String committed = YearReportText.amounts(Messages.FRENCH).format(report.committedTotal().amount());
        assertThat(dom).contains("Bilan 2026 du PLIE du Grand Périgueux", "Subvention globale de l’OI", "Indicateurs communs FSE+ par genre",
                committed + " €", "EECO01", "EECR04", "Tous publics");
    }

    @Test
    @DisplayName("the browser draws the three charts: the bars of the envelopes, programmed and committed amounts, exits and genders are on screen")
    void drawsTheCharts() throws Exception {
        YearRun run = YearRun.onH2();
        Path shot = Files.createTempFile("plie-report-", ".png");
        browse(run.outcome().out().resolve(YearReportFiles.HTML), "--window-size=1100,4200", "--hide-scrollbars", "--screenshot=" + shot);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1100);
        for (String colour : List.of(YearReportHtml.ENVELOPE, YearReportHtml.PROGRAMMED, YearReportHtml.COMMITTED, YearReportHtml.WOMEN,
                YearReportHtml.MEN)) {
            assertThat(pixels(image, Integer.parseInt(colour.substring(1), 16))).as("pixels of the bars in %s", colour).isGreaterThan(500);
        }
    }

    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
