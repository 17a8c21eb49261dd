package fr.asso.europlie.plie.json;

import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope shared by every document of the PLIE interchange format (format d'échange):
 * a JSON object whose {@code format} member names the kind of document (e.g.
 * {@code plie/protocol}) and whose {@code formatVersion} member is {@code MAJOR.MINOR}. A reader
 * accepts its own major version and any minor version (minor versions only add optional members,
 * which a reader that does not know them rejects or keeps as {@link UnknownFields} says).
 *
 * <p>Reading is bounded: a document beyond its {@link ReadLimits} is refused ({@code PLIE-JSON-008}),
 * a member given twice in an object is refused ({@code PLIE-JSON-007}) rather than the last one
 * winning, and numbers are bounded by {@link fr.asso.europlie.plie.money.Decimals}.
 *
 * <p>See {@code docs/json-format.md}.
 */
public final class JsonFormat {

    /** The current version of the format, written in every document. */
    public static final String VERSION = "1.0";

    /** The major version this library reads. */
    public static final String MAJOR = "1";

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Jackson's message of a limit exceeded: what, how much, the maximum. */
    private static final Pattern LIMIT = Pattern.compile("^(.*?) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    /** A parser factory and the limits it reads within, kept together so that a reader never pairs them wrongly. */
    private record Reader(ReadLimits limits, JsonFactory factory) {
    }

    private static volatile Reader lastReader;

    private JsonFormat() {
    }

    /**
     * A new document's root with its envelope.
     *
     * @param format the kind of document, e.g. {@code plie/protocol}
     * @return the root object, with {@code format} and {@code formatVersion}
     */
    public static ObjectNode envelope(String format) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", format);
        root.put("formatVersion", VERSION);
        return root;
    }

    /**
     * A new document's root with its envelope, for a kind of document whose format has moved on to
     * a major version of its own (such as {@code plie/programming} 2.0).
     *
     * @param format the kind of document
     * @param version its format version, {@code MAJOR.MINOR}
     * @return the root object, with {@code format} and {@code formatVersion}
     */
    public static ObjectNode envelope(String format, String version) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", format);
        root.put("formatVersion", version);
        return root;
    }

    /**
     * A new empty JSON object, for writers.
     *
     * @return the object
     */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Writes a document as indented UTF-8 text.
     *
     * @param root the document
     * @return the JSON text
     */
    public static String write(JsonNode root) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /**
     * Writes a document as compact UTF-8 text, without white space between tokens: for a store,
     * where nobody reads the text and indentation only adds characters to write, send and compare
     * (a reader accepts either).
     *
     * @param root the document
     * @return the JSON text
     */
    public static String writeCompact(JsonNode root) {
        return MAPPER.writeValueAsString(root);
    }

    /**
     * What writes one JSON value (a document or a part of one) token by token with a generator:
     * written once, it gives the text ({@link #writeCompact(Writing)}, {@link #write(Writing)}) or a
     * tree ({@link #tree(Writing)}) with the same members in the same order.
     */
    @FunctionalInterface
    public interface Writing {
        /**
         * Writes the value.
         *
         * @param generator where, not null
         */
        void write(JsonGenerator generator);
    }

    /** A {@link Writing} as a value the mapper serialises by calling it. */
    private static final class Written extends JacksonSerializable.Base {
        private final Writing writing;

        Written(Writing writing) {
            this.writing = writing;
        }

        @Override
        public void serialize(JsonGenerator generator, SerializationContext context) {
            writing.write(generator);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer types) {
            writing.write(generator);
        }
    }

    /**
     * Writes a value straight as indented text, without a tree in between: the text
     * {@link #write(JsonNode)} gives of the tree {@link #tree(Writing)} builds.
     *
     * @param writing what writes it, not null
     * @return the JSON text
     */
    public static String write(Writing writing) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(new Written(writing));
    }

    /**
     * Writes a value straight as compact text, without a tree in between: the text
     * {@link #writeCompact(JsonNode)} gives of the tree {@link #tree(Writing)} builds.
     *
     * @param writing what writes it, not null
     * @return the JSON text
     */
    public static String writeCompact(Writing writing) {
        return MAPPER.writeValueAsString(new Written(writing));
    }

    /**
     * The tree of a value, for a writer that embeds it in a tree of its own.
     *
     * @param writing what writes it, not null
     * @param <T> the kind of node it writes (an object, an array)
     * @return the tree
     */
    public static <T extends JsonNode> T tree(Writing writing) {
        return MAPPER.valueToTree(new Written(writing));
    }

    /**
     * Starts a document's root object with its envelope: {@code format} and {@code formatVersion},
     * as {@link #envelope(String)} does for a tree.
     *
     * @param generator where, not null
     * @param format the kind of document, e.g. {@code plie/protocol}
     */
    public static void startEnvelope(JsonGenerator generator, String format) {
        generator.writeStartObject();
        generator.writeStringProperty("format", format);
        generator.writeStringProperty("formatVersion", VERSION);
    }

    /**
     * Reads a document of a kind within the {@linkplain ReadLimits#defaults() default limits}:
     * parses the text, checks the envelope, reads the body, and reports every problem at once.
     *
     * @param text the JSON text
     * @param format the expected kind
     * @param unknownFields what to do with unknown members
     * @param body reads the root's other members
     * @param <T> the type read
     * @return the value and the unknown members kept, never null
     * @throws InvalidDocumentException with every problem, each with its JSON path; never another
     *     exception
     */
    public static <T> Document<T> read(String text, String format, UnknownFields unknownFields, Function<Node, T> body) {
        return read(text, format, unknownFields, ReadLimits.defaults(), body);
    }

    /**
     * Reads a document of a kind within given limits: parses the text, checks the envelope, reads
     * the body, and reports every problem at once.
     *
     * @param text the JSON text
     * @param format the expected kind
     * @param unknownFields what to do with unknown members
     * @param limits what the reader accepts at most, not null
     * @param body reads the root's other members
     * @param <T> the type read
     * @return the value and the unknown members kept, never null
     * @throws InvalidDocumentException with every problem, each with its JSON path
     *     ({@code PLIE-JSON-007} for a member given twice, {@code PLIE-JSON-008} for a limit
     *     exceeded); never another exception
     */
    public static <T> Document<T> read(String text, String format, UnknownFields unknownFields, ReadLimits limits,
            Function<Node, T> body) {
        return read(text, format, java.util.Set.of(MAJOR), unknownFields, limits, body, JsonFormat::parse);
    }

    /** Reads a document, its text parsed by the given parser (the tests compare parsers). */
    static <T> Document<T> read(String text, String format, UnknownFields unknownFields, ReadLimits limits,
            Function<Node, T> body, TreeParser parser) {
        return read(text, format, java.util.Set.of(MAJOR), unknownFields, limits, body, parser);
    }

    /**
     * Reads a document of a kind whose readers accept several major versions (an older layout
     * upgraded on reading): as {@link #read(String, String, UnknownFields, ReadLimits, Function)},
     * the body reading {@code formatVersion} to know the layout.
     *
     * @param text the JSON text
     * @param format the expected kind
     * @param majors the major versions accepted, not empty
     * @param unknownFields what to do with unknown members
     * @param limits what the reader accepts at most, not null
     * @param body reads the root's other members
     * @param <T> the type read
     * @return the value and the unknown members kept, never null
     * @throws InvalidDocumentException with every problem, each with its JSON path
     *     ({@code PLIE-JSON-006} for another major version)
     */
    public static <T> Document<T> read(String text, String format, java.util.Set<String> majors, UnknownFields unknownFields,
            ReadLimits limits, Function<Node, T> body) {
        return read(text, format, majors, unknownFields, limits, body, JsonFormat::parse);
    }

    private static <T> Document<T> read(String text, String format, java.util.Set<String> majors,
            UnknownFields unknownFields, ReadLimits limits, Function<Node, T> body, TreeParser parser) {
        Node.Problems problems = new Node.Problems(unknownFields, limits);
        String json = text == null ? "" : text;
        if (json.length() > limits.maxDocumentLength()) {
            problems.add(Violation.of(JsonError.LIMIT_EXCEEDED, "$", json.length(), limits.maxDocumentLength(),
                    ReadLimits.PROPERTY_PREFIX + "maxDocumentLength"));
            problems.throwIfAny();
        }
        JsonNode tree = parser.parse(json, limits, problems);
        if (tree == null || tree.isMissingNode()) {
            problems.add(Violation.of(JsonError.MALFORMED, "line 1, column 1", "empty document"));
            problems.throwIfAny();
        }
        Node root = Node.root(tree, problems);
        if (root == null) {
            problems.throwIfAny();
        }
        String kind = root.text("format");
        String version = root.text("formatVersion");
        if (kind != null && !kind.equals(format)) {
            problems.add(Violation.of(JsonError.UNSUPPORTED_FORMAT, "$.format", kind, format));
        }
        if (version != null && !ofMajors(version, majors)) {
            problems.add(Violation.of(JsonError.UNSUPPORTED_FORMAT, "$.formatVersion", version,
                    String.join(" / ", majors.stream().sorted().map(major -> major + ".x").toList())));
        }
        if (!problems.violations().isEmpty()) {
            problems.throwIfAny();
        }
        T value = root.convert(null, () -> body.apply(root));
        root.done();
        if (value == null && problems.violations().isEmpty()) {
            // A body that gives up must say why; should one not, the document is still refused.
            problems.add(Violation.of(JsonError.BAD_VALUE, "$", format, "a valid " + format + " document"));
        }
        problems.throwIfAny();
        return new Document<>(value, problems.kept());
    }

    /** Whether a format version is one of the major versions and a minor version. */
    private static boolean ofMajors(String version, java.util.Set<String> majors) {
        for (String major : majors) {
            if (ofMajor(version, major)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a format version matches the regular expression {@code MAJOR\.\d+} ({@code \d}
     * being {@code [0-9]}): checked by hand when the major version is digits, as every major
     * version of the format is, with the expression otherwise. {@code JsonFormatVersionTest}
     * compares both.
     */
    static boolean ofMajor(String version, String major) {
        if (major == null || major.isEmpty() || !digits(major, 0)) {
            return version.matches(major + "\\.\\d+");
        }
        int dot = major.length();
        return version.length() > dot + 1 && version.startsWith(major) && version.charAt(dot) == '.' && digits(version, dot + 1);
    }

    /** Whether every character of a text from an index on is an ASCII digit. */
    private static boolean digits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a document's text into its tree, or records the problem and throws: the parser's
     * limits, a member given twice, malformed text, content after the document.
     */
    @FunctionalInterface
    interface TreeParser {
        /**
         * Parses.
         *
         * @param json the text, within the document length
         * @param limits the limits
         * @param problems where a problem is recorded before throwing
         * @return the tree, or null (or a missing node) for an empty document
         */
        JsonNode parse(String json, ReadLimits limits, Node.Problems problems);
    }

    /**
     * Parses a document: plain JSON within the limits straight from the text ({@link TextReader},
     * which gives the tree the parser would give, or gives up), any other text from the parser's
     * tokens ({@link #parseTokens}); either way with the same limits, the same refusals in the same
     * order, each with the same JSON path or location, as Jackson's {@code readTree} with strict
     * duplicate detection did.
     */
    static JsonNode parse(String json, ReadLimits limits, Node.Problems problems) {
        JsonNode quick = TextReader.read(json, limits);
        if (quick != null) {
            return quick; // plain JSON within the limits: the tree the parser would give (TextReader)
        }
        return parseTokens(json, limits, problems);
    }

    /** {@link #parse} with Jackson's parser alone ({@link TokenReader}): every text, every refusal. */
    static JsonNode parseTokens(String json, ReadLimits limits, Node.Problems problems) {
        JsonParser parser = null;
        try {
            parser = factory(limits).createParser(json);
            JsonNode tree = TokenReader.read(parser);
            JsonToken after = tree == null ? null : parser.nextToken();
            if (after != null) {
                // Content after the document: refused with the words of Jackson's readTree
                // (FAIL_ON_TRAILING_TOKENS, on by default in Jackson 3), which the former reader gave.
                TokenStreamLocation where = parser.currentTokenLocation();
                problems.add(Violation.of(JsonError.MALFORMED, "line " + where.getLineNr() + ", column " + where.getColumnNr(),
                        "Trailing token (`JsonToken." + after.name() + "`) found after value (bound as `" + JsonNode.class.getName()
                                + "`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`"));
            }
            parser.close();
            problems.throwIfAny();
            return tree;
        } catch (TokenReader.DuplicateMember e) {
            problems.add(Violation.of(JsonError.DUPLICATE_MEMBER, pathOf(parser), e.name()));
        } catch (StreamConstraintsException e) {
            problems.add(limitExceeded(e, pathOf(parser)));
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            String location = where == null ? "?" : "line " + where.getLineNr() + ", column " + where.getColumnNr();
            problems.add(Violation.of(JsonError.MALFORMED, location, e.getOriginalMessage()));
        }
        problems.throwIfAny();
        throw new IllegalStateException("unreachable");
    }

    static Violation limitExceeded(StreamConstraintsException e, String path) {
        String message = String.valueOf(e.getOriginalMessage());
        Matcher m = LIMIT.matcher(message);
        if (!m.find()) {
            return Violation.of(JsonError.LIMIT_EXCEEDED, path, message, "?", ReadLimits.PROPERTY_PREFIX + "*");
        }
        String setting = switch (m.group(1)) {
            case "Document nesting depth" -> "maxNestingDepth";
            case "Document length" -> "maxDocumentLength";
            case "String value length" -> "maxStringLength";
            case "Number value length" -> "maxNumberLength";
            case "Name length" -> "maxNameLength";
            default -> m.group(1);
        };
        return Violation.of(JsonError.LIMIT_EXCEEDED, path, m.group(2), m.group(3), ReadLimits.PROPERTY_PREFIX + setting);
    }

    /** The JSON path where the parser stopped, such as {@code $.content.signatories[2].kind}. */
    static String pathOf(JsonParser parser) {
        if (parser == null) {
            return "$";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = parser.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.currentName() != null) {
                parts.push("." + c.currentName());
            }
        }
        return "$" + String.join("", parts);
    }

    /** The parser factory that reads within the limits; the last one built is kept for the next read. */
    private static JsonFactory factory(ReadLimits limits) {
        Reader cached = lastReader;
        if (cached != null && cached.limits().equals(limits)) {
            return cached.factory();
        }
        StreamReadConstraints constraints = StreamReadConstraints.builder().maxDocumentLength(limits.maxDocumentLength())
                .maxNestingDepth(limits.maxNestingDepth()).maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxNameLength()).maxNumberLength(limits.maxNumberLength()).build();
        // A member given twice is refused by TokenReader itself (at the token where the parser's
        // strict duplicate detection refused it), without a hash set of names per object.
        JsonFactory built = JsonFactory.builder().streamReadConstraints(constraints).build();
        lastReader = new Reader(limits, built);
        return built;
    }
}
