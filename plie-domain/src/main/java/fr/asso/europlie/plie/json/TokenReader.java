package fr.asso.europlie.plie.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a document's tree straight from the parser's tokens (lecture en flux), without Jackson's
 * databind deserializer: the same nodes as {@code JsonMapper.readTree} with
 * {@code USE_BIG_DECIMAL_FOR_FLOATS} (the same leaf nodes, made by the same factory calls from the
 * same parser accessors, so that every limit of the parser is met at the same token), but each
 * object's members are kept in a small array map ({@link MemberMap}) instead of a
 * {@code LinkedHashMap}.
 *
 * <p>A member given twice is refused by this reader, in the object's own map, instead of by the
 * parser's strict duplicate detection (which kept a hash set of names per object): at the same
 * token, before the value the parser reads with the name (see {@link #nextName}), as the agreement
 * test checks.
 *
 * <p>Iterative (an explicit stack): a document nested up to the configured depth cannot exhaust
 * the thread's stack.
 */
final class TokenReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** An open object or array, and the member name waiting for its value. */
    private static final class Frame {
        final Frame parent;
        final MemberMap members;
        final List<JsonNode> elements;
        String name;

        Frame(Frame parent, MemberMap members, List<JsonNode> elements) {
            this.parent = parent;
            this.members = members;
            this.elements = elements;
        }
    }

    private TokenReader() {
    }

    /**
     * Reads one value from the parser's next token, pulling the tokens as Jackson's
     * {@code readTree} does (an object's members by {@link JsonParser#nextName()} then the value
     * by {@link JsonParser#nextToken()}, an array's elements by {@code nextToken()}), so that
     * malformed text is refused with the same message at the same place.
     *
     * @param parser the parser, before the value
     * @return the value, or null when there is no token (an empty document)
     * @throws tools.jackson.core.JacksonException as the parser throws it
     */
    static JsonNode read(JsonParser parser) {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return scalar(parser, token);
        }
        JsonNode root = null;
        Frame top = null;
        while (true) {
            if (token == JsonToken.START_OBJECT) {
                MemberMap members = new MemberMap();
                root = attach(top, new MemberObject(members), root);
                top = new Frame(top, members, null);
            } else if (token == JsonToken.START_ARRAY) {
                List<JsonNode> elements = new ArrayList<>();
                root = attach(top, new ArrayNode(NODES, elements), root);
                top = new Frame(top, null, elements);
            } else {
                attach(top, scalar(parser, token), root);
            }
            // The next value of the open containers, closing those that end.
            while (true) {
                if (top.members != null) {
                    String name = nextName(parser, top.members);
                    if (name != null) {
                        top.name = name;
                        token = parser.nextToken();
                        break;
                    }
                } else {
                    token = parser.nextToken();
                    if (token != JsonToken.END_ARRAY) {
                        break;
                    }
                }
                top = top.parent;
                if (top == null) {
                    return root;
                }
            }
            if (token == null) {
                throw new IllegalStateException("end of input inside a value");
            }
        }
    }

    /**
     * The next member's name, or null at the end of the object; a name the object already has is
     * refused ({@link DuplicateMember}) before its value, as the parser's strict duplicate
     * detection did: the parser reads a scalar value with its name, so when that value is
     * malformed (or beyond a limit) after a repeated name, the repeated name is reported, not the
     * value.
     */
    private static String nextName(JsonParser parser, MemberMap members) {
        String name;
        try {
            name = parser.nextName();
        } catch (JacksonException e) {
            // The token is the name only once the parser has read it: the failure is its value's.
            if (parser.currentToken() == JsonToken.PROPERTY_NAME && members.containsKey(parser.currentName())) {
                throw new DuplicateMember(parser.currentName());
            }
            throw e;
        }
        if (name != null && members.containsKey(name)) {
            throw new DuplicateMember(name);
        }
        return name;
    }

    /**
     * A member given twice in an object, found as its second name was read (the parser's context
     * then names it, for the JSON path).
     */
    static final class DuplicateMember extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String name;

        DuplicateMember(String name) {
            super(null, null, false, false);
            this.name = name;
        }

        /** The member's name. */
        String name() {
            return name;
        }
    }

    /** A leaf node, made by the factory calls and parser accessors of Jackson's tree deserializer. */
    private static JsonNode scalar(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> NODES.stringNode(parser.getString());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected token " + token);
        };
    }

    /** Adds a value to the open container, or makes it the root; gives the root. */
    private static JsonNode attach(Frame top, JsonNode value, JsonNode root) {
        if (top == null) {
            return value;
        }
        if (top.members != null) {
            top.members.append(top.name, value);
        } else {
            top.elements.add(value);
        }
        return root;
    }

    /**
     * An object node whose members are a {@link MemberMap}, so that {@link Node} reads them by
     * index (in the document's order, where readers usually ask) instead of by name each time.
     * Equal to any {@code ObjectNode} with the same members, as Jackson's own.
     */
    static final class MemberObject extends ObjectNode {
        MemberObject(MemberMap members) {
            super(NODES, members);
        }

        /** The members, in the order given. */
        MemberMap members() {
            return (MemberMap) _children;
        }
    }

    /**
     * An object's members in the order given: two arrays searched in one pass (a document's
     * objects have a handful of members; each string keeps its hash), with a hash index once an
     * object has more than {@link #INDEXED} members, so that a large object costs no more than a
     * hash map.
     */
    static final class MemberMap extends AbstractMap<String, JsonNode> {
        static final int INDEXED = 12;
        private String[] names = new String[4];
        private JsonNode[] values = new JsonNode[4];
        private int size;
        private Map<String, Integer> index;

        private int find(Object name) {
            if (index != null) {
                Integer at = index.get(name);
                return at == null ? -1 : at;
            }
            if (!(name instanceof String wanted)) {
                return -1;
            }
            int hash = wanted.hashCode();
            for (int i = 0; i < size; i++) {
                String known = names[i];
                if (known == wanted || known.hashCode() == hash && known.equals(wanted)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The index of a member, searched from {@code from} on then from the start: a reader that
         * asks for the members in the document's order finds each at its first probe.
         *
         * @param name the member's name
         * @param from where to start, 0 to {@link #size()}
         * @return its index, or -1 when absent
         */
        int find(String name, int from) {
            if (index != null) {
                Integer at = index.get(name);
                return at == null ? -1 : at;
            }
            if (from < size && names[from].equals(name)) {
                return from; // the member after the last one found: the usual case
            }
            int hash = name.hashCode();
            for (int i = from + 1; i < size; i++) {
                String known = names[i];
                if (known == name || known.hashCode() == hash && known.equals(name)) {
                    return i;
                }
            }
            for (int i = 0; i < from && i < size; i++) {
                String known = names[i];
                if (known == name || known.hashCode() == hash && known.equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** The name of the member at an index. */
        String nameAt(int at) {
            return names[at];
        }

        /** The value of the member at an index. */
        JsonNode valueAt(int at) {
            return values[at];
        }

        @Override
        public JsonNode get(Object name) {
            int at = find(name);
            return at < 0 ? null : values[at];
        }

        @Override
        public boolean containsKey(Object name) {
            return find(name) >= 0;
        }

        @Override
        public JsonNode put(String name, JsonNode value) {
            int at = find(name);
            if (at >= 0) {
                JsonNode previous = values[at];
                values[at] = value;
                return previous;
            }
            append(name, value);
            return null;
        }

        /** Adds a member known to be new (the parser refuses a member given twice). */
        void append(String name, JsonNode value) {
            if (size == names.length) {
                names = java.util.Arrays.copyOf(names, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            if (index != null) {
                index.put(name, size);
            } else if (size + 1 > INDEXED) {
                index = new HashMap<>();
                for (int i = 0; i <= size; i++) {
                    index.put(names[i], i);
                }
            }
            size++;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Set<Entry<String, JsonNode>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, JsonNode>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, JsonNode> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int at = next++;
                            return new SimpleImmutableEntry<>(names[at], values[at]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }
}
