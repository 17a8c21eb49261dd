package fr.asso.europlie.plie.json;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Decimals;
import fr.asso.europlie.plie.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

/**
 * A reader of one JSON object of a document that collects every problem instead of stopping at
 * the first (lecteur de nœud JSON). Each accessor records a violation with the member's JSON
 * path when the member is missing, of the wrong type or not a valid value, and returns null;
 * the caller goes on and {@link Problems#throwIfAny()} ends the read.
 *
 * <p>Call {@link #done()} after reading an object's members: it reports the members that were not
 * read as unknown (or keeps them, per {@link UnknownFields}).
 *
 * <p>Used by the library's readers; public so that extensions follow the same style.
 */
public final class Node {

    /**
     * The problems found while reading one document, and the unknown members kept.
     */
    public static final class Problems {
        private final List<Violation> violations = new ArrayList<>();
        private final Map<String, String> kept = new LinkedHashMap<>();
        private final UnknownFields unknownFields;
        private final ReadLimits limits;
        /** Problems that leave a part unread (all but unknown members): they explain later refusals. */
        private int blocking;

        /**
         * Starts an empty collection, within the default limits.
         *
         * @param unknownFields what to do with unknown members
         */
        public Problems(UnknownFields unknownFields) {
            this(unknownFields, ReadLimits.defaults());
        }

        /**
         * Starts an empty collection.
         *
         * @param unknownFields what to do with unknown members
         * @param limits what the reader accepts at most, not null
         */
        public Problems(UnknownFields unknownFields, ReadLimits limits) {
            this.unknownFields = unknownFields;
            this.limits = limits;
        }

        /**
         * Records a problem.
         *
         * @param violation the problem
         */
        public void add(Violation violation) {
            violations.add(violation);
            if (violation.code() != JsonError.UNKNOWN_FIELD) {
                blocking++;
            }
        }

        /**
         * The problems so far.
         *
         * @return the violations
         */
        public List<Violation> violations() {
            return List.copyOf(violations);
        }

        /**
         * Whether a problem so far left a part of the document unread (a missing member, a wrong
         * type, a bad value: anything but an unknown member). Readers skip the checks of a whole
         * that would only repeat it, and still run them after unknown members alone, so that every
         * problem of a document is reported in one pass.
         *
         * @return true when such a problem was recorded
         */
        public boolean anyBlocking() {
            return blocking > 0;
        }

        /**
         * The unknown members kept.
         *
         * @return path to raw JSON
         */
        public Map<String, String> kept() {
            return Map.copyOf(kept);
        }

        /**
         * Ends a read: throws when any problem was found.
         *
         * @throws InvalidDocumentException with every problem
         */
        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new InvalidDocumentException(violations);
            }
        }
    }

    private final JsonNode node;
    /** The enclosing object, null for the root: the path is built from it only when asked. */
    private final Node parent;
    /** The member of the parent this object is (or whose array holds it), null for the root. */
    private final String member;
    /** The index in that array, or -1. */
    private final int index;
    private String path;
    private final Problems problems;
    /**
     * The object's members when the streaming reader built it (else null): each is then found by
     * index, searched from {@link #cursor}, and marked read ({@link #seenBits}).
     */
    private final TokenReader.MemberMap members;
    /** Where the next search starts: after the member last found (readers ask in the document's order). */
    private int cursor;
    /**
     * Which members (by index) the reader asked for, when {@link #members} is known: one bit each
     * in {@link #seenBits} for an object of up to 64 members (no array to allocate), else in
     * {@link #seenWide}.
     */
    private long seenBits;
    private final boolean[] seenWide;
    /** The members the reader asked for, when {@link #members} is not known (a handful: a list is enough). */
    private List<String> read;
    /** How many of them are present in the object: when all are, no member is unknown. */
    private int presentRead;

    private Node(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.parent = null;
        this.member = null;
        this.index = -1;
        this.path = path;
        this.problems = problems;
        this.members = membersOf(node);
        this.seenWide = members == null || members.size() <= Long.SIZE ? null : new boolean[members.size()];
    }

    private Node(JsonNode node, Node parent, String member, int index) {
        this.node = node;
        this.parent = parent;
        this.member = member;
        this.index = index;
        this.problems = parent.problems;
        this.members = membersOf(node);
        this.seenWide = members == null || members.size() <= Long.SIZE ? null : new boolean[members.size()];
    }

    private static TokenReader.MemberMap membersOf(JsonNode node) {
        return node instanceof TokenReader.MemberObject object ? object.members() : null;
    }

    /** Records that the reader asked for a member, once; gives the member's value (null when absent). */
    private JsonNode asked(String name) {
        if (members != null) {
            int at = members.find(name, cursor);
            if (at < 0) {
                return null; // an absent member is never unknown: nothing to remember
            }
            cursor = at + 1;
            if (markSeen(at)) {
                presentRead++;
            }
            return members.valueAt(at);
        }
        if (read == null) {
            read = new ArrayList<>();
        }
        JsonNode value = node.get(name);
        for (int i = 0; i < read.size(); i++) {
            String known = read.get(i);
            if (known == name || known.equals(name)) {
                return value;
            }
        }
        read.add(name);
        if (value != null) {
            presentRead++;
        }
        return value;
    }

    /** Marks the member at an index read; true when it was not yet. */
    private boolean markSeen(int at) {
        if (seenWide != null) {
            boolean first = !seenWide[at];
            seenWide[at] = true;
            return first;
        }
        long bit = 1L << at;
        boolean first = (seenBits & bit) == 0;
        seenBits |= bit;
        return first;
    }

    /** Whether the member at an index was read. */
    private boolean wasSeen(int at) {
        return seenWide != null ? seenWide[at] : (seenBits & (1L << at)) != 0;
    }

    /**
     * The root object of a document.
     *
     * @param root the parsed root
     * @param problems the collector
     * @return the reader, or null (with a problem recorded) when the root is not an object
     */
    public static Node root(JsonNode root, Problems problems) {
        if (root == null || !root.isObject()) {
            problems.add(Violation.of(JsonError.WRONG_TYPE, "$", root == null ? null : root.getNodeType(), "object"));
            return null;
        }
        return new Node(root, "$", problems);
    }

    /**
     * This object's JSON path.
     *
     * @return the path, such as {@code $.content.budget}
     */
    public String path() {
        if (path == null) {
            String base = parent.path() + "." + member;
            path = index < 0 ? base : base + "[" + index + "]";
        }
        return path;
    }

    /**
     * The collector this reader reports to.
     *
     * @return the problems
     */
    public Problems problems() {
        return problems;
    }

    private String pathOf(String name) {
        return path() + "." + name;
    }

    private JsonNode member(String name, boolean required) {
        JsonNode value = asked(name);
        if (value == null || isNull(value)) {
            if (required) {
                problems.add(Violation.of(JsonError.MISSING, pathOf(name), null));
            }
            return null;
        }
        return value;
    }

    /*
     * The node types asked of each value (isNull, isString, isObject, ...) are calls on a
     * JsonNode of many classes, which the JIT cannot inline: the classes the parsers make are
     * compared first (exactly: a subclass goes the general way), each of which has one node
     * type, so that the answer is the same.
     */

    /** {@link JsonNode#isNull()}. */
    private static boolean isNull(JsonNode value) {
        Class<?> type = value.getClass();
        if (type == StringNode.class || type == TokenReader.MemberObject.class || type == IntNode.class || type == ArrayNode.class) {
            return false;
        }
        return value.isNull();
    }

    /** {@link JsonNode#isObject()}. */
    private static boolean isObject(JsonNode value) {
        return value.getClass() == TokenReader.MemberObject.class || value.isObject();
    }

    /** {@link JsonNode#isArray()}. */
    private static boolean isArray(JsonNode value) {
        return value.getClass() == ArrayNode.class || value.isArray();
    }

    /** {@link JsonNode#isString()}. */
    private static boolean isString(JsonNode value) {
        return value.getClass() == StringNode.class || value.getClass() != IntNode.class && value.isString();
    }

    private void wrongType(String name, JsonNode value, String expected) {
        problems.add(Violation.of(JsonError.WRONG_TYPE, pathOf(name), value.toString(), expected));
    }

    /**
     * Whether the member is present and not null (marks it as read).
     *
     * @param name the member
     * @return true when present
     */
    public boolean has(String name) {
        JsonNode value = asked(name);
        return value != null && !isNull(value);
    }

    /**
     * A required text member.
     *
     * @param name the member
     * @return the text, or null when missing or not a text
     */
    public String text(String name) {
        return text(name, true);
    }

    /**
     * An optional text member.
     *
     * @param name the member
     * @return the text, or null when absent (a problem only when not a text)
     */
    public String optionalText(String name) {
        return text(name, false);
    }

    private String text(String name, boolean required) {
        JsonNode value = member(name, required);
        if (value == null) {
            return null;
        }
        if (value.getClass() == StringNode.class) {
            return ((StringNode) value).stringValue();
        }
        if (!value.isString()) {
            wrongType(name, value, "text");
            return null;
        }
        return value.stringValue();
    }

    /**
     * A required integer member.
     *
     * @param name the member
     * @return the value, or null
     */
    public Integer integer(String name) {
        JsonNode value = member(name, true);
        if (value == null) {
            return null;
        }
        if (value.getClass() == IntNode.class) {
            return ((IntNode) value).intValue(); // an integer, always within int
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            wrongType(name, value, "integer");
            return null;
        }
        return value.intValue();
    }

    /**
     * A required long integer member.
     *
     * @param name the member
     * @return the value, or null
     */
    public Long longInteger(String name) {
        JsonNode value = member(name, true);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            wrongType(name, value, "integer");
            return null;
        }
        return value.longValue();
    }

    /**
     * A required boolean member.
     *
     * @param name the member
     * @return the value, or null
     */
    public Boolean bool(String name) {
        JsonNode value = member(name, true);
        if (value == null) {
            return null;
        }
        if (value.getClass() == BooleanNode.class) {
            return ((BooleanNode) value).booleanValue();
        }
        if (!value.isBoolean()) {
            wrongType(name, value, "boolean");
            return null;
        }
        return value.booleanValue();
    }

    /**
     * A required decimal member, written as a JSON number or a text ({@code "50.5"}).
     *
     * @param name the member
     * @return the value, or null
     */
    public BigDecimal decimal(String name) {
        JsonNode value = member(name, true);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() && !value.isString()) {
            wrongType(name, value, "decimal");
            return null;
        }
        return number(name, value, "decimal");
    }

    /**
     * A JSON number or a text as a decimal within the bounds of {@link Decimals}, checked before
     * any conversion; a problem recorded and null otherwise.
     */
    private BigDecimal number(String name, JsonNode value, String expected) {
        BigDecimal decimal;
        if (value.isNumber()) {
            if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
                problems.add(Violation.of(JsonError.BAD_VALUE, pathOf(name), value.toString(), expected));
                return null;
            }
            decimal = value.decimalValue();
        } else {
            String text = value.stringValue();
            if (text.length() > Decimals.MAX_TEXT_LENGTH) {
                problems.add(Decimals.problem(pathOf(name), text));
                return null;
            }
            try {
                decimal = new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                problems.add(Violation.of(JsonError.BAD_VALUE, pathOf(name), text, expected));
                return null;
            }
        }
        if (!Decimals.within(decimal)) {
            problems.add(Decimals.problem(pathOf(name), decimal));
            return null;
        }
        return Decimals.normalised(decimal);
    }

    /**
     * A required amount in euros, written as a text with at most two decimals ({@code "1234.50"}),
     * or a JSON number.
     *
     * @param name the member
     * @return the amount, or null
     */
    public Money money(String name) {
        JsonNode value = member(name, true);
        if (value == null) {
            return null;
        }
        boolean string = isString(value);
        if (!string && !value.isNumber()) {
            wrongType(name, value, "amount");
            return null;
        }
        // Money names the member as given; convert places it after this object's path, as
        // pathOf(name) would, without building the path of every amount read.
        if (string) {
            String text = value.stringValue();
            return convert(name, () -> Money.parse(name, text));
        }
        BigDecimal decimal = number(name, value, "amount");
        return decimal == null ? null : convert(name, () -> Money.parse(name, decimal.toString()));
    }

    /**
     * A required ISO date member ({@code 2022-01-31}).
     *
     * @param name the member
     * @return the date, or null
     */
    public LocalDate date(String name) {
        return parsed(name, true, LocalDate::parse, "date (YYYY-MM-DD)");
    }

    /**
     * An optional ISO date member.
     *
     * @param name the member
     * @return the date, or null
     */
    public LocalDate optionalDate(String name) {
        return parsed(name, false, LocalDate::parse, "date (YYYY-MM-DD)");
    }

    /**
     * A required ISO instant member ({@code 2022-01-31T09:00:00Z}).
     *
     * @param name the member
     * @return the instant, or null
     */
    public Instant instant(String name) {
        return parsed(name, true, Node::instantOf, "instant (ISO-8601, UTC)");
    }

    /**
     * {@link Instant#parse} of a text: an instant written as the library writes it to the second
     * ({@code 2022-01-31T09:00:00Z}, a year of four digits from 1000, a valid date and time of day)
     * is computed from its fields, without the ISO formatter; any other text goes to
     * {@code Instant.parse}, which gives it or refuses it as before. Both give the same instant
     * ({@code NodeInstantTest} compares them on generated texts).
     */
    static Instant instantOf(String text) {
        Instant plain = plainInstant(text);
        return plain != null ? plain : Instant.parse(text);
    }

    private static Instant plainInstant(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 1000 || month < 1 || month > 12 || day < 1 || day > java.time.Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second);
    }

    /** The number written by ASCII digits at a place, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * A required year member, as a number ({@code 2022}).
     *
     * @param name the member
     * @return the year, or null
     */
    public Year year(String name) {
        Integer value = integer(name);
        if (value == null) {
            return null;
        }
        if (value < 1900 || value > 2200) {
            problems.add(Violation.of(JsonError.BAD_VALUE, pathOf(name), value, "year"));
            return null;
        }
        return Year.of(value);
    }

    private <T> T parsed(String name, boolean required, Function<String, T> parser, String expected) {
        String text = text(name, required);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            problems.add(Violation.of(JsonError.BAD_VALUE, pathOf(name), text, expected));
            return null;
        }
    }

    /**
     * A required enum member, written as the constant's name.
     *
     * @param name the member
     * @param type the enum type
     * @param <E> the enum
     * @return the constant, or null
     */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String text = text(name);
        return text == null ? null : constant(name, -1, text, type);
    }

    /**
     * An array of enum constants, each written as the constant's name; each bad one is reported
     * at its index and left out.
     *
     * @param name the member
     * @param required whether the member must be present
     * @param type the enum type
     * @param <E> the enum
     * @return the constants read, never null
     */
    public <E extends Enum<E>> List<E> enumValues(String name, boolean required, Class<E> type) {
        List<String> texts = texts(name, required);
        List<E> result = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            E constant = constant(name, i, texts.get(i), type);
            if (constant != null) {
                result.add(constant);
            }
        }
        return result;
    }

    /** The constant named by a member's text (or its element's at an index, from 0), its path built only for a problem. */
    private <E extends Enum<E>> E constant(String name, int index, String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            problems.add(Violation.of(JsonError.BAD_VALUE, index < 0 ? pathOf(name) : pathOf(name) + "[" + index + "]", text, allowed));
            return null;
        }
    }

    /**
     * A required nested object.
     *
     * @param name the member
     * @param reader reads the nested object
     * @param <T> the type read
     * @return the value, or null
     */
    public <T> T object(String name, Function<Node, T> reader) {
        return object(name, true, reader);
    }

    /**
     * An optional nested object.
     *
     * @param name the member
     * @param reader reads the nested object
     * @param <T> the type read
     * @return the value, or null when absent
     */
    public <T> T optionalObject(String name, Function<Node, T> reader) {
        return object(name, false, reader);
    }

    private <T> T object(String name, boolean required, Function<Node, T> reader) {
        JsonNode value = member(name, required);
        if (value == null) {
            return null;
        }
        if (!isObject(value)) {
            wrongType(name, value, "object");
            return null;
        }
        Node child = new Node(value, this, name, -1);
        T result = child.convert(null, () -> reader.apply(child));
        child.done();
        return result;
    }

    /**
     * A required array of objects; an absent array is an empty list only when
     * {@code required} is false.
     *
     * @param name the member
     * @param required whether the member must be present
     * @param reader reads each element
     * @param <T> the element type
     * @return the elements read (those that failed are left out), never null
     */
    public <T> List<T> list(String name, boolean required, Function<Node, T> reader) {
        JsonNode value = member(name, required);
        if (value == null) {
            return new ArrayList<>();
        }
        if (!isArray(value)) {
            wrongType(name, value, "array");
            return new ArrayList<>();
        }
        if (tooLong(name, value)) {
            return new ArrayList<>();
        }
        List<T> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!isObject(element)) {
                problems.add(Violation.of(JsonError.WRONG_TYPE, pathOf(name) + "[" + i + "]", element.toString(), "object"));
                continue;
            }
            Node child = new Node(element, this, name, i);
            T item = child.convert(null, () -> reader.apply(child));
            child.done();
            if (item != null) {
                result.add(item);
            }
        }
        return result;
    }

    /**
     * A required array of texts.
     *
     * @param name the member
     * @param required whether the member must be present
     * @return the texts, never null
     */
    public List<String> texts(String name, boolean required) {
        JsonNode value = member(name, required);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!isArray(value)) {
            wrongType(name, value, "array of texts");
            return result;
        }
        if (tooLong(name, value)) {
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (isString(element)) {
                result.add(element.stringValue());
            } else {
                problems.add(Violation.of(JsonError.WRONG_TYPE, pathOf(name) + "[" + i + "]", element.toString(), "text"));
            }
        }
        return result;
    }

    private boolean tooLong(String name, JsonNode array) {
        if (array.size() <= problems.limits.maxArrayLength()) {
            return false;
        }
        problems.add(Violation.of(JsonError.LIMIT_EXCEEDED, pathOf(name), array.size(), problems.limits.maxArrayLength(),
                ReadLimits.PROPERTY_PREFIX + "maxArrayLength"));
        return true;
    }

    /**
     * Builds a domain value, turning the domain's own refusal into problems placed at this
     * object's path (or at a member's).
     *
     * @param name the member the value comes from, or null for this whole object
     * @param build builds the value
     * @param <T> the type
     * @return the value, or null when the domain refused it
     */
    public <T> T convert(String name, Supplier<T> build) {
        int before = problems.blocking;
        try {
            return build.get();
        } catch (PlieException e) {
            // A refusal that follows a problem already reported while reading the parts is its
            // consequence (a part left out, a null): report the cause only. Unknown members leave
            // nothing out, so the domain's checks are still reported after them.
            if (problems.blocking == before) {
                for (Violation v : e.violations()) {
                    problems.add(relocate(v, name));
                }
            }
            return null;
        } catch (RuntimeException e) {
            // A domain type that refuses with a JDK exception: name the JSON value, not the exception.
            if (problems.blocking == before) {
                JsonNode value = name == null ? node : node.get(name);
                problems.add(Violation.of(JsonError.BAD_VALUE, name == null ? path() : pathOf(name), value == null ? null : value.toString(),
                        "a value the PLIE model accepts"));
            }
            return null;
        }
    }

    /**
     * Places a domain violation at a JSON path: the domain names fields by their logical name
     * ({@code signatory.kind}, {@code municipalities[3]}); the part of it that names a member of
     * this object is kept after this object's path, otherwise the member read or the object
     * itself is named.
     */
    private Violation relocate(Violation v, String name) {
        String field = v.field();
        if (field.startsWith("$")) {
            return v;
        }
        String[] segments = field.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            String member = segments[i].replaceAll("\\[.*$", "");
            if (node.has(member)) {
                return new Violation(v.code(), path() + "." + String.join(".", java.util.Arrays.copyOfRange(segments, i, segments.length)),
                        v.value(), v.details());
            }
        }
        return new Violation(v.code(), name == null ? path() : pathOf(name), v.value(), v.details());
    }

    /**
     * Ends the reading of this object: each member not read is unknown.
     */
    public void done() {
        if (presentRead == node.size()) {
            return; // every member present was read
        }
        if (members != null) {
            for (int i = 0; i < members.size(); i++) {
                if (!wasSeen(i)) {
                    unknown(members.nameAt(i), members.valueAt(i));
                }
            }
            return;
        }
        for (String name : node.propertyNames()) {
            if (read == null || !read.contains(name)) {
                unknown(name, node.get(name));
            }
        }
    }

    private void unknown(String name, JsonNode value) {
        if (problems.unknownFields == UnknownFields.KEEP) {
            problems.kept.put(pathOf(name), value.toString());
        } else {
            problems.add(Violation.of(JsonError.UNKNOWN_FIELD, pathOf(name), value.toString()));
        }
    }
}
