package fr.asso.europlie.plie.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.error.Fuzz;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.ProtocolState;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tools.jackson.databind.JsonNode;

/**
 * The streaming reader ({@link TokenReader}, {@link JsonFormat}'s parse) against the former one
 * kept as the oracle ({@link TreeParserOracle}: Jackson's {@code readTree}): on generated and
 * mutated documents, within the default and within small limits, both give the same tree (equal,
 * written alike, every number of the same node type) or refuse with the same problems; and the
 * protocol reader built on each accepts the same documents with the same protocol, and refuses
 * the others with the same problems, in the same order.
 */
@DisplayName("the streaming JSON reader accepts and refuses exactly what the former readTree reader did")
class StreamingReaderAgreementTest {

    private static final List<String> SEEDS = List.of(ProtocolJson.write(ProtocolFixture.aDraft()),
            ProtocolJson.write(ProtocolFixture.underNegotiation()), ProtocolJson.write(ProtocolFixture.inForce()),
            ProtocolJson.write(ProtocolFixture.inForceWithAmendment(ProtocolState.ADOPTED)));

    /** Raw JSON values of every kind, and some that are not JSON. */
    private static final List<String> RAWS = List.of("0", "-0", "7", "-12", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "1.50", "-0.0", "1e2", "1E+2", "0e5",
            "1.5e-3", "1e400", "1e999999999", "1E2147483648", "0.1234567890123456789", "NaN", "Infinity", "01", "1.", ".5", "+1",
            "\"\"", "\"texte\"", "\"é\\u00e9\\n\\t\\\"\"", "\"\\ud800\"", "\"\\u0000\"", "\"" + "x".repeat(70) + "\"", "true", "false",
            "null", "[]", "{}", "[1,2,3,4]", "{\"a\":1}", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":[{\"c\":null}]}}", "[[[[[[[1]]]]]]]",
            "{\"" + "n".repeat(20) + "\":1}", "[1,]", "{\"a\" 1}", "{'a':1}", "tru", "\"unterminated", "");

    private static final ReadLimits SMALL = new ReadLimits(400, 5, 50, 10, 5, 3);

    /** A JSON-like text: values nested at random from the raws, names from a small set (so that some repeat). */
    private static Gen<String> texts() {
        return longs().all().map(seed -> {
            Random random = new Random(seed);
            StringBuilder out = new StringBuilder();
            value(out, random, 0);
            String text = out.toString();
            return random.nextInt(6) == 0 ? Fuzz.mutateText(text, random) : random.nextInt(8) == 0 ? text + " " + text : text;
        });
    }

    private static void value(StringBuilder out, Random random, int depth) {
        int kind = depth > 4 ? 2 : random.nextInt(5);
        if (kind == 0) {
            out.append('{');
            int members = random.nextInt(random.nextInt(10) == 0 ? 16 : 6);
            for (int i = 0; i < members; i++) {
                out.append(i == 0 ? "" : ",").append('"').append("m").append(random.nextInt(members + 2)).append("\":");
                value(out, random, depth + 1);
            }
            out.append('}');
        } else if (kind == 1) {
            out.append('[');
            int elements = random.nextInt(6);
            for (int i = 0; i < elements; i++) {
                out.append(i == 0 ? "" : ",");
                value(out, random, depth + 1);
            }
            out.append(']');
        } else {
            out.append(RAWS.get(random.nextInt(RAWS.size())));
        }
    }

    /** What a parse or a read gives: the value, or the problems of the refusal, or another exception. */
    private record Outcome(Object value, String written, List<Violation> problems, String other) {
    }

    private static Outcome outcome(Supplier<?> read) {
        try {
            Object value = read.get();
            return new Outcome(value, value instanceof JsonNode node ? node.toString() + types(node) : null, null, null);
        } catch (InvalidDocumentException e) {
            return new Outcome(null, null, e.violations(), null);
        } catch (RuntimeException e) {
            return new Outcome(null, null, null, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** Every node's type, depth first: an integer read as a long, or a decimal as a double, would differ. */
    private static String types(JsonNode node) {
        StringBuilder out = new StringBuilder(" ");
        List<JsonNode> pending = new java.util.ArrayList<>(List.of(node));
        while (!pending.isEmpty()) {
            JsonNode next = pending.remove(pending.size() - 1);
            // An object is an ObjectNode (the streaming reader's own subclass keeps its members by
            // index); a leaf's exact class is compared.
            out.append(next.isObject() ? "ObjectNode" : next.getClass().getSimpleName()).append(' ');
            next.values().forEach(pending::add);
        }
        return out.toString();
    }

    private static Outcome tree(String text, ReadLimits limits, JsonFormat.TreeParser parser) {
        return outcome(() -> {
            Node.Problems problems = new Node.Problems(UnknownFields.REJECT, limits);
            return parser.parse(text, limits, problems);
        });
    }

    @Test
    @DisplayName("any text, within the default or small limits: the same tree, or the same refusal at the same place")
    void sameTrees() {
        qt().withExamples(4000).forAll(texts(), integers().between(0, 1)).checkAssert((text, small) -> {
            ReadLimits limits = small == 1 ? SMALL : ReadLimits.defaults();
            Outcome streamed = tree(text, limits, JsonFormat::parse);
            Outcome former = tree(text, limits, TreeParserOracle::parse);
            assertThat(streamed).as(text).isEqualTo(former);
        });
    }

    @Test
    @DisplayName("mutated protocol documents, rejecting or keeping unknown members: the same protocol or the same problems")
    void sameProtocols() {
        Gen<String> documents = longs().all().zip(integers().between(0, SEEDS.size() - 1),
                (seed, index) -> Fuzz.mutateJson(SEEDS.get(index), new Random(seed)));
        int[] accepted = {0};
        qt().withExamples(600).forAll(documents, integers().between(0, 1)).checkAssert((json, keep) -> {
            UnknownFields mode = keep == 1 ? UnknownFields.KEEP : UnknownFields.REJECT;
            Outcome streamed = outcome(() -> JsonFormat.read(json, ProtocolJson.FORMAT, mode, ReadLimits.defaults(),
                    ProtocolJson::protocol, JsonFormat::parse));
            Outcome former = outcome(() -> JsonFormat.read(json, ProtocolJson.FORMAT, mode, ReadLimits.defaults(),
                    ProtocolJson::protocol, TreeParserOracle::parse));
            assertThat(streamed).as(json).isEqualTo(former);
            if (streamed.value() != null) {
                accepted[0]++;
            }
        });
        assertThat(accepted[0]).as("some mutated documents stay valid").isPositive();
    }

    @Test
    @DisplayName("the seeds themselves: read alike, and every member kept alike")
    void sameSeeds() {
        for (String seed : SEEDS) {
            for (UnknownFields mode : UnknownFields.values()) {
                Outcome streamed = outcome(() -> JsonFormat.read(seed, ProtocolJson.FORMAT, mode, ReadLimits.defaults(),
                        ProtocolJson::protocol, JsonFormat::parse));
                Outcome former = outcome(() -> JsonFormat.read(seed, ProtocolJson.FORMAT, mode, ReadLimits.defaults(),
                        ProtocolJson::protocol, TreeParserOracle::parse));
                assertThat(streamed).isEqualTo(former);
                assertThat(streamed.value()).isNotNull();
            }
        }
    }

    @Test
    @DisplayName("a member given twice before a bad value, at any depth: the repeated member is refused first, as before")
    void repeatedNameBeforeBadValue() {
        List<String> values = List.of("1", "tru", "01", "1e999999999", "123456789012", "\"unterminated", "\"" + "x".repeat(60) + "\"",
                "{\"b\":1}", "[1,]", ":", "", "}");
        int refusedAsRepeated = 0;
        for (String value : values) {
            for (String text : List.of("{\"a\":1,\"a\":" + value + "}", "{\"a\":1,\"b\":2,\"a\" " + value + "}",
                    "[{\"x\":{\"a\":[],\"c\":0,\"d\":0,\"a\":" + value + "}}]", "{\"a\":1,\"A\":" + value + "}")) {
                for (ReadLimits limits : List.of(ReadLimits.defaults(), SMALL)) {
                    Outcome streamed = tree(text, limits, JsonFormat::parse);
                    assertThat(streamed).as(text).isEqualTo(tree(text, limits, TreeParserOracle::parse));
                    if (streamed.problems() != null && streamed.problems().get(0).code() == JsonError.DUPLICATE_MEMBER) {
                        refusedAsRepeated++;
                    }
                }
            }
        }
        assertThat(refusedAsRepeated).isPositive();
    }
}
