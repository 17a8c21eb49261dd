package fr.asso.europlie.plie.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded mutation of valid documents, as a hostile or careless data source would write them, and
 * the promise every reader keeps on them: a value that round-trips, or the documented exception
 * whose violations each have a code and messages in French and English, at least one naming a
 * path or a row.
 *
 * <p>Runs {@value #DEFAULT_ITERATIONS} inputs per reader family by default; the system property
 * {@code plie.fuzz.iterations} raises it for a manual campaign, {@code plie.fuzz.seed} changes the
 * seed ({@code mvn -pl plie-domain test -Dtest='*FuzzTest' -Dplie.fuzz.iterations=20000}). An input
 * that breaks the promise is saved whole under {@code target/fuzz-failures}.
 */
public final class Fuzz {

    /** Inputs per reader family in CI: a few seconds each. */
    public static final int DEFAULT_ITERATIONS = 300;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Raw JSON values that broke a reader once or stand for a class of bad input. */
    static final List<String> HOSTILE_JSON = List.of("1e999999999", "-1e999999999", "0E-999999999", "1e-999999999", "1e400", "-1e400",
            "NaN", "Infinity", "\"Infinity\"", "\"NaN\"", "\"1e999999999\"", "\"0E-99999\"", "1" + "0".repeat(5_000),
            "\"" + "9".repeat(20_000) + "\"", "\"31/04/2026\"", "\"2026-02-30\"", "\"2026-04-31\"", "\"\"", "\" \"", "\" padded \"",
            "\"a:b|c\"", "null", "[]", "{}", "true", "-1", "0", "2147483648", "9223372036854775808", "12.345", "\"12,5\"",
            "\"1 234,56\"", "-0.00", "[".repeat(300) + "]".repeat(300), "{\"x\":1,\"x\":2}", "\"\\u0000\"", "1.0E+2",
            "100.0000000000000000000001", "\"+999999\"", "99999", "\"2026-01-01T00:00:00Z\"", "\"-999999999-01-01\"", "1e15",
            "999999999999999.99", "\"DRAFT\"", "\"RESERVATION\"");

    /** CSV cells of the same kinds. */
    static final List<String> HOSTILE_CELLS = List.of("", " ", "1e999999999", "9".repeat(100_000), "31/04/2026", "30/02/2025",
            "2026-13-01", "-1", "abc", "a:b|c", "\"quoted ; cell\"", "0E-999999999", "NaN", "Infinity", "1,5", "99", "\" spaced \"",
            "2026-01-01:R", "2026-01-01:REF-ALICE:x:y", "|", ":", "\"", "oui", "0.0000000000000000000000001", "9".repeat(70),
            "2024-01-01:2024-02-01:OPEN|2024-03-01::COMPLETED", "\\", "9", "1e-999999999");

    private static final String INSERTED = "\",:;{}[]\n\\0e-|";

    private Fuzz() {
    }

    /**
     * How many inputs to try.
     *
     * @return {@code plie.fuzz.iterations}, or {@value #DEFAULT_ITERATIONS}
     */
    public static int iterations() {
        return Integer.getInteger("plie.fuzz.iterations", DEFAULT_ITERATIONS);
    }

    /**
     * The random source of one family, seeded.
     *
     * @param family a constant of the test class, so that families differ
     * @return the source
     */
    public static Random random(long family) {
        return new Random(Long.getLong("plie.fuzz.seed", 14L) * 1_000_003L + family);
    }

    /**
     * Reads an input and checks the promise.
     *
     * @param input the input, shown (cut) when the promise is broken
     * @param read the reader
     * @param documented the exception the reader documents
     * @param roundTrip checks that an accepted value is written and read back equal
     * @param <T> the type read
     * @return true when the input was accepted
     */
    public static <T> boolean check(String input, Supplier<T> read, Class<? extends PlieException> documented, Consumer<T> roundTrip) {
        try {
            T value;
            try {
                value = read.get();
            } catch (PlieException e) {
                assertThat(e).as("exception type for input %s", Violation.shown(input)).isInstanceOf(documented);
                assertRefusal(e, input);
                return false;
            } catch (AssertionError e) {
                throw e;
            } catch (Throwable e) {
                fail("input %s escaped as %s", Violation.shown(input), e.toString());
                return false;
            }
            assertThat(value).as("value read from %s", Violation.shown(input)).isNotNull();
            roundTrip.accept(value);
            return true;
        } catch (AssertionError e) {
            throw new AssertionError("broken promise, input saved in " + save(input) + ": " + e.getMessage(), e);
        }
    }

    /** Saves a failing input whole under {@code target/fuzz-failures}, to replay it. */
    private static Path save(String input) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Path file = folder.resolve(Integer.toHexString(input.hashCode()) + ".txt");
            Files.writeString(file, input, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            return Path.of("(not saved: " + e.getMessage() + ")");
        }
    }

    /**
     * Checks a refusal: every violation has a code and both messages, one names a path or a row.
     *
     * @param e the refusal
     * @param input the input, for the failure message
     */
    public static void assertRefusal(PlieException e, String input) {
        assertThat(e.violations()).as("violations for %s", Violation.shown(input)).isNotEmpty();
        for (Violation v : e.violations()) {
            assertThat(v.code().code()).matches("PLIE-[A-Z]+-\\d{3}");
            assertThat(v.message(Messages.FRENCH)).as("French message of %s", v).isNotBlank().doesNotContain("{2}");
            assertThat(v.message(Messages.ENGLISH)).as("English message of %s", v).isNotBlank().doesNotContain("{2}");
            assertThat(v.value().length()).as("shown value of %s", v.code().code()).isLessThanOrEqualTo(Violation.SHOWN_LENGTH + 20);
        }
        assertThat(e.violations()).as("a violation naming a path or a row, for %s", Violation.shown(input))
                .anySatisfy(v -> assertThat(v.field()).isNotBlank());
    }

    // ------------------------------------------------------------------ JSON

    /**
     * A valid JSON document mutated one to three times: a value replaced by a hostile one, a member
     * removed, added, given twice or swapped, an element removed or repeated, or the text cut or
     * altered.
     *
     * @param valid a valid document
     * @param random the source
     * @return the mutated text
     */
    public static String mutateJson(String valid, Random random) {
        JsonNode root = MAPPER.readTree(valid);
        int mutations = 1 + random.nextInt(3);
        List<String> raws = new ArrayList<>();
        for (int m = 0; m < mutations; m++) {
            mutateTree(root, random, raws);
        }
        String text = root.toString();
        for (int i = 0; i < raws.size(); i++) {
            text = text.replace("\"@@MUT" + i + "@@\"", raws.get(i));
        }
        return random.nextInt(10) == 0 ? mutateText(text, random) : text;
    }

    private static void mutateTree(JsonNode root, Random random, List<String> raws) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.isEmpty() ? "extra" : names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> object.put(name, placeholder(raws, HOSTILE_JSON.get(random.nextInt(HOSTILE_JSON.size()))));
                case 3 -> object.remove(name);
                case 4 -> object.put("unknown" + random.nextInt(3), placeholder(raws, HOSTILE_JSON.get(random.nextInt(HOSTILE_JSON.size()))));
                default -> {
                    JsonNode value = object.get(name);
                    String raw = object.toString();
                    raw = raw.length() <= 2 ? raw : raw.substring(0, raw.length() - 1) + ",\"" + name + "\":" + value + "}";
                    replaceInParent(root, container, placeholder(raws, raw));
                }
            }
        } else if (container instanceof ArrayNode array && !array.isEmpty()) {
            int index = random.nextInt(array.size());
            switch (random.nextInt(4)) {
                case 0 -> array.set(index, MAPPER.getNodeFactory().stringNode(placeholder(raws,
                        HOSTILE_JSON.get(random.nextInt(HOSTILE_JSON.size())))));
                case 1 -> array.remove(index);
                default -> array.add(array.get(index).deepCopy());
            }
        }
    }

    private static String placeholder(List<String> raws, String raw) {
        raws.add(raw);
        return "@@MUT" + (raws.size() - 1) + "@@";
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            for (JsonNode child : node.values()) {
                collect(child, containers);
            }
        }
    }

    private static void replaceInParent(JsonNode node, JsonNode target, String placeholder) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                if (object.get(name) == target) {
                    object.put(name, placeholder);
                    return;
                }
                replaceInParent(object.get(name), target, placeholder);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) == target) {
                    array.set(i, MAPPER.getNodeFactory().stringNode(placeholder));
                    return;
                }
                replaceInParent(array.get(i), target, placeholder);
            }
        }
    }

    /**
     * A text cut, with a character removed, or with a character inserted.
     *
     * @param text the text
     * @param random the source
     * @return the altered text
     */
    public static String mutateText(String text, Random random) {
        if (text.isEmpty()) {
            return "\"";
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + text.substring(at + 1);
            default -> text.substring(0, at) + INSERTED.charAt(random.nextInt(INSERTED.length())) + text.substring(at);
        };
    }

    // ------------------------------------------------------------------ CSV

    /**
     * A valid CSV text mutated one to three times: a cell replaced by a hostile one, a column named
     * twice, a cell removed or added, a line removed, repeated or cut, or a character altered.
     *
     * @param valid a valid CSV text separated by {@code ;}
     * @param random the source
     * @return the mutated text
     */
    public static String mutateCsv(String valid, Random random) {
        List<String> lines = new ArrayList<>(List.of(valid.split("\n", -1)));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            int index = random.nextInt(lines.size());
            List<String> cells = new ArrayList<>(List.of(lines.get(index).split(";", -1)));
            int cell = random.nextInt(cells.size());
            switch (random.nextInt(8)) {
                case 0, 1, 2 -> {
                    if (index == 0) {
                        index = Math.min(1, lines.size() - 1);
                        cells = new ArrayList<>(List.of(lines.get(index).split(";", -1)));
                        cell = random.nextInt(cells.size());
                    }
                    cells.set(cell, HOSTILE_CELLS.get(random.nextInt(HOSTILE_CELLS.size())));
                    lines.set(index, String.join(";", cells));
                }
                case 3 -> {
                    List<String> header = new ArrayList<>(List.of(lines.get(0).split(";", -1)));
                    header.set(random.nextInt(header.size()), header.get(random.nextInt(header.size())));
                    lines.set(0, String.join(";", header));
                }
                case 4 -> {
                    if (random.nextBoolean()) {
                        cells.remove(cell);
                    } else {
                        cells.add(cell, "x");
                    }
                    lines.set(index, String.join(";", cells));
                }
                case 5 -> lines.remove(index);
                case 6 -> lines.add(index, lines.get(index));
                default -> lines.set(index, mutateText(lines.get(index), random));
            }
        }
        return String.join("\n", lines);
    }
}
