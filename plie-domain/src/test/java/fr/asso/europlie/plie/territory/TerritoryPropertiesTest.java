package fr.asso.europlie.plie.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("territory properties")
class TerritoryPropertiesTest {

    private static final List<OfficialCsv.CommuneLine> COMMUNES = OfficialCsv.communes();

    /** Random sets of real communes, taken by line from the shipped file. */
    private static Gen<List<OfficialCsv.CommuneLine>> realCommunes() {
        return lists().of(integers().between(0, COMMUNES.size() - 1)).ofSizeBetween(1, 60)
                .map(indices -> indices.stream().map(COMMUNES::get).distinct().toList());
    }

    @Test
    @DisplayName("any set of real communes builds a territory with their population and exactly their Départements")
    void populationAndDepartments() {
        qt().withExamples(200).forAll(realCommunes()).checkAssert(lines -> {
            Territory territory = Territory.ofInseeCodes("Aléatoire",
                    lines.stream().map(OfficialCsv.CommuneLine::code).toList(), Geography.official2026());
            assertThat(territory.population())
                    .isEqualTo(lines.stream().mapToLong(OfficialCsv.CommuneLine::population).sum());
            assertThat(territory.departments()).extracting(DepartmentCode::value)
                    .containsExactlyElementsOf(lines.stream().map(OfficialCsv.CommuneLine::department)
                            .collect(Collectors.toCollection(TreeSet::new)));
            assertThat(territory.municipalities()).hasSize(lines.size());
        });
    }

    @Test
    @DisplayName("a Département is wholly covered exactly when all its communes of the file are in the territory")
    void coverageMatchesTheFile() {
        Map<String, Long> perDepartment = COMMUNES.stream()
                .collect(Collectors.groupingBy(OfficialCsv.CommuneLine::department, Collectors.counting()));
        qt().withExamples(100).forAll(realCommunes()).checkAssert(lines -> {
            Territory territory = Territory.ofInseeCodes("Aléatoire",
                    lines.stream().map(OfficialCsv.CommuneLine::code).toList(), Geography.official2026());
            Map<String, Long> covered = lines.stream()
                    .collect(Collectors.groupingBy(OfficialCsv.CommuneLine::department, Collectors.counting()));
            covered.forEach((department, count) -> assertThat(territory.coverage(DepartmentCode.of(department)))
                    .isEqualTo(count.equals(perDepartment.get(department)) ? Coverage.WHOLE : Coverage.PARTIAL));
        });
    }

    @Test
    @DisplayName("any territory is rebuilt equal from its codes")
    void rebuiltFromCodes() {
        qt().withExamples(100).forAll(realCommunes()).checkAssert(lines -> {
            Territory territory = Territory.ofInseeCodes("Aléatoire",
                    lines.stream().map(OfficialCsv.CommuneLine::code).toList(), Geography.official2026());
            Set<MunicipalityCode> codes = territory.municipalities().stream().map(Municipality::code)
                    .collect(Collectors.toSet());
            assertThat(Territory.of("Aléatoire", codes, Geography.official2026())).isEqualTo(territory);
            assertThat(territory.municipalityCodes()).isSorted().doesNotHaveDuplicates();
            assertThat(codes.stream().map(Function.identity()).allMatch(territory::covers)).isTrue();
        });
    }
}
