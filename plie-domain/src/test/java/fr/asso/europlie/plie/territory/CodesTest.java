package fr.asso.europlie.plie.territory;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
