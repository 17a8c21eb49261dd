package fr.asso.europlie.plie.workflow.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded maps of the most recently used entries (les plus récemment utilisés), for the stores'
 * and services' caches of parsed documents and hints: a read or a write makes an entry the most
 * recent, and a write beyond the capacity drops the least recent one.
 */
final class RecentlyUsed {

    private RecentlyUsed() {
    }

    /**
     * A synchronized map that keeps at most {@code capacity} entries, dropping the least recently
     * read or written one first. Iterate it only while holding its lock, as for
     * {@link Collections#synchronizedMap}.
     *
     * @param <K> the key type
     * @param <V> the value type
     * @param capacity how many entries are kept, at least 1
     * @return an empty map, safe for use by several threads
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    static <K, V> Map<K, V> map(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
