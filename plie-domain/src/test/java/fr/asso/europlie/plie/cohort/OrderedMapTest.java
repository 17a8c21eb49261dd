package fr.asso.europlie.plie.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderedMap}, the compact copy {@link CohortData} keeps its identities and erasures in,
 * behaves as the unmodifiable view of a {@link LinkedHashMap} it replaced.
 */
@DisplayName("the compact ordered map behaves as an unmodifiable LinkedHashMap")
class OrderedMapTest {

    @Test
    @DisplayName("same size, lookups, order, equality, hash code and text as the LinkedHashMap's view, for keys colliding or not, null included")
    void sameAsLinkedHashMap() {
        qt().withExamples(500).forAll(lists().of(integers().between(-50, 3000)).ofSizeBetween(0, 300), integers().between(1, 40))
                .checkAssert((numbers, spread) -> {
                    Map<Object, Object> source = new LinkedHashMap<>();
                    for (int n : numbers) {
                        // keys with equal hash codes (Long of n and of n << 32 ^ n collide), a null key and null values
                        Object key = n % spread == 0 ? null : n % 3 == 0 ? (Object) ((long) n << 32 ^ n) : (Object) ParticipantId.of("P-" + n);
                        source.put(key, n % 7 == 0 ? null : "v" + n);
                    }
                    Map<Object, Object> expected = Collections.unmodifiableMap(new LinkedHashMap<>(source));
                    Map<Object, Object> actual = OrderedMap.copyOf(source);
                    assertThat(actual.size()).isEqualTo(expected.size());
                    assertThat(new ArrayList<>(actual.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
                    assertThat(new ArrayList<>(actual.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
                    assertThat(new ArrayList<>(actual.values())).isEqualTo(new ArrayList<>(expected.values()));
                    for (int n = -60; n < 3010; n++) {
                        for (Object key : List.of(ParticipantId.of("P-" + n), (long) n << 32 ^ n)) {
                            assertThat(actual.get(key)).isEqualTo(expected.get(key));
                            assertThat(actual.containsKey(key)).isEqualTo(expected.containsKey(key));
                        }
                    }
                    assertThat(actual.containsKey(null)).isEqualTo(expected.containsKey(null));
                    assertThat(actual.get(null)).isEqualTo(expected.get(null));
                    assertThat(actual).isEqualTo(expected);
                    assertThat(expected).isEqualTo(actual);
                    assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
                    assertThat(actual.toString()).isEqualTo(expected.toString());
                });
    }

    @Test
    @DisplayName("every change is refused, as by the unmodifiable view, even one that would change nothing")
    void unmodifiable() {
        Map<String, String> empty = OrderedMap.copyOf(Map.of());
        Map<String, String> one = OrderedMap.copyOf(Map.of("a", "b"));
        for (Map<String, String> map : List.of(empty, one)) {
            assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.putAll(Map.of())).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.putIfAbsent("a", "b")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.computeIfAbsent("a", k -> "b")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.computeIfPresent("a", (k, v) -> v)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.compute("a", (k, v) -> v)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.merge("a", "b", (k, v) -> v)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.replace("a", "b")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.replace("a", "b", "c")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.replaceAll((k, v) -> v)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.remove("a", "b")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> map.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThatThrownBy(() -> one.entrySet().iterator().next().setValue("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> {
            var it = one.keySet().iterator();
            it.next();
            it.remove();
        }).isInstanceOf(UnsupportedOperationException.class);
    }
}
