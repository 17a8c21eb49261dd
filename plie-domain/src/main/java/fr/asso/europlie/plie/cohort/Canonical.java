package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Shares equal immutable values between the cohort's objects so that a large cohort holds each
 * day, identifier and small record once rather than once a use (issue 16: the heap a participant
 * holds). The constructors of the model's records pass their components through it.
 *
 * <p>Each kind of value has a fixed-size table: a value is looked up in the slot its hash gives and
 * in that slot's neighbour; an equal value found there is returned instead, otherwise the value
 * takes the slot (the neighbour when only it is free) and is returned itself. Nothing else changes: the values are immutable and equal by value,
 * so sharing them changes no result. The tables hold at most a few hundred thousand references in
 * all, whatever the number of participants (a slot keeps its last value until another takes it),
 * and are read and written without lock: a slot holds a reference to an object whose fields are
 * all final, so a thread reads either a complete value or another one; a lost write only loses a
 * chance to share.
 *
 * @param <T> the type of the values, immutable and equal by value
 */
final class Canonical<T> {

    /** Days, one slot an epoch day over 179 years (1900 to 2079 without collision). */
    private static final LocalDate[] DAYS = new LocalDate[1 << 16];
    private static final long DAY_OFFSET = LocalDate.of(1900, 1, 1).toEpochDay();

    static final Canonical<StepId> STEP_IDS = new Canonical<>(14);
    static final Canonical<ReferentId> REFERENTS = new Canonical<>(15);
    static final Canonical<OrganisationId> ORGANISATIONS = new Canonical<>(12);
    static final Canonical<OperationId> OPERATIONS = new Canonical<>(14);
    static final Canonical<BigDecimal> DECIMALS = new Canonical<>(8);
    static final Canonical<Set<TargetPublic>> TARGET_PUBLICS = new Canonical<>(10);
    static final Canonical<Referral> REFERRALS = new Canonical<>(15);
    static final Canonical<EntryDecision> DECISIONS = new Canonical<>(14);
    static final Canonical<StatusChange> STATUSES = new Canonical<>(15);
    static final Canonical<List<StatusChange>> STATUS_LISTS = new Canonical<>(15);
    static final Canonical<EsfExitData> EXIT_DATA = new Canonical<>(15);
    static final Canonical<Exit> EXITS = new Canonical<>(15);
    static final Canonical<EsfSixMonthData> SIX_MONTH_DATA = new Canonical<>(14);
    static final Canonical<InWorkFollowUp> FOLLOW_UPS = new Canonical<>(14);
    static final Canonical<StepDetail> STEP_DETAILS = new Canonical<>(14);

    private final Object[] table;
    private final int mask;

    private Canonical(int bits) {
        this.table = new Object[1 << bits];
        this.mask = (1 << bits) - 1;
    }

    /**
     * The shared value equal to this one.
     *
     * @param value a value, or null
     * @return an equal value (this one when none was shared yet), or null for null
     */
    @SuppressWarnings("unchecked")
    T of(T value) {
        if (value == null) {
            return null;
        }
        int h = value.hashCode() * 0x9E3779B9;
        int slot = (h ^ (h >>> 16)) & mask;
        Object shared = table[slot];
        if (shared != null && (shared == value || shared.equals(value))) {
            return (T) shared;
        }
        // and its neighbour (most often in the same cache line): two values meeting in one slot then
        // share it instead of taking it from each other at each use (issue 16: fewer equal copies kept)
        int neighbour = slot ^ 1;
        Object second = table[neighbour];
        if (second != null && (second == value || second.equals(value))) {
            return (T) second;
        }
        table[shared == null || second != null ? slot : neighbour] = value;
        return value;
    }

    /**
     * The shared value equal to this one, without sharing this one when there is none: a caller that
     * shares a copy of what it was given looks first, and copies only when nothing equal is shared.
     *
     * @param value a value, not null
     * @return the equal shared value, or null when none is shared
     */
    @SuppressWarnings("unchecked")
    T find(Object value) {
        int h = value.hashCode() * 0x9E3779B9;
        Object shared = table[(h ^ (h >>> 16)) & mask];
        return shared != null && (shared == value || shared.equals(value)) ? (T) shared : null;
    }

    /**
     * The shared day equal to this one.
     *
     * @param day a day, or null
     * @return an equal day, or null for null
     */
    static LocalDate day(LocalDate day) {
        if (day == null) {
            return null;
        }
        int slot = (int) (day.toEpochDay() - DAY_OFFSET) & 0xFFFF;
        LocalDate shared = DAYS[slot];
        if (shared != null && shared.equals(day)) {
            return shared;
        }
        DAYS[slot] = day;
        return day;
    }

    /**
     * An unmodifiable copy of a list whose elements are shared values.
     *
     * @param list the list, or null for none
     * @param canonical the table of the elements
     * @param <E> the elements' type
     * @return the copy, empty for null
     */
    static <E> List<E> list(List<E> list, Canonical<E> canonical) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        if (list.size() == 1) {
            return List.of(canonical.of(list.get(0)));
        }
        @SuppressWarnings("unchecked")
        E[] copy = (E[]) list.toArray();
        for (int i = 0; i < copy.length; i++) {
            copy[i] = canonical.of(copy[i]);
        }
        return List.of(copy);
    }
}
