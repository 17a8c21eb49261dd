package fr.asso.europlie.plie.json;

import fr.asso.europlie.plie.error.Violation;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The envelope shared by every document of the PLIE interchange format (format d'échange):
 * a JSON object whose {@code format} member names the kind of document (e.g.
 * {@code plie/protocol}) and whose {@code formatVersion} member is {@code MAJOR.MINOR}. A reader
 * accepts its own major version and any minor version (minor versions only add optional members,
 * which a reader that does not know them rejects or keeps as {@link UnknownFields} says).
 *
 * <p>See {@code docs/json-format.md}.
 */
public final class JsonFormat {

    /** The current version of the format, written in every document. */
    public static final String VERSION = "1.0";

    /** The major version this library reads. */
    public static final String MAJOR = "1";

    static final JsonMapper MAPPER = JsonMapper.builder().build();

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
     * Reads a document of a kind: parses the text, checks the envelope, reads the body, and
     * reports every problem at once.
     *
     * @param text the JSON text
     * @param format the expected kind
     * @param unknownFields what to do with unknown members
     * @param body reads the root's other members
     * @param <T> the type read
     * @return the value and the unknown members kept
     * @throws InvalidDocumentException with every problem, each with its JSON path
     */
    public static <T> Document<T> read(String text, String format, UnknownFields unknownFields, Function<Node, T> body) {
        Node.Problems problems = new Node.Problems(unknownFields);
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text == null ? "" : text);
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            String location = where == null ? "?" : "line " + where.getLineNr() + ", column " + where.getColumnNr();
            problems.add(Violation.of(JsonError.MALFORMED, location, e.getOriginalMessage()));
            problems.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
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
        if (version != null && !version.matches(MAJOR + "\\.\\d+")) {
            problems.add(Violation.of(JsonError.UNSUPPORTED_FORMAT, "$.formatVersion", version, MAJOR + ".x"));
        }
        if (!problems.violations().isEmpty()) {
            problems.throwIfAny();
        }
        T value = root.convert(null, () -> body.apply(root));
        root.done();
        problems.throwIfAny();
        return new Document<>(value, problems.kept());
    }
}
