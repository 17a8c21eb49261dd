package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link ParticipantId} holds a short value of the usual characters packed in a {@code long}: it
 * gives back the same value and behaves as the record it was ({@code record ParticipantId(String value)}).
 */
@DisplayName("a participant identifier packed or not gives back its value and behaves as the record it was")
class ParticipantIdCompactTest {

    /** The record the identifier was, for its equality, hash code and text. */
    private record ReferenceId(String value) {
    }

    /** Characters of the alphabet, and others: space, accented, non-Latin-1, a surrogate pair's halves, DEL, NUL. */
    private static final String CHARS = ParticipantId.ALPHABET + " .éÉ€\u00a0\u202f\u007f\u0000\ud83d\ude00/:#";

    private static String text(java.util.List<Integer> codes) {
        StringBuilder out = new StringBuilder();
        for (int code : codes) {
            // mostly the alphabet, so that most values are packable
            out.append(code < 600 ? ParticipantId.ALPHABET.charAt(code % ParticipantId.ALPHABET.length()) : CHARS.charAt(code % CHARS.length()));
        }
        return out.toString();
    }

    private static void sameAsRecord(String value) {
        ParticipantId id = ParticipantId.of(value);
        ReferenceId reference = new ReferenceId(value);
        assertThat(id.value()).isEqualTo(value);
        assertThat(id.hashCode()).isEqualTo(reference.hashCode()).isEqualTo(value.hashCode());
        assertThat(id.toString()).isEqualTo(value);
        assertThat(id).isEqualTo(ParticipantId.of(new String(value.toCharArray())));
        boolean packable = value.length() <= ParticipantId.MAX_PACKED_LENGTH && value.chars().allMatch(c -> ParticipantId.ALPHABET.indexOf(c) >= 0);
        assertThat(id.packed()).as("packed: %s", value).isEqualTo(packable);
    }

    @Test
    @DisplayName("the value, hash code and text round-trip for any non-blank value; packed exactly when short and of the alphabet")
    void roundTrip() {
        qt().withExamples(5000).forAll(lists().of(integers().between(0, 700)).ofSizeBetween(1, 14)).checkAssert(codes -> {
            String value = text(codes);
            if (!value.isBlank()) {
                sameAsRecord(value);
            }
        });
    }

    @Test
    @DisplayName("two identifiers are equal exactly when their values are, as records, packed or not")
    void equality() {
        qt().withExamples(5000).forAll(lists().of(integers().between(0, 700)).ofSizeBetween(1, 12),
                lists().of(integers().between(0, 700)).ofSizeBetween(1, 12)).checkAssert((a, b) -> {
                    String first = text(a);
                    // often the same value, or one differing in one character or in length
                    String second = b.size() % 3 == 0 ? first : b.size() % 3 == 1 ? first + text(b.subList(0, 1)) : text(b);
                    if (!first.isBlank() && !second.isBlank()) {
                        assertThat(ParticipantId.of(first).equals(ParticipantId.of(second))).isEqualTo(first.equals(second))
                                .isEqualTo(new ReferenceId(first).equals(new ReferenceId(second)));
                    }
                });
    }

    @Test
    @DisplayName("boundaries: one character, ten (packed), eleven (held as text), 100 (the stores' column), every alphabet character")
    void boundaries() {
        for (String value : new String[] {"-", "0", "z", "_", "P-0000001", "P-4F7A2C", "zzzzzzzzzz", "----------", "__________",
                "P-00000001", "P-000000001", "zzzzzzzzzzz", "x".repeat(100), "P-é", "P 1", " P-1", "P-1 ", "p-1", "P-1\u0000",
                "\ud83d\ude00", "a".repeat(10_000)}) {
            sameAsRecord(value);
        }
        for (int i = 0; i + 10 <= ParticipantId.ALPHABET.length(); i++) {
            sameAsRecord(ParticipantId.ALPHABET.substring(i, i + 10));
        }
        assertThat(ParticipantId.of("zzzzzzzzzz").packed()).isTrue();
        assertThat(ParticipantId.of("zzzzzzzzzzz").packed()).isFalse();
        assertThat(ParticipantId.of("-")).isNotEqualTo(ParticipantId.of("--")).isNotEqualTo(ParticipantId.of("0"));
        assertThat(ParticipantId.of("P-1")).isNotEqualTo(ParticipantId.of("P-1 ")).isNotEqualTo("P-1");
    }

    @Test
    @DisplayName("a null or blank value is still refused with PLIE-COHORT-001 naming the field, in French and in English")
    void blankRefused() {
        for (String value : new String[] {null, "", " ", "\t\n", "\u2003"}) {
            assertThatThrownBy(() -> ParticipantId.of(value)).isInstanceOfSatisfying(InvalidValueException.class, e -> {
                assertThat(e.code()).isEqualTo("PLIE-COHORT-001");
                assertThat(e.field()).isEqualTo("participantId");
                assertThat(e.getMessage(Locale.FRENCH)).contains("participantId");
                assertThat(e.getMessage(Locale.ENGLISH)).contains("participantId");
            });
        }
    }
}
