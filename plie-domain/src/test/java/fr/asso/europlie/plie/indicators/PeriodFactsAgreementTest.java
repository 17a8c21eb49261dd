package fr.asso.europlie.plie.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EntryDecision;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.Exit;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ParticipantStatus;
import fr.asso.europlie.plie.cohort.PeriodFacts;
import fr.asso.europlie.plie.cohort.ReferentAssignment;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.StatusChange;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The facts a period computes once for the reports ({@link PeriodFacts}, issue 16) are what its
 * accessors give, over {@link LocalDate}'s whole range (the periods beyond the safe years are
 * exotic and read through the accessors), and the reports over such periods equal the reference
 * computation's or fail as it does.
 */
@DisplayName("a period's precomputed facts agree with its accessors")
class PeriodFactsAgreementTest {

    private static final OperationId OP = OperationId.of("OP-1");
    private static final ReferentId REFERENT = ReferentId.of("REF-1");
    private static final long MIN = LocalDate.MIN.toEpochDay();
    private static final long MAX = LocalDate.MAX.toEpochDay();

    /** A period from a seed and a base day: every day near the base, each optional part there or not. */
    static AccompanimentPeriod period(long base, long seed) {
        Random random = new Random(seed);
        long referred = Math.max(MIN, Math.min(MAX - 4_000, base));
        LocalDate referral = LocalDate.ofEpochDay(referred);
        LocalDate decided = referral.plusDays(random.nextInt(30));
        boolean entered = random.nextInt(8) != 0;
        LocalDate entry = decided.plusDays(random.nextInt(30));
        long unemployedDays = random.nextBoolean() ? random.nextInt(62 * 31) : random.nextInt(5);
        LocalDate since = LocalDate.ofEpochDay(Math.max(MIN, entry.toEpochDay() - unemployedDays));
        // days near month ends, where plusMonths cuts the day of month
        LocalDate exitDay = entry.plusDays(random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(1_200));
        LocalDate collected = exitDay.plusDays(random.nextInt(3) == 0 ? 150 + random.nextInt(70) : random.nextInt(1_000));
        boolean unemployed = random.nextInt(3) != 0;
        EsfEntryData data = !entered || random.nextInt(5) == 0 ? null
                : new EsfEntryData(entry, Gender.values()[random.nextInt(3)], 16 + random.nextInt(50),
                        unemployed ? LabourMarketStatus.UNEMPLOYED : LabourMarketStatus.INACTIVE, unemployed ? since : null, IscedLevel.ISCED_3,
                        Declaration.NO, Declaration.YES, Declaration.NO, Declaration.NO, random.nextBoolean(), false);
        ExitReason[] negative = {ExitReason.DROPOUT, ExitReason.MOVED_AWAY, ExitReason.HEALTH, ExitReason.RETIREMENT, ExitReason.REORIENTATION};
        Exit exit = !entered || random.nextInt(4) == 0 ? null
                : new Exit(exitDay, negative[random.nextInt(negative.length)], random.nextInt(3) == 0 ? null
                        : exitData(exitDay, random));
        EsfSixMonthData later = exit == null || random.nextInt(3) == 0 ? null
                : sixMonthData(collected, random);
        List<Step> steps = entered && random.nextBoolean()
                ? List.of(Step.of(StepId.of("S-1"), StepType.values()[0], entry, exit == null ? null : exitDay, OP)) : List.of();
        return new AccompanimentPeriod(1, Referral.of(OrganisationId.of("FT"), referral), Set.of(TargetPublic.RSA_RECIPIENTS), false,
                entered ? new EntryDecision(decided, true, null) : null,
                entered ? new Adhesion(entry, REFERENT, entry, OrganisationId.of("PLAN"), entry) : null,
                entered ? List.of(new ReferentAssignment(REFERENT, entry, null)) : List.of(),
                List.of(new StatusChange(referral, ParticipantStatus.JOBSEEKER)), steps, data, List.of(), exit, later);
    }

    /** Exit data, never searching a job while employed. */
    private static EsfExitData exitData(LocalDate day, Random random) {
        boolean employed = random.nextBoolean();
        return new EsfExitData(day, !employed && random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), employed);
    }

    /** Six-month data, an improved situation only in employment. */
    private static EsfSixMonthData sixMonthData(LocalDate day, Random random) {
        boolean employed = random.nextBoolean();
        return new EsfSixMonthData(day, employed, employed && random.nextBoolean());
    }

    /** Base days: over the whole range, near its ends, near the safe years' limits and near today. */
    static Gen<Long> bases() {
        long safe = LocalDate.of(1_000_000, 12, 31).toEpochDay();
        long before = LocalDate.of(-1_000_000, 1, 1).toEpochDay();
        return integers().between(0, 5).zip(longs().between(MIN, MAX), longs().between(-3_000, 3_000), (kind, any, near) -> switch (kind) {
            case 0 -> any;
            case 1 -> MIN + Math.abs(near);
            case 2 -> MAX - 4_000 - Math.abs(near);
            case 3 -> safe + near;
            case 4 -> before + near;
            default -> LocalDate.of(2024, 1, 31).toEpochDay() + near;
        });
    }

    private static boolean exotic(LocalDate... days) {
        for (LocalDate day : days) {
            if (day != null && Math.abs((long) day.getYear()) > 1_000_000) {
                return true;
            }
        }
        return false;
    }

    @Test
    @DisplayName("each fact equals what the accessors give, for any days; beyond the safe years the period says it is exotic")
    void factsAreTheAccessors() {
        qt().withExamples(20_000).forAll(bases(), longs().all()).checkAssert((base, seed) -> {
            AccompanimentPeriod p = period(base, seed);
            LocalDate entry = p.entryDate();
            LocalDate since = p.entryData() == null ? null : p.entryData().unemployedSince();
            LocalDate collected = p.sixMonthData() == null ? null : p.sixMonthData().collectedOn();
            assertThat(PeriodFacts.exotic(p)).isEqualTo(exotic(entry, p.exitDate(), since, collected));
            if (PeriodFacts.exotic(p)) {
                return;
            }
            assertThat(PeriodFacts.entryDay(p)).isEqualTo(entry == null ? PeriodFacts.NO_ENTRY : entry.toEpochDay());
            assertThat(PeriodFacts.exitDay(p)).isEqualTo(p.exit() == null ? PeriodFacts.NO_EXIT : p.exitDate().toEpochDay());
            assertThat(PeriodFacts.exitReason(p)).isEqualTo(p.exit() == null ? null : p.exit().reason());
            EsfExitData leaving = p.exit() == null ? null : p.exit().data();
            assertThat(PeriodFacts.hasExitData(p)).isEqualTo(leaving != null);
            assertThat(PeriodFacts.exitAnswers(p)).isEqualTo(leaving == null ? 0
                    : (leaving.jobSearching() ? 1 : 0) | (leaving.inEducationOrTraining() ? 2 : 0) | (leaving.gainedQualification() ? 4 : 0)
                            | (leaving.employed() ? 8 : 0));
            assertThat(PeriodFacts.hasSixMonthData(p)).isEqualTo(collected != null);
            if (collected != null) {
                assertThat(PeriodFacts.sixMonthAnswers(p))
                        .isEqualTo((p.sixMonthData().employed() ? 1 : 0) | (p.sixMonthData().improvedSituation() ? 2 : 0));
                for (int months = 0; months <= 31; months++) {
                    assertThat(PeriodFacts.sixMonthDataAfter(p, months)).as("%s + %d months <= %s", p.exitDate(), months, collected)
                            .isEqualTo(!p.exitDate().plusMonths(months).isAfter(collected));
                }
            }
            if (entry != null && since != null) {
                for (int months = 0; months <= 62; months++) {
                    assertThat(PeriodFacts.unemployedLongerThan(p, months)).as("%s + %d months < %s", since, months, entry)
                            .isEqualTo(since.plusMonths(months).isBefore(entry));
                }
            }
        });
    }

    @Test
    @DisplayName("reports over such periods, exotic or not, equal the reference's or fail as it does")
    void reportsAgree() {
        CohortSettings settings = CohortSettings.of(List.of(TargetPublic.RSA_RECIPIENTS), new java.math.BigDecimal("50"));
        OperationDirectory operations = new OperationDirectory(Map.of(OP,
                new OperationDirectory.OperationInfo(OrganisationId.of("OPERATOR"), StrategicAxisId.of("AXE-1"))));
        qt().withExamples(300).forAll(bases(), longs().all(), integers().between(1, 8), integers().between(-400, 1_500))
                .checkAssert((base, seed, count, span) -> {
                    List<Participant> participants = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        participants.add(new Participant(ParticipantId.of("P-" + i), List.of(period(base + i * 97L, seed + i))));
                    }
                    // now and then a report from LocalDate.MIN, whose day before does not exist
                    long from = span % 11 == 0 ? MIN : Math.max(MIN, Math.min(MAX - 2_000, base + 20));
                    ReportPeriod period = new ReportPeriod(LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(Math.max(from, Math.min(MAX, from + span))));
                    LocalDate asOf = period.to();
                    Indicators optimised = new Indicators(settings, EsfSettings.defaults(), operations);
                    ReferenceIndicators reference = new ReferenceIndicators(settings, EsfSettings.defaults(), operations);
                    assertThat(outcome(() -> optimised.fullReport(participants, period, asOf)))
                            .isEqualTo(outcome(() -> reference.fullReport(participants, period, asOf)));
                    assertThat(outcome(() -> optimised.esfReport(participants, period)))
                            .isEqualTo(outcome(() -> reference.esfReport(participants, period)));
                    assertThat(outcome(() -> optimised.report(participants, period, Slice.all().withOperation(OP), asOf)))
                            .isEqualTo(outcome(() -> reference.report(participants, period, Slice.all().withOperation(OP), asOf)));
                });
    }

    /** The result, or the class of the exception thrown. */
    private static Object outcome(Supplier<Object> report) {
        try {
            return report.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
