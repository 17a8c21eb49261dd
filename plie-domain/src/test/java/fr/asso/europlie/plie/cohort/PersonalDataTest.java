package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.offer.OperationId;
import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static fr.asso.europlie.plie.cohort.CohortFixture.BRUNO;
import static fr.asso.europlie.plie.cohort.CohortFixture.FRANCE_TRAVAIL;
import static fr.asso.europlie.plie.cohort.CohortFixture.aCohort;
import static fr.asso.europlie.plie.cohort.CohortFixture.aLongTermJobseeker;
import static fr.asso.europlie.plie.cohort.CohortFixture.anEnteredJobseeker;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("personal data: apart, marked, erasable, visible by role")
class PersonalDataTest {

    static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);
    static final OperationId WORKSHOP = OperationId.of("OP-ATELIER");
    static final OrganisationId OPERATOR = OrganisationId.of("ASSO-TREMPLIN");
    static final OperationDirectory OPERATIONS = new OperationDirectory(Map.of(WORKSHOP,
            new OperationDirectory.OperationInfo(OPERATOR, StrategicAxisId.of("AXE-3"))));

    @Test
    @DisplayName("the identity lives in the vault; the pathway only knows the pseudonymous identifier")
    void identityApartFromPathway() {
        Cohort cohort = aCohort();
        ParticipantId id = anEnteredJobseeker(cohort, "Lefebvre", JAN_5, ALICE);
        assertThat(cohort.personalData().find(id)).map(PersonalData::lastName).contains("Lefebvre");
        assertThat(cohort.participant(id).orElseThrow().toString()).doesNotContain("Lefebvre").doesNotContain("1980-05-14");
        assertThat(id.value()).isEqualTo("P-1");
    }

    @Test
    @DisplayName("the sensitive fields are disability, origin and RSA status")
    void sensitiveFieldsAreMarked() {
        assertThat(Arrays.stream(PersonalField.values()).filter(PersonalField::isSensitive))
                .containsExactlyInAnyOrder(PersonalField.DISABILITY, PersonalField.THIRD_COUNTRY_NATIONAL, PersonalField.FOREIGN_BACKGROUND,
                        PersonalField.MINORITY, PersonalField.RSA_STATUS);
        assertThat(ParticipantStatus.RSA_RECIPIENT.isSensitive()).isTrue();
        assertThat(ParticipantStatus.JOBSEEKER.isSensitive()).isFalse();
    }

    @Test
    @DisplayName("erasure removes the identity at once and keeps the FSE+ data until 31 December of the fifth year after the last payment")
    void erasureAndRetention() {
        Cohort cohort = aCohort(CohortFixture.defaultSettings().withDoubleAccompaniment(DoubleAccompanimentMode.FLAG));
        ParticipantId id = cohort.refer(CohortFixture.aPerson("Lemoine"), new Referral(FRANCE_TRAVAIL, LocalDate.of(2025, 12, 15), "AGFT Lemoine"),
                aLongTermJobseeker(LocalDate.of(2025, 12, 15)));
        cohort.validateEntry(id, LocalDate.of(2025, 12, 29));
        cohort.adhere(id, Adhesion.signedOn(JAN_5, ALICE, CohortFixture.PLAN), null);
        cohort.recordEntryData(id, CohortFixture.unemployedWoman(LocalDate.of(2026, 1, 20), 45, LocalDate.of(2023, 1, 1)));
        cohort.exit(id, LocalDate.of(2026, 6, 30), ExitReason.MOVED_AWAY, null);

        Erasure erasure = cohort.erase(id, LocalDate.of(2027, 2, 1), LocalDate.of(2028, 6, 30));

        assertThat(erasure).isEqualTo(new Erasure(id, LocalDate.of(2027, 2, 1), LocalDate.of(2033, 12, 31)));
        assertThat(cohort.personalData().find(id)).isEmpty();
        AccompanimentPeriod period = cohort.participant(id).orElseThrow().currentPeriod();
        assertThat(period.referral().otherPtiScheme()).isEqualTo("-");
        assertThat(period.doubleAccompanimentFlagged()).isTrue();
        assertThat(period.entryData().ageAtEntry()).isEqualTo(45);
        assertRefused(() -> cohort.erase(id, LocalDate.of(2027, 3, 1), LocalDate.of(2028, 6, 30)), CohortError.ALREADY_ERASED, "participantId", "P-1");
        assertRefused(() -> cohort.reenter(id, Referral.of(FRANCE_TRAVAIL, LocalDate.of(2027, 3, 1)), aLongTermJobseeker(LocalDate.of(2027, 3, 1))),
                CohortError.ALREADY_ERASED, "participantId", "P-1");

        assertThat(cohort.purgeAfterRetention(LocalDate.of(2033, 12, 31))).isEmpty();
        assertThat(cohort.participant(id)).isPresent();
        assertThat(cohort.purgeAfterRetention(LocalDate.of(2034, 1, 1))).containsExactly(id);
        assertThat(cohort.participant(id)).isEmpty();
        assertThat(cohort.personalData().erasure(id)).isEmpty();
    }

    @Test
    @DisplayName("a referent sees its own participants only, an operator those of its operations without sensitive data")
    void visibilityByRole() {
        Cohort cohort = aCohort();
        ParticipantId alices = anEnteredJobseeker(cohort, "Un", JAN_5, ALICE);
        ParticipantId brunos = anEnteredJobseeker(cohort, "Deux", JAN_5, BRUNO);
        cohort.addStep(brunos, Step.of(StepId.of("S1"), StepType.ASSESSMENT, JAN_5, null, WORKSHOP));
        VisibilityPolicy policy = new VisibilityPolicy(OPERATIONS);
        Participant one = cohort.participant(alices).orElseThrow();
        Participant two = cohort.participant(brunos).orElseThrow();

        LocalDate day = LocalDate.of(2026, 2, 2);
        assertThat(policy.scopes(new Viewer.ReferentViewer(ALICE), one, day)).isEqualTo(EnumSet.allOf(DataScope.class));
        assertThat(policy.canSee(new Viewer.ReferentViewer(ALICE), two, day)).isFalse();
        assertThat(policy.scopes(new Viewer.OperatorViewer(OPERATOR), two, day)).containsExactlyInAnyOrder(DataScope.PATHWAY, DataScope.IDENTITY);
        assertThat(policy.canSee(new Viewer.OperatorViewer(OPERATOR), one, day)).isFalse();
        assertThat(policy.scopes(new Viewer.AuditorViewer(), one, day)).containsExactlyInAnyOrder(DataScope.PATHWAY, DataScope.SENSITIVE);
        assertThat(policy.scopes(new Viewer.AnimationTeamViewer(), two, day)).isEqualTo(EnumSet.allOf(DataScope.class));
        assertThat(policy.scopes(new Viewer.FunderViewer(OrganisationId.of("DEPT-24")), one, day)).isEmpty();
    }

    @Test
    @DisplayName("a referent reassignment dated in the future moves visibility only from that day")
    void futureReassignment() {
        Cohort cohort = aCohort();
        ParticipantId id = anEnteredJobseeker(cohort, "Un", JAN_5, ALICE);
        cohort.reassignReferent(id, BRUNO, LocalDate.of(2026, 3, 2), null);
        Participant moved = cohort.participant(id).orElseThrow();
        VisibilityPolicy policy = new VisibilityPolicy(OPERATIONS);
        LocalDate before = LocalDate.of(2026, 2, 16);
        assertThat(policy.canSee(new Viewer.ReferentViewer(ALICE), moved, before)).isTrue();
        assertThat(policy.canSee(new Viewer.ReferentViewer(BRUNO), moved, before)).isFalse();
        LocalDate from = LocalDate.of(2026, 3, 2);
        assertThat(policy.canSee(new Viewer.ReferentViewer(ALICE), moved, from)).isFalse();
        assertThat(policy.canSee(new Viewer.ReferentViewer(BRUNO), moved, from)).isTrue();
    }

    @Test
    @DisplayName("an operator sees only the periods in which its operations funded a step")
    void operatorSeesItsPeriodsOnly() {
        Cohort cohort = aCohort();
        ParticipantId id = anEnteredJobseeker(cohort, "Un", JAN_5, ALICE);
        cohort.addStep(id, Step.of(StepId.of("S1"), StepType.ASSESSMENT, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 2, 27), WORKSHOP));
        cohort.exit(id, LocalDate.of(2026, 3, 31), ExitReason.MOVED_AWAY, null);
        cohort.reenter(id, Referral.of(CohortFixture.FRANCE_TRAVAIL, LocalDate.of(2026, 9, 1)),
                CohortFixture.aLongTermJobseeker(LocalDate.of(2026, 9, 1)));
        cohort.validateEntry(id, LocalDate.of(2026, 9, 8));
        cohort.adhere(id, Adhesion.signedOn(LocalDate.of(2026, 9, 14), BRUNO, CohortFixture.PLAN), null);
        cohort.addStep(id, Step.of(StepId.of("S2"), StepType.ASSESSMENT, LocalDate.of(2026, 9, 21), null, null));
        Participant participant = cohort.participant(id).orElseThrow();
        VisibilityPolicy policy = new VisibilityPolicy(OPERATIONS);
        LocalDate day = LocalDate.of(2026, 10, 1);
        assertThat(policy.visiblePeriods(new Viewer.OperatorViewer(OPERATOR), participant, day))
                .extracting(AccompanimentPeriod::number).containsExactly(1);
        assertThat(policy.visiblePeriods(new Viewer.ReferentViewer(BRUNO), participant, day))
                .extracting(AccompanimentPeriod::number).containsExactly(1, 2);
        assertThat(policy.visiblePeriods(new Viewer.OperatorViewer(OrganisationId.of("ASSO-AUTRE")), participant, day)).isEmpty();
    }

    @Test
    @DisplayName("the same key always gives the same pseudonym, another key another one")
    void pseudonyms() {
        Pseudonymiser one = new Pseudonymiser("first-secret-key-0123".getBytes(StandardCharsets.UTF_8));
        Pseudonymiser two = new Pseudonymiser("second-secret-key-456".getBytes(StandardCharsets.UTF_8));
        ParticipantId id = ParticipantId.of("P-1");
        assertThat(one.pseudonym(id)).isEqualTo(one.pseudonym(ParticipantId.of("P-1"))).isNotEqualTo(two.pseudonym(id));
        assertThat(one.pseudonym(id).value()).matches("X-[0-9a-f]{24}");
    }
}
