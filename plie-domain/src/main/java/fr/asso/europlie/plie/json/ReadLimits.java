package fr.asso.europlie.plie.json;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.LimitProperty;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * What a JSON reader accepts at most (limites de lecture): beyond one of these limits a document
 * is refused with {@code PLIE-JSON-008}, naming the limit, before it can exhaust memory or time.
 *
 * <p>The library's readers use {@link #defaults()}: the values below, each of which a system
 * property can change for the whole JVM ({@code -Dplie.json.maxNestingDepth=100}); an
 * extension can pass its own limits to
 * {@link JsonFormat#read(String, String, UnknownFields, ReadLimits, java.util.function.Function)}.
 * Numbers are further bounded by {@link fr.asso.europlie.plie.money.Decimals}.
 *
 * @param maxDocumentLength the most characters of a document (default 16,000,000;
 *     {@code plie.json.maxDocumentLength})
 * @param maxNestingDepth the most nested objects and arrays (default 64; {@code plie.json.maxNestingDepth})
 * @param maxStringLength the most characters of a text value (default 100,000; {@code plie.json.maxStringLength})
 * @param maxNameLength the most characters of a member's name (default 200; {@code plie.json.maxNameLength})
 * @param maxNumberLength the most characters of a JSON number (default 64; {@code plie.json.maxNumberLength})
 * @param maxArrayLength the most elements of one array (default 100,000; {@code plie.json.maxArrayLength})
 */
public record ReadLimits(long maxDocumentLength, int maxNestingDepth, int maxStringLength, int maxNameLength, int maxNumberLength,
        int maxArrayLength) {

    /** The system property prefix of the default limits. */
    public static final String PROPERTY_PREFIX = "plie.json.";

    private static final ReadLimits BUILT_IN = new ReadLimits(16_000_000L, 64, 100_000, 200, 64, 100_000);

    /**
     * Checks that every limit is positive.
     *
     * @throws InvalidValueException ({@code PLIE-JSON-005}) naming each limit below 1
     */
    public ReadLimits {
        List<Violation> problems = new ArrayList<>();
        positive(problems, "maxDocumentLength", maxDocumentLength);
        positive(problems, "maxNestingDepth", maxNestingDepth);
        positive(problems, "maxStringLength", maxStringLength);
        positive(problems, "maxNameLength", maxNameLength);
        positive(problems, "maxNumberLength", maxNumberLength);
        positive(problems, "maxArrayLength", maxArrayLength);
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems);
        }
    }

    private static void positive(List<Violation> problems, String name, long value) {
        if (value < 1) {
            problems.add(Violation.of(JsonError.BAD_VALUE, name, value, "> 0"));
        }
    }

    /**
     * The limits the library's readers use: the built-in values, each replaced by its system
     * property ({@code plie.json.<name>}) when that is set.
     *
     * @return the limits
     * @throws InvalidValueException ({@code PLIE-JSON-005}) when a property is not a positive whole number
     */
    public static ReadLimits defaults() {
        return new ReadLimits(property("maxDocumentLength", BUILT_IN.maxDocumentLength), (int) property("maxNestingDepth",
                BUILT_IN.maxNestingDepth), (int) property("maxStringLength", BUILT_IN.maxStringLength), (int) property("maxNameLength",
                BUILT_IN.maxNameLength), (int) property("maxNumberLength", BUILT_IN.maxNumberLength), (int) property("maxArrayLength",
                BUILT_IN.maxArrayLength));
    }

    /**
     * The built-in limits, whatever the system properties say.
     *
     * @return the built-in limits
     */
    public static ReadLimits builtIn() {
        return BUILT_IN;
    }

    private static long property(String name, long fallback) {
        return LimitProperty.value(PROPERTY_PREFIX + name, fallback, name.equals("maxDocumentLength") ? Long.MAX_VALUE : Integer.MAX_VALUE,
                JsonError.BAD_VALUE);
    }
}
