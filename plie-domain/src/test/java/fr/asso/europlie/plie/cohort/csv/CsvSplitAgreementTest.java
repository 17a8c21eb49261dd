package fr.asso.europlie.plie.cohort.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The optimised CSV splitting and day reading (issue 16) give exactly what they gave as first
 * written ({@link ReferenceCsvTable}, the JDK's parsers): the same rows, fields, lines, problems and
 * refusals for any text and limits, and the same day or refusal for any text.
 */
@DisplayName("the optimised CSV splitting and day reading agree with the code as first written")
class CsvSplitAgreementTest {

    private static final String ALPHABET = "ab ;,\"\r\n\t\u00e9\uFEFF";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** Texts of the characters that matter to the splitting: separators, quotes, line breaks, spaces. */
    static Gen<String> texts() {
        return lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 120)
                .map(indices -> indices.stream().map(i -> String.valueOf(ALPHABET.charAt(i))).reduce("", String::concat));
    }

    @Test
    @DisplayName("any text, within any limits, splits into the same rows and problems")
    void sameSplitting() {
        qt().withExamples(3000).forAll(texts(), integers().between(1, 12), integers().between(1, 8), integers().between(1, 8))
                .checkAssert((text, cell, columns, rows) -> {
                    CsvLimits limits = new CsvLimits(1000, rows, columns, cell);
                    List<String> required = List.of("a");
                    ReferenceCsvTable expected = ReferenceCsvTable.parse("f.csv", text, required, limits);
                    CsvTable actual = CsvTable.parse("f.csv", text, required, limits);
                    assertThat(actual.delimiter).isEqualTo(expected.delimiter);
                    assertThat(actual.header).isEqualTo(expected.header);
                    assertThat(actual.columns).isEqualTo(expected.columns);
                    assertThat(actual.rows.stream().map(r -> r.line() + ":" + r.fields()).toList())
                            .isEqualTo(expected.rows.stream().map(r -> r.line() + ":" + r.fields()).toList());
                    assertThat(actual.problems).isEqualTo(expected.problems);
                    assertThat(actual.fatal).isEqualTo(expected.fatal);
                });
    }

    /** Texts of a day's shapes: digits (some invalid days), separators, other characters. */
    static Gen<String> days() {
        String chars = "0123456789-/ x\u0661";
        Gen<String> noise = lists().of(integers().between(0, chars.length() - 1)).ofSizeBetween(0, 12)
                .map(indices -> indices.stream().map(i -> String.valueOf(chars.charAt(i))).reduce("", String::concat));
        Gen<String> iso = integers().between(0, 9999).zip(integers().between(0, 13), integers().between(0, 32),
                (y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Gen<String> french = integers().between(0, 9999).zip(integers().between(0, 13), integers().between(0, 32),
                (y, m, d) -> String.format("%02d/%02d/%04d", d, m, y));
        return integers().between(0, 2).flatMap(k -> k == 0 ? noise : k == 1 ? iso : french);
    }

    @Test
    @DisplayName("any text reads as the same day, or is refused as before")
    void sameDays() {
        qt().withExamples(5000).forAll(days()).checkAssert(text -> {
            LocalDate expected;
            try {
                expected = text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> Cells.day(text)).isInstanceOf(DateTimeParseException.class);
                return;
            }
            assertThat(Cells.day(text)).isEqualTo(expected);
        });
    }
}
