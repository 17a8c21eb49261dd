package fr.asso.europlie.plie.json;

import fr.asso.europlie.plie.error.Violation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The former parse of {@link JsonFormat} kept as the oracle of the streaming one
 * ({@link TokenReader}): Jackson's {@code readTree} with strict duplicate detection and big
 * decimals, within the same limits, each refusal recorded as before. Not used by the library.
 */
final class TreeParserOracle {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"(.*)\"", Pattern.DOTALL);

    private TreeParserOracle() {
    }

    /**
     * Parses as the library did before the streaming reader.
     *
     * @see JsonFormat.TreeParser#parse
     */
    static JsonNode parse(String json, ReadLimits limits, Node.Problems problems) {
        JsonMapper mapper = mapper(limits);
        JsonParser parser = null;
        try {
            parser = mapper.createParser(json);
            JsonNode tree = mapper.readTree(parser);
            if (tree != null && parser.nextToken() != null) {
                TokenStreamLocation where = parser.currentTokenLocation();
                problems.add(Violation.of(JsonError.MALFORMED, "line " + where.getLineNr() + ", column " + where.getColumnNr(),
                        "content after the document"));
            }
            parser.close();
            problems.throwIfAny();
            return tree;
        } catch (StreamConstraintsException e) {
            problems.add(JsonFormat.limitExceeded(e, JsonFormat.pathOf(parser)));
        } catch (JacksonException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                problems.add(Violation.of(JsonError.DUPLICATE_MEMBER, JsonFormat.pathOf(parser), duplicate.group(1)));
            } else {
                TokenStreamLocation where = e.getLocation();
                String location = where == null ? "?" : "line " + where.getLineNr() + ", column " + where.getColumnNr();
                problems.add(Violation.of(JsonError.MALFORMED, location, e.getOriginalMessage()));
            }
        }
        problems.throwIfAny();
        throw new IllegalStateException("unreachable");
    }

    private static JsonMapper mapper(ReadLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder().maxDocumentLength(limits.maxDocumentLength())
                .maxNestingDepth(limits.maxNestingDepth()).maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxNameLength()).maxNumberLength(limits.maxNumberLength()).build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        return JsonMapper.builder(factory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }
}
