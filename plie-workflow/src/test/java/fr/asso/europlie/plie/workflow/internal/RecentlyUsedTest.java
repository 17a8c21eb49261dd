package fr.asso.europlie.plie.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecentlyUsedTest {

    @Test
    @DisplayName("a read makes an entry the most recent: the least recently used one is dropped first")
    void dropsTheLeastRecentlyUsed() {
        Map<String, Integer> map = RecentlyUsed.map(2);
        map.put("a", 1);
        map.put("b", 2);
        map.get("a");
        map.put("c", 3);

        assertThat(map).containsOnlyKeys("a", "c");
    }

    @Test
    @DisplayName("for any sequence of reads and writes, the map holds the capacity's most recently used keys, as a plain model does")
    void agreesWithAModel() {
        // An operation: key = value % 8, a write when value >= 8, a read otherwise.
        qt().forAll(integers().between(1, 5), lists().of(integers().between(0, 15)).ofSizeBetween(0, 60))
                .checkAssert((capacity, operations) -> {
                    Map<Integer, Integer> map = RecentlyUsed.map(capacity);
                    List<Integer> recency = new ArrayList<>();
                    Map<Integer, Integer> values = new LinkedHashMap<>();
                    for (int operation : operations) {
                        int key = operation % 8;
                        if (operation >= 8) {
                            map.put(key, operation);
                            values.put(key, operation);
                            recency.remove((Integer) key);
                            recency.add(key);
                            if (recency.size() > capacity) {
                                values.remove(recency.remove(0));
                            }
                        } else {
                            assertThat(map.get(key)).isEqualTo(values.get(key));
                            if (recency.remove((Integer) key)) {
                                recency.add(key);
                            }
                        }
                    }
                    assertThat(map).isEqualTo(values);
                    synchronized (map) {
                        assertThat(new ArrayList<>(map.keySet())).as("least recent first").isEqualTo(recency);
                    }
                });
    }

    @Test
    @DisplayName("a capacity below 1 is refused, naming the value")
    void refusesAnEmptyCapacity() {
        assertThatThrownBy(() -> RecentlyUsed.map(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 0");
    }
}
