package fr.asso.europlie.plie.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Node#instantOf} against {@link Instant#parse}, which it reads faster for the usual texts. */
@DisplayName("an instant of a document is read as Instant.parse reads it, or refused as Instant.parse refuses it")
class NodeInstantTest {

    /** Characters a mutation puts in: digits, separators, other letters and cases, other scripts' digits. */
    private static final String SWAPS = "0123456789-:TtZz. +\u0661\uff11";

    /** The instant, or the class of the refusal. */
    private static Object outcome(Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Test
    @DisplayName("instants written to the second from year 0 to 9999, mutated or not: the same instant or the same refusal")
    void asInstantParse() {
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        AtomicInteger read = new AtomicInteger();
        qt().withExamples(30_000).forAll(longs().between(first, last), longs().all(), integers().between(0, 5)).checkAssert((second, seed, changes) -> {
            Random random = new Random(seed);
            StringBuilder text = new StringBuilder(Instant.ofEpochSecond(second).toString());
            for (int i = 0; i < changes; i++) {
                int at = random.nextInt(text.length());
                text.setCharAt(at, SWAPS.charAt(random.nextInt(SWAPS.length())));
            }
            if (random.nextInt(20) == 0) {
                text.insert(19, ".5");
            }
            String written = text.toString();
            Object expected = outcome(() -> Instant.parse(written));
            read.addAndGet(expected instanceof Instant ? 1 : 0);
            assertThat(outcome(() -> Node.instantOf(written))).as(written).isEqualTo(expected);
        });
        assertThat(read.get()).as("generated texts read").isPositive();
    }

    @Test
    @DisplayName("edges: leap days, the last second of a day, a leap second, midnight as 24:00, lower case")
    void edges() {
        for (String text : List.of("2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2000-02-29T12:00:00Z", "1900-02-29T12:00:00Z",
                "2021-12-31T23:59:59Z", "2021-12-31T23:59:60Z", "2021-06-30T24:00:00Z", "2021-09-01t08:00:00z", "2021-09-01T08:00:00.000Z",
                "2021-09-01T08:00Z", "0999-01-01T00:00:00Z", "1000-01-01T00:00:00Z", "2021-04-31T00:00:00Z", "2021-00-10T00:00:00Z",
                "+2021-09-01T08:00:00Z", "2021-09-01T08:00:00+01:00", "")) {
            assertThat(outcome(() -> Node.instantOf(text))).as(text).isEqualTo(outcome(() -> Instant.parse(text)));
        }
    }
}
