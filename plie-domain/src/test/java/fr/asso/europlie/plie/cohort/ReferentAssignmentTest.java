package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * A referent assignment is a class that holds its referent's number (issue 16) but behaves as the
 * record it was: the same equality, hash code, text and refusals; and the numbers only say which
 * identifiers are equal.
 */
@DisplayName("a referent assignment behaves as the record it was, and its referent's number says which referents are equal")
class ReferentAssignmentTest {

    /** The record the assignment was, under its name, as the reference. */
    static final class Reference {
        record ReferentAssignment(ReferentId referent, LocalDate from, OrganisationId designatedBy) {
        }
    }

    private static Gen<fr.asso.europlie.plie.cohort.ReferentAssignment> assignments() {
        Gen<LocalDate> days = longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()).map(LocalDate::ofEpochDay);
        Gen<LocalDate> nearDays = integers().between(0, 40).map(d -> LocalDate.of(2024, 2, 20).plusDays(d));
        return integers().between(0, 6).zip(integers().between(0, 3), integers().between(0, 1).zip(days, nearDays, (near, far, close) -> near == 0 ? far : close),
                (referent, designator, day) -> new fr.asso.europlie.plie.cohort.ReferentAssignment(ReferentId.of("REF-" + referent), day,
                        designator == 0 ? null : OrganisationId.of("ORG-" + designator)));
    }

    private static Reference.ReferentAssignment plain(fr.asso.europlie.plie.cohort.ReferentAssignment a) {
        // new instances of each component: equality must not rest on their sharing
        return new Reference.ReferentAssignment(ReferentId.of(new String(a.referent().value())), LocalDate.ofEpochDay(a.from().toEpochDay()),
                a.designatedBy() == null ? null : OrganisationId.of(new String(a.designatedBy().value())));
    }

    @Test
    @DisplayName("any two assignments are equal, hash and print exactly as the records of their components")
    void asTheRecord() {
        qt().withExamples(3000).forAll(assignments(), assignments()).checkAssert((a, b) -> {
            Reference.ReferentAssignment ra = plain(a);
            Reference.ReferentAssignment rb = plain(b);
            assertThat(a.hashCode()).isEqualTo(ra.hashCode());
            assertThat(a.toString()).isEqualTo(ra.toString());
            assertThat(a.equals(b)).isEqualTo(ra.equals(rb));
            assertThat(b.equals(a)).isEqualTo(rb.equals(ra));
            assertThat(a).isEqualTo(a).isNotEqualTo(null).isNotEqualTo(ra);
            fr.asso.europlie.plie.cohort.ReferentAssignment copy = new fr.asso.europlie.plie.cohort.ReferentAssignment(ra.referent(), ra.from(),
                    ra.designatedBy());
            assertThat(copy).isEqualTo(a).hasSameHashCodeAs(a);
            assertThat(copy.referent()).isEqualTo(ra.referent());
            assertThat(copy.from()).isEqualTo(ra.from());
            assertThat(copy.designatedBy()).isEqualTo(ra.designatedBy());
            // equal referents hold one number, different referents different ones
            assertThat(ReferentNumbers.of(a) == ReferentNumbers.of(b)).isEqualTo(a.referent().equals(b.referent()));
            assertThat(ReferentNumbers.of(copy)).isEqualTo(ReferentNumbers.of(a)).isBetween(0, ReferentNumbers.MAX - 1);
        });
    }

    @Test
    @DisplayName("a missing referent or day is refused with the same error as before")
    void refusals() {
        LocalDate day = LocalDate.of(2025, 3, 1);
        assertThatThrownBy(() -> new fr.asso.europlie.plie.cohort.ReferentAssignment(null, day, null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("referents.referent");
        assertThatThrownBy(() -> new fr.asso.europlie.plie.cohort.ReferentAssignment(ReferentId.of("REF-1"), null, null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("referents.from");
    }

    @Test
    @DisplayName("a numbering gives equal identifiers one number, different ones different numbers, none beyond its most")
    void numbering() {
        qt().withExamples(300).forAll(integers().between(1, 12), lists(integers().between(0, 20))).checkAssert((max, ids) -> {
            ReferentNumbers.Numbers numbers = new ReferentNumbers.Numbers(max);
            List<Integer> given = new ArrayList<>();
            List<Integer> distinct = new ArrayList<>();
            for (int id : ids) {
                int number = numbers.number(ReferentId.of("R" + id));
                given.add(number);
                if (!distinct.contains(id)) {
                    distinct.add(id);
                }
                int rank = distinct.indexOf(id);
                // numbered from 0 in the order first met, none once the most is reached
                assertThat(number).isEqualTo(rank < max ? rank : -1);
                assertThat(numbers.number(ReferentId.of(new String("R" + id)))).isEqualTo(number);
            }
        });
    }

    @Test
    @DisplayName("identifiers numbered from several threads at once get distinct numbers, equal ones the same")
    void numberingConcurrently() throws Exception {
        ReferentNumbers.Numbers numbers = new ReferentNumbers.Numbers(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int shift = t;
                results.add(pool.submit(() -> {
                    int[] got = new int[500];
                    for (int i = 0; i < 500; i++) {
                        got[(i + shift * 37) % 500] = numbers.number(ReferentId.of("R" + (i + shift * 37) % 500));
                    }
                    return got;
                }));
            }
            int[] first = results.get(0).get();
            Set<Integer> seen = new HashSet<>();
            for (int n : first) {
                assertThat(seen.add(n)).isTrue();
                assertThat(n).isBetween(0, 499);
            }
            for (Future<int[]> result : results) {
                assertThat(result.get()).containsExactly(first);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Gen<List<Integer>> lists(Gen<Integer> elements) {
        return org.quicktheories.generators.SourceDSL.lists().of(elements).ofSizeBetween(0, 40);
    }
}
