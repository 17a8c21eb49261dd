package fr.asso.europlie.plie.json;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The quick path of a document's parse (lecture rapide): reads the plain JSON that the library
 * writes (an object or an array at the root, texts, whole numbers of up to 18 digits, booleans,
 * nulls, the standard escapes, white space) straight from the text into the same tree as
 * {@link TokenReader} makes (the same node classes, made by the same factory calls from equal
 * values), and gives up (null) at the first thing it does not read: malformed text, a member
 * given twice, a decimal or a larger number, a value at or beyond a limit, an empty document,
 * content after the document. The caller then parses the whole text with Jackson's parser
 * ({@link TokenReader}), which gives the tree or the refusal, with its words and its place, as
 * before: this path never refuses anything itself.
 *
 * <p>It accepts only what the parser accepts, with the same values: it is stricter than the
 * parser wherever that is simpler (a limit is taken as reached one early; a text's length is
 * counted before its escapes are decoded), which only sends more texts to the parser.
 * {@code TextReaderAgreementTest} compares both on generated texts.
 *
 * <p>Recursive, but never deeper than {@link #MAX_DEPTH} containers (a deeper document goes to the
 * parser, which is iterative).
 */
final class TextReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The deepest nesting read here; the built-in limit is 64. */
    static final int MAX_DEPTH = 256;

    /**
     * Member names seen, each kept as one string (so that the readers' lookups find it by identity,
     * its hash computed once), by the hash of its characters. A slot holds any name: its
     * characters are compared before it is used, and a string is immutable, so threads may share
     * the slots without locking.
     */
    private static final String[] NAMES = new String[1024];
    /** The longest name kept in {@link #NAMES}. */
    private static final int NAME_KEPT = 48;

    /** Thrown to give up, without a stack trace: the caller parses the text with Jackson's parser. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private final String text;
    private final int end;
    private final int maxDepth;
    private final int maxString;
    private final int maxName;
    private final int maxDigits;
    private int pos;

    private TextReader(String text, ReadLimits limits) {
        this.text = text;
        this.end = text.length();
        this.maxDepth = Math.min(MAX_DEPTH, limits.maxNestingDepth() - 1);
        this.maxString = limits.maxStringLength() - 1;
        this.maxName = limits.maxNameLength() - 1;
        this.maxDigits = Math.min(18, limits.maxNumberLength() - 1);
    }

    /**
     * The tree of a document, or null when this path does not read it (the parser then does).
     *
     * @param text the JSON text
     * @param limits the limits (the parser's, see {@link JsonFormat#parse})
     * @return the tree, or null
     */
    static JsonNode read(String text, ReadLimits limits) {
        if (text.length() >= limits.maxDocumentLength()) {
            return null;
        }
        try {
            return new TextReader(text, limits).document();
        } catch (GiveUp e) {
            return null;
        }
    }

    private JsonNode document() {
        int c = skipSpace();
        JsonNode root;
        if (c == '{') {
            root = object(1);
        } else if (c == '[') {
            root = array(1);
        } else {
            throw GIVE_UP;
        }
        if (skipSpace() != -1) {
            throw GIVE_UP;
        }
        return root;
    }

    /** Skips white space (as JSON defines it); gives the next character, not consumed, or -1 at the end. */
    private int skipSpace() {
        while (pos < end) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c;
            }
            pos++;
        }
        return -1;
    }

    /** An object, {@code pos} at its opening brace. */
    private JsonNode object(int depth) {
        if (depth > maxDepth) {
            throw GIVE_UP;
        }
        pos++;
        TokenReader.MemberMap members = new TokenReader.MemberMap();
        TokenReader.MemberObject object = new TokenReader.MemberObject(members);
        int c = skipSpace();
        if (c == '}') {
            pos++;
            return object;
        }
        while (true) {
            if (c != '"') {
                throw GIVE_UP;
            }
            String name = name();
            if (members.containsKey(name)) {
                throw GIVE_UP; // the parser reports the repeated member, at its place
            }
            if (skipSpace() != ':') {
                throw GIVE_UP;
            }
            pos++;
            members.append(name, value(skipSpace(), depth));
            c = skipSpace();
            if (c == ',') {
                pos++;
                c = skipSpace();
            } else if (c == '}') {
                pos++;
                return object;
            } else {
                throw GIVE_UP;
            }
        }
    }

    /** An array, {@code pos} at its opening bracket. */
    private JsonNode array(int depth) {
        if (depth > maxDepth) {
            throw GIVE_UP;
        }
        pos++;
        List<JsonNode> elements = new ArrayList<>();
        ArrayNode array = new ArrayNode(NODES, elements);
        int c = skipSpace();
        if (c == ']') {
            pos++;
            return array;
        }
        while (true) {
            elements.add(value(c, depth));
            c = skipSpace();
            if (c == ',') {
                pos++;
                c = skipSpace();
            } else if (c == ']') {
                pos++;
                return array;
            } else {
                throw GIVE_UP;
            }
        }
    }

    /** A value starting with {@code c} at {@code pos}, inside a container at {@code depth}. */
    private JsonNode value(int c, int depth) {
        switch (c) {
            case '"':
                return NODES.stringNode(string());
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case 't':
                literal("true");
                return NODES.booleanNode(true);
            case 'f':
                literal("false");
                return NODES.booleanNode(false);
            case 'n':
                literal("null");
                return NODES.nullNode();
            default:
                return number(c);
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw GIVE_UP;
        }
        pos += word.length();
    }

    /**
     * A whole number of 1 to 18 digits (within the number limit), without leading zeros,
     * optionally negative, and not followed by a fraction or an exponent: made an int node when it
     * is within an int (as the parser's number type then is), a long node otherwise.
     */
    private JsonNode number(int c) {
        boolean negative = c == '-';
        int start = negative ? pos + 1 : pos;
        int i = start;
        long value = 0;
        while (i < end) {
            char d = text.charAt(i);
            if (d < '0' || d > '9') {
                break;
            }
            value = value * 10 + (d - '0');
            i++;
        }
        int digits = i - start;
        if (digits == 0 || digits > maxDigits || digits > 1 && text.charAt(start) == '0') {
            throw GIVE_UP;
        }
        if (i < end) {
            char next = text.charAt(i);
            if (next == '.' || next == 'e' || next == 'E') {
                throw GIVE_UP;
            }
        }
        pos = i;
        if (negative) {
            value = -value;
        }
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            return NODES.numberNode((int) value);
        }
        return NODES.numberNode(value);
    }

    /** A text value, {@code pos} at its opening quote. */
    private String string() {
        int start = pos + 1;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i - start > maxString) {
                    throw GIVE_UP;
                }
                pos = i + 1;
                return text.substring(start, i);
            }
            if (c == '\\') {
                return escaped(start, i, maxString);
            }
            if (c < ' ') {
                throw GIVE_UP;
            }
        }
        throw GIVE_UP;
    }

    /** A member's name, {@code pos} at its opening quote: the string kept for those characters when there is one. */
    private String name() {
        int start = pos + 1;
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int length = i - start;
                if (length > maxName) {
                    throw GIVE_UP;
                }
                pos = i + 1;
                int slot = (hash ^ (hash >>> 12)) & (NAMES.length - 1);
                String known = NAMES[slot];
                if (known != null && known.length() == length && text.regionMatches(start, known, 0, length)) {
                    return known;
                }
                String name = text.substring(start, i);
                if (length <= NAME_KEPT) {
                    NAMES[slot] = name;
                }
                return name;
            }
            if (c == '\\') {
                return escaped(start, i, maxName);
            }
            if (c < ' ') {
                throw GIVE_UP;
            }
            hash = 31 * hash + c;
        }
        throw GIVE_UP;
    }

    /**
     * The rest of a text with escapes: {@code start} after its opening quote, {@code at} on its
     * first backslash; the length counted before decoding (the decoded text is never longer).
     */
    private String escaped(int start, int at, int max) {
        StringBuilder out = new StringBuilder(at - start + 16);
        out.append(text, start, at);
        int i = at;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i - start > max) {
                    throw GIVE_UP;
                }
                pos = i + 1;
                return out.toString();
            }
            if (c < ' ') {
                throw GIVE_UP;
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= end) {
                throw GIVE_UP;
            }
            char e = text.charAt(i + 1);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 6 > end) {
                        throw GIVE_UP;
                    }
                    int code = 0;
                    for (int k = i + 2; k < i + 6; k++) {
                        int digit = hexDigit(text.charAt(k));
                        if (digit < 0) {
                            throw GIVE_UP;
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> throw GIVE_UP;
            }
            i += 2;
        }
        throw GIVE_UP;
    }

    /** The value of an ASCII hexadecimal digit, or -1 (the parser reads no other). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
