package fr.asso.europlie.plie.cohort.csv;

import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.LimitProperty;
import fr.asso.europlie.plie.error.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cohort's CSV reader accepts at most (limites de lecture): beyond one of these limits a
 * file is refused with {@code PLIE-COHORT-030}, naming the file, the line and the limit, before it
 * can exhaust memory or time.
 *
 * <p>{@link CohortCsv#read(CsvFiles, java.util.List, fr.asso.europlie.plie.cohort.ImportMode)}
 * uses {@link #defaults()}: the values below, each of which a system property can change for the
 * whole JVM ({@code -Dplie.csv.maxRows=2000000}); the overload that takes limits uses the given
 * ones. Numbers in cells are further bounded by {@link fr.asso.europlie.plie.money.Decimals}.
 *
 * @param maxFileLength the most characters of one file (default 64,000,000; {@code plie.csv.maxFileLength})
 * @param maxRows the most rows of one file, header included (default 1,000,000; {@code plie.csv.maxRows})
 * @param maxColumns the most fields of one row (default 200; {@code plie.csv.maxColumns})
 * @param maxCellLength the most characters of one field (default 10,000; {@code plie.csv.maxCellLength})
 */
public record CsvLimits(long maxFileLength, int maxRows, int maxColumns, int maxCellLength) {

    /** The system property prefix of the default limits. */
    public static final String PROPERTY_PREFIX = "plie.csv.";

    private static final CsvLimits BUILT_IN = new CsvLimits(64_000_000L, 1_000_000, 200, 10_000);

    /**
     * Checks that every limit is positive.
     *
     * @throws InvalidValueException ({@code PLIE-COHORT-019}) naming each limit below 1
     */
    public CsvLimits {
        List<Violation> problems = new ArrayList<>();
        positive(problems, "maxFileLength", maxFileLength);
        positive(problems, "maxRows", maxRows);
        positive(problems, "maxColumns", maxColumns);
        positive(problems, "maxCellLength", maxCellLength);
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems);
        }
    }

    private static void positive(List<Violation> problems, String name, long value) {
        if (value < 1) {
            problems.add(Violation.of(CohortError.OUT_OF_RANGE, name, value, 1, Long.MAX_VALUE));
        }
    }

    /**
     * The limits the reader uses by default: the built-in values, each replaced by its system
     * property ({@code plie.csv.<name>}) when that is set.
     *
     * @return the limits
     * @throws InvalidValueException ({@code PLIE-COHORT-024}) when a property is not a positive whole number
     */
    public static CsvLimits defaults() {
        return new CsvLimits(property("maxFileLength", BUILT_IN.maxFileLength), (int) property("maxRows", BUILT_IN.maxRows),
                (int) property("maxColumns", BUILT_IN.maxColumns), (int) property("maxCellLength", BUILT_IN.maxCellLength));
    }

    /**
     * The built-in limits, whatever the system properties say.
     *
     * @return the built-in limits
     */
    public static CsvLimits builtIn() {
        return BUILT_IN;
    }

    private static long property(String name, long fallback) {
        return LimitProperty.value(PROPERTY_PREFIX + name, fallback, name.equals("maxFileLength") ? Long.MAX_VALUE : Integer.MAX_VALUE,
                CohortError.MALFORMED);
    }
}
