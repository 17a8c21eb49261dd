package fr.asso.europlie.plie.territory;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the official 2026 geography")
class GeographyTest {

    private static final Geography GEOGRAPHY = Geography.official2026();

    @Test
    @DisplayName("holds one entry per line of each shipped file")
    void counts() {
        assertThat(GEOGRAPHY.municipalities()).hasSize(OfficialCsv.lines("communes.csv").size()).hasSize(34_969);
        assertThat(GEOGRAPHY.epcis()).hasSize(OfficialCsv.lines("epci.csv").size()).hasSize(1_255);
        assertThat(GEOGRAPHY.departments()).hasSize(OfficialCsv.lines("departements.csv").size()).hasSize(109);
        assertThat(GEOGRAPHY.regions()).hasSize(OfficialCsv.lines("regions.csv").size()).hasSize(26);
        assertThat(GEOGRAPHY.vintage()).isEqualTo(Geography.VINTAGE_2026);
    }

    @Test
    @DisplayName("is read once and shared")
    void shared() {
        assertThat(Geography.official2026()).isSameAs(GEOGRAPHY);
    }

    @Test
    @DisplayName("every EPCI SIREN of the data passes the Luhn check")
    void everyEpciSirenIsValid() {
        List<String> sirens = OfficialCsv.lines("epci.csv").stream().map(line -> line.substring(0, line.indexOf(';'))).toList();
        assertThat(sirens).hasSize(1_255).allSatisfy(s -> assertThat(Siren.of(s).value()).isEqualTo(s));
    }

    @Test
    @DisplayName("knows the CA Le Grand Périgueux and its 43 member communes")
    void grandPerigueux() {
        Epci epci = GEOGRAPHY.requireEpci(TerritoryFixture.GRAND_PERIGUEUX);
        assertThat(epci.name()).isEqualTo("CA Le Grand Périgueux");
        assertThat(epci.type()).isEqualTo(EpciType.CA);
        assertThat(epci.members()).hasSize(43);
        assertThat(GEOGRAPHY.municipalitiesOf(epci.siren())).extracting(Municipality::code).isEqualTo(epci.members());
    }

    @Test
    @DisplayName("reads a quoted EPCI name with inner quotes")
    void quotedName() {
        assertThat(GEOGRAPHY.requireEpci(Siren.of("200036473")).name()).isEqualTo("CA \"Saintes - Grandes Rives - L'Agglo\"");
    }

    @Test
    @DisplayName("knows Dordogne, its Région, its chef-lieu and its communes")
    void dordogne() {
        Department dordogne = GEOGRAPHY.requireDepartment(TerritoryFixture.DORDOGNE);
        assertThat(dordogne.name()).isEqualTo("Dordogne");
        assertThat(dordogne.region()).isEqualTo(RegionCode.of("75"));
        assertThat(dordogne.chefLieu()).isEqualTo(TerritoryFixture.PERIGUEUX);
        assertThat(GEOGRAPHY.requireRegion(dordogne.region()).name()).isEqualTo("Nouvelle-Aquitaine");
        long expected = OfficialCsv.communes().stream().filter(c -> c.department().equals("24")).count();
        assertThat(GEOGRAPHY.municipalitiesIn(TerritoryFixture.DORDOGNE)).hasSize((int) expected)
                .allSatisfy(m -> assertThat(m.department()).isEqualTo(TerritoryFixture.DORDOGNE));
    }

    @Test
    @DisplayName("gives a commune outside any EPCI no SIREN, and an uninhabited one no population")
    void edgeCommunes() {
        assertThat(GEOGRAPHY.requireMunicipality(MunicipalityCode.of("22016")).epci()).isEmpty();
        assertThat(GEOGRAPHY.requireMunicipality(MunicipalityCode.of("98412")).population()).isZero();
    }

    @Test
    @DisplayName("answers empty for what it does not know")
    void emptyLookups() {
        assertThat(GEOGRAPHY.municipality(MunicipalityCode.of("99999"))).isEmpty();
        assertThat(GEOGRAPHY.municipality(null)).isEmpty();
        assertThat(GEOGRAPHY.epci(Siren.of("356000000"))).isEmpty();
        assertThat(GEOGRAPHY.municipalitiesOf(Siren.of("356000000"))).isEmpty();
        assertThat(GEOGRAPHY.department(DepartmentCode.of("985"))).isEmpty();
    }

    @Test
    @DisplayName("refuses an unknown commune by field and code")
    void unknownCommune() {
        assertRefused(() -> GEOGRAPHY.requireMunicipality(MunicipalityCode.of("99999")),
                TerritoryError.UNKNOWN_MUNICIPALITY, "municipalityCode", "99999");
    }

    @Test
    @DisplayName("refuses an unknown Département, Région or EPCI by field and code")
    void unknownOthers() {
        assertRefused(() -> GEOGRAPHY.requireDepartment(DepartmentCode.of("985")),
                TerritoryError.UNKNOWN_DEPARTMENT, "departmentCode", "985");
        assertRefused(() -> GEOGRAPHY.requireRegion(RegionCode.of("99")), TerritoryError.UNKNOWN_REGION, "regionCode", "99");
        assertRefused(() -> GEOGRAPHY.requireEpci(Siren.of("356000000")), TerritoryError.UNKNOWN_EPCI, "siren", "356000000");
    }

    @Test
    @DisplayName("splits quoted CSV fields")
    void csvFields() {
        assertThat(GeographyFiles.fields("1;\"a;\"\"b\"\"\";;x")).containsExactly("1", "a;\"b\"", "", "x");
    }
}
