package fr.asso.europlie.plie.territory;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("territorial codes")
class CodesTest {

    @ParameterizedTest(name = "INSEE code {0} is accepted")
    @ValueSource(strings = {"24322", "75056", "2A004", "2B033", "97101", "98818"})
    @DisplayName("well-formed INSEE codes are accepted, Corsica and overseas included")
    void wellFormedInseeCodes(String code) {
        assertThat(MunicipalityCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest(name = "INSEE code \"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"7505", "750561", "2C004", "ABCDE", "2a004", " 7505", ""})
    @DisplayName("a malformed INSEE code is refused naming the field and the value")
    void malformedInseeCodes(String code) {
        assertRefused(() -> MunicipalityCode.of(code), TerritoryError.MALFORMED_MUNICIPALITY_CODE,
                "municipalityCode", String.valueOf(code));
    }

    @Test
    @DisplayName("INSEE codes sort as the official files do, Corsica after 29")
    void order() {
        assertThat(MunicipalityCode.of("2A004")).isGreaterThan(MunicipalityCode.of("29001"))
                .isLessThan(MunicipalityCode.of("30007"));
    }

    @ParameterizedTest(name = "Département code {0} is accepted")
    @ValueSource(strings = {"01", "24", "2A", "2B", "95", "971", "976", "988"})
    @DisplayName("well-formed Département codes are accepted")
    void departmentCodes(String code) {
        assertThat(DepartmentCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest(name = "Département code \"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"00", "20", "2C", "96", "970", "4", "024"})
    @DisplayName("a malformed Département code is refused")
    void malformedDepartmentCodes(String code) {
        assertRefused(() -> DepartmentCode.of(code), TerritoryError.MALFORMED_DEPARTMENT_CODE, "departmentCode",
                String.valueOf(code));
    }

    @ParameterizedTest(name = "Région code \"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"7", "7A", "1234", "750"})
    @DisplayName("a malformed Région code is refused")
    void malformedRegionCodes(String code) {
        assertRefused(() -> RegionCode.of(code), TerritoryError.MALFORMED_REGION_CODE, "regionCode", String.valueOf(code));
    }

    @ParameterizedTest(name = "SIREN {0} is accepted")
    @ValueSource(strings = {"200040392", "242010056", "356000000"})
    @DisplayName("a SIREN with a right Luhn key is accepted, La Poste's included")
    void sirens(String siren) {
        assertThat(Siren.of(siren).value()).isEqualTo(siren);
    }

    @ParameterizedTest(name = "SIREN \"{0}\" is refused as malformed")
    @NullSource
    @ValueSource(strings = {"20004039", "2000403920", "20004039A", "200 040 392"})
    @DisplayName("a SIREN that is not nine digits is refused")
    void malformedSirens(String siren) {
        assertRefused(() -> Siren.of(siren), TerritoryError.MALFORMED_SIREN, "siren", String.valueOf(siren));
    }

    @ParameterizedTest(name = "SIREN {0} has a wrong key")
    @ValueSource(strings = {"200040393", "200040329", "123456789"})
    @DisplayName("a SIREN of nine digits with a wrong Luhn key is refused")
    void wrongKey(String siren) {
        assertRefused(() -> Siren.of(siren), TerritoryError.SIREN_CHECK_DIGIT, "siren", siren);
    }

    @Test
    @DisplayName("a negative population is refused")
    void negativePopulation() {
        assertRefused(() -> new Municipality(MunicipalityCode.of("24322"), "Périgueux", DepartmentCode.of("24"),
                        RegionCode.of("75"), null, -1),
                TerritoryError.NEGATIVE_POPULATION, "municipality.population", "-1");
    }

    /** The shapes these types checked with a regular expression before checking them by hand. */
    private static final Pattern INSEE_SHAPE = Pattern.compile("\\d{5}|2[AB]\\d{3}");
    private static final Pattern SIREN_SHAPE = Pattern.compile("\\d{9}");

    /**
     * Characters close to the shapes: ASCII digits, the Corsican letters and their neighbours,
     * digits of other scripts (Arabic-Indic, full-width, Devanagari, mathematical bold outside the
     * BMP: {@code \d} matches none of them without Unicode classes), spaces and signs.
     */
    private static final List<String> PIECES = List.of("0", "1", "2", "3", "5", "7", "9", "A", "B", "C", "a", "b", "\u0663",
            "\uff10", "\uff12", "\u0966", "\ud835\udfd8", "\ud835", " ", "\u00a0", "-", "+", ".", "\n", "24322", "2A", "2B", "20004039");

    /** Texts of 0 to 12 pieces, so that most have about the right length and some have exactly it. */
    private static Gen<String> nearCodes() {
        return lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 12)
                .map(indexes -> indexes.stream().map(PIECES::get).reduce("", String::concat));
    }

    @Test
    @DisplayName("an INSEE code's shape checked by hand accepts exactly what the pattern \\d{5}|2[AB]\\d{3} accepts")
    void inseeShapeAsThePattern() {
        AtomicInteger accepted = new AtomicInteger();
        qt().withExamples(20_000).forAll(nearCodes()).checkAssert(text -> {
            boolean matches = INSEE_SHAPE.matcher(text).matches();
            accepted.addAndGet(matches ? 1 : 0);
            assertThat(MunicipalityCode.wellShaped(text)).as(text).isEqualTo(matches);
        });
        assertThat(accepted.get()).as("generated texts of the right shape").isPositive();
        for (String text : List.of("24322", "2A004", "2B033", "2a004", "2C004", "\u0662\u0664\u0663\u0662\u0662", "2A\uff10\uff10\uff14",
                "24322\n", "")) {
            assertThat(MunicipalityCode.wellShaped(text)).as(text).isEqualTo(INSEE_SHAPE.matcher(text).matches());
        }
        assertThat(MunicipalityCode.wellShaped(null)).isFalse();
    }

    @Test
    @DisplayName("a SIREN's shape checked by hand accepts exactly what the pattern \\d{9} accepts")
    void sirenShapeAsThePattern() {
        AtomicInteger accepted = new AtomicInteger();
        qt().withExamples(20_000).forAll(nearCodes()).checkAssert(text -> {
            boolean matches = SIREN_SHAPE.matcher(text).matches();
            accepted.addAndGet(matches ? 1 : 0);
            assertThat(Siren.wellShaped(text)).as(text).isEqualTo(matches);
        });
        assertThat(accepted.get()).as("generated texts of the right shape").isPositive();
        for (String text : List.of("200040392", "20004039\u0662", "\uff12\uff10\uff10\uff10\uff14\uff10\uff13\uff19\uff12",
                "200040392\n", "")) {
            assertThat(Siren.wellShaped(text)).as(text).isEqualTo(SIREN_SHAPE.matcher(text).matches());
        }
        assertThat(Siren.wellShaped(null)).isFalse();
    }
}
