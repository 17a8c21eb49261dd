package fr.asso.europlie.plie.cohort;

import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static fr.asso.europlie.plie.cohort.CohortFixture.PLAN;
import static fr.asso.europlie.plie.cohort.CohortFixture.aCohort;
import static fr.asso.europlie.plie.cohort.CohortFixture.aPerson;
import static fr.asso.europlie.plie.cohort.CohortFixture.anEnteredJobseeker;
import static fr.asso.europlie.plie.cohort.CohortFixture.anRsaRecipient;
import static fr.asso.europlie.plie.cohort.CohortFixture.defaultSettings;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertMessages;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import fr.asso.europlie.plie.cohort.csv.CohortCsv;
import fr.asso.europlie.plie.cohort.csv.CsvFiles;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.json.cohort.CohortJson;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("an import builds participants through the commands and the policies spanning participants")
class ImportReplayTest {

    private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

    /** Three participants who entered in Alice's caseload, under the default cap of 80. */
    private static CohortData threeOfAlice() {
        Cohort source = aCohort();
        anEnteredJobseeker(source, "Martin", JAN_5, ALICE);
        anEnteredJobseeker(source, "Durand", JAN_5.plusDays(1), ALICE);
        anEnteredJobseeker(source, "Petit", JAN_5.plusDays(2), ALICE);
        return source.toData();
    }

    @Test
    @DisplayName("a load that would take a referent beyond its cap is refused at the adhesion of the one too many; nothing is added")
    void capRefusedAllOrNothing() {
        Cohort target = aCohort(defaultSettings().withCaseloadCap(2));
        PlieException error = assertRefused(() -> target.load(threeOfAlice()), CohortError.CASELOAD_CAP_REACHED,
                "participants[2].periods[0].adhesion.referent", "REF-ALICE");
        assertThat(error.violations()).hasSize(1);
        assertMessages(error.violations().get(0));
        assertThat(target.participants()).isEmpty();
        assertThat(target.personalData().identities()).isEmpty();
    }

    @Test
    @DisplayName("in the valid-participants mode, the participants the commands accept are added and the others reported")
    void capValidParticipants() {
        Cohort target = aCohort(defaultSettings().withCaseloadCap(2));
        ImportResult result = target.load(threeOfAlice(), ImportMode.VALID_PARTICIPANTS, ImportedExits.STRICT);
        assertThat(result.rejected()).extracting(v -> v.code().code() + " " + v.field())
                .containsExactly("PLIE-COHORT-007 participants[2].periods[0].adhesion.referent");
        assertThat(target.participants()).extracting(p -> p.id().value()).containsExactly("P-1", "P-2");
        assertThat(target.personalData().identities()).containsOnlyKeys(ParticipantId.of("P-1"), ParticipantId.of("P-2"));
        assertThat(target.caseload(ALICE, JAN_5.plusDays(10))).isEqualTo(2);
    }

    @Test
    @DisplayName("the caseload counts the participants the cohort already holds")
    void capCountsTheCohort() {
        Cohort target = aCohort(defaultSettings().withCaseloadCap(3));
        anEnteredJobseeker(target, "Bernard", JAN_5.minusDays(1), ALICE);
        CohortData data = threeOfAlice();
        Map<ParticipantId, PersonalData> identities = new LinkedHashMap<>();
        data.identities().forEach((id, d) -> identities.put(ParticipantId.of("X-" + id.value()), d));
        CohortData renamed = new CohortData(data.referents(),
                data.participants().stream().map(p -> new Participant(ParticipantId.of("X-" + p.id().value()), p.periods())).toList(),
                identities, Map.of());
        assertRefused(() -> target.load(renamed), CohortError.CASELOAD_CAP_REACHED, "participants[2].periods[0].adhesion.referent", "REF-ALICE");
        assertThat(target.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("the same person with two open periods is refused (PLIE-COHORT-041), at the identity's row in the readers")
    void samePersonTwice() {
        CohortData data = threeOfAlice();
        Map<ParticipantId, PersonalData> identities = new LinkedHashMap<>(data.identities());
        identities.put(ParticipantId.of("P-2"), aPerson("Martin"));
        CohortData twins = new CohortData(data.referents(), data.participants(), identities, Map.of());
        PlieException error = assertRefused(() -> aCohort().load(twins), CohortError.PERSON_ALREADY_FOLLOWED, "participants[1].identity",
                PersonKey.of(aPerson("Martin")).toString());
        assertMessages(error.violations().get(0));
        CohortSettings settings = defaultSettings();
        assertRefused(() -> CohortJson.read(CohortJson.write(twins), settings, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT),
                CohortError.PERSON_ALREADY_FOLLOWED, "$.identities[1].participantId", PersonKey.of(aPerson("Martin")).toString());
        CsvFiles files = CohortCsv.write(twins, ';');
        assertRefused(() -> CohortCsv.read(files, settings, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT),
                CohortError.PERSON_ALREADY_FOLLOWED, "identities.csv[3].participantId", PersonKey.of(aPerson("Martin")).toString());
        ImportResult valid = CohortCsv.read(files, settings, ImportMode.VALID_PARTICIPANTS, ImportedExits.STRICT);
        assertThat(valid.data().participants()).extracting(p -> p.id().value()).containsExactly("P-1", "P-3");
    }

    @Test
    @DisplayName("an RSA recipient's referent not designated by the target's Département is refused, as the adhesion command refuses it")
    void rsaDesignation() {
        Cohort source = aCohort();
        ParticipantId id = source.refer(aPerson("Roux"), Referral.of(CohortFixture.FRANCE_TRAVAIL, JAN_5.minusWeeks(3)), anRsaRecipient());
        source.validateEntry(id, JAN_5.minusWeeks(1));
        source.adhere(id, Adhesion.signedOn(JAN_5, ALICE, PLAN), CohortFixture.DEPARTMENT);
        Cohort target = aCohort(defaultSettings().withDepartment(OrganisationId.of("DEPT-33")));
        assertRefused(() -> target.load(source.toData()), CohortError.RSA_REFERENT_NOT_DESIGNATED, "participants[0].periods[0].designatedBy",
                "DEPT-24");
        assertThat(target.participants()).isEmpty();
        aCohort().load(source.toData());
    }

    @Test
    @DisplayName("property: a load in the valid-participants mode never takes a referent beyond its cap, and keeps every participant no cap refuses")
    void neverBeyondTheCap() {
        qt().withExamples(30).forAll(CohortFixture.generatedCohorts(40), integers().between(1, 8)).checkAssert((generated, cap) -> {
            Cohort target = new Cohort(defaultSettings().withCaseloadCap(cap), CohortFixture.sequentialIds());
            ImportResult result = target.load(generated.data(), ImportMode.VALID_PARTICIPANTS, ImportedExits.STRICT);
            for (Participant participant : target.participants()) {
                for (CaseloadSpan span : participant.caseloadSpans()) {
                    assertThat(target.caseload(span.referent(), span.first())).isLessThanOrEqualTo(cap);
                }
            }
            assertThat(result.rejected()).allSatisfy(v -> assertThat(v.code()).isEqualTo(CohortError.CASELOAD_CAP_REACHED));
            long left = result.rejected().stream().map(v -> v.field().substring(0, v.field().indexOf(']'))).distinct().count();
            assertThat(target.size() + left).isEqualTo(generated.data().participants().size());
        });
    }

    @Test
    @DisplayName("the readers given the settings place a refusal of the commands at the period's row and column")
    void readersPlaceTheRefusal() {
        CohortSettings settings = defaultSettings().withCaseloadCap(2);
        CohortData data = threeOfAlice();
        assertRefused(() -> CohortCsv.read(CohortCsv.write(data, ';'), settings, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT),
                CohortError.CASELOAD_CAP_REACHED, "periods.csv[4].adhesion.referent", "REF-ALICE");
        assertRefused(() -> CohortJson.read(CohortJson.write(data), settings, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT),
                CohortError.CASELOAD_CAP_REACHED, "$.participants[2].periods[0].adhesion.referent", "REF-ALICE");
        ImportResult json = CohortJson.read(CohortJson.write(data), settings, ImportMode.VALID_PARTICIPANTS, ImportedExits.STRICT);
        assertThat(json.data().participants()).hasSize(2);
        assertThat(json.rejected()).hasSize(1);
    }
}
