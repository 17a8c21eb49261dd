package fr.asso.europlie.plie.cohort.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The list cells split into an array sized first (issue 16) give the pieces the list-building split
 * gave as first written, for any text and separator.
 */
@DisplayName("the list cells' split agrees with the code as first written")
class ListCellsAgreementTest {

    private static final String ALPHABET = "ab |:\\ \t";

    static Gen<String> texts() {
        return lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 40)
                .map(indices -> indices.stream().map(i -> String.valueOf(ALPHABET.charAt(i))).reduce("", String::concat));
    }

    /** The split as first written. */
    static List<String> reference(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == separator) {
                pieces.add(text.substring(from, i));
                from = i + 1;
            }
        }
        pieces.add(text.substring(from));
        return pieces;
    }

    @Test
    @DisplayName("any text splits at | and at : into the same pieces, and its parts read back the same")
    void samePieces() {
        qt().withExamples(5000).forAll(texts()).checkAssert(text -> {
            assertThat(ListCells.split(text, '|')).containsExactlyElementsOf(reference(text, '|'));
            assertThat(ListCells.split(text, ':')).containsExactlyElementsOf(reference(text, ':'));
            assertThat(ListCells.parts(text)).containsExactlyElementsOf(reference(text, ':').stream().map(ListCells::unescape).toList());
        });
    }

    /** Texts without escape (most of them: the one-pass reading) and with escapes. */
    static Gen<String> cells() {
        Gen<String> plain = lists().of(integers().between(0, ALPHABET.length() - 1)).ofSizeBetween(0, 40)
                .map(indices -> indices.stream().map(i -> String.valueOf(ALPHABET.charAt(i))).reduce("", String::concat).replace("\\", "x"));
        return integers().between(0, 3).flatMap(k -> k == 0 ? texts() : plain);
    }

    @Test
    @DisplayName("any list cell reads as the same items, each with the same text and the same parts, as split then parts give")
    void sameItems() {
        qt().withExamples(5000).forAll(cells()).checkAssert(text -> {
            List<String> read = new ArrayList<>();
            ListCells.items(text, (cell, from, to, parts) -> read.add(cell.substring(from, to) + " -> " + List.of(parts)));
            List<String> expected = reference(text, '|').stream()
                    .map(item -> item + " -> " + reference(item, ':').stream().map(ListCells::unescape).toList()).toList();
            assertThat(read).containsExactlyElementsOf(expected);
        });
    }
}
