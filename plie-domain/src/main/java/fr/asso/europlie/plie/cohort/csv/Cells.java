package fr.asso.europlie.plie.cohort.csv;

import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.money.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Typed reading of one CSV row's cells, collecting every problem with the row and the column.
 * Texts are kept as read (a quoted field keeps its spaces); dates, numbers, booleans and
 * enumerations ignore surrounding spaces.
 */
final class Cells {

    static final String DATE_FORMAT = "yyyy-MM-dd (or dd/MM/yyyy)";
    /** Strict: 31/04 or 30/02 is refused, not moved to the month's last day. */
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /**
     * The constants of an enumeration whose names are their own upper case, which
     * {@code Enum.valueOf(type, name.toUpperCase(Locale.ROOT))} finds from their names as written.
     */
    private static final ClassValue<Enum<?>[]> UPPER_CASE_CONSTANTS = new ClassValue<>() {
        @Override
        protected Enum<?>[] computeValue(Class<?> type) {
            return java.util.Arrays.stream((Enum<?>[]) type.getEnumConstants())
                    .filter(c -> c.name().equals(c.name().toUpperCase(Locale.ROOT)))
                    .toArray(Enum<?>[]::new);
        }
    };

    private final CsvTable table;
    private final CsvTable.Row row;
    final List<Violation> problems = new ArrayList<>();

    Cells(CsvTable table, CsvTable.Row row) {
        this.table = table;
        this.row = row;
    }

    String field(String column) {
        return table.at(row) + "." + column;
    }

    String at() {
        return table.at(row);
    }

    int line() {
        return row.line();
    }

    String text(String column) {
        return table.value(row, column);
    }

    String required(String column) {
        String value = text(column);
        if (value == null) {
            problems.add(Violation.of(CohortError.BLANK, field(column), null));
        }
        return value;
    }

    /** Whether a cell is given: not blank. */
    boolean has(String column) {
        int i = table.index(column);
        return i >= 0 && (row.inText(i) || !row.value(i).isBlank());
    }

    LocalDate date(String column) {
        LocalDate quick = quickDay(column);
        return quick != null ? quick : parseDate(column, text(column));
    }

    LocalDate requiredDate(String column) {
        LocalDate quick = quickDay(column);
        return quick != null ? quick : parseDate(column, required(column));
    }

    /**
     * The day of a plain cell read where it lies in the file (no string made), when it has a day's
     * usual shape; else null, and the cell is read as text as before (the same day, or the same problem).
     */
    private LocalDate quickDay(String column) {
        int i = table.index(column);
        if (i < 0 || !row.inText(i) || row.end(i) - row.start(i) != 10) {
            return null;
        }
        return quickDay(row.text(), row.start(i));
    }

    LocalDate parseDate(String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return day(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(Violation.of(CohortError.MALFORMED, field(column), value, DATE_FORMAT));
            return null;
        }
    }

    /**
     * A day written {@code yyyy-MM-dd} or {@code dd/MM/yyyy} (strict). The usual shapes, ten ASCII
     * digits and separators making a valid day, are read directly; anything else, including an
     * invalid day, goes through the JDK's parsers, which accept or refuse it as before.
     *
     * @param date the text, stripped
     * @return the day
     * @throws DateTimeParseException when the text is not a day
     */
    static LocalDate day(String date) {
        if (date.length() == 10) {
            LocalDate quick = quickDay(date, 0);
            if (quick != null) {
                return quick;
            }
        }
        return date.contains("/") ? LocalDate.parse(date, FRENCH_DATE) : LocalDate.parse(date);
    }

    /**
     * The day written in the ten characters from {@code from}, {@code yyyy-MM-dd} or {@code dd/MM/yyyy}
     * in ASCII digits, when they make a valid day; else null (the JDK's parsers then decide).
     */
    private static LocalDate quickDay(String text, int from) {
        int year = -1;
        int month = -1;
        int dayOfMonth = -1;
        if (text.charAt(from + 4) == '-' && text.charAt(from + 7) == '-') {
            year = digits(text, from, 4);
            month = digits(text, from + 5, 2);
            dayOfMonth = digits(text, from + 8, 2);
        } else if (text.charAt(from + 2) == '/' && text.charAt(from + 5) == '/') {
            dayOfMonth = digits(text, from, 2);
            month = digits(text, from + 3, 2);
            year = digits(text, from + 6, 4);
        }
        if (year >= 0 && month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= 28) {
            return LocalDate.of(year, month, dayOfMonth);
        }
        if (year >= 0 && month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= lengthOfMonth(year, month)) {
            return LocalDate.of(year, month, dayOfMonth);
        }
        return null;
    }

    /** The days of a month of the proleptic Gregorian calendar, as {@code YearMonth.lengthOfMonth}: a year from 0 to 9999. */
    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The number written with {@code count} ASCII digits from {@code from}, or -1. */
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

    Integer integer(String column) {
        int i = table.index(column);
        if (i >= 0 && row.inText(i) && row.end(i) - row.start(i) <= 9) {
            // a plain cell of one to nine ASCII digits, read where it lies; anything else as before
            int number = digits(row.text(), row.start(i), row.end(i) - row.start(i));
            if (number >= 0) {
                return number;
            }
        }
        String value = required(column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(Violation.of(CohortError.MALFORMED, field(column), value, "integer"));
            return null;
        }
    }

    BigDecimal decimal(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        if (value.length() > Decimals.MAX_TEXT_LENGTH) {
            problems.add(Decimals.problem(field(column), value));
            return null;
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(Violation.of(CohortError.MALFORMED, field(column), value, "0.5"));
            return null;
        }
        if (!Decimals.within(decimal)) {
            problems.add(Decimals.problem(field(column), decimal));
            return null;
        }
        return Decimals.normalised(decimal);
    }

    boolean bool(String column) {
        int i = table.index(column);
        if (i >= 0 && row.inText(i)) {
            // a plain cell written as the writer writes booleans, read where it lies; anything else as before
            int length = row.end(i) - row.start(i);
            if (length == 5 && row.text().startsWith("false", row.start(i))) {
                return false;
            }
            if (length == 4 && row.text().startsWith("true", row.start(i))) {
                return true;
            }
        }
        String value = text(column);
        if (value == null) {
            return false;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui", "1", "o", "y" -> {
                return true;
            }
            case "false", "no", "non", "0", "n" -> {
                return false;
            }
            default -> {
                problems.add(Violation.of(CohortError.MALFORMED, field(column), value, "true|false"));
                return false;
            }
        }
    }

    <E extends Enum<E>> E enumValue(String column, Class<E> type, boolean mandatory) {
        int i = table.index(column);
        if (i >= 0 && row.inText(i)) {
            // a plain cell holding a constant's name exactly, read where it lies; anything else as before
            int length = row.end(i) - row.start(i);
            for (Enum<?> constant : UPPER_CASE_CONSTANTS.get(type)) {
                String name = constant.name();
                if (name.length() == length && row.text().startsWith(name, row.start(i))) {
                    return type.cast(constant);
                }
            }
        }
        String value = mandatory ? required(column) : text(column);
        return value == null ? null : parseEnum(column, value, type);
    }

    <E extends Enum<E>> E parseEnum(String column, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            problems.add(Violation.of(CohortError.MALFORMED, field(column), value, String.join("|", allowed)));
            return null;
        }
    }

    /** Runs a domain constructor, turning its refusal into problems at this row. */
    <T> T build(java.util.function.Supplier<T> constructor, java.util.function.Function<Violation, Violation> relocate) {
        try {
            return constructor.get();
        } catch (RuntimeException e) {
            refused(e, relocate);
            return null;
        }
    }

    /**
     * Records why a domain type refused the row's values, as {@link #build} does: the type's own
     * violations, each placed by {@code relocate}, or the row itself when the type refused with a JDK
     * exception. The readers of the rows met most often construct their types themselves and call
     * this only when one refuses: a call site of {@link #build} receives every reader's constructor,
     * which the JIT compiles as a call it cannot inline unless it inlines {@link #build} into each
     * reader, something it decides differently from one JVM to the next (issue 16).
     *
     * @param e what the constructor threw
     * @param relocate places a violation of the type at the row's column
     */
    void refused(RuntimeException e, java.util.function.Function<Violation, Violation> relocate) {
        if (e instanceof fr.asso.europlie.plie.error.PlieException refusal) {
            refusal.violations().forEach(v -> problems.add(relocate.apply(v)));
        } else {
            // A domain type that refuses with a JDK exception: name the row, not the exception.
            problems.add(Violation.of(CohortError.MALFORMED, at(), String.join(String.valueOf(table.delimiter), row.fields()),
                    "a row the PLIE model accepts"));
        }
    }
}
