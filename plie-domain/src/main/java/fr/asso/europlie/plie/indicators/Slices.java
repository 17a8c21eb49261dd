package fr.asso.europlie.plie.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One breakdown of a full report: a slice number for each key, its counts in {@link Tallies}. A key
 * is looked up by instance first (the model shares its identifiers: no record {@code hashCode} or
 * {@code equals} per period), then by value, so that equal keys share their slice.
 *
 * @param <K> the key
 */
final class Slices<K> {

    /** The counts of each slice, or null when only numbering the keys. */
    final Tallies tallies;
    private final List<K> keys = new ArrayList<>();
    private final Map<K, Integer> byValue = new HashMap<>();
    private final Instances instances = new Instances();

    /** A breakdown with its counts. */
    Slices() {
        this(true);
    }

    /**
     * A breakdown, or only a numbering of the keys.
     *
     * @param counted whether the slices have their counts ({@link #tallies})
     */
    Slices(boolean counted) {
        tallies = counted ? new Tallies() : null;
    }

    /**
     * The slice of an instance already met.
     *
     * @param instance the instance
     * @return its slice, or -1 when never given to {@link #slice(Object, Object)}
     */
    int known(Object instance) {
        return instances.get(instance);
    }

    /**
     * The slice of an instance, created for its key when the key is new.
     *
     * @param instance the instance (the key itself, or what it is read from)
     * @param key its key, not null
     * @return the slice
     */
    int slice(Object instance, K key) {
        int slice = instances.get(instance);
        if (slice < 0) {
            Integer existing = byValue.get(key);
            if (existing == null) {
                slice = keys.size();
                if (tallies != null) {
                    tallies.newSlice();
                }
                keys.add(key);
                byValue.put(key, slice);
            } else {
                slice = existing;
            }
            instances.put(instance, slice);
        }
        return slice;
    }

    K key(int slice) {
        return keys.get(slice);
    }

    int size() {
        return keys.size();
    }

    Map<K, SliceFigures> finish(BigDecimal objective) {
        Map<K, SliceFigures> result = new HashMap<>();
        for (int s = 0; s < keys.size(); s++) {
            result.put(keys.get(s), tallies.slice(s, objective));
        }
        return result;
    }

    /** An identity map of objects to numbers: open addressing, the numbers in an {@code int} array (nothing boxed). */
    static final class Instances {
        private Object[] keys = new Object[64];
        private int[] values = new int[64];
        private int size;

        int get(Object key) {
            Object[] k = keys;
            int mask = k.length - 1;
            for (int i = index(key, mask);; i = i + 1 & mask) {
                Object found = k[i];
                if (found == key) {
                    return values[i];
                }
                if (found == null) {
                    return -1;
                }
            }
        }

        int size() {
            return size;
        }

        void put(Object key, int value) {
            if (2 * (size + 1) > keys.length) {
                Object[] oldKeys = keys;
                int[] oldValues = values;
                keys = new Object[oldKeys.length * 2];
                values = new int[oldKeys.length * 2];
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != null) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
            int mask = keys.length - 1;
            int i = index(key, mask);
            while (keys[i] != null && keys[i] != key) {
                i = i + 1 & mask;
            }
            if (keys[i] == null) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        private static int index(Object key, int mask) {
            int h = System.identityHashCode(key) * 0x9E3779B9;
            return (h ^ h >>> 16) & mask;
        }
    }

    /** A map of non-zero {@code long} masks to numbers: open addressing, nothing boxed. */
    static final class Masks {
        private long[] keys = new long[64];
        private int[] values = new int[64];
        private int size;
        private final List<Long> inOrder = new ArrayList<>();

        /**
         * The number of a mask, the next one when new.
         *
         * @param mask not zero
         * @return its number, from 0 in the order first met
         */
        int number(long mask) {
            int m = keys.length - 1;
            int i = index(mask, m);
            for (;; i = i + 1 & m) {
                long found = keys[i];
                if (found == mask) {
                    return values[i];
                }
                if (found == 0) {
                    break;
                }
            }
            if (2 * (size + 1) > keys.length) {
                grow();
                return number(mask);
            }
            keys[i] = mask;
            values[i] = size;
            inOrder.add(mask);
            return size++;
        }

        long mask(int number) {
            return inOrder.get(number);
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            int m = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    int i = index(oldKeys[j], m);
                    while (keys[i] != 0) {
                        i = i + 1 & m;
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        private static int index(long mask, int m) {
            long h = mask * 0x9E3779B97F4A7C15L;
            return (int) (h ^ h >>> 32) & m;
        }
    }
}
