package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.asso.europlie.plie.error.InvalidValueException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link PersonalData} holds its texts in one byte array: it gives back the same texts and behaves as
 * the record it was.
 */
@DisplayName("personal data held in one array gives back its texts and behaves as the record it was")
class PersonalDataCompactTest {

    /** The record the identity was, with its canonical constructor's checks and blank-to-null. */
    private record Reference(String lastName, String firstName, LocalDate birthDate, String address, String email, String phone,
            String externalId) {
        Reference {
            address = address == null || address.isBlank() ? null : address;
            email = email == null || email.isBlank() ? null : email;
            phone = phone == null || phone.isBlank() ? null : phone;
            externalId = externalId == null || externalId.isBlank() ? null : externalId;
        }
    }

    /** Latin-1 and ASCII mostly; also spaces, accented, non-Latin-1, a surrogate pair's halves, NUL, DEL, 0xFF. */
    private static final String CHARS = "abcXYZ019 -'.éÉÿ\u00a0\u00ff€\u202f\u0100\u007f\u0000\ud83d\ude00\uffff\t";

    private static String text(List<Integer> codes) {
        if (codes.isEmpty() || codes.get(0) % 7 == 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int code : codes.subList(1, codes.size())) {
            // mostly ASCII letters, so that most identities are Latin-1
            out.append(code < 900 ? (char) ('a' + code % 26) : CHARS.charAt(code % CHARS.length()));
        }
        return out.toString();
    }

    private static List<String> texts(List<Integer> codes) {
        // six texts cut from one list of codes, of lengths 0 to about 200
        List<String> texts = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < 6; i++) {
            int length = at < codes.size() ? codes.get(at) % (i == 2 ? 200 : 20) : 0;
            texts.add(text(codes.subList(Math.min(at, codes.size()), Math.min(codes.size(), at + 1 + length))));
            at += 1 + length;
        }
        return texts;
    }

    private static void sameAsRecord(List<String> t, LocalDate birth) {
        if (t.get(0) == null || t.get(0).isBlank() || t.get(1) == null || t.get(1).isBlank()) {
            return;
        }
        PersonalData data = new PersonalData(t.get(0), t.get(1), birth, t.get(2), t.get(3), t.get(4), t.get(5));
        Reference reference = new Reference(t.get(0), t.get(1), birth, t.get(2), t.get(3), t.get(4), t.get(5));
        assertThat(data.lastName()).isEqualTo(reference.lastName());
        assertThat(data.firstName()).isEqualTo(reference.firstName());
        assertThat(data.birthDate()).isEqualTo(reference.birthDate());
        assertThat(data.address()).isEqualTo(reference.address());
        assertThat(data.email()).isEqualTo(reference.email());
        assertThat(data.phone()).isEqualTo(reference.phone());
        assertThat(data.externalId()).isEqualTo(reference.externalId());
        assertThat(data.hashCode()).isEqualTo(reference.hashCode());
        assertThat(data.toString()).isEqualTo(reference.toString().replace("Reference[", "PersonalData["));
        PersonalData copy = new PersonalData(copyOf(t.get(0)), copyOf(t.get(1)), LocalDate.of(birth.getYear(), birth.getMonth(), birth.getDayOfMonth()),
                copyOf(t.get(2)), copyOf(t.get(3)), copyOf(t.get(4)), copyOf(t.get(5)));
        assertThat(copy).isEqualTo(data).hasSameHashCodeAs(data);
        boolean latin1 = t.stream().filter(s -> s != null && !s.isBlank()).allMatch(s -> s.chars().allMatch(c -> c <= 0xFF));
        assertThat(data.wide()).isEqualTo(!latin1);
    }

    private static String copyOf(String text) {
        return text == null ? null : new String(text.toCharArray());
    }

    @Test
    @DisplayName("every text, the birth date, the hash code and the text round-trip as a record's, Latin-1 or not, null, blank or long")
    void roundTrip() {
        qt().withExamples(5000).forAll(lists().of(integers().between(0, 1000)).ofSizeBetween(0, 400), integers().between(-200_000, 200_000))
                .checkAssert((codes, day) -> sameAsRecord(texts(codes), LocalDate.ofEpochDay(day)));
    }

    @Test
    @DisplayName("two identities are equal exactly when their records are")
    void equality() {
        qt().withExamples(3000).forAll(lists().of(integers().between(0, 1000)).ofSizeBetween(0, 120),
                lists().of(integers().between(0, 1000)).ofSizeBetween(0, 120), integers().between(0, 5)).checkAssert((a, b, change) -> {
                    List<String> first = texts(a);
                    List<String> second = new ArrayList<>(first);
                    // often the same texts, or one text moved to another field, or one replaced
                    if (change < 3) {
                        second.set(change, texts(b).get(change));
                    } else if (change == 3) {
                        second.set(0, first.get(1));
                        second.set(1, first.get(0));
                    }
                    if (first.get(0) == null || first.get(0).isBlank() || first.get(1) == null || first.get(1).isBlank()
                            || second.get(0) == null || second.get(0).isBlank() || second.get(1) == null || second.get(1).isBlank()) {
                        return;
                    }
                    LocalDate day = LocalDate.of(1980, 5, 14);
                    PersonalData x = new PersonalData(first.get(0), first.get(1), day, first.get(2), first.get(3), first.get(4), first.get(5));
                    PersonalData y = new PersonalData(second.get(0), second.get(1), day, second.get(2), second.get(3), second.get(4), second.get(5));
                    Reference rx = new Reference(first.get(0), first.get(1), day, first.get(2), first.get(3), first.get(4), first.get(5));
                    Reference ry = new Reference(second.get(0), second.get(1), day, second.get(2), second.get(3), second.get(4), second.get(5));
                    assertThat(x.equals(y)).isEqualTo(rx.equals(ry)).isEqualTo(y.equals(x));
                });
    }

    @Test
    @DisplayName("boundaries: the generator's identity, texts of 127, 128 and 16,384 characters (the lengths' bytes), fields swapped, other dates")
    void boundaries() {
        LocalDate day = LocalDate.of(1980, 5, 14);
        for (int length : new int[] {1, 126, 127, 128, 129, 16_383, 16_384, 100_000}) {
            sameAsRecord(List.of("N".repeat(length), "Prénom", "a".repeat(length), "x@example.org", "06 12", "FT-" + length), day);
            sameAsRecord(java.util.Arrays.asList("€".repeat(length), "P", null, null, null, "\ud83d".repeat(length)), day);
        }
        sameAsRecord(java.util.Arrays.asList("Nom0000001", "Prénom123", "0000001 rue des Lilas", null, null, null), day);
        sameAsRecord(java.util.Arrays.asList("Nom", "Prénom", " ", "\t", "", "\u2003"), LocalDate.MIN);
        sameAsRecord(java.util.Arrays.asList("Nom", "Prénom", "a", "b", "c", "d"), LocalDate.MAX);
        PersonalData some = new PersonalData("A", "B", day, "C", null, null, null);
        assertThat(some).isNotEqualTo(new PersonalData("A", "B", day, null, "C", null, null))
                .isNotEqualTo(new PersonalData("A", "B", day.plusDays(1), "C", null, null, null))
                .isNotEqualTo(new PersonalData("AB", "B", day, null, null, null, null)).isNotEqualTo(null).isNotEqualTo("A");
        assertThat(PersonalData.of("A", "B", day)).isEqualTo(new PersonalData("A", "B", day, null, "", " ", null));
    }

    @Test
    @DisplayName("a missing name or birth date is still refused with PLIE-COHORT-001 naming every field, in French and in English")
    void missingRefused() {
        for (String name : new String[] {null, "", " ", "\u2003"}) {
            assertThatThrownBy(() -> new PersonalData(name, "B", LocalDate.of(1980, 5, 14), null, null, null, null))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                        assertThat(e.code()).isEqualTo("PLIE-COHORT-001");
                        assertThat(e.field()).isEqualTo("personal.lastName");
                        assertThat(e.getMessage(Locale.FRENCH)).contains("personal.lastName");
                        assertThat(e.getMessage(Locale.ENGLISH)).contains("personal.lastName");
                    });
        }
        assertThatThrownBy(() -> new PersonalData(null, " ", null, null, null, null, null)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.getMessage(Locale.ENGLISH)).contains("personal.lastName").contains("personal.firstName")
                        .contains("personal.birthDate"));
    }
}
