package fr.asso.europlie.plie.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The format version's check by hand ({@link JsonFormat#ofMajor}) against the regular expression
 * it replaced, {@code MAJOR\.\d+}.
 */
@DisplayName("a document's format version is accepted exactly as the pattern MAJOR.\\d+ accepted it")
class JsonFormatVersionTest {

    /** Pieces of versions: digits, digits of other scripts ({@code \d} matches none), dots, signs, spaces, letters. */
    private static final List<String> PIECES = List.of("0", "1", "2", "9", "10", ".", "..", "\u0661", "\uff11", "\ud835\udfcf", " ",
            "\n", "-", "+", "x", "a", "1.0", "2.");

    private static Gen<String> texts(int most) {
        return lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, most)
                .map(indexes -> indexes.stream().map(PIECES::get).reduce("", String::concat));
    }

    /** The answer, or the class of the exception (a major version that is not a valid expression is refused alike). */
    private static Object outcome(Supplier<Boolean> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Test
    @DisplayName("any version text against any major version: the same answer as the pattern")
    void asThePattern() {
        AtomicInteger accepted = new AtomicInteger();
        qt().withExamples(20_000).forAll(texts(6), texts(2)).checkAssert((version, major) -> {
            Object matches = outcome(() -> version.matches(major + "\\.\\d+"));
            accepted.addAndGet(Boolean.TRUE.equals(matches) ? 1 : 0);
            assertThat(outcome(() -> JsonFormat.ofMajor(version, major))).as(version + " of " + major).isEqualTo(matches);
        });
        assertThat(accepted.get()).as("generated versions of their major").isPositive();
    }

    @Test
    @DisplayName("the format's own versions, and near misses")
    void examples() {
        for (String version : List.of("1.0", "1.12", "1.", "1", ".0", "11.0", "1.0 ", " 1.0", "1.\u0661", "1.0.1", "2.0", "1.0\n")) {
            for (String major : List.of("1", "2", "11", ".", "1.")) {
                assertThat(JsonFormat.ofMajor(version, major)).as(version + " of " + major)
                        .isEqualTo(version.matches(major + "\\.\\d+"));
            }
        }
    }
}
