package fr.asso.europlie.plie.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.OperationDirectory;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.synthetic.SyntheticCohort;
import fr.asso.europlie.plie.offer.OperationId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The optimised report (issue 16) computes exactly what the report as first written computes
 * ({@link ReferenceIndicators}): every figure of every slice, the FSE+ report per operation, and the
 * completeness items in the same order, whatever the order of the participants.
 */
@DisplayName("the optimised indicator reports agree with the reference computation")
class OptimisedReportAgreementTest {

    static final CohortSettings SETTINGS = CohortFixture.defaultSettings();
    static final LocalDate START = CohortFixture.GENERATED_FROM;

    /** A generated cohort, in a shuffled order, some referents' accompaniment funded by an operation. */
    record Case(List<Participant> participants, OperationDirectory operations, ReportPeriod period, LocalDate asOf) {
    }

    static Gen<Case> cases() {
        Gen<ReportPeriod> periods = integers().between(0, 2400).zip(integers().between(0, 900),
                (offset, length) -> new ReportPeriod(START.plusDays(offset), START.plusDays(offset + length)));
        return CohortFixture.generatedCohorts(80).zip(periods, integers().between(-30, 400), integers().all(), (generated, period, late, seed) -> {
            Random random = new Random(seed);
            List<Participant> participants = new ArrayList<>(generated.data().participants());
            if (random.nextBoolean()) {
                Collections.shuffle(participants, random);
            }
            return new Case(participants, withAccompaniments(generated, random), period, period.to().plusDays(late));
        });
    }

    private static OperationDirectory withAccompaniments(SyntheticCohort.Generated generated, Random random) {
        OperationDirectory directory = generated.operations();
        List<OperationId> ops = new ArrayList<>(directory.operations().keySet());
        ops.add(OperationId.of("OP-UNKNOWN")); // an accompaniment operation absent from the directory
        for (Referent referent : generated.data().referents()) {
            if (random.nextInt(3) == 0) {
                directory = directory.withAccompaniment(referent.id(), ops.get(random.nextInt(ops.size())));
            }
        }
        return directory;
    }

    @Test
    @DisplayName("a day some months later compares with another day as LocalDate.plusMonths says")
    void monthsLater() {
        Gen<LocalDate> days = integers().between(-800_000, 800_000).map(d -> LocalDate.of(2000, 2, 29).plusDays(d));
        qt().withExamples(5000).forAll(days, integers().between(0, 30), integers().between(-40, 40))
                .checkAssert((day, months, offset) -> {
                    LocalDate later = day.plusMonths(months);
                    for (LocalDate other : List.of(later.plusDays(offset), later, later.minusDays(1), later.plusDays(1), day)) {
                        assertThat(Integer.signum(Contribution.compareMonthsLater(day, months, other)))
                                .as("%s + %d months vs %s", day, months, other).isEqualTo(Integer.signum(later.compareTo(other)));
                    }
                });
    }

    @Test
    @DisplayName("any two days, over LocalDate's whole range, compare packed as they compare as days")
    void packedDays() {
        Gen<LocalDate> days = longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay);
        qt().withExamples(5000).forAll(days, days, integers().between(-40, 40)).checkAssert((a, b, offset) -> {
            long nearDay = Math.max(LocalDate.MIN.toEpochDay(), Math.min(LocalDate.MAX.toEpochDay(), a.toEpochDay() + offset));
            LocalDate near = LocalDate.ofEpochDay(nearDay);
            for (LocalDate other : List.of(b, near, a)) {
                assertThat(Long.signum(Long.compare(Contribution.packed(a), Contribution.packed(other))))
                        .as("%s vs %s", a, other).isEqualTo(Integer.signum(a.compareTo(other)));
            }
        });
    }

    @Test
    @DisplayName("the full report equals the reference's, slice by slice, completeness items in order")
    void fullReport() {
        qt().withExamples(200).forAll(cases()).checkAssert(c -> {
            Indicators optimised = new Indicators(SETTINGS, EsfSettings.defaults(), c.operations());
            ReferenceIndicators reference = new ReferenceIndicators(SETTINGS, EsfSettings.defaults(), c.operations());
            FullIndicatorReport expected = reference.fullReport(c.participants(), c.period(), c.asOf());
            FullIndicatorReport actual = optimised.fullReport(c.participants(), c.period(), c.asOf());
            assertThat(actual.overall()).isEqualTo(expected.overall());
            assertThat(actual.byReferent()).isEqualTo(expected.byReferent());
            assertThat(actual.byOperator()).isEqualTo(expected.byOperator());
            assertThat(actual.byOperation()).isEqualTo(expected.byOperation());
            assertThat(actual.byAxis()).isEqualTo(expected.byAxis());
            assertThat(actual.byTargetPublic()).isEqualTo(expected.byTargetPublic());
            assertThat(actual).isEqualTo(expected);
        });
    }

    @Test
    @DisplayName("the FSE+ report equals the reference's, operation by operation")
    void esfReport() {
        qt().withExamples(200).forAll(cases()).checkAssert(c -> {
            Indicators optimised = new Indicators(SETTINGS, EsfSettings.defaults(), c.operations());
            ReferenceIndicators reference = new ReferenceIndicators(SETTINGS, EsfSettings.defaults(), c.operations());
            EsfReport expected = reference.esfReport(c.participants(), c.period());
            EsfReport actual = optimised.esfReport(c.participants(), c.period());
            assertThat(actual.byOperation()).isEqualTo(expected.byOperation());
            assertThat(actual).isEqualTo(expected);
        });
    }

    @Test
    @DisplayName("a slice's report equals the reference's")
    void sliceReport() {
        qt().withExamples(100).forAll(cases()).checkAssert(c -> {
            Indicators optimised = new Indicators(SETTINGS, EsfSettings.defaults(), c.operations());
            ReferenceIndicators reference = new ReferenceIndicators(SETTINGS, EsfSettings.defaults(), c.operations());
            List<Slice> slices = new ArrayList<>(List.of(Slice.all()));
            c.operations().operations().forEach((op, info) -> {
                slices.add(Slice.all().withOperation(op));
                slices.add(Slice.all().withOperator(info.operator()));
                slices.add(Slice.all().withAxis(info.axis()));
            });
            c.participants().stream().limit(3).flatMap(p -> p.periods().stream()).forEach(p -> {
                p.currentReferent().ifPresent(r -> slices.add(Slice.all().withReferent(r)));
                p.targetPublics().forEach(t -> slices.add(Slice.all().withTargetPublic(t)));
            });
            for (Slice slice : slices) {
                assertThat(optimised.report(c.participants(), c.period(), slice, c.asOf()))
                        .isEqualTo(reference.report(c.participants(), c.period(), slice, c.asOf()));
                assertThat(optimised.caseloadOn(c.participants(), c.period().to(), slice))
                        .isEqualTo(reference.caseloadOn(c.participants(), c.period().to(), slice));
            }
        });
    }
}
