package fr.asso.europlie.plie.cohort.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.error.Violation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The cells of a plain line read where they lie in the file's text (issue 16: no string made for a
 * date, a number, a boolean or an enumeration's constant) give the same values and the same problems,
 * in the same order, as the typed readers as first written gave from the cells' strings.
 */
@DisplayName("cells read in place agree with the typed readers as first written")
class CellsInPlaceAgreementTest {

    /** Pieces of the cells the readers meet, and of the ones they refuse. */
    private static final List<String> PIECES = List.of("0", "1", "2", "9", "-", "/", " ", "\t", "+", "x", "2024-02-29", "2023-02-29",
            "31/04/2024", "15/06/2025", "2025-12-31", "true", "false", "TRUE", "False", "oui", "MAN", "man", "WOMAN", "NO", "YES", "No",
            "EMPLOYMENT", "DROPOUT", "\u0131", "\u0661", "\u00e9", "2147483647", "9999999999", "\"");

    /** A cell: one to four pieces, or one piece quoted (a quoted cell stays a string, kept as written). */
    static Gen<String> cells() {
        Gen<String> pieces = lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 4)
                .map(indices -> indices.stream().map(PIECES::get).reduce("", String::concat));
        return pieces.zip(booleans().all(), (text, quoted) -> quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text);
    }

    @Test
    @DisplayName("any cell reads as the same date, number, boolean or constant, with the same problems")
    void sameValuesAndProblems() {
        qt().withExamples(5000).forAll(cells(), cells()).checkAssert((first, second) -> {
            String text = "a;b;c\n" + first + ";" + second + ";" + first + "\n";
            if (table(text).rows.isEmpty()) {
                return; // a quote opened and never closed: no row to read
            }
            for (String column : List.of("a", "b", "c")) {
                List<Object> actual = read(text, column);
                String former = formerValue(table(text).rows.get(0).fields().get(List.of("a", "b", "c").indexOf(column)));
                assertThat(actual).as("%s", text).isEqualTo(reference(former, "f.csv[2]." + column));
            }
        });
    }

    @Test
    @DisplayName("a cell of ten digits is refused as a number, not read as one that overflows")
    void tenDigits() {
        CsvTable table = CsvTable.parse("f.csv", "a;b;c\n9999999999;2147483647;0\n", List.of("a", "b", "c"), CsvLimits.defaults());
        Cells cells = new Cells(table, table.rows.get(0));
        assertThat(cells.integer("a")).isNull();
        assertThat(cells.integer("b")).isEqualTo(Integer.MAX_VALUE);
        assertThat(cells.integer("c")).isZero();
        assertThat(cells.problems).containsExactly(Violation.of(CohortError.MALFORMED, "f.csv[2].a", "9999999999", "integer"));
    }

    @Test
    @DisplayName("the cells of a plain line lie in the text until asked as text; an empty cell and a line with a quote are strings")
    void plainCellsLieInTheText() {
        CsvTable table = table("a;b;c\n 2024-01-02 ;x; \n2024-01-02;\"x\";\n");
        CsvTable.Row row = table.rows.get(0);
        assertThat(row.inText(0)).isTrue();
        assertThat(row.text().substring(row.start(0), row.end(0))).isEqualTo("2024-01-02");
        assertThat(row.inText(1)).isTrue();
        assertThat(row.inText(2)).isFalse();
        assertThat(table.rows.get(1).inText(0)).isFalse();
        assertThat(new Cells(table, row).date("a")).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(row.inText(0)).isTrue();
        assertThat(new Cells(table, row).text("a")).isEqualTo("2024-01-02");
        assertThat(row.inText(0)).isFalse();
    }

    private static CsvTable table(String text) {
        return CsvTable.parse("f.csv", text, List.of("a", "b", "c"), CsvLimits.defaults());
    }

    /**
     * Every typed reading of one column by the reader, each from the text parsed afresh (a cell asked
     * as text stays a string), with the problems it made.
     */
    private static List<Object> read(String text, String column) {
        List<Object> results = new ArrayList<>();
        results.add(typed(text, c -> c.has(column)));
        results.add(typed(text, c -> c.date(column)));
        results.add(typed(text, c -> c.requiredDate(column)));
        results.add(typed(text, c -> c.integer(column)));
        results.add(typed(text, c -> c.bool(column)));
        results.add(typed(text, c -> c.enumValue(column, Gender.class, true)));
        results.add(typed(text, c -> c.enumValue(column, Declaration.class, false)));
        results.add(typed(text, c -> c.enumValue(column, ExitReason.class, false)));
        results.add(typed(text, c -> c.text(column)));
        return results;
    }

    private static List<Object> typed(String text, java.util.function.Function<Cells, Object> reader) {
        CsvTable table = table(text);
        Cells cells = new Cells(table, table.rows.get(0));
        Object value = reader.apply(cells);
        return Arrays.asList(value, List.copyOf(cells.problems));
    }

    /** The same readings as first written, from the cell's string as {@code CsvTable.value} gave it (null when blank). */
    private static List<Object> reference(String value, String field) {
        List<Object> results = new ArrayList<>();
        results.add(Arrays.asList(value != null, List.of()));
        results.add(formerDate(value, field));
        List<Violation> blank = value == null ? List.of(Violation.of(CohortError.BLANK, field, null)) : List.of();
        List<Object> date = formerDate(value, field);
        results.add(Arrays.asList(date.get(0), concat(blank, castList(date.get(1)))));
        results.add(formerInteger(value, field));
        results.add(formerBool(value, field));
        results.add(formerEnum(value, field, Gender.class, true));
        results.add(formerEnum(value, field, Declaration.class, false));
        results.add(formerEnum(value, field, ExitReason.class, false));
        results.add(Arrays.asList(value, List.of()));
        return results;
    }

    private static String formerValue(String field) {
        return field.isBlank() ? null : field;
    }

    private static List<Object> formerDate(String value, String field) {
        if (value == null) {
            return Arrays.asList(null, List.of());
        }
        try {
            return Arrays.asList(Cells.day(value.strip()), List.of());
        } catch (DateTimeParseException e) {
            return Arrays.asList(null, List.of(Violation.of(CohortError.MALFORMED, field, value, Cells.DATE_FORMAT)));
        }
    }

    private static List<Object> formerInteger(String value, String field) {
        if (value == null) {
            return Arrays.asList(null, List.of(Violation.of(CohortError.BLANK, field, null)));
        }
        try {
            return Arrays.asList(Integer.valueOf(value.strip()), List.of());
        } catch (NumberFormatException e) {
            return Arrays.asList(null, List.of(Violation.of(CohortError.MALFORMED, field, value, "integer")));
        }
    }

    private static List<Object> formerBool(String value, String field) {
        if (value == null) {
            return Arrays.asList(false, List.of());
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui", "1", "o", "y" -> Arrays.asList(true, List.of());
            case "false", "no", "non", "0", "n" -> Arrays.asList(false, List.of());
            default -> Arrays.asList(false, List.of(Violation.of(CohortError.MALFORMED, field, value, "true|false")));
        };
    }

    private static <E extends Enum<E>> List<Object> formerEnum(String value, String field, Class<E> type, boolean mandatory) {
        if (value == null) {
            return Arrays.asList(null, mandatory ? List.of(Violation.of(CohortError.BLANK, field, null)) : List.of());
        }
        try {
            return Arrays.asList(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)), List.of());
        } catch (IllegalArgumentException e) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            return Arrays.asList(null, List.of(Violation.of(CohortError.MALFORMED, field, value, String.join("|", allowed))));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Violation> castList(Object list) {
        return (List<Violation>) Objects.requireNonNull(list);
    }

    private static List<Violation> concat(List<Violation> a, List<Violation> b) {
        List<Violation> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
