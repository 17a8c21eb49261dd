package fr.asso.europlie.plie.territory;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static fr.asso.europlie.plie.territory.TerritoryFixture.BERGERAC;
import static fr.asso.europlie.plie.territory.TerritoryFixture.DORDOGNE;
import static fr.asso.europlie.plie.territory.TerritoryFixture.PERIGUEUX;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("a PLIE territory")
class TerritoryTest {

    private static final Geography GEOGRAPHY = Geography.official2026();

    private static List<MunicipalityCode> codes(String... codes) {
        return Arrays.stream(codes).map(MunicipalityCode::of).toList();
    }

    @Nested
    @DisplayName("of the CA Le Grand Périgueux, built from its SIREN")
    class GrandPerigueux {

        private final Territory territory = TerritoryFixture.grandPerigueuxCommunes();

        private final List<OfficialCsv.CommuneLine> expected = OfficialCsv.communes().stream()
                .filter(line -> line.epci().equals("200040392")).toList();

        @Test
        @DisplayName("covers exactly the 43 communes the data lists for its SIREN")
        void coversItsCommunes() {
            assertThat(expected).hasSize(43);
            assertThat(territory.municipalityCodes()).extracting(MunicipalityCode::value)
                    .containsExactlyElementsOf(expected.stream().map(OfficialCsv.CommuneLine::code).sorted().toList());
        }

        @Test
        @DisplayName("lies wholly in Dordogne")
        void liesInDordogne() {
            assertThat(territory.departments()).containsExactly(DORDOGNE);
            assertThat(territory.municipalities()).allSatisfy(m -> assertThat(m.region()).isEqualTo(RegionCode.of("75")));
        }

        @Test
        @DisplayName("covers the sum of its communes' municipal populations")
        void population() {
            long sum = expected.stream().mapToLong(OfficialCsv.CommuneLine::population).sum();
            assertThat(territory.population()).isEqualTo(sum).isEqualTo(104_847L);
        }

        @Test
        @DisplayName("covers Dordogne partly and no other Département")
        void partialCoverage() {
            assertThat(territory.coverage(DORDOGNE)).isEqualTo(Coverage.PARTIAL);
            assertThat(territory.coverages()).containsOnlyKeys(DORDOGNE);
            assertThat(territory.coverage(DepartmentCode.of("33"))).isEqualTo(Coverage.NONE);
        }

        @Test
        @DisplayName("covers Périgueux but not Bergerac")
        void covers() {
            assertThat(territory.covers(PERIGUEUX)).isTrue();
            assertThat(territory.covers(BERGERAC)).isFalse();
            assertThat(territory.covers(null)).isFalse();
        }

        @Test
        @DisplayName("is the same territory when built from the list of its codes")
        void sameFromCodes() {
            Territory fromCodes = Territory.of("PLIE du Grand Périgueux", territory.municipalityCodes(), GEOGRAPHY);
            assertThat(fromCodes).isEqualTo(territory).hasSameHashCodeAs(territory);
        }

        @Test
        @DisplayName("with its QPV and pockets of exclusion, is rebuilt equal from codes and parts")
        void rebuiltWithParts() {
            Territory full = TerritoryFixture.grandPerigueux();
            Territory rebuilt = Territory.of(full.name(), full.municipalityCodes(), GEOGRAPHY)
                    .withPriorityNeighbourhoods(full.priorityNeighbourhoods())
                    .withExclusionPockets(full.exclusionPockets());
            assertThat(rebuilt).isEqualTo(full);
            assertThat(full).isNotEqualTo(territory);
            assertThat(full.priorityNeighbourhoods()).hasSize(2);
            assertThat(full.exclusionPockets()).hasSize(2);
        }
    }

    @Test
    @DisplayName("a territory holding every commune of a Département covers it wholly")
    void wholeCoverage() {
        List<String> saintPierreEtMiquelon = OfficialCsv.communes().stream()
                .filter(line -> line.department().equals("975")).map(OfficialCsv.CommuneLine::code).toList();
        Territory territory = Territory.ofInseeCodes("PLIE de Saint-Pierre-et-Miquelon", saintPierreEtMiquelon, GEOGRAPHY);
        assertThat(saintPierreEtMiquelon).hasSize(2);
        assertThat(territory.coverage(DepartmentCode.of("975"))).isEqualTo(Coverage.WHOLE);
    }

    @Test
    @DisplayName("a territory across two Départements knows the coverage of each")
    void twoDepartments() {
        List<MunicipalityCode> codes = new java.util.ArrayList<>(codes("97501", "97502"));
        codes.add(PERIGUEUX);
        Territory territory = Territory.of("Deux Départements", codes, GEOGRAPHY);
        assertThat(territory.departments()).containsExactly(DORDOGNE, DepartmentCode.of("975"));
        assertThat(territory.coverages()).containsEntry(DORDOGNE, Coverage.PARTIAL)
                .containsEntry(DepartmentCode.of("975"), Coverage.WHOLE);
    }

    @Test
    @DisplayName("Corsican communes 2A004 and 2B033 are accepted, in Corse-du-Sud and Haute-Corse")
    void corsica() {
        Territory territory = Territory.of("Ajaccio et Bastia", codes("2B033", "2A004"), GEOGRAPHY);
        assertThat(territory.municipalityCodes()).containsExactlyElementsOf(codes("2A004", "2B033"));
        assertThat(territory.departments()).containsExactly(DepartmentCode.of("2A"), DepartmentCode.of("2B"));
        assertThat(territory.municipalities()).extracting(Municipality::name).containsExactly("Ajaccio", "Bastia");
    }

    @Test
    @DisplayName("a code given twice counts once")
    void duplicateCodeCountsOnce() {
        Territory territory = Territory.of("Périgueux", List.of(PERIGUEUX, PERIGUEUX), GEOGRAPHY);
        assertThat(territory.municipalities()).hasSize(1);
        assertThat(territory.population()).isEqualTo(29_055L);
    }

    @Test
    @DisplayName("a well-formed code that is no commune is refused as an unknown commune")
    void unknownCode() {
        PlieException error = assertRefused(() -> Territory.of("Inconnue", codes("24322", "99999"), GEOGRAPHY),
                TerritoryError.UNKNOWN_MUNICIPALITY, "municipalities[1]", "99999");
        assertThat(error.violations()).hasSize(1);
        assertThat(error.getMessage()).contains("Commune inconnue");
    }

    @Test
    @DisplayName("a territory with several bad codes reports each one at once")
    void everyBadCodeReported() {
        PlieException error = assertRefused(
                () -> Territory.of("Plusieurs erreurs", Arrays.asList(MunicipalityCode.of("99999"), PERIGUEUX, null,
                        MunicipalityCode.of("24999")), GEOGRAPHY),
                TerritoryError.UNKNOWN_MUNICIPALITY, "municipalities[0]", "99999");
        assertThat(error.violations()).hasSize(3);
        assertViolation(error, TerritoryError.REQUIRED, "municipalities[2]", "null");
        assertViolation(error, TerritoryError.UNKNOWN_MUNICIPALITY, "municipalities[3]", "24999");
    }

    @Test
    @DisplayName("codes given as text report malformed and unknown codes together, by position")
    void textCodes() {
        PlieException error = assertRefused(
                () -> Territory.ofInseeCodes("Texte", Arrays.asList("24322", "7505", "2C004", "99999", null), GEOGRAPHY),
                TerritoryError.MALFORMED_MUNICIPALITY_CODE, "municipalities[1]", "7505");
        assertThat(error.violations()).hasSize(4);
        assertViolation(error, TerritoryError.MALFORMED_MUNICIPALITY_CODE, "municipalities[2]", "2C004");
        assertViolation(error, TerritoryError.UNKNOWN_MUNICIPALITY, "municipalities[3]", "99999");
        assertViolation(error, TerritoryError.MALFORMED_MUNICIPALITY_CODE, "municipalities[4]", "null");
    }

    @Test
    @DisplayName("an empty territory is refused")
    void emptyTerritory() {
        assertRefused(() -> Territory.of("Vide", List.of(), GEOGRAPHY), TerritoryError.NO_MUNICIPALITY, "municipalities", "[]");
    }

    @Test
    @DisplayName("a territory without a name is refused along with its other problems")
    void blankName() {
        PlieException error = assertRefused(() -> Territory.of(" ", List.of(), GEOGRAPHY), TerritoryError.REQUIRED, "name", " ");
        assertThat(error.violations()).hasSize(2);
    }

    @Test
    @DisplayName("a SIREN that is no EPCI is refused by name")
    void unknownEpci() {
        // La Poste's SIREN: valid, but not an intercommunality.
        assertRefused(() -> Territory.ofEpci("La Poste", Siren.of("356000000"), GEOGRAPHY),
                TerritoryError.UNKNOWN_EPCI, "siren", "356000000");
    }

    @Nested
    @DisplayName("with priority neighbourhoods")
    class Neighbourhoods {

        private final Territory territory = TerritoryFixture.grandPerigueuxCommunes();

        @Test
        @DisplayName("keeps them in a new territory and leaves the original unchanged")
        void newInstance() {
            PriorityNeighbourhood qpv = new PriorityNeighbourhood("QN02401M", "Chamiers", TerritoryFixture.COULOUNIEIX_CHAMIERS);
            Territory with = territory.withPriorityNeighbourhoods(List.of(qpv));
            assertThat(with.priorityNeighbourhoods()).containsExactly(qpv);
            assertThat(territory.priorityNeighbourhoods()).isEmpty();
            assertThat(with.municipalities()).isEqualTo(territory.municipalities());
        }

        @Test
        @DisplayName("refuses a QPV in a commune outside the territory, naming the commune")
        void outside() {
            assertRefused(() -> territory.withPriorityNeighbourhoods(List.of(
                            new PriorityNeighbourhood("QN02403M", "Bergerac Nord", BERGERAC))),
                    TerritoryError.OUTSIDE_TERRITORY, "priorityNeighbourhoods[0].municipality", "24037");
        }

        @Test
        @DisplayName("refuses a QPV whose code names another Département than its commune's")
        void otherDepartment() {
            assertRefused(() -> territory.withPriorityNeighbourhoods(List.of(
                            new PriorityNeighbourhood("QN03301M", "Ailleurs", PERIGUEUX))),
                    TerritoryError.QPV_DEPARTMENT_MISMATCH, "priorityNeighbourhoods[0].code", "QN03301M");
        }

        @Test
        @DisplayName("refuses the same QPV code twice")
        void duplicate() {
            PriorityNeighbourhood qpv = new PriorityNeighbourhood("QP024001", "Ancien numéro", PERIGUEUX);
            assertRefused(() -> territory.withPriorityNeighbourhoods(List.of(qpv, qpv)),
                    TerritoryError.DUPLICATE, "priorityNeighbourhoods[1].code", "QP024001");
        }

        @Test
        @DisplayName("refuses a malformed QPV code")
        void malformed() {
            assertRefused(() -> new PriorityNeighbourhood("QN2401M", "Court", PERIGUEUX),
                    TerritoryError.MALFORMED_QPV_CODE, "priorityNeighbourhood.code", "QN2401M");
        }

        @Test
        @DisplayName("reads the Département written in 2024 and 2015 codes, Corsica and overseas included")
        void departmentInCode() {
            assertThat(new PriorityNeighbourhood("QN02401M", "a", PERIGUEUX).departmentInCode()).isEqualTo("24");
            assertThat(new PriorityNeighbourhood("QN02A01M", "b", PERIGUEUX).departmentInCode()).isEqualTo("2A");
            assertThat(new PriorityNeighbourhood("QP971001", "c", PERIGUEUX).departmentInCode()).isEqualTo("971");
        }
    }

    @Nested
    @DisplayName("with pockets of exclusion")
    class Pockets {

        private final Territory territory = TerritoryFixture.grandPerigueuxCommunes();

        @Test
        @DisplayName("refuses each commune of a pocket that lies outside the territory")
        void outside() {
            ExclusionPocket pocket = ExclusionPocket.of("Vallée", "Chômage", List.of(BERGERAC, PERIGUEUX, MunicipalityCode.of("33063")));
            PlieException error = assertRefused(() -> territory.withExclusionPockets(List.of(pocket)),
                    TerritoryError.OUTSIDE_TERRITORY, "exclusionPockets[0].municipalities[0]", "24037");
            assertViolation(error, TerritoryError.OUTSIDE_TERRITORY, "exclusionPockets[0].municipalities[2]", "33063");
            assertThat(error.violations()).hasSize(2);
        }

        @Test
        @DisplayName("refuses two pockets with the same name")
        void duplicate() {
            ExclusionPocket pocket = ExclusionPocket.of("Vallée", "Chômage", List.of(PERIGUEUX));
            assertRefused(() -> territory.withExclusionPockets(List.of(pocket, pocket)),
                    TerritoryError.DUPLICATE, "exclusionPockets[1].name", "Vallée");
        }

        @Test
        @DisplayName("refuses a pocket without any commune or without a justification")
        void emptyPocket() {
            assertRefused(() -> ExclusionPocket.of("Vide", "Rien", List.of()),
                    TerritoryError.NO_MUNICIPALITY, "exclusionPocket.municipalities", "[]");
            assertRefused(() -> ExclusionPocket.of("Vide", " ", List.of(PERIGUEUX)),
                    TerritoryError.REQUIRED, "exclusionPocket.justification", " ");
        }

        @Test
        @DisplayName("keeps its communes sorted and once each")
        void sortedCodes() {
            ExclusionPocket pocket = ExclusionPocket.of("Vallée", "Chômage", List.of(PERIGUEUX, BERGERAC, PERIGUEUX));
            assertThat(pocket.municipalities()).containsExactly(BERGERAC, PERIGUEUX);
        }
    }
}
