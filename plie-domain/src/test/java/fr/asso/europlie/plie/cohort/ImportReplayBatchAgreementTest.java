package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The import's replay applies a run of status changes and steps in one change when every command of
 * the run accepts it (issue 16): for any generated cohort and any settings (a caseload cap and a
 * maximum duration that refuse some of the imported history, so that runs are refused and replayed
 * one by one), it reports the same problems, participant after participant, as the replay running
 * each command alone; and the caseload spans it keeps by first day answer the same spans as a scan
 * of them all.
 */
@DisplayName("the replay's runs applied at once agree with the commands one by one")
class ImportReplayBatchAgreementTest {

    private static final List<TargetPublic> PUBLICS = List.of(TargetPublic.LONG_TERM_JOBSEEKERS, TargetPublic.RSA_RECIPIENTS,
            TargetPublic.OTHER_MINIMUM_INCOME, TargetPublic.LOW_QUALIFIED_YOUNG, TargetPublic.SENIORS, TargetPublic.DISABLED_WORKERS,
            TargetPublic.QPV_RESIDENTS);
    private static final CohortSettings DEFAULTS = CohortSettings.of(PUBLICS, new BigDecimal("50"));

    @Test
    @DisplayName("any generated cohort, under any cap and maximum duration, gives the same problems participant after participant")
    void sameProblems() {
        int[] refused = new int[2];
        qt().withExamples(60).forAll(longs().between(1, 1_000_000), integers().between(1, 80), integers().between(0, 40), integers().between(5, 80))
                .checkAssert((seed, cap, months, size) -> {
                    CohortSettings settings = DEFAULTS.withCaseloadCap(cap);
                    if (months > 0) {
                        settings = settings.withMaximumDuration(Period.ofMonths(months));
                    }
                    CohortData data = new SyntheticCohort(DEFAULTS, LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31))
                            .generate(seed, size).data();
                    ImportReplay plain = ImportReplay.intoEmptyCohort(settings, data.referents());
                    plain.batched = false;
                    assertSameProblems(data, plain, ImportReplay.intoEmptyCohort(settings, data.referents()), refused, problems -> true);
                });
        // the generated histories and settings do refuse some participants: the runs replayed one by one are covered
        assertThat(refused[0]).isPositive().isLessThan(refused[1]);
    }

    @Test
    @DisplayName("the caseload cap's busiest day found from the accepted spans' days gives the same problems as the sweep over the spans")
    void samePeaks() {
        int[] refused = new int[2];
        qt().withExamples(40).forAll(longs().between(1, 1_000_000), integers().between(1, 30), integers().between(5, 80))
                .checkAssert((seed, cap, size) -> {
                    CohortSettings settings = DEFAULTS.withCaseloadCap(cap);
                    CohortData data = new SyntheticCohort(DEFAULTS, LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31))
                            .generate(seed, size).data();
                    ImportReplay plain = ImportReplay.intoEmptyCohort(settings, data.referents());
                    plain.peaksFromDays = false;
                    assertSameProblems(data, plain, ImportReplay.intoEmptyCohort(settings, data.referents()), refused,
                            problems -> problems.stream().anyMatch(v -> v.code() == CohortError.CASELOAD_CAP_REACHED));
                });
        // the caps refuse some participants and keep others: both answers of the cap are compared
        assertThat(refused[0]).isPositive().isLessThan(refused[1]);
    }

    /**
     * Replays every participant on both sides, asserting the same problems, each accepted on both when
     * without problem; counts in {@code refused[0]} the participants refused with problems that
     * {@code counted} accepts, in {@code refused[1]} every participant.
     */
    private static void assertSameProblems(CohortData data, ImportReplay plain, ImportReplay other, int[] refused,
            java.util.function.Predicate<List<Violation>> counted) {
        for (Participant participant : data.participants()) {
            PersonalData identity = data.identities().get(participant.id());
            List<Violation> expected = plain.check(participant, identity);
            assertThat(other.check(participant, identity)).as(participant.id().value()).isEqualTo(expected);
            if (expected.isEmpty()) {
                plain.accept(participant, identity);
                other.accept(participant, identity);
            } else if (counted.test(expected)) {
                refused[0]++;
            }
            refused[1]++;
        }
    }

    @Test
    @DisplayName("the busiest day of the staged spans over any stretches is the sweep's over the spans that overlap")
    void samePeakOfStagedSpans() {
        ReferentId referent = ReferentId.of("REF-1");
        LocalDate origin = LocalDate.of(2024, 1, 1);
        qt().withExamples(500).forAll(lists().of(integers().between(0, 200)).ofSizeBetween(0, 60), integers().between(0, 200),
                integers().between(0, 120), integers().between(-1, 120))
                .checkAssert((starts, from, spansLength, peakLength) -> {
                    int stored = (from + spansLength + peakLength + 1) % 4;
                    ImportReplay.StagedSpans staged = new ImportReplay.StagedSpans();
                    for (int i = 0; i < starts.size(); i++) {
                        int start = starts.get(i);
                        // every third span open, the others of 1 to 60 days
                        LocalDate end = i % 3 == 0 ? null : origin.plusDays(start + 1 + (start * 7 + i) % 60);
                        staged.add(new CaseloadSpan(referent, origin.plusDays(start), end));
                    }
                    // the store's spans: some overlapping the stretch, some not, some open
                    List<CaseloadSpan> before = new ArrayList<>();
                    for (int i = 0; i < stored; i++) {
                        before.add(new CaseloadSpan(referent, origin.plusDays(from - 20 + 15 * i), i == 1 ? null : origin.plusDays(from - 5 + 30 * i)));
                    }
                    LocalDate first = origin.plusDays(from);
                    // the spans asked up to spansEnd, the peak over the days up to peakEnd (none: every day on), as the
                    // assignment's counts ask; peakEnd sometimes before spansEnd too
                    LocalDate spansEnd = spansLength == 0 ? null : first.plusDays(spansLength);
                    LocalDate peakEnd = peakLength < 0 ? null : first.plusDays(peakLength + 1);
                    CaseloadSpan.Peak expected = CaseloadSpan.peak(staged.overlapping(before, first, spansEnd), first, peakEnd);
                    assertThat(staged.peak(before, first, spansEnd, peakEnd)).isEqualTo(expected);
                });
    }

    @Test
    @DisplayName("the staged spans of a caseload that overlap any stretch are those a scan of every span finds")
    void sameOverlappingSpans() {
        ReferentId referent = ReferentId.of("REF-1");
        LocalDate origin = LocalDate.of(2024, 1, 1);
        qt().forAll(lists().of(integers().between(0, 400)).ofSizeBetween(0, 60), integers().between(0, 400), integers().between(0, 120))
                .checkAssert((starts, from, length) -> {
                    ImportReplay.StagedSpans staged = new ImportReplay.StagedSpans();
                    List<CaseloadSpan> all = new ArrayList<>();
                    for (int i = 0; i < starts.size(); i++) {
                        int start = starts.get(i);
                        // every third span open, the others of 1 to 90 days
                        LocalDate end = i % 3 == 0 ? null : origin.plusDays(start + 1 + (start * 7 + i) % 90);
                        CaseloadSpan span = new CaseloadSpan(referent, origin.plusDays(start), end);
                        staged.add(span);
                        all.add(span);
                    }
                    CaseloadSpan before = new CaseloadSpan(referent, origin.minusDays(9), null);
                    LocalDate first = origin.plusDays(from);
                    LocalDate last = length == 0 ? null : first.plusDays(length);
                    List<CaseloadSpan> expected = new ArrayList<>(List.of(before));
                    all.stream().filter(s -> s.overlaps(first, last)).forEach(expected::add);
                    List<CaseloadSpan> found = staged.overlapping(List.of(before), first, last);
                    assertThat(found.get(0)).isSameAs(before);
                    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(CaseloadSpan.peak(found, first, last)).isEqualTo(CaseloadSpan.peak(expected, first, last));
                });
    }
}
