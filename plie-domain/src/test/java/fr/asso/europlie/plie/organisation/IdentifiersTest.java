package fr.asso.europlie.plie.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import fr.asso.europlie.plie.error.ViolationAssertions;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

@DisplayName("identifiers compare as people read them")
class IdentifiersTest {

    @ParameterizedTest(name = "{index}: {0}")
    @ValueSource(strings = {"OI-PLIE-GP\u00A0", "\u200BOI-PLIE-GP", "OI-\u200DPLIE-GP", "OI-PLIE\u00AD-GP", "\uFEFFOI-PLIE-GP",
            "\uFF2F\uFF29-PLIE-GP", "OI-PLIE-GP\u2060", "\u202AOI-PLIE-GP\u202C", " OI-PLIE-GP\t"})
    @DisplayName("an organisation id disguised with an invisible, a no-break or a full-width character is the same id")
    void disguisedOrganisationIdIsTheSame(String disguised) {
        assertThat(OrganisationId.of(disguised)).isEqualTo(OrganisationId.of("OI-PLIE-GP"));
        assertThat(OrganisationId.of(disguised).value()).isEqualTo("OI-PLIE-GP");
    }

    @Test
    @DisplayName("a decomposed accent is the composed one; spaces of any kind become one space")
    void accentsAndSpaces() {
        assertThat(Identifiers.normalise("Ce\u0301line\u00A0\u2007 Martin")).isEqualTo("Céline Martin");
        assertThat(Identifiers.samePerson("ce\u0301line.martin", "CÉLINE.MARTIN")).isTrue();
        assertThat(Identifiers.samePerson("celine.martin", "céline.martin")).isFalse();
        assertThat(Identifiers.samePerson("instructeur.oi", null)).isFalse();
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {"", " ", "\u00A0", "\u200B", "\u200B\u200C\u200D", "\u3164", "\u115F\u1160", "\u2800", "\uFEFF\t",
            "\u034F", "\uFE0F"})
    @DisplayName("an organisation id that looks blank is refused")
    void blankLookingIdIsRefused(String blank) {
        assertThat(Identifiers.looksBlank(blank)).isTrue();
        ViolationAssertions.assertRefused(() -> OrganisationId.of(blank), OrganisationError.BLANK, "organisationId", blank);
    }

    @Test
    @DisplayName("look-alike letters of another script stay apart: NFKC does not fold them")
    void otherScriptsStayApart() {
        assertThat(Identifiers.samePerson("\u0430dmin", "admin")).isFalse();
        assertThat(List.of(OrganisationId.of("DEPT-24"), OrganisationId.of("dept-24"))).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("every character the quick path accepts is left as is by the full normalisation, alone and between others")
    void quickPathCharactersAreNormal() {
        for (char c = 0; c < 0xFFFF; c++) {
            String text = "a" + c + "\u00E9" + c + "b";
            if (Identifiers.alreadyNormal(text)) {
                assertThat(Identifiers.normaliseFully(text)).as("U+%04X", (int) c).isEqualTo(text);
            }
        }
        assertThat(Identifiers.alreadyNormal("Céline Martin")).isTrue();
        assertThat(Identifiers.alreadyNormal("Céline  Martin")).isFalse();
        assertThat(Identifiers.alreadyNormal(" Céline")).isFalse();
        assertThat(Identifiers.alreadyNormal("Ce\u0301line")).isFalse();
    }

    @Test
    @DisplayName("the normalisation gives what the full path gives, for texts mixing plain, accented, spacing and invisible characters")
    void normaliseIsTheFullPath() {
        Gen<Character> characters = Generate.pick(List.of('a', 'Z', '-', '.', ' ', ' ', '\t', '\u00A0', '\u00E9', '\u0301', '\u200B',
                '\u00AD', '\uFF21', '\u0153', '\u2019', '\u00AB', '\u00B2', '\u3164', '\uFEFF', '\u00C9', '\u00FF', '\u00D7'));
        Gen<String> texts = Generate.range(0, 12).flatMap(n -> random -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < n; i++) {
                text.append(characters.generate(random));
            }
            return text.toString();
        });
        qt().withExamples(5_000).forAll(texts).checkAssert(text -> assertThat(Identifiers.normalise(text))
                .isEqualTo(Identifiers.normaliseFully(text)));
    }

    @Test
    @DisplayName("the person key's ASCII path gives what upper then lower case in the root locale give, and declines any other text")
    void personKeyAsciiPathIsTheFullPath() {
        Gen<Character> characters = Generate.pick(List.of('a', 'z', 'A', 'Z', 'M', '@', '[', '`', '{', '-', '.', ' ', '0', '\u007F',
                '\u0080', '\u00E9', '\u00C9', '\u00DF', '\u0131', '\u0130', '\u017F', '\uFB00', '\u212A'));
        Gen<String> texts = Generate.range(0, 12).flatMap(n -> random -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < n; i++) {
                text.append(characters.generate(random));
            }
            return text.toString();
        });
        qt().withExamples(10_000).forAll(texts).checkAssert(text -> {
            String ascii = Identifiers.asciiLowerCase(text);
            if (text.chars().allMatch(c -> c < 0x80)) {
                assertThat(ascii).isEqualTo(text.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT));
            } else {
                assertThat(ascii).isNull();
            }
        });
        assertThat(Identifiers.personKey("Claire  LACOMBE")).isEqualTo("claire lacombe");
        assertThat(Identifiers.personKey("Stra\u00DFe")).isEqualTo("strasse");
    }
}
