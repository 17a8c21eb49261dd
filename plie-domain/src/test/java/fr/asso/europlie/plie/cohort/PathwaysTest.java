package fr.asso.europlie.plie.cohort;

import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static fr.asso.europlie.plie.cohort.CohortFixture.BRUNO;
import static fr.asso.europlie.plie.cohort.CohortFixture.FRANCE_TRAVAIL;
import static fr.asso.europlie.plie.cohort.CohortFixture.PLAN;
import static fr.asso.europlie.plie.cohort.CohortFixture.aLongTermJobseeker;
import static fr.asso.europlie.plie.cohort.CohortFixture.aPerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.error.PlieException;
import fr.asso.europlie.plie.error.RuleViolationException;
import fr.asso.europlie.plie.error.Violation;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("the participant as aggregate: pure commands, ports for the rules spanning participants")
class PathwaysTest {

    static final LocalDate ENTRY = LocalDate.of(2026, 3, 2);

    @Nested
    @DisplayName("commands")
    class Commands {

        @Test
        @DisplayName("a command returns the next state and leaves the participant it was given unchanged")
        void pure() {
            Cohort cohort = CohortFixture.aCohort();
            ParticipantId id = CohortFixture.anEnteredJobseeker(cohort, "Martin", ENTRY, ALICE);
            Participant before = cohort.participant(id).orElseThrow();
            Participant after = cohort.pathways().addStep(before, CohortFixture.temping("S1", ENTRY.plusDays(7), ENTRY.plusDays(30)));
            assertThat(after.currentPeriod().steps()).hasSize(1);
            assertThat(before.currentPeriod().steps()).isEmpty();
            assertThat(cohort.participant(id)).contains(before);
        }

        @Test
        @DisplayName("a refused command names its code and the cohort keeps the participant at its revision")
        void refusal() {
            Cohort cohort = CohortFixture.aCohort();
            ParticipantId id = CohortFixture.anEnteredJobseeker(cohort, "Martin", ENTRY, ALICE);
            ParticipantVersion before = cohort.store().find(id).orElseThrow();
            assertThatThrownBy(() -> cohort.validateEntry(id, ENTRY))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.violations()).extracting(Violation::code).containsExactly(CohortError.ILLEGAL_TRANSITION));
            assertThat(cohort.store().find(id)).contains(before);
        }

        @Test
        @DisplayName("the same person referred twice while the first period is open is refused (PLIE-COHORT-041)")
        void samePersonTwice() {
            Cohort cohort = CohortFixture.aCohort();
            ParticipantId first = cohort.refer(aPerson("Martin"), Referral.of(FRANCE_TRAVAIL, ENTRY), aLongTermJobseeker(ENTRY));
            PersonalData sameInOtherSpelling = PersonalData.of("  MARTÍN ", "camille", LocalDate.of(1980, 5, 14));
            assertThatThrownBy(() -> cohort.refer(sameInOtherSpelling, Referral.of(FRANCE_TRAVAIL, ENTRY), aLongTermJobseeker(ENTRY)))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.violations()).extracting(Violation::code).containsExactly(CohortError.PERSON_ALREADY_FOLLOWED);
                        assertThat(e.violations().get(0).details()).contains(first.value());
                    });
            assertThat(cohort.size()).isEqualTo(1);
        }

        @Test
        @DisplayName("the same person may be referred again once the first period is closed")
        void samePersonAfterClose() {
            Cohort cohort = CohortFixture.aCohort();
            ParticipantId first = cohort.refer(aPerson("Martin"), Referral.of(FRANCE_TRAVAIL, ENTRY), aLongTermJobseeker(ENTRY));
            cohort.rejectEntry(first, ENTRY.plusDays(3), null);
            ParticipantId second = cohort.refer(aPerson("Martin"), Referral.of(FRANCE_TRAVAIL, ENTRY.plusDays(10)), aLongTermJobseeker(ENTRY));
            assertThat(second).isNotEqualTo(first);
        }
    }

    @Nested
    @DisplayName("every violation at once")
    class EveryViolation {

        @Test
        @DisplayName("a step refused for its state, its date and its identifier at once names the three; any subset alone is what is named")
        void addStepReportsEachProblem() {
            qt().withExamples(16).forAll(booleans().all(), booleans().all(), booleans().all()).checkAssert((closed, late, duplicate) -> {
                Cohort cohort = CohortFixture.aCohort(CohortFixture.defaultSettings().withMaximumDuration(Period.ofYears(2)));
                ParticipantId id = CohortFixture.anEnteredJobseeker(cohort, "Martin", ENTRY, ALICE);
                cohort.addStep(id, CohortFixture.temping("S1", ENTRY.plusDays(7), ENTRY.plusDays(30)));
                if (closed) {
                    cohort.exit(id, ENTRY.plusDays(60), ExitReason.MOVED_AWAY, null);
                }
                ParticipantVersion before = cohort.store().find(id).orElseThrow();
                LocalDate start = late ? ENTRY.plusYears(2).plusDays(1) : ENTRY.plusDays(90);
                Step step = CohortFixture.temping(duplicate ? "S1" : "S2", start, start.plusDays(10));
                List<CohortError> expected = new ArrayList<>();
                if (closed) {
                    expected.add(CohortError.ILLEGAL_TRANSITION);
                }
                if (late) {
                    expected.add(CohortError.MAX_DURATION_EXCEEDED);
                }
                if (duplicate) {
                    expected.add(CohortError.DUPLICATE);
                }
                if (expected.isEmpty()) {
                    cohort.addStep(id, step);
                    assertThat(cohort.participant(id).orElseThrow().currentPeriod().steps()).contains(step);
                    return;
                }
                assertThatThrownBy(() -> cohort.addStep(id, step)).isInstanceOfSatisfying(PlieException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::code).containsExactlyElementsOf(expected);
                    assertThat(e).isInstanceOf(duplicate ? InvalidValueException.class : RuleViolationException.class);
                });
                assertThat(cohort.store().find(id)).contains(before);
            });
        }

        @Test
        @DisplayName("an adhesion by an unknown referent, not designated by the Departement, before the commission, names the three")
        void adhesionReportsRulesAndDates() {
            Cohort cohort = CohortFixture.aCohort();
            ParticipantId id = cohort.refer(aPerson("Martin"), Referral.of(FRANCE_TRAVAIL, ENTRY.minusWeeks(3)), CohortFixture.anRsaRecipient());
            cohort.validateEntry(id, ENTRY.minusWeeks(1));
            ParticipantVersion before = cohort.store().find(id).orElseThrow();
            ReferentId stranger = ReferentId.of("REF-NOBODY");
            assertThatThrownBy(() -> cohort.adhere(id, Adhesion.signedOn(ENTRY.minusWeeks(2), stranger, PLAN), null))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()).extracting(Violation::code)
                            .containsExactly(CohortError.UNKNOWN_REFERENT, CohortError.RSA_REFERENT_NOT_DESIGNATED, CohortError.DATE_ORDER));
            assertThat(cohort.store().find(id)).contains(before);
        }

        @Test
        @DisplayName("a second adhesion with a full referent names the state and the cap")
        void adhesionTwiceWithFullReferent() {
            Cohort cohort = CohortFixture.aCohort(CohortFixture.defaultSettings().withCaseloadCap(1));
            CohortFixture.anEnteredJobseeker(cohort, "Martin", ENTRY, ALICE);
            ParticipantId other = CohortFixture.anEnteredJobseeker(cohort, "Durand", ENTRY, BRUNO);
            assertThatThrownBy(() -> cohort.adhere(other, Adhesion.signedOn(ENTRY.plusDays(1), ALICE, PLAN), null))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).extracting(Violation::code)
                            .containsExactly(CohortError.ILLEGAL_TRANSITION, CohortError.CASELOAD_CAP_REACHED));
            assertThat(cohort.caseload(BRUNO, ENTRY.plusDays(1))).isEqualTo(1);
        }

        @Test
        @DisplayName("a positive employment exit before entry names the state and the missing in-work follow-up")
        void exitBeforeEntry() {
            Cohort cohort = CohortFixture.aCohort();
            ParticipantId id = cohort.refer(aPerson("Martin"), Referral.of(FRANCE_TRAVAIL, ENTRY), aLongTermJobseeker(ENTRY));
            assertThatThrownBy(() -> cohort.exit(id, ENTRY.plusDays(3), ExitReason.EMPLOYMENT, null))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).extracting(Violation::code)
                            .containsExactly(CohortError.ILLEGAL_TRANSITION, CohortError.FOLLOW_UP_REQUIRED));
        }

        @Test
        @DisplayName("a re-entry while the period is open, of an erased person, names the state and the erasure")
        void reentryOpenAndErased() {
            Cohort cohort = CohortFixture.aCohort();
            ParticipantId id = CohortFixture.anEnteredJobseeker(cohort, "Martin", ENTRY, ALICE);
            cohort.erase(id, ENTRY.plusDays(5), ENTRY.plusDays(5));
            assertThatThrownBy(() -> cohort.reenter(id, Referral.of(FRANCE_TRAVAIL, ENTRY.plusDays(10)), aLongTermJobseeker(ENTRY)))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).extracting(Violation::code)
                            .containsExactly(CohortError.ILLEGAL_TRANSITION, CohortError.ALREADY_ERASED));
            assertThat(cohort.participant(id).orElseThrow().periods()).hasSize(1);
        }

        @Test
        @DisplayName("ending an unknown step of a closed period names the state and the step")
        void endUnknownStepOfClosedPeriod() {
            Cohort cohort = CohortFixture.aCohort();
            ParticipantId id = CohortFixture.anEnteredJobseeker(cohort, "Martin", ENTRY, ALICE);
            cohort.exit(id, ENTRY.plusDays(60), ExitReason.MOVED_AWAY, null);
            assertThatThrownBy(() -> cohort.endStep(id, StepId.of("S9"), ENTRY.plusDays(20)))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).extracting(Violation::code)
                            .containsExactly(CohortError.ILLEGAL_TRANSITION, CohortError.UNKNOWN_STEP));
        }

        @Test
        @DisplayName("six-month data recorded twice, the second too early, names the delay and the record")
        void sixMonthDataTwiceTooEarly() {
            Cohort cohort = CohortFixture.aCohort();
            ParticipantId id = CohortFixture.anEnteredJobseeker(cohort, "Martin", ENTRY, ALICE);
            LocalDate exit = ENTRY.plusDays(60);
            cohort.exit(id, exit, ExitReason.MOVED_AWAY, null);
            cohort.recordSixMonthData(id, 1, new EsfSixMonthData(exit.plusMonths(7), true, true));
            ParticipantVersion before = cohort.store().find(id).orElseThrow();
            assertThatThrownBy(() -> cohort.recordSixMonthData(id, 1, new EsfSixMonthData(exit.plusMonths(1), false, false)))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).extracting(Violation::code)
                            .containsExactly(CohortError.SIX_MONTH_DATA_TOO_EARLY, CohortError.ALREADY_RECORDED));
            assertThat(cohort.store().find(id)).contains(before);
        }
    }

    @Nested
    @DisplayName("ports")
    class Ports {

        @Test
        @DisplayName("an update naming a stale revision is refused with PLIE-COHORT-040 and writes nothing")
        void staleRevision() {
            Cohort cohort = CohortFixture.aCohort();
            ParticipantId id = CohortFixture.anEnteredJobseeker(cohort, "Martin", ENTRY, ALICE);
            InMemoryParticipants store = new InMemoryParticipants();
            Participant participant = cohort.participant(id).orElseThrow();
            store.add(participant);
            store.update(participant, 1);
            assertThatThrownBy(() -> store.update(participant.withoutFreeText(), 1))
                    .isInstanceOfSatisfying(ConcurrentParticipantChangeException.class, e -> {
                        assertThat(e.expected()).isEqualTo(1);
                        assertThat(e.found()).isEqualTo(2);
                        assertThat(e.violations()).extracting(Violation::code).containsExactly(CohortError.CONCURRENT_CHANGE);
                    });
            assertThat(store.find(id)).map(ParticipantVersion::revision).contains(2L);
            assertThatThrownBy(() -> store.add(participant)).isInstanceOf(ConcurrentParticipantChangeException.class);
        }

        @Test
        @DisplayName("the caseload spans agree with the periods' activity and referent on every day")
        void spansAgreeWithPeriods() {
            qt().withExamples(40).forAll(CohortFixture.generatedCohorts(20), integers().between(0, 365 * 7)).checkAssert((generated, offset) -> {
                LocalDate day = CohortFixture.GENERATED_FROM.plusDays(offset);
                for (Participant participant : generated.data().participants()) {
                    for (Referent referent : generated.data().referents()) {
                        long byPeriods = participant.periods().stream()
                                .filter(p -> p.isActiveOn(day) && referent.id().equals(p.referentOn(day).orElse(null))).count();
                        long bySpans = participant.caseloadSpans().stream()
                                .filter(s -> s.referent().equals(referent.id()) && s.covers(day)).count();
                        assertThat(bySpans).as("%s on %s for %s", participant.id(), day, referent.id()).isEqualTo(byPeriods);
                    }
                }
            });
        }

        @Test
        @DisplayName("the caseload cap is checked against the counts port, leaving out the participant being assigned")
        void capAgainstPort() {
            Cohort cohort = CohortFixture.aCohort(CohortFixture.defaultSettings().withCaseloadCap(1));
            ParticipantId id = cohort.refer(aPerson("Martin"), Referral.of(FRANCE_TRAVAIL, ENTRY.minusWeeks(3)), aLongTermJobseeker(ENTRY));
            cohort.validateEntry(id, ENTRY.minusWeeks(1));
            Participant waiting = cohort.participant(id).orElseThrow();
            CohortCounts full = new CohortCounts() {
                @Override
                public List<CaseloadSpan> caseloadSpans(ReferentId referent, LocalDate from, LocalDate end, ParticipantId excluded) {
                    assertThat(excluded).isEqualTo(id);
                    return List.of(new CaseloadSpan(referent, from.minusDays(10), null));
                }

                @Override
                public Optional<ParticipantId> openPeriodOf(PersonKey person, ParticipantId excluded) {
                    return Optional.empty();
                }
            };
            InMemoryReferents referents = new InMemoryReferents();
            referents.put(Referent.fullTime(ALICE, PLAN));
            Pathways pathways = new Pathways(cohort.settings(), referents, full, cohort.personalData());
            assertThatThrownBy(() -> pathways.adhere(waiting, Adhesion.signedOn(ENTRY, ALICE, PLAN), null))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.violations()).extracting(Violation::code).containsExactly(CohortError.CASELOAD_CAP_REACHED));
            assertThat(cohort.pathways().adhere(waiting, Adhesion.signedOn(ENTRY, ALICE, PLAN), null).currentPeriod().isEntered()).isTrue();
        }

        @Test
        @DisplayName("a designation is refused when the cap is reached on a later day of its span, naming that day (PLIE-COHORT-007)")
        void capReachedLater() {
            Cohort cohort = CohortFixture.aCohort(CohortFixture.defaultSettings().withCaseloadCap(1));
            LocalDate later = ENTRY.plusDays(30);
            CohortFixture.anEnteredJobseeker(cohort, "Durand", later, ALICE);
            ParticipantId id = cohort.refer(aPerson("Martin"), Referral.of(FRANCE_TRAVAIL, ENTRY.minusWeeks(3)), aLongTermJobseeker(ENTRY));
            cohort.validateEntry(id, ENTRY.minusWeeks(1));
            ParticipantVersion before = cohort.store().find(id).orElseThrow();
            assertThat(cohort.caseload(ALICE, ENTRY)).isZero();
            assertThatThrownBy(() -> cohort.adhere(id, Adhesion.signedOn(ENTRY, ALICE, PLAN), null))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.violations()).extracting(Violation::code).containsExactly(CohortError.CASELOAD_CAP_REACHED);
                        assertThat(e.violation().details()).containsExactly("1", "1", later.toString());
                        assertThat(e.getMessage(java.util.Locale.FRENCH)).contains("le " + later + ", jour le plus chargé");
                        assertThat(e.getMessage(java.util.Locale.ENGLISH)).contains("on " + later + ", the busiest day");
                    });
            assertThat(cohort.store().find(id)).contains(before);
            cohort.adhere(id, Adhesion.signedOn(ENTRY, BRUNO, PLAN), null);
            assertThat(cohort.caseload(BRUNO, ENTRY)).isEqualTo(1);
        }

        @Test
        @DisplayName("a designation is accepted when the place taken later is left before, the span's days never reaching the cap")
        void capFreedBeforeLater() {
            Cohort cohort = CohortFixture.aCohort(CohortFixture.defaultSettings().withCaseloadCap(1));
            ParticipantId first = CohortFixture.anEnteredJobseeker(cohort, "Durand", ENTRY.minusDays(40), ALICE);
            cohort.exit(first, ENTRY.minusDays(1), ExitReason.MOVED_AWAY, null);
            ParticipantId id = cohort.refer(aPerson("Martin"), Referral.of(FRANCE_TRAVAIL, ENTRY.minusWeeks(3)), aLongTermJobseeker(ENTRY));
            cohort.validateEntry(id, ENTRY.minusWeeks(1));
            cohort.adhere(id, Adhesion.signedOn(ENTRY, ALICE, PLAN), null);
            assertThat(cohort.caseload(ALICE, ENTRY)).isEqualTo(1);
        }

        @Test
        @DisplayName("retention: the vault lists the erasures whose retention date has passed, and only those")
        void expired() {
            PersonalDataVault vault = new PersonalDataVault();
            Erasure early = new Erasure(ParticipantId.of("P-1"), LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31));
            Erasure late = new Erasure(ParticipantId.of("P-2"), LocalDate.of(2026, 1, 1), LocalDate.of(2032, 12, 31));
            vault.erase(early);
            vault.erase(late);
            assertThat(vault.expiredOn(LocalDate.of(2030, 12, 31))).isEmpty();
            assertThat(vault.expiredOn(LocalDate.of(2031, 1, 1))).containsExactly(early);
        }
    }
}
