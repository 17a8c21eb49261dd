package fr.asso.europlie.plie.cohort;

import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static fr.asso.europlie.plie.cohort.CohortFixture.BRUNO;
import static fr.asso.europlie.plie.cohort.CohortFixture.DEPARTMENT;
import static fr.asso.europlie.plie.cohort.CohortFixture.FRANCE_TRAVAIL;
import static fr.asso.europlie.plie.cohort.CohortFixture.PLAN;
import static fr.asso.europlie.plie.cohort.CohortFixture.aCohort;
import static fr.asso.europlie.plie.cohort.CohortFixture.aLongTermJobseeker;
import static fr.asso.europlie.plie.cohort.CohortFixture.aPerson;
import static fr.asso.europlie.plie.cohort.CohortFixture.anEnteredJobseeker;
import static fr.asso.europlie.plie.cohort.CohortFixture.anRsaRecipient;
import static fr.asso.europlie.plie.cohort.CohortFixture.defaultSettings;
import static fr.asso.europlie.plie.cohort.CohortFixture.employedOnLeaving;
import static fr.asso.europlie.plie.cohort.CohortFixture.temping;
import static fr.asso.europlie.plie.cohort.CohortFixture.unemployedWoman;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertRefused;
import static fr.asso.europlie.plie.error.ViolationAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.indicators.EsfIndicator;
import fr.asso.europlie.plie.indicators.EsfSettings;
import fr.asso.europlie.plie.indicators.IndicatorReport;
import fr.asso.europlie.plie.indicators.Indicators;
import fr.asso.europlie.plie.indicators.ReportPeriod;
import fr.asso.europlie.plie.indicators.Slice;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("cohort scenarios")
class CohortScenariosTest {

    static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);

    @Nested
    @DisplayName("positive exits")
    class PositiveExits {

        @Test
        @DisplayName("a jobseeker whose temping missions add up to six months exits positively")
        void tempingMissionsAddUpToSixMonths() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Martin", JAN_5, ALICE);
            cohort.addStep(id, temping("S1", JAN_5, LocalDate.of(2026, 2, 27)));
            cohort.startInWorkFollowUp(id, JAN_5);
            cohort.addStep(id, temping("S2", LocalDate.of(2026, 2, 28), LocalDate.of(2026, 4, 30)));
            cohort.addStep(id, temping("S3", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 7, 31)));

            // 5 January + 6 months - 1 day = 4 July: the sixth month is completed that day, not before.
            assertRefused(() -> cohort.completeInWorkFollowUp(id, LocalDate.of(2026, 7, 3), null),
                    CohortError.EMPLOYMENT_RULE_NOT_MET, "exit.reason", "EMPLOYMENT");
            ExitReason reason = cohort.completeInWorkFollowUp(id, LocalDate.of(2026, 7, 4), employedOnLeaving(LocalDate.of(2026, 7, 4)));

            AccompanimentPeriod period = cohort.participant(id).orElseThrow().currentPeriod();
            assertThat(reason).isEqualTo(ExitReason.EMPLOYMENT);
            assertThat(period.state()).isEqualTo(PeriodState.EXITED);
            assertThat(period.exit().isPositive()).isTrue();
            assertThat(period.exitDate()).isEqualTo(LocalDate.of(2026, 7, 4));
            assertThat(period.followUps()).containsExactly(new InWorkFollowUp(JAN_5, LocalDate.of(2026, 7, 4), true));
        }

        @Test
        @DisplayName("an earlier six-month job, ended before a break, does not validate the follow-up of a new job")
        void anEarlierJobDoesNotValidateTheFollowUpOfANewOne() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Blanc", JAN_5, ALICE);
            // Seven months of CDD, then two months without work, then a CDI whose follow-up starts on its first day.
            cohort.addStep(id, Step.employment(StepId.of("S1"), ContractType.CDD, BigDecimal.ONE, JAN_5, LocalDate.of(2026, 7, 31), null));
            cohort.addStep(id, Step.employment(StepId.of("S2"), ContractType.CDI, BigDecimal.ONE, LocalDate.of(2026, 10, 1), null, null));
            cohort.startInWorkFollowUp(id, LocalDate.of(2026, 10, 1));

            // The follow-up of the CDI is one day old: the CDD's six months, broken off in August, do not count.
            assertRefused(() -> cohort.completeInWorkFollowUp(id, LocalDate.of(2026, 10, 2), null),
                    CohortError.EMPLOYMENT_RULE_NOT_MET, "exit.reason", "EMPLOYMENT");
            assertThat(cohort.participant(id).orElseThrow().currentPeriod().state()).isEqualTo(PeriodState.IN_WORK_FOLLOW_UP);
            // 1 October + 6 months - 1 day = 31 March 2027: the CDI's sixth month is completed.
            assertRefused(() -> cohort.completeInWorkFollowUp(id, LocalDate.of(2027, 3, 30), null),
                    CohortError.EMPLOYMENT_RULE_NOT_MET, "exit.reason", "EMPLOYMENT");
            assertThat(cohort.completeInWorkFollowUp(id, LocalDate.of(2027, 3, 31), null)).isEqualTo(ExitReason.EMPLOYMENT);
        }

        @Test
        @DisplayName("a day without a mission breaks the span, unless the plan tolerates a gap")
        void aBreakBetweenMissionsRestartsTheCount() {
            for (int tolerated : new int[] {0, 3}) {
                Cohort cohort = aCohort(defaultSettings().withExitRules(ExitRules.defaults().withAllowedGapDays(tolerated)));
                ParticipantId id = anEnteredJobseeker(cohort, "Petit", JAN_5, ALICE);
                cohort.addStep(id, temping("S1", JAN_5, LocalDate.of(2026, 3, 27)));
                // Friday 27 March, then Monday 30 March: a weekend without a contract.
                cohort.addStep(id, temping("S2", LocalDate.of(2026, 3, 30), LocalDate.of(2026, 8, 31)));
                cohort.startInWorkFollowUp(id, JAN_5);
                if (tolerated == 0) {
                    PlieException refusal = assertRefused(() -> cohort.completeInWorkFollowUp(id, LocalDate.of(2026, 7, 10), null),
                            CohortError.EMPLOYMENT_RULE_NOT_MET, "exit.reason", "EMPLOYMENT");
                    assertThat(refusal.violation().details()).containsExactly("2026-07-10", "6", "103");
                    assertThat(cohort.participant(id).orElseThrow().currentPeriod().state()).isEqualTo(PeriodState.IN_WORK_FOLLOW_UP);
                } else {
                    assertThat(cohort.completeInWorkFollowUp(id, LocalDate.of(2026, 7, 10), null)).isEqualTo(ExitReason.EMPLOYMENT);
                }
            }
        }

        @Test
        @DisplayName("a job below half-time does not count towards a positive exit")
        void aJobBelowHalfTimeDoesNotCount() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Roux", JAN_5, ALICE);
            cohort.addStep(id, Step.employment(StepId.of("S1"), ContractType.CDI, new BigDecimal("0.4"), JAN_5, null, null));
            assertRefused(() -> cohort.startInWorkFollowUp(id, JAN_5), CohortError.REQUIRED_FOR, "steps.EMPLOYMENT", "2026-01-05");
        }

        @Test
        @DisplayName("a positive employment exit goes through the in-work follow-up")
        void employmentExitNeedsTheFollowUp() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Faure", JAN_5, ALICE);
            cohort.addStep(id, Step.employment(StepId.of("S1"), ContractType.CDI, BigDecimal.ONE, JAN_5, null, null));
            assertRefused(() -> cohort.exit(id, LocalDate.of(2026, 9, 1), ExitReason.EMPLOYMENT, null),
                    CohortError.FOLLOW_UP_REQUIRED, "exit.reason", "EMPLOYMENT");
            assertThat(cohort.participant(id).orElseThrow().currentPeriod().state()).isEqualTo(PeriodState.ACTIVE);
        }

        @Test
        @DisplayName("a job lost during the in-work follow-up lets the pathway go on, and a new job starts a new follow-up")
        void aJobLostDuringFollowUp() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Blanc", JAN_5, ALICE);
            cohort.addStep(id, Step.employment(StepId.of("S1"), ContractType.CDD, BigDecimal.ONE, JAN_5, null, null));
            cohort.startInWorkFollowUp(id, JAN_5);
            cohort.endStep(id, StepId.of("S1"), LocalDate.of(2026, 3, 31));
            cohort.interruptInWorkFollowUp(id, LocalDate.of(2026, 3, 31));
            cohort.addStep(id, Step.employment(StepId.of("S2"), ContractType.CDI, BigDecimal.ONE, LocalDate.of(2026, 5, 4), null, null));
            cohort.startInWorkFollowUp(id, LocalDate.of(2026, 5, 4));
            assertThat(cohort.completeInWorkFollowUp(id, LocalDate.of(2026, 11, 3), null)).isEqualTo(ExitReason.EMPLOYMENT);

            AccompanimentPeriod period = cohort.participant(id).orElseThrow().currentPeriod();
            assertThat(period.followUps()).containsExactly(new InWorkFollowUp(JAN_5, LocalDate.of(2026, 3, 31), false),
                    new InWorkFollowUp(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 11, 3), true));
        }

        @Test
        @DisplayName("a business active for six months is a positive exit by business creation")
        void businessCreation() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Garnier", JAN_5, ALICE);
            cohort.addStep(id, Step.businessCreation(StepId.of("S1"), BigDecimal.ONE, LocalDate.of(2026, 2, 1), null, null));
            cohort.startInWorkFollowUp(id, LocalDate.of(2026, 2, 1));
            assertThat(cohort.completeInWorkFollowUp(id, LocalDate.of(2026, 7, 31), null)).isEqualTo(ExitReason.BUSINESS_CREATION);
        }

        @Test
        @DisplayName("a business that meets the rule is a business-creation exit even after a job that ran just before it")
        void businessCreationAfterAJob() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Garnier", JAN_5, ALICE);
            cohort.addStep(id, Step.employment(StepId.of("S1"), ContractType.CDD, BigDecimal.ONE, LocalDate.of(2026, 1, 12),
                    LocalDate.of(2026, 3, 31), null));
            cohort.addStep(id, Step.businessCreation(StepId.of("S2"), new BigDecimal("0.5"), LocalDate.of(2026, 4, 1), null, null));
            cohort.startInWorkFollowUp(id, LocalDate.of(2026, 1, 12));
            // the CDD then the business: six months of work on 11 July (employment); the business alone on 30 September
            assertThat(cohort.exitPolicy().employment(cohort.participant(id).orElseThrow().currentPeriod().steps(),
                    LocalDate.of(2026, 7, 11))).contains(new PositiveExitPolicy.PositiveOutcome(ExitReason.EMPLOYMENT, LocalDate.of(2026, 7, 11)));
            assertThat(cohort.completeInWorkFollowUp(id, LocalDate.of(2026, 9, 30), null)).isEqualTo(ExitReason.BUSINESS_CREATION);
        }

        @Test
        @DisplayName("a business that meets the rule is a business-creation exit even with a part-time job alongside it")
        void businessCreationAlongsideAJob() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Garnier", JAN_5, ALICE);
            cohort.addStep(id, Step.employment(StepId.of("S1"), ContractType.CDI, new BigDecimal("0.5"), LocalDate.of(2026, 2, 1), null, null));
            cohort.addStep(id, Step.businessCreation(StepId.of("S2"), new BigDecimal("0.5"), LocalDate.of(2026, 2, 1), null, null));
            cohort.startInWorkFollowUp(id, LocalDate.of(2026, 2, 1));
            assertThat(cohort.completeInWorkFollowUp(id, LocalDate.of(2026, 7, 31), null)).isEqualTo(ExitReason.BUSINESS_CREATION);
        }

        @Test
        @DisplayName("a business below half-time does not make the exit a business creation: the job does")
        void businessBelowHalfTime() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Garnier", JAN_5, ALICE);
            cohort.addStep(id, Step.employment(StepId.of("S1"), ContractType.CDI, BigDecimal.ONE, LocalDate.of(2026, 2, 1), null, null));
            cohort.addStep(id, Step.businessCreation(StepId.of("S2"), new BigDecimal("0.2"), LocalDate.of(2026, 2, 1), null, null));
            cohort.startInWorkFollowUp(id, LocalDate.of(2026, 2, 1));
            assertThat(cohort.completeInWorkFollowUp(id, LocalDate.of(2026, 7, 31), null)).isEqualTo(ExitReason.EMPLOYMENT);
        }

        @Test
        @DisplayName("a validated qualifying training is a positive exit from the day of validation")
        void validatedQualifyingTraining() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Morel", JAN_5, ALICE);
            cohort.addStep(id, Step.training(StepId.of("T1"), StepType.QUALIFYING_TRAINING, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 6, 30), null));
            assertRefused(() -> cohort.exit(id, LocalDate.of(2026, 7, 3), ExitReason.QUALIFYING_TRAINING, null),
                    CohortError.TRAINING_RULE_NOT_MET, "exit.reason", "QUALIFYING_TRAINING");
            cohort.validateQualification(id, StepId.of("T1"), LocalDate.of(2026, 7, 2));
            cohort.exit(id, LocalDate.of(2026, 7, 3), ExitReason.QUALIFYING_TRAINING, null);
            assertThat(cohort.participant(id).orElseThrow().currentPeriod().exit().reason()).isEqualTo(ExitReason.QUALIFYING_TRAINING);
        }

        @Test
        @DisplayName("a training of more than nine months counts after six months in training")
        void longTrainingCountsAfterSixMonths() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Lambert", JAN_5, ALICE);
            // Planned from 1 February 2026 to 31 December 2026: eleven months.
            cohort.addStep(id, Step.training(StepId.of("T1"), StepType.QUALIFYING_TRAINING, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 12, 31), null));
            // A pre-qualifying training of the same length is not a qualifying training: alone, it never counts.
            Step preQualifying = Step.training(StepId.of("T2"), StepType.PRE_QUALIFYING_TRAINING, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 12, 31), null);
            cohort.addStep(id, preQualifying);
            assertThat(cohort.exitPolicy().training(List.of(preQualifying), LocalDate.of(2026, 12, 31))).isEmpty();
            assertRefused(() -> cohort.exit(id, LocalDate.of(2026, 7, 30), ExitReason.LONG_TRAINING, null),
                    CohortError.TRAINING_RULE_NOT_MET, "exit.reason", "LONG_TRAINING");
            cohort.exit(id, LocalDate.of(2026, 7, 31), ExitReason.LONG_TRAINING, null);
            assertThat(cohort.participant(id).orElseThrow().currentPeriod().exit().isPositive()).isTrue();
        }

        @Test
        @DisplayName("a qualifying training of exactly nine months does not count before its validation")
        void nineMonthTrainingIsNotLong() {
            PositiveExitPolicy policy = new PositiveExitPolicy(ExitRules.defaults());
            Step nineMonths = Step.training(StepId.of("T1"), StepType.QUALIFYING_TRAINING, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 10, 31), null);
            Step moreThanNine = Step.training(StepId.of("T2"), StepType.QUALIFYING_TRAINING, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 11, 1), null);
            assertThat(policy.training(List.of(nineMonths), LocalDate.of(2026, 10, 1))).isEmpty();
            assertThat(policy.training(List.of(moreThanNine), LocalDate.of(2026, 10, 1)))
                    .contains(new PositiveExitPolicy.PositiveOutcome(ExitReason.LONG_TRAINING, LocalDate.of(2026, 7, 31)));
        }
    }

    @Nested
    @DisplayName("statuses, referents and caseload")
    class StatusesAndReferents {

        @Test
        @DisplayName("a participant who changes from RSA recipient to jobseeker keeps one unbroken pathway")
        void rsaRecipientBecomesJobseeker() {
            Cohort cohort = aCohort();
            ParticipantId id = cohort.refer(aPerson("Durand"), Referral.of(DEPARTMENT, LocalDate.of(2025, 12, 1)), anRsaRecipient());
            cohort.validateEntry(id, LocalDate.of(2025, 12, 10));
            cohort.adhere(id, Adhesion.signedOn(JAN_5, ALICE, PLAN), DEPARTMENT);
            cohort.addStep(id, Step.barrierRemoval(StepId.of("S1"), BarrierKind.MOBILITY, JAN_5, LocalDate.of(2026, 2, 28), null));
            cohort.changeStatus(id, LocalDate.of(2026, 3, 2), ParticipantStatus.JOBSEEKER);
            cohort.addStep(id, Step.training(StepId.of("S2"), StepType.PRE_QUALIFYING_TRAINING, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 5, 29), null));

            Participant participant = cohort.participant(id).orElseThrow();
            AccompanimentPeriod period = participant.currentPeriod();
            assertThat(participant.periods()).hasSize(1);
            assertThat(period.state()).isEqualTo(PeriodState.ACTIVE);
            assertThat(period.entryDate()).isEqualTo(JAN_5);
            assertThat(period.statuses()).extracting(StatusChange::status)
                    .containsExactly(ParticipantStatus.RSA_RECIPIENT, ParticipantStatus.JOBSEEKER);
            assertThat(period.statusOn(LocalDate.of(2026, 3, 1))).contains(ParticipantStatus.RSA_RECIPIENT);
            assertThat(period.statusOn(LocalDate.of(2026, 3, 2))).contains(ParticipantStatus.JOBSEEKER);
            assertThat(period.steps()).extracting(Step::id).containsExactly(StepId.of("S1"), StepId.of("S2"));
            assertThat(period.referents()).containsExactly(new ReferentAssignment(ALICE, JAN_5, DEPARTMENT));
            for (LocalDate day = JAN_5; day.isBefore(LocalDate.of(2026, 6, 1)); day = day.plusDays(1)) {
                assertThat(period.isActiveOn(day)).as("active on %s", day).isTrue();
            }
        }

        @Test
        @DisplayName("an RSA recipient's referent is the one the Département designates")
        void rsaReferentDesignatedByTheDepartment() {
            Cohort cohort = aCohort();
            ParticipantId id = cohort.refer(aPerson("Leroy"), Referral.of(DEPARTMENT, LocalDate.of(2025, 12, 1)), anRsaRecipient());
            cohort.validateEntry(id, LocalDate.of(2025, 12, 10));
            assertRefused(() -> cohort.adhere(id, Adhesion.signedOn(JAN_5, ALICE, PLAN), null),
                    CohortError.RSA_REFERENT_NOT_DESIGNATED, "designatedBy", "null");
            assertRefused(() -> cohort.adhere(id, Adhesion.signedOn(JAN_5, ALICE, PLAN), OrganisationId.of("FT-24")),
                    CohortError.RSA_REFERENT_NOT_DESIGNATED, "designatedBy", "FT-24");
            assertThat(cohort.participant(id).orElseThrow().currentPeriod().state()).isEqualTo(PeriodState.VALIDATED);
            cohort.adhere(id, Adhesion.signedOn(JAN_5, ALICE, PLAN), DEPARTMENT);
            assertThat(cohort.participant(id).orElseThrow().currentPeriod().currentDesignation()).contains(DEPARTMENT);
        }

        @Test
        @DisplayName("a referent over the cap cannot take a new participant")
        void referentOverTheCap() {
            Cohort cohort = aCohort(defaultSettings().withCaseloadCap(2));
            anEnteredJobseeker(cohort, "Un", JAN_5, ALICE);
            anEnteredJobseeker(cohort, "Deux", JAN_5, ALICE);
            ParticipantId third = cohort.refer(aPerson("Trois"), Referral.of(FRANCE_TRAVAIL, LocalDate.of(2025, 12, 15)),
                    aLongTermJobseeker(LocalDate.of(2025, 12, 15)));
            cohort.validateEntry(third, LocalDate.of(2025, 12, 29));

            PlieException refusal = assertRefused(() -> cohort.adhere(third, Adhesion.signedOn(JAN_5, ALICE, PLAN), null),
                    CohortError.CASELOAD_CAP_REACHED, "adhesion.referent", "REF-ALICE");
            assertThat(refusal.violation().details()).containsExactly("2", "2", JAN_5.toString());
            assertThat(cohort.participant(third).orElseThrow().currentPeriod().state()).isEqualTo(PeriodState.VALIDATED);
            assertThat(cohort.caseload(ALICE, JAN_5)).isEqualTo(2);

            cohort.adhere(third, Adhesion.signedOn(JAN_5, BRUNO, PLAN), null);
            assertRefused(() -> cohort.reassignReferent(third, ALICE, LocalDate.of(2026, 2, 2), null),
                    CohortError.CASELOAD_CAP_REACHED, "referent", "REF-ALICE");
            assertThat(cohort.caseload(BRUNO, LocalDate.of(2026, 2, 2))).isEqualTo(1);
        }

        @Test
        @DisplayName("a part-time referent's cap is the full-time cap in proportion, and an exit frees a place")
        void partTimeReferentCap() {
            Cohort cohort = aCohort(defaultSettings().withCaseloadCap(4));
            ReferentId half = ReferentId.of("REF-HALF");
            cohort.addReferent(new Referent(half, PLAN, new BigDecimal("0.5")));
            ParticipantId first = anEnteredJobseeker(cohort, "Un", JAN_5, half);
            anEnteredJobseeker(cohort, "Deux", JAN_5, half);
            assertRefused(() -> anEnteredJobseeker(cohort, "Trois", JAN_5, half), CohortError.CASELOAD_CAP_REACHED, "adhesion.referent", "REF-HALF");
            cohort.exit(first, LocalDate.of(2026, 2, 1), ExitReason.MOVED_AWAY, null);
            ParticipantId later = anEnteredJobseeker(cohort, "Quatre", LocalDate.of(2026, 2, 2), half);
            assertThat(cohort.caseload(half, LocalDate.of(2026, 2, 2))).isEqualTo(2);
            assertThat(cohort.participant(later).orElseThrow().currentPeriod().currentReferent()).contains(half);
        }

        @Test
        @DisplayName("a reassignment keeps the earlier referent in the history")
        void reassignmentKeepsHistory() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Girard", JAN_5, ALICE);
            cohort.reassignReferent(id, BRUNO, LocalDate.of(2026, 4, 1), null);
            AccompanimentPeriod period = cohort.participant(id).orElseThrow().currentPeriod();
            assertThat(period.referents()).containsExactly(new ReferentAssignment(ALICE, JAN_5, null),
                    new ReferentAssignment(BRUNO, LocalDate.of(2026, 4, 1), null));
            assertThat(period.referentOn(LocalDate.of(2026, 3, 31))).contains(ALICE);
            assertThat(period.referentOn(LocalDate.of(2026, 4, 1))).contains(BRUNO);
            assertThat(cohort.caseload(ALICE, LocalDate.of(2026, 4, 1))).isZero();
        }
    }

    @Nested
    @DisplayName("entry")
    class Entry {

        @Test
        @DisplayName("a person who fits no target public is refused, each failed rule named")
        void ineligiblePersonIsRefusedWithEveryRule() {
            Cohort cohort = aCohort();
            ApplicantSituation situation = new ApplicantSituation(ParticipantStatus.JOBSEEKER, LocalDate.of(2025, 9, 1), Set.of(), false, false,
                    IscedLevel.ISCED_5);
            PlieException refusal = assertRefused(() -> cohort.refer(aPerson("Bonnet"), Referral.of(FRANCE_TRAVAIL, LocalDate.of(2026, 1, 5)), situation),
                    CohortError.NOT_ELIGIBLE, "eligibility.DELD.unemployedSince", "2025-09-01");
            assertViolation(refusal, CohortError.NOT_ELIGIBLE, "eligibility.SENIORS.age", "45");
            assertViolation(refusal, CohortError.NOT_ELIGIBLE, "eligibility.QPV.qpvResident", "false");
            // DELD (4 months), BRSA, MINIMA, JEUNES (age and ISCED), SENIORS (age), RQTH, QPV: 8 failed criteria.
            assertThat(refusal.violations()).hasSize(8);
            assertThat(refusal.getMessage()).contains("unemployment >= 12").contains("DELD");
            assertThat(cohort.size()).isZero();
            assertThat(cohort.personalData().identities()).isEmpty();
        }

        @Test
        @DisplayName("an eligible person is referred with every target public it belongs to")
        void eligiblePersonBelongsToItsTargetPublics() {
            Cohort cohort = aCohort();
            ApplicantSituation situation = new ApplicantSituation(ParticipantStatus.JOBSEEKER, LocalDate.of(2024, 1, 1), Set.of(), false, true,
                    IscedLevel.ISCED_3);
            ParticipantId id = cohort.refer(aPerson("Henry"), Referral.of(FRANCE_TRAVAIL, LocalDate.of(2026, 1, 5)), situation);
            assertThat(cohort.participant(id).orElseThrow().currentPeriod().targetPublics())
                    .containsExactlyInAnyOrder(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.QPV_RESIDENTS);
            assertThat(cohort.personalData().find(id)).contains(aPerson("Henry"));
        }

        @Test
        @DisplayName("a person followed in another PTI scheme is refused, or flagged when the plan chooses so")
        void doubleAccompaniment() {
            Referral followedElsewhere = new Referral(FRANCE_TRAVAIL, LocalDate.of(2026, 1, 5), "Accompagnement global France Travail");
            Cohort refusing = aCohort();
            assertRefused(() -> refusing.refer(aPerson("Roussel"), followedElsewhere, aLongTermJobseeker(LocalDate.of(2026, 1, 5))),
                    CohortError.DOUBLE_ACCOMPANIMENT, "referral.otherPtiScheme", "Accompagnement global France Travail");
            assertThat(refusing.size()).isZero();

            Cohort flagging = aCohort(defaultSettings().withDoubleAccompaniment(DoubleAccompanimentMode.FLAG));
            ParticipantId id = flagging.refer(aPerson("Roussel"), followedElsewhere, aLongTermJobseeker(LocalDate.of(2026, 1, 5)));
            assertThat(flagging.participant(id).orElseThrow().currentPeriod().doubleAccompanimentFlagged()).isTrue();
        }

        @Test
        @DisplayName("an entry refused by the commission closes the period, which counts nowhere, and the person may be referred again")
        void refusedEntry() {
            Cohort cohort = aCohort();
            ParticipantId id = cohort.refer(aPerson("Vidal"), Referral.of(FRANCE_TRAVAIL, LocalDate.of(2026, 1, 5)), aLongTermJobseeker(LocalDate.of(2026, 1, 5)));
            cohort.rejectEntry(id, LocalDate.of(2026, 1, 12), "dossier incomplet");
            assertThat(cohort.participant(id).orElseThrow().currentPeriod().state()).isEqualTo(PeriodState.REJECTED);
            cohort.reenter(id, Referral.of(FRANCE_TRAVAIL, LocalDate.of(2026, 2, 2)), aLongTermJobseeker(LocalDate.of(2026, 2, 2)));
            assertThat(cohort.participant(id).orElseThrow().periods()).extracting(AccompanimentPeriod::state)
                    .containsExactly(PeriodState.REJECTED, PeriodState.REFERRED);
        }
    }

    @Nested
    @DisplayName("re-entry and maximum duration")
    class ReentryAndDuration {

        @Test
        @DisplayName("a re-entry leaves the first period's FSE+ data intact")
        void reentryLeavesFirstPeriodIntact() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Mercier", JAN_5, ALICE);
            cohort.recordEntryData(id, unemployedWoman(LocalDate.of(2026, 1, 20), 45, LocalDate.of(2024, 1, 5)));
            cohort.exit(id, LocalDate.of(2026, 4, 30), ExitReason.HEALTH,
                    new EsfExitData(LocalDate.of(2026, 4, 30), false, false, false, false));
            AccompanimentPeriod first = cohort.participant(id).orElseThrow().period(1).orElseThrow();
            Indicators indicators = new Indicators(cohort.settings(), EsfSettings.defaults(), OperationDirectory.empty());
            IndicatorReport before = indicators.report(cohort.participants(), ReportPeriod.year(2026), Slice.all(), LocalDate.of(2026, 6, 30));

            cohort.reenter(id, Referral.of(FRANCE_TRAVAIL, LocalDate.of(2027, 3, 1)), aLongTermJobseeker(LocalDate.of(2027, 3, 1)));
            cohort.validateEntry(id, LocalDate.of(2027, 3, 8));
            cohort.adhere(id, Adhesion.signedOn(LocalDate.of(2027, 3, 15), BRUNO, CohortFixture.PLAN), null);
            cohort.recordEntryData(id, unemployedWoman(LocalDate.of(2027, 3, 20), 46, LocalDate.of(2026, 5, 1)));
            cohort.recordSixMonthData(id, 1, new EsfSixMonthData(LocalDate.of(2026, 10, 30), false, false));

            Participant participant = cohort.participant(id).orElseThrow();
            assertThat(participant.periods()).hasSize(2);
            AccompanimentPeriod firstAfter = participant.period(1).orElseThrow();
            assertThat(firstAfter.entryData()).isEqualTo(first.entryData());
            assertThat(firstAfter.exit()).isEqualTo(first.exit());
            assertThat(firstAfter.referents()).isEqualTo(first.referents());
            assertThat(participant.period(2).orElseThrow().entryData().ageAtEntry()).isEqualTo(46);
            IndicatorReport after = indicators.report(cohort.participants(), ReportPeriod.year(2026), Slice.all(), LocalDate.of(2026, 6, 30));
            assertThat(after.plieEsfProfile()).isEqualTo(before.plieEsfProfile());
            assertThat(after.plieFigures()).isEqualTo(before.plieFigures());
            assertRefused(() -> cohort.recordSixMonthData(id, 1, new EsfSixMonthData(LocalDate.of(2026, 11, 2), true, false)),
                    CohortError.ALREADY_RECORDED, "sixMonthData", "2026-10-30");
            assertThat(indicators.report(cohort.participants(), ReportPeriod.year(2027), Slice.all(), LocalDate.of(2027, 12, 31))
                    .plieEsfProfile().total(EsfIndicator.EECO01)).isEqualTo(1);
        }

        @Test
        @DisplayName("entry data missing from a first period can still be added after a re-entry, once, at that period's entry age")
        void missingEntryDataOfAnEarlierPeriod() {
            Cohort cohort = aCohort();
            // Born 14 May 1980: 45 at the first entry (5 January 2026), 46 at the second (15 June 2026).
            ParticipantId id = anEnteredJobseeker(cohort, "Perrin", JAN_5, ALICE);
            cohort.exit(id, LocalDate.of(2026, 4, 30), ExitReason.DROPOUT, null);
            cohort.reenter(id, Referral.of(FRANCE_TRAVAIL, LocalDate.of(2026, 6, 1)), aLongTermJobseeker(LocalDate.of(2026, 6, 1)));
            cohort.validateEntry(id, LocalDate.of(2026, 6, 8));
            cohort.adhere(id, Adhesion.signedOn(LocalDate.of(2026, 6, 15), BRUNO, CohortFixture.PLAN), null);
            cohort.recordEntryData(id, unemployedWoman(LocalDate.of(2026, 6, 20), 46, LocalDate.of(2024, 1, 5)));
            Indicators indicators = new Indicators(cohort.settings(), EsfSettings.defaults(), OperationDirectory.empty());
            LocalDate asOf = LocalDate.of(2026, 7, 31);
            assertThat(indicators.report(cohort.participants(), ReportPeriod.year(2026), Slice.all(), asOf).completeness().items())
                    .extracting(i -> i.period() + " " + i.kind()).contains("1 ENTRY_DATA_MISSING");

            assertRefused(() -> cohort.recordEntryData(id, 1, unemployedWoman(LocalDate.of(2026, 7, 1), 46, LocalDate.of(2024, 1, 5))),
                    CohortError.INCOMPATIBLE, "entryData.ageAtEntry", "46");
            cohort.recordEntryData(id, 1, unemployedWoman(LocalDate.of(2026, 7, 1), 45, LocalDate.of(2024, 1, 5)));

            Participant participant = cohort.participant(id).orElseThrow();
            assertThat(participant.period(1).orElseThrow().entryData().ageAtEntry()).isEqualTo(45);
            assertThat(participant.period(2).orElseThrow().entryData().ageAtEntry()).isEqualTo(46);
            assertThat(indicators.report(cohort.participants(), ReportPeriod.year(2026), Slice.all(), asOf).completeness().items())
                    .extracting(i -> i.period() + " " + i.kind()).doesNotContain("1 ENTRY_DATA_MISSING");
            assertThat(indicators.report(cohort.participants(), ReportPeriod.year(2026), Slice.all(), asOf).plieEsfProfile().total(EsfIndicator.EECO01))
                    .isEqualTo(2);
            assertRefused(() -> cohort.recordEntryData(id, 1, unemployedWoman(LocalDate.of(2026, 7, 2), 45, LocalDate.of(2024, 1, 5))),
                    CohortError.ALREADY_RECORDED, "entryData", "2026-07-01");
        }

        @Test
        @DisplayName("a re-entry must start after the previous period closed")
        void reentryBeforeTheExitOverlaps() {
            Cohort cohort = aCohort();
            ParticipantId id = anEnteredJobseeker(cohort, "Fontaine", JAN_5, ALICE);
            cohort.exit(id, LocalDate.of(2026, 4, 30), ExitReason.DROPOUT, null);
            assertRefused(() -> cohort.reenter(id, Referral.of(FRANCE_TRAVAIL, LocalDate.of(2026, 4, 30)), aLongTermJobseeker(LocalDate.of(2026, 4, 30))),
                    CohortError.OVERLAPPING_PERIODS, "periods[1].referral.referredOn", "2026-04-30");
            assertThat(cohort.participant(id).orElseThrow().periods()).hasSize(1);
        }

        @Test
        @DisplayName("with a 36-month maximum, a pathway cannot take a step beyond it and is closed when it is reached")
        void maximumDuration() {
            Cohort cohort = aCohort(defaultSettings().withMaximumDuration(Period.ofMonths(36)));
            ParticipantId id = anEnteredJobseeker(cohort, "Chevalier", JAN_5, ALICE);
            assertRefused(() -> cohort.addStep(id, Step.of(StepId.of("S1"), StepType.ASSESSMENT, LocalDate.of(2029, 1, 5), null, null)),
                    CohortError.MAX_DURATION_EXCEEDED, "step.start", "2029-01-05");
            assertRefused(() -> cohort.exit(id, LocalDate.of(2029, 1, 4), ExitReason.MAXIMUM_DURATION, null),
                    CohortError.MAX_DURATION_NOT_REACHED, "exit.exitedOn", "2029-01-04");
            assertThat(cohort.closePathwaysOverMaximumDuration(LocalDate.of(2029, 1, 4))).isEmpty();
            assertThat(cohort.closePathwaysOverMaximumDuration(LocalDate.of(2029, 1, 5))).containsExactly(id);
            assertThat(cohort.participant(id).orElseThrow().currentPeriod().exit().reason()).isEqualTo(ExitReason.MAXIMUM_DURATION);
        }
    }
}
