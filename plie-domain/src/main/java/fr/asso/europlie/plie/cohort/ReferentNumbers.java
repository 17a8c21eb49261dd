package fr.asso.europlie.plie.cohort;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers for the referents, for the indicator reports: each referent identifier met by a
 * {@link ReferentAssignment} gets, once, a small number of its own (the same for equal identifiers,
 * different for different ones, from 0 in the order first met), which the assignment holds. A report
 * over a large cohort then finds a referent's counts by that number in an array, without reading the
 * referent's identifier for each participant (issue 16).
 *
 * <p>At most {@link #MAX} identifiers are numbered in a JVM; the assignments of the others hold no
 * number ({@code -1}) and the reports find their referent by its identifier, as before. The numbers
 * are never persisted and never change a result: they only say which identifiers are equal.
 */
public final class ReferentNumbers {

    /** The most identifiers numbered (a network has a few hundred referents; the generated 1M cohort 16,667). */
    public static final int MAX = 1 << 16;

    private static final Numbers NUMBERS = new Numbers(MAX);

    private ReferentNumbers() {
    }

    /**
     * The number an assignment holds for its referent.
     *
     * @param assignment an assignment, not null
     * @return the referent's number, 0 to {@link #MAX} - 1, or -1 when it has none
     */
    public static int of(ReferentAssignment assignment) {
        return assignment.referentNumber;
    }

    /**
     * The number of an identifier, given when first met.
     *
     * @param referent the identifier, not null
     * @return its number, or -1 when {@link #MAX} identifiers are numbered already and this one is not
     */
    static int number(ReferentId referent) {
        return NUMBERS.number(referent);
    }

    /** A numbering of identifiers, from 0 in the order first met, up to a most. */
    static final class Numbers {
        private final int max;
        /** The numbers given; written only under its own lock, so that its size is the next number. */
        private final ConcurrentHashMap<ReferentId, Integer> numbers = new ConcurrentHashMap<>();

        Numbers(int max) {
            this.max = max;
        }

        /**
         * The number of an identifier, the next one when first met.
         *
         * @param referent the identifier, not null
         * @return its number, or -1 when {@code max} identifiers are numbered already and this one is not
         */
        int number(ReferentId referent) {
            Integer number = numbers.get(referent);
            if (number != null) {
                return number;
            }
            synchronized (numbers) {
                number = numbers.get(referent);
                if (number == null) {
                    if (numbers.size() >= max) {
                        return -1;
                    }
                    number = numbers.size();
                    numbers.put(referent, number);
                }
                return number;
            }
        }
    }
}
