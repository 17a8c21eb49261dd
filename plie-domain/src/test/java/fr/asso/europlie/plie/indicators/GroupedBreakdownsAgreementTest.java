package fr.asso.europlie.plie.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The full report's breakdowns grouped by mask (issue 16: a period added once to the slice of its
 * operators', axes' and target publics' masks, each mask's slice then added to each of its members)
 * give what the reference gives slice by slice, whatever the masks' width (0 bits: every member added
 * one by one), and each breakdown's slice equals the report of that slice alone.
 */
@DisplayName("the full report's grouped breakdowns agree with the reference and with the per-slice reports")
class GroupedBreakdownsAgreementTest {

    static final CohortSettings SETTINGS = OptimisedReportAgreementTest.SETTINGS;

    @Test
    @DisplayName("the full report with masks of 0 to 3 bits or 64 equals the reference's, breakdown by breakdown")
    void anyMaskWidth() {
        Gen<Integer> widths = integers().between(0, 4).map(w -> w == 4 ? Long.SIZE : w);
        qt().withExamples(150).forAll(OptimisedReportAgreementTest.cases(), widths).checkAssert((c, width) -> {
            Indicators optimised = new Indicators(SETTINGS, EsfSettings.defaults(), c.operations());
            ReferenceIndicators reference = new ReferenceIndicators(SETTINGS, EsfSettings.defaults(), c.operations());
            FullIndicatorReport expected = reference.fullReport(c.participants(), c.period(), c.asOf());
            FullIndicatorReport actual = optimised.fullReport(c.participants(), c.period(), c.asOf(), width);
            assertThat(actual.byOperator()).isEqualTo(expected.byOperator());
            assertThat(actual.byAxis()).isEqualTo(expected.byAxis());
            assertThat(actual.byTargetPublic()).isEqualTo(expected.byTargetPublic());
            assertThat(actual).isEqualTo(expected);
        });
    }

    @Test
    @DisplayName("the full report finding the referents' slices by the numbers their assignments hold, or by identifier, equals the reference's")
    void referentsByNumberOrByIdentifier() {
        qt().withExamples(80).forAll(OptimisedReportAgreementTest.cases()).checkAssert(c -> {
            Indicators optimised = new Indicators(SETTINGS, EsfSettings.defaults(), c.operations());
            ReferenceIndicators reference = new ReferenceIndicators(SETTINGS, EsfSettings.defaults(), c.operations());
            FullIndicatorReport expected = reference.fullReport(c.participants(), c.period(), c.asOf());
            FullIndicatorReport byNumber = optimised.fullReport(c.participants(), c.period(), c.asOf(), Long.SIZE, true);
            FullIndicatorReport byIdentifier = optimised.fullReport(c.participants(), c.period(), c.asOf(), Long.SIZE, false);
            assertThat(byNumber.byReferent()).isEqualTo(expected.byReferent());
            assertThat(byNumber).isEqualTo(expected);
            assertThat(byIdentifier).isEqualTo(expected);
        });
    }

    @Test
    @DisplayName("each slice of the full report equals the reference's report of that slice alone")
    void slicesAlone() {
        qt().withExamples(40).forAll(OptimisedReportAgreementTest.cases()).checkAssert(c -> {
            Indicators optimised = new Indicators(SETTINGS, EsfSettings.defaults(), c.operations());
            ReferenceIndicators reference = new ReferenceIndicators(SETTINGS, EsfSettings.defaults(), c.operations());
            FullIndicatorReport full = optimised.fullReport(c.participants(), c.period(), c.asOf());
            full.byReferent().forEach((id, figures) -> assertSlice(figures, reference, c, Slice.all().withReferent(id)));
            full.byOperator().forEach((id, figures) -> assertSlice(figures, reference, c, Slice.all().withOperator(id)));
            full.byOperation().forEach((id, figures) -> assertSlice(figures, reference, c, Slice.all().withOperation(id)));
            full.byAxis().forEach((id, figures) -> assertSlice(figures, reference, c, Slice.all().withAxis(id)));
            for (Map.Entry<String, SliceFigures> entry : full.byTargetPublic().entrySet()) {
                SETTINGS.eligibility().targetPublics().stream().filter(t -> t.code().equals(entry.getKey())).findFirst()
                        .ifPresent(t -> assertSlice(entry.getValue(), reference, c, Slice.all().withTargetPublic(t)));
            }
        });
    }

    private static void assertSlice(SliceFigures figures, ReferenceIndicators reference, OptimisedReportAgreementTest.Case c, Slice slice) {
        IndicatorReport alone = reference.report(c.participants(), c.period(), slice, c.asOf());
        assertThat(figures).as("%s", slice).isEqualTo(new SliceFigures(alone.plieFigures(), alone.plieEsfProfile()));
    }

    @Test
    @DisplayName("the full report of participants in the order of their identifiers (items of a day not sorted) equals the reference's")
    void participantsInIdentifierOrder() {
        qt().withExamples(80).forAll(OptimisedReportAgreementTest.cases()).checkAssert(c -> {
            List<Participant> inOrder = new ArrayList<>(c.participants());
            inOrder.sort(Comparator.comparing(p -> p.id().value()));
            Indicators optimised = new Indicators(SETTINGS, EsfSettings.defaults(), c.operations());
            ReferenceIndicators reference = new ReferenceIndicators(SETTINGS, EsfSettings.defaults(), c.operations());
            FullIndicatorReport expected = reference.fullReport(c.participants(), c.period(), c.asOf());
            assertThat(optimised.fullReport(inOrder, c.period(), c.asOf())).isEqualTo(expected);
            assertThat(optimised.fullReport(c.participants(), c.period(), c.asOf())).isEqualTo(expected);
        });
    }

    @Test
    @DisplayName("items known to come in participant then period order sort by day as a full sort does; out of order they are sorted")
    void completenessItemsInOrder() {
        Gen<CompletenessReport.Item> items = integers().between(0, 12).zip(integers().between(1, 3), integers().between(0, 9),
                (participant, period, day) -> new CompletenessReport.Item(new ParticipantId("P" + participant), period,
                        CompletenessReport.Kind.values()[(participant + period) % 3], LocalDate.of(2025, 3, 1).plusDays(day)));
        Comparator<CompletenessReport.Item> order = Comparator.comparing((CompletenessReport.Item i) -> i.dueOn())
                .thenComparing(i -> i.participant().value()).thenComparingInt(CompletenessReport.Item::period);
        Comparator<CompletenessReport.Item> byParticipant = Comparator.comparing((CompletenessReport.Item i) -> i.participant().value())
                .thenComparingInt(CompletenessReport.Item::period);
        qt().withExamples(2000).forAll(lists().of(items).ofSizeBetween(0, 40)).checkAssert(generated -> {
            List<CompletenessReport.Item> expected = new ArrayList<>(generated);
            expected.sort(order);
            List<CompletenessReport.Item> inOrder = new ArrayList<>(generated);
            inOrder.sort(byParticipant);
            List<CompletenessReport.Item> expectedInOrder = new ArrayList<>(inOrder);
            expectedInOrder.sort(order);
            assertThat(Indicators.sorted(new ArrayList<>(inOrder), true)).isEqualTo(expectedInOrder);
            assertThat(Indicators.sorted(new ArrayList<>(generated), false)).isEqualTo(expected);
        });
    }

    @Test
    @DisplayName("an exit's six-month data is due by a day exactly when its exit is at most the day computed once")
    void sixMonthDueUpTo() {
        Gen<LocalDate> days = integers().between(-400_000, 400_000).map(d -> LocalDate.of(2000, 2, 29).plusDays(d));
        qt().withExamples(3000).forAll(days, integers().between(0, 40), integers().between(-100, 1_300)).checkAssert((asOf, months, back) -> {
            long upTo = Indicators.sixMonthDueUpTo(asOf, months);
            for (LocalDate exit : List.of(asOf.minusMonths(months).plusDays(back % 5 - 2), asOf.minusDays(back), asOf.minusMonths(months))) {
                assertThat(exit.toEpochDay() <= upTo).as("%s + %d months by %s", exit, months, asOf)
                        .isEqualTo(!exit.plusMonths(months).isAfter(asOf));
            }
        });
        assertThat(Indicators.sixMonthDueUpTo(LocalDate.MAX, 6)).isEqualTo(Long.MIN_VALUE);
        assertThat(Indicators.sixMonthDueUpTo(LocalDate.MIN, 6)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    @DisplayName("a long held in two ints adds as a long does, negative values and carries included")
    void longInTwoInts() {
        Gen<Long> values = longs().between(-(1L << 40), 1L << 40);
        qt().withExamples(2000).forAll(lists().of(values).ofSizeBetween(0, 50), longs().all()).checkAssert((added, start) -> {
            int[] t = new int[3];
            Tallies.addLong(t, 1, start);
            long expected = start;
            for (long value : added) {
                Tallies.addLong(t, 1, value);
                expected += value;
            }
            assertThat(Tallies.longAt(t, 1)).isEqualTo(expected);
            assertThat(t[0]).isZero();
        });
    }
}
