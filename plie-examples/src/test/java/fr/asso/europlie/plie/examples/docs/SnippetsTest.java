package fr.asso.europlie.plie.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The documents show only compiled code: every {@code ```java} block of the README and of
 * docs/workflow.md is preceded by a marker {@code <!-- snippet: NAME -->} and is, indentation
 * aside, the text of the region {@code // region NAME} ... {@code // endregion} of an example class
 * of plie-examples (compiled, and run by {@link DocumentedExamplesTest} or the Spring Boot example's
 * test). A block changed in the document and not in the code, or the reverse, fails here.
 */
@DisplayName("the documents' Java snippets are the examples' code")
class SnippetsTest {

    private static final Pattern BLOCK = Pattern.compile(
            "(?:<!-- snippet: ([\\w-]+)[^>]*-->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern REGION = Pattern.compile(
            "^[ \\t]*// region ([\\w-]+)[ \\t]*\\n(.*?)^[ \\t]*// endregion", Pattern.DOTALL | Pattern.MULTILINE);

    /** The repository's root: the tests run in plie-examples. */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) && Files.exists(here.resolve("plie-examples"))
                ? here : here.getParent();
    }

    /** Every region of the example sources, by name. */
    static Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        for (String sources : List.of("plie-examples/src/main/java", "plie-examples/src/test/java")) {
            try (Stream<Path> files = Files.walk(root().resolve(sources))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    Matcher region = REGION.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (region.find()) {
                        String previous = regions.put(region.group(1), normalise(region.group(2)));
                        assertThat(previous).as("region %s defined twice", region.group(1)).isNull();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return regions;
    }

    /** Indentation common to every line removed, trailing blanks and blank edges dropped. */
    static String normalise(String text) {
        List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream().filter(l -> !l.isEmpty())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"README.md", "docs/workflow.md"})
    @DisplayName("every Java block of the document is an example's region, word for word")
    void blocksAreRegions(String document) throws IOException {
        String text = Files.readString(root().resolve(document), StandardCharsets.UTF_8);
        Map<String, String> regions = regions();
        Matcher block = BLOCK.matcher(text);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String name = block.group(1);
            assertThat(name).as("the %s Java block at offset %d has no <!-- snippet: NAME --> marker", document,
                    block.start()).isNotNull();
            assertThat(regions).as("no example region %s for %s", name, document).containsKey(name);
            assertThat(normalise(block.group(2))).as("%s, snippet %s, against its region", document, name)
                    .isEqualTo(regions.get(name));
        }
        assertThat(blocks).as("%s has Java blocks to check", document).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"README.md"})
    @DisplayName("every readme- region appears in the README")
    void regionsAreShown(String document) throws IOException {
        String text = Files.readString(root().resolve(document), StandardCharsets.UTF_8);
        for (String name : regions().keySet()) {
            if (name.startsWith("readme-")) {
                assertThat(text).as("region %s shown in %s", name, document).contains("<!-- snippet: " + name);
            }
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("the comparison sees a change: one word changed in a block no longer matches")
    void comparisonIsNotVacuous() {
        String region = regions().get("readme-embedding");
        assertThat(region).isNotBlank();
        assertThat(normalise("    " + region.replace("\n", "\n    "))).isEqualTo(region);
        assertThat(normalise(region.replace("start(", "begin("))).isNotEqualTo(region);
    }
}
