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

    /** The data with the first period of one participant changed. */
    private static CohortData changed(CohortData data, String participant, java.util.function.Consumer<AccompanimentPeriod.Draft> change) {
        java.util.List<Participant> participants = new java.util.ArrayList<>();
        for (Participant p : data.participants()) {
            if (p.id().value().equals(participant)) {
                AccompanimentPeriod.Draft draft = p.periods().get(0).draft();
                change.accept(draft);
                p = new Participant(p.id(), java.util.List.of(draft.build()));
            }
            participants.add(p);
        }
        return new CohortData(data.referents(), participants, data.identities(), data.erasures());
    }

    @Test
    @DisplayName("an imported exit for maximum duration before the duration is reached is refused as the exit command refuses it (PLIE-COHORT-017)")
    void exitForMaximumDurationTooSoon() {
        CohortSettings settings = defaultSettings().withMaximumDuration(java.time.Period.ofMonths(24));
        Cohort source = aCohort(settings);
        ParticipantId id = anEnteredJobseeker(source, "Martin", JAN_5, ALICE);
        source.exit(id, LocalDate.of(2026, 6, 30), ExitReason.DROPOUT, null);
        CohortData data = changed(source.toData(), "P-1", d -> d.exit = new Exit(d.exit.exitedOn(), ExitReason.MAXIMUM_DURATION, null));
        // the command refuses it on the pathway: the import refuses it too, at the exit of the period
        Cohort live = aCohort(settings);
        ParticipantId same = anEnteredJobseeker(live, "Martin", JAN_5, ALICE);
        assertRefused(() -> live.exit(same, LocalDate.of(2026, 6, 30), ExitReason.MAXIMUM_DURATION, null), CohortError.MAX_DURATION_NOT_REACHED,
                "exit.exitedOn", "2026-06-30");
        PlieException error = assertRefused(() -> aCohort(settings).load(data), CohortError.MAX_DURATION_NOT_REACHED,
                "participants[0].periods[0].exit.exitedOn", "2026-06-30");
        assertThat(error.violations()).hasSize(1);
        assertRefused(() -> CohortCsv.read(CohortCsv.write(data, ';'), settings, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT),
                CohortError.MAX_DURATION_NOT_REACHED, "periods.csv[2].exit.exitedOn", "2026-06-30");
        assertRefused(() -> CohortJson.read(CohortJson.write(data), settings, ImportMode.ALL_OR_NOTHING, ImportedExits.STRICT),
                CohortError.MAX_DURATION_NOT_REACHED, "$.participants[0].periods[0].exit.exitedOn", "2026-06-30");
        // once the duration is reached, the same exit is imported
        CohortData reached = changed(data, "P-1", d -> d.exit = new Exit(JAN_5.plusMonths(24), ExitReason.MAXIMUM_DURATION, null));
        Cohort target = aCohort(settings);
        target.load(reached);
        assertThat(java.util.List.copyOf(target.participants()).get(0).currentPeriod().exit().reason()).isEqualTo(ExitReason.MAXIMUM_DURATION);
    }

    @Test
    @DisplayName("six-month data collected too early is refused by the command the replay runs (PLIE-COHORT-032), and reported once by the readers")
    void sixMonthDataThroughTheCommand() {
        CohortSettings settings = defaultSettings();
        CohortData data = changed(ImportSample.cohort().toData(), "P-2",
                d -> d.sixMonthData = new EsfSixMonthData(LocalDate.parse(ImportSample.TOO_EARLY), true, false));
        Participant roux = data.participants().get(1);
        // the replay alone, without the import's checks: the command refuses it
        ImportReplay replay = ImportReplay.intoEmptyCohort(settings, data.referents());
        assertThat(replay.replay(roux, data.identities().get(roux.id()))).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(CohortError.SIX_MONTH_DATA_TOO_EARLY);
            assertThat(v.field()).isEqualTo("periods[0].sixMonthData.collectedOn");
            assertThat(v.value()).isEqualTo(ImportSample.TOO_EARLY);
            assertMessages(v);
        });
        // the whole import: found by the import's checks and by the command, reported once where each reader places it
        PlieException load = assertRefused(() -> aCohort(settings).load(data), CohortError.SIX_MONTH_DATA_TOO_EARLY,
                "participants[1].periods[0].sixMonthData.collectedOn", ImportSample.TOO_EARLY);
        assertThat(load.violations()).hasSize(1);
        PlieException csv = assertRefused(() -> CohortCsv.read(CohortCsv.write(data, ';'), settings, ImportMode.ALL_OR_NOTHING,
                ImportedExits.STRICT), CohortError.SIX_MONTH_DATA_TOO_EARLY, "periods.csv[3].sixMonthDataCollectedOn", ImportSample.TOO_EARLY);
        assertThat(csv.violations()).hasSize(1);
        PlieException json = assertRefused(() -> CohortJson.read(CohortJson.write(data), settings, ImportMode.ALL_OR_NOTHING,
                ImportedExits.STRICT), CohortError.SIX_MONTH_DATA_TOO_EARLY, "$.participants[1].periods[0].sixMonthData.collectedOn",
                ImportSample.TOO_EARLY);
        assertThat(json.violations()).hasSize(1);
    }

    @Test
    @DisplayName("an employment exit completing an in-work follow-up is imported through the completion with its reason; demoted, the follow-up is interrupted")
    void completedFollowUp() {
        CohortSettings settings = defaultSettings();
        Cohort source = aCohort(settings);
        ParticipantId id = anEnteredJobseeker(source, "Martin", JAN_5, ALICE);
        source.addStep(id, CohortFixture.temping("S1", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 4, 30)));
        source.startInWorkFollowUp(id, LocalDate.of(2026, 2, 2));
        source.interruptInWorkFollowUp(id, LocalDate.of(2026, 4, 30));
        // declared completed by another system: two months of work do not meet the employment rule
        LocalDate exitOn = LocalDate.of(2026, 4, 30);
        CohortData data = changed(source.toData(), "P-1", d -> {
            d.followUps.set(0, new InWorkFollowUp(LocalDate.of(2026, 2, 2), exitOn, true));
            d.exit = new Exit(exitOn, ExitReason.EMPLOYMENT, null);
        });
        assertRefused(() -> aCohort(settings).load(data), CohortError.IMPORTED_EXIT_NOT_POSITIVE, "participants[0].periods[0].exit.reason",
                "EMPLOYMENT");
        Cohort lenient = aCohort(settings);
        assertThat(lenient.load(data, ImportedExits.LENIENT)).extracting(v -> v.code().code() + " " + v.field())
                .containsExactly("PLIE-COHORT-033 participants[0].periods[0].exit.reason");
        AccompanimentPeriod imported = java.util.List.copyOf(lenient.participants()).get(0).currentPeriod();
        assertThat(imported.exit().reason()).isEqualTo(ExitReason.UNCONFIRMED_POSITIVE);
        assertThat(imported.followUps()).containsExactly(new InWorkFollowUp(LocalDate.of(2026, 2, 2), exitOn, false));
        ImportResult csv = CohortCsv.read(CohortCsv.write(data, ';'), settings, ImportMode.ALL_OR_NOTHING, ImportedExits.LENIENT);
        assertThat(csv.data().participants().get(0).currentPeriod()).isEqualTo(imported);
        // completed by the command: the replay completes the follow-up with the reason imported
        Cohort done = aCohort(settings);
        ParticipantId worker = anEnteredJobseeker(done, "Durand", JAN_5, ALICE);
        done.addStep(worker, CohortFixture.temping("S2", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 9, 30)));
        done.startInWorkFollowUp(worker, LocalDate.of(2026, 2, 2));
        ExitReason reason = done.completeInWorkFollowUp(worker, LocalDate.of(2026, 8, 31), null);
        Cohort target = aCohort(settings);
        target.load(done.toData());
        assertThat(target.participants()).containsExactlyElementsOf(done.participants());
        assertThat(java.util.List.copyOf(target.participants()).get(0).currentPeriod().exit().reason()).isEqualTo(reason);
    }
}
