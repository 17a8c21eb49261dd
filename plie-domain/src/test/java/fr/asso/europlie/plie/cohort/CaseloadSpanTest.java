package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("the busiest day of a caseload over a stretch of days")
class CaseloadSpanTest {

    private static final LocalDate DAY_0 = LocalDate.of(2026, 1, 1);
    private static final ReferentId ALICE = ReferentId.of("REF-ALICE");
    /** Days of the generated spans and stretches: 0 to 60; an end of -1 is none. */
    private static final int DAYS = 60;

    private static Gen<CaseloadSpan> spans() {
        return integers().between(0, DAYS).zip(integers().between(-1, 20), (first, length) -> new CaseloadSpan(ALICE,
                DAY_0.plusDays(first), length < 0 ? null : DAY_0.plusDays(first + length + 1)));
    }

    /** The count on each day, one by one. */
    private static int countOn(List<CaseloadSpan> spans, LocalDate day) {
        return (int) spans.stream().filter(span -> span.covers(day)).count();
    }

    @Test
    @DisplayName("the sweep finds the count and the first day a day-by-day count finds, for any spans and any stretch, open or not")
    void sweepEqualsDayByDay() {
        qt().withExamples(500)
                .forAll(lists().of(spans()).ofSizeBetween(0, 25), integers().between(0, DAYS), integers().between(-1, DAYS))
                .checkAssert((spans, from, length) -> {
                    LocalDate first = DAY_0.plusDays(from);
                    LocalDate end = length < 0 ? null : first.plusDays(length + 1);
                    // past every span's first day and end, the count no longer changes: an open stretch is counted up to there
                    LocalDate last = end != null ? end : DAY_0.plusDays(DAYS + 30);
                    int most = 0;
                    LocalDate busiest = first;
                    for (LocalDate day = first; day.isBefore(last); day = day.plusDays(1)) {
                        int count = countOn(spans, day);
                        if (count > most) {
                            most = count;
                            busiest = day;
                        }
                    }
                    CaseloadSpan.Peak peak = CaseloadSpan.peak(spans, first, end);
                    assertThat(peak.count()).as("count of %s over %s..%s", spans, first, end).isEqualTo(most);
                    assertThat(peak.day()).as("day of %s over %s..%s", spans, first, end).isEqualTo(busiest);
                });
    }

    @Test
    @DisplayName("the sweep ignores what lies outside the stretch, and an end that meets a start is not an overlap")
    void outsideAndTouching() {
        List<CaseloadSpan> spans = new ArrayList<>();
        spans.add(new CaseloadSpan(ALICE, DAY_0, DAY_0.plusDays(10)));
        spans.add(new CaseloadSpan(ALICE, DAY_0.plusDays(10), null));
        spans.add(new CaseloadSpan(ALICE, DAY_0.plusDays(30), DAY_0.plusDays(31)));
        assertThat(CaseloadSpan.peak(spans, DAY_0.plusDays(5), DAY_0.plusDays(30))).isEqualTo(new CaseloadSpan.Peak(DAY_0.plusDays(5), 1));
        assertThat(CaseloadSpan.peak(spans, DAY_0.plusDays(5), null)).isEqualTo(new CaseloadSpan.Peak(DAY_0.plusDays(30), 2));
        assertThat(CaseloadSpan.peak(List.of(), DAY_0, null)).isEqualTo(new CaseloadSpan.Peak(DAY_0, 0));
        assertThatThrownBy(() -> CaseloadSpan.peak(spans, DAY_0, DAY_0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after");
    }
}
