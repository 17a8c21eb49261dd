package fr.asso.europlie.plie.cohort;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An unmodifiable copy of a map that keeps its order, in two arrays and an open-addressing index
 * (issue 16, the heap a cohort holds): about 16 bytes an entry, against about 48 for the
 * unmodifiable view of a {@link java.util.LinkedHashMap} it replaces in {@link CohortData} (an entry
 * object of 40 bytes and its slot). Same behaviour as that view: iteration in the copied map's order,
 * {@code equals}, {@code hashCode} and text of a map, null keys and values allowed, and every change
 * refused with an {@link UnsupportedOperationException}.
 *
 * @param <K> the keys
 * @param <V> the values
 */
final class OrderedMap<K, V> extends AbstractMap<K, V> {

    private final Object[] keys;
    private final Object[] values;
    /** Slot -> position + 1, 0 for an empty slot; at most half full. */
    private final int[] index;

    private OrderedMap(Map<? extends K, ? extends V> map) {
        int n = map.size();
        keys = new Object[n];
        values = new Object[n];
        int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
        index = new int[capacity];
        int i = 0;
        for (Map.Entry<? extends K, ? extends V> entry : map.entrySet()) {
            keys[i] = entry.getKey();
            values[i] = entry.getValue();
            int slot = slot(entry.getKey());
            while (index[slot] != 0) {
                slot = (slot + 1) & (index.length - 1);
            }
            index[slot] = ++i;
        }
        if (i != n) {
            throw new java.util.ConcurrentModificationException();
        }
    }

    /**
     * An unmodifiable copy keeping the order.
     *
     * @param map a map, not null
     * @return the copy
     */
    static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> map) {
        return new OrderedMap<>(map);
    }

    private int slot(Object key) {
        int h = Objects.hashCode(key) * 0x9E3779B9;
        return (h ^ h >>> 16) & (index.length - 1);
    }

    private int position(Object key) {
        int slot = slot(key);
        for (int at = index[slot]; at != 0; at = index[slot]) {
            if (Objects.equals(keys[at - 1], key)) {
                return at - 1;
            }
            slot = (slot + 1) & (index.length - 1);
        }
        return -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return position(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int at = position(key);
        return at < 0 ? null : (V) values[at];
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<K, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new AbstractMap.SimpleImmutableEntry<>((K) keys[at], (V) values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public boolean contains(Object o) {
                return o instanceof Map.Entry<?, ?> e && containsKey(e.getKey()) && Objects.equals(get(e.getKey()), e.getValue());
            }

            @Override
            public void clear() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public V put(K key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V remove(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V replace(K key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        throw new UnsupportedOperationException();
    }
}
