package fr.asso.europlie.plie.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.error.Fuzz;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The quick path of the parse ({@link TextReader}) against Jackson's parser ({@link JsonFormat#parseTokens},
 * itself checked against the former {@code readTree} by {@link StreamingReaderAgreementTest}): on any
 * text and within any limits, the quick path either gives up (null) or gives the tree the parser
 * gives, equal and of the same node classes; it never gives a tree where the parser refuses.
 */
@DisplayName("the quick path of the JSON parse gives the parser's tree, or gives up")
class TextReaderAgreementTest {

    /** Raw values: numbers at the int, long and digit-count edges, texts with every escape, literals, and some that are not JSON. */
    private static final List<String> RAWS = List.of("0", "-0", "7", "-12", "999999999", "1000000000", "2147483647", "2147483648",
            "-2147483648", "-2147483649", "999999999999999999", "-999999999999999999", "1000000000000000000", "9223372036854775807",
            "9223372036854775808", "123456789012345678901234567890", "1.50", "-0.0", "1e2", "1E+2", "0e5", "01", "-01", "00", "1.", ".5",
            "+1", "-", "--1", "1-", "NaN", "Infinity", "\"\"", "\"texte\"", "\"é œ « » ’\"", "\"é\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\"",
            "\"\\ud800\"", "\"\\uD83D\\uDE00\"", "\"\\u0000\"", "\"\\u00G0\"", "\"\\u00e\"", "\"\\x\"", "\"\\'\"", "\"a\tb\"",
            "\"a\u0001b\"", "\"😀\"", "\"" + "x".repeat(70) + "\"", "true", "false", "null", "tru", "nul", "truex", "nullnull", "True",
            "[]", "{}", "[1,2,3,4]", "{\"a\":1}", "{\"a\":1,\"a\":2}", "{\"ab\":1,\"a\\u0062\":2}", "{\"a\\\"b\":1}", "[1,]", "{\"a\":1,}",
            "{\"a\" 1}", "{'a':1}", "{a:1}", "[1 2]", "\"unterminated", "");

    /** Raw values that are JSON, so that most generated texts are (the quick path reads only those). */
    private static final List<String> VALID = List.of("0", "-0", "7", "-12", "2147483647", "2147483648", "-2147483648", "-2147483649",
            "999999999999999999", "9223372036854775807", "1.50", "1e2", "\"\"", "\"texte\"", "\"é œ « » ’\"",
            "\"é\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\"", "\"\\ud800\"", "\"\\u0000\"", "true", "false", "null", "[]", "{}");

    /** White space between tokens: JSON's own, and some that JSON does not allow. */
    private static final List<String> SPACES = List.of("", "", "", " ", "\n  ", "\t", "\r\n", "  ", "\u000b", "\u00a0", "\f", "/* */");

    private static final List<String> SEEDS = List.of(ProtocolJson.write(ProtocolFixture.aDraft()),
            ProtocolJson.writeCompact(ProtocolFixture.underNegotiation()), ProtocolJson.write(ProtocolFixture.inForce()),
            ProtocolJson.write(ProtocolFixture.inForceWithAmendment(ProtocolState.ADOPTED)));

    private static String text(long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        out.append(space(random));
        value(out, random, 0);
        out.append(space(random));
        String text = out.toString();
        return switch (random.nextInt(10)) {
            case 0 -> Fuzz.mutateText(text, random);
            case 1 -> text + " " + text;
            case 2 -> text + " x";
            default -> text;
        };
    }

    private static String space(Random random) {
        return random.nextInt(4) == 0 ? SPACES.get(random.nextInt(SPACES.size())) : "";
    }

    private static void value(StringBuilder out, Random random, int depth) {
        int kind = depth > 6 ? 3 : random.nextInt(depth < 2 ? 3 : 6);
        if (kind == 0 || kind == 4) {
            out.append('{').append(space(random));
            int members = random.nextInt(random.nextInt(10) == 0 ? 18 : 6);
            for (int i = 0; i < members; i++) {
                out.append(i == 0 ? "" : ",").append(space(random)).append('"').append(name(random, members)).append('"')
                        .append(space(random)).append(':').append(space(random));
                value(out, random, depth + 1);
                out.append(space(random));
            }
            out.append('}');
        } else if (kind == 1 || kind == 5) {
            out.append('[').append(space(random));
            int elements = random.nextInt(6);
            for (int i = 0; i < elements; i++) {
                out.append(i == 0 ? "" : ",").append(space(random));
                value(out, random, depth + 1);
                out.append(space(random));
            }
            out.append(']');
        } else if (random.nextInt(3) == 0) {
            out.append(random.nextBoolean() ? Long.toString(random.nextLong() >> random.nextInt(64)) : '"' + randomText(random) + '"');
        } else if (random.nextInt(5) != 0) {
            out.append(VALID.get(random.nextInt(VALID.size())));
        } else {
            out.append(RAWS.get(random.nextInt(RAWS.size())));
        }
    }

    /** A member's name: often one of a few (so that some repeat, escaped or not), else any of many (so that the kept names change). */
    private static String name(Random random, int members) {
        return switch (random.nextInt(5)) {
            case 0 -> "m" + random.nextInt(members + 2);
            case 1 -> random.nextBoolean() ? "m\\u0031" : "m\\u003" + random.nextInt(3);
            case 2 -> "n" + random.nextInt(5000);
            case 3 -> randomText(random);
            default -> List.of("id", "name", "amount", "year", "funder", "é", "").get(random.nextInt(7));
        };
    }

    private static String randomText(Random random) {
        String pool = "aZ0 é’œ\u00a0\\\"/\t\u0001😀";
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(random.nextInt(8) == 0 ? 90 : 6);
        for (int i = 0; i < length; i++) {
            char c = pool.charAt(random.nextInt(pool.length()));
            if (c == '\\') {
                out.append(List.of("\\\\", "\\\"", "\\n", "\\u00E9", "\\uD83D", "\\q", "\\").get(random.nextInt(7)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static ReadLimits limits(Random random) {
        if (random.nextBoolean()) {
            return ReadLimits.defaults();
        }
        return new ReadLimits(1 + random.nextInt(600), 1 + random.nextInt(8), 1 + random.nextInt(80), 1 + random.nextInt(20),
                1 + random.nextInt(22), 1 + random.nextInt(6));
    }

    /** The tree written out with every node's class: an int read as a long, or a text decoded otherwise, would differ. */
    private static String written(JsonNode node) {
        StringBuilder out = new StringBuilder(node.toString()).append(' ');
        List<JsonNode> pending = new ArrayList<>(List.of(node));
        while (!pending.isEmpty()) {
            JsonNode next = pending.remove(pending.size() - 1);
            out.append(next.getClass().getSimpleName()).append(' ');
            next.values().forEach(pending::add);
        }
        return out.toString();
    }

    /** The parser's tree, or null when it refuses the text. */
    private static JsonNode parsed(String text, ReadLimits limits) {
        try {
            return JsonFormat.parseTokens(text, limits, new Node.Problems(UnknownFields.REJECT, limits));
        } catch (InvalidDocumentException e) {
            return null;
        }
    }

    @Test
    @DisplayName("any text, within the default or random small limits: the parser's tree, or nothing")
    void sameTreeOrGivesUp() {
        int[] quick = {0};
        int[] total = {0};
        qt().withExamples(6000).forAll(longs().all()).checkAssert(seed -> {
            String text = text(seed);
            ReadLimits limits = limits(new Random(seed + 1));
            JsonNode fast = TextReader.read(text, limits);
            total[0]++;
            if (fast != null) {
                quick[0]++;
                JsonNode tree = parsed(text, limits);
                assertThat(tree).as("refused by the parser, read by the quick path: %s within %s", text, limits).isNotNull();
                assertThat(written(fast)).as(text).isEqualTo(written(tree));
                assertThat(fast).isEqualTo(tree);
            }
        });
        assertThat(quick[0]).as("texts read by the quick path, of %s", total[0]).isGreaterThan(total[0] / 20);
    }

    @Test
    @DisplayName("mutated protocol documents: the parser's tree, or nothing")
    void mutatedProtocols() {
        qt().withExamples(600).forAll(longs().all(), integers().between(0, SEEDS.size() - 1)).checkAssert((seed, index) -> {
            String text = Fuzz.mutateJson(SEEDS.get(index), new Random(seed));
            JsonNode fast = TextReader.read(text, ReadLimits.defaults());
            if (fast != null) {
                JsonNode tree = parsed(text, ReadLimits.defaults());
                assertThat(tree).as(text).isNotNull();
                assertThat(written(fast)).isEqualTo(written(tree));
            }
        });
    }

    @Test
    @DisplayName("the library's documents, indented or compact, are read by the quick path, as the parser reads them")
    void libraryDocuments() {
        for (String seed : SEEDS) {
            for (String text : List.of(seed, JsonFormat.writeCompact(JsonFormat.MAPPER.readTree(seed)), seed.replace("\n", "\r\n"))) {
                JsonNode fast = TextReader.read(text, ReadLimits.defaults());
                assertThat(fast).as(text).isNotNull();
                assertThat(written(fast)).isEqualTo(written(parsed(text, ReadLimits.defaults())));
            }
        }
    }

    @Test
    @DisplayName("each limit: a value just within it is read alike, one beyond is left to the parser")
    void limits() {
        ReadLimits limits = new ReadLimits(200, 3, 5, 4, 3, 100);
        List<String> within = List.of("{\"a\":\"abcd\"}", "{\"abc\":1}", "[12]", "[[1]]", "{\"a\":\"\\n\\n\\n\\n\\n\"}");
        List<String> beyond = List.of("{\"a\":\"abcdef\"}", "{\"abcde\":1}", "[1234]", "[[[[1]]]]", "[\"" + "x".repeat(200) + "\"]");
        for (String text : within) {
            JsonNode fast = TextReader.read(text, limits);
            JsonNode tree = parsed(text, limits);
            assertThat(tree).as(text).isNotNull();
            if (fast != null) {
                assertThat(written(fast)).isEqualTo(written(tree));
            }
        }
        for (String text : beyond) {
            assertThat(TextReader.read(text, limits)).as(text).isNull();
            assertThat(parsed(text, limits)).as(text).isNull();
        }
    }

    @Test
    @DisplayName("what only the parser reads or refuses is left to it: decimals, large numbers, repeated members, trailing content")
    void givesUp() {
        for (String text : List.of("", "   ", "\"x\"", "1", "[1.5]", "[1e2]", "[12345678901234567890]", "{\"a\":1,\"a\":2}",
                "{\"ab\":1,\"a\\u0062\":2}", "{} x", "{}{}", "[1,]", "{\"a\":01}", "[tru]", "[\"a\u0001\"]", "\ufeff{}", "[\"\\q\"]")) {
            assertThat(TextReader.read(text, ReadLimits.defaults())).as(text).isNull();
        }
    }
}
