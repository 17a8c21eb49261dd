package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.money.Decimals;
import fr.asso.europlie.plie.offer.OperationId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One step of a pathway (étape de parcours): an assessment, a training, an insertion job, a job, a
 * business creation, the removal of a barrier or a company immersion, over a span of days, usually
 * funded by an operation. Steps may run at the same time.
 *
 * <p>Which optional fields apply depends on the type: a contract only for employment; a working
 * time (fraction of full time, {@code 0.5} is half-time) for paid work; a planned end and a
 * qualification validation date for trainings (validation only for qualifying training); a barrier
 * only for barrier removal. The constructor enforces it.
 *
 * <p>A value class with the accessors, equality, hash code and text of the record it was
 * ({@code Step[id=..., type=..., ...]}): two steps are equal when every component is. It holds
 * the identifier, the operation and the two days, and shares the type with its rarely set
 * components (planned end, contract, working time, barrier, validation day) between equal steps
 * (issue 16, the heap a participant holds: 32 bytes a step instead of 56).
 */
public final class Step {

    private final StepId id;
    private final OperationId operation;
    private final LocalDate start;
    private final LocalDate end;
    /** The type and the rarely set components, one shared instance per distinct value ({@link Canonical#STEP_DETAILS}). */
    private final StepDetail detail;

    /**
     * Checks the components and normalises the working time, reporting every problem at once.
     *
     * @param id the step's identifier, unique among the participant's steps, not null
     * @param type the kind of step, not null
     * @param start the first day, not null
     * @param end the last day (inclusive), null while the step goes on
     * @param plannedEnd for a training, the planned last day (used by the long-training rule); null otherwise or unknown
     * @param operation the operation that funds the step, null when none does
     * @param contract for employment, the contract; null otherwise
     * @param workingTime for paid work, the fraction of full time in ]0, 1]; null otherwise
     * @param barrier for barrier removal, the barrier; null otherwise
     * @param qualificationValidatedOn for a qualifying training, the day the qualification was validated; null otherwise
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a required field is missing, a
     *         field does not apply to the type, or dates are out of order
     */
    public Step(
            StepId id,
            StepType type,
            LocalDate start,
            LocalDate end,
            LocalDate plannedEnd,
            OperationId operation,
            ContractType contract,
            BigDecimal workingTime,
            BarrierKind barrier,
            LocalDate qualificationValidatedOn) {
        Checks checks = new Checks();
        checks.required(id, "step.id");
        boolean typed = checks.required(type, "step.type");
        if (checks.required(start, "step.start")) {
            order(checks, start, end, "step.end");
            order(checks, start, plannedEnd, "step.plannedEnd");
            order(checks, start, qualificationValidatedOn, "step.qualificationValidatedOn");
        }
        if (typed) {
            applies(checks, contract, type == StepType.EMPLOYMENT, true, "step.contract", type);
            applies(checks, workingTime, type.isWork(), true, "step.workingTime", type);
            applies(checks, barrier, type == StepType.BARRIER_REMOVAL, true, "step.barrier", type);
            applies(checks, qualificationValidatedOn, type == StepType.QUALIFYING_TRAINING, false, "step.qualificationValidatedOn", type);
            applies(checks, plannedEnd, type.isTraining(), false, "step.plannedEnd", type);
        }
        if (workingTime != null) {
            workingTime = Decimals.check("step.workingTime", workingTime).stripTrailingZeros();
            checks.check(workingTime.signum() > 0 && workingTime.compareTo(BigDecimal.ONE) <= 0,
                    CohortError.OUT_OF_RANGE, "step.workingTime", workingTime.toPlainString(), "0", "1");
        }
        checks.throwIfInvalid();
        this.id = Canonical.STEP_IDS.of(id);
        this.start = Canonical.day(start);
        this.end = Canonical.day(end);
        this.operation = Canonical.OPERATIONS.of(operation);
        this.detail = Canonical.STEP_DETAILS.of(new StepDetail(type, Canonical.day(plannedEnd), contract,
                Canonical.DECIMALS.of(workingTime), barrier, Canonical.day(qualificationValidatedOn)));
    }

    /** A step of parts already checked and shared (read back from {@link #pack(List)}'s array). */
    private Step(StepId id, OperationId operation, LocalDate start, LocalDate end, StepDetail detail) {
        this.id = id;
        this.operation = operation;
        this.start = start;
        this.end = end;
        this.detail = detail;
    }

    /** How many array slots a step takes in {@link #pack(List)}'s array. */
    private static final int SLOTS = 5;

    /**
     * The parts of two or more steps in one array, {@value #SLOTS} slots a step (identifier,
     * operation, first day, last day, shared detail): 20 bytes a step instead of a 32-byte step and
     * its 4-byte slot in a list's array, and no list (issue 16, the heap a participant holds).
     */
    static Object[] pack(List<Step> steps) {
        Object[] packed = new Object[steps.size() * SLOTS];
        for (int i = 0, j = 0; i < steps.size(); i++, j += SLOTS) {
            Step step = steps.get(i);
            packed[j] = step.id;
            packed[j + 1] = step.operation;
            packed[j + 2] = step.start;
            packed[j + 3] = step.end;
            packed[j + 4] = step.detail;
        }
        return packed;
    }

    /** The number of steps in {@link #pack(List)}'s array. */
    static int count(Object[] packed) {
        return packed.length / SLOTS;
    }

    /** The identifier of the step at an index (0 to {@link #count} - 1) of {@link #pack(List)}'s array, without making the step. */
    static StepId id(Object[] packed, int index) {
        return (StepId) packed[index * SLOTS];
    }

    /** The operation of the step at an index of {@link #pack(List)}'s array, without making the step. */
    static OperationId operation(Object[] packed, int index) {
        return (OperationId) packed[index * SLOTS + 1];
    }

    /** The first day of the step at an index of {@link #pack(List)}'s array, without making the step. */
    static LocalDate start(Object[] packed, int index) {
        return (LocalDate) packed[index * SLOTS + 2];
    }

    /** The last day of the step at an index of {@link #pack(List)}'s array, without making the step. */
    static LocalDate end(Object[] packed, int index) {
        return (LocalDate) packed[index * SLOTS + 3];
    }

    /** The type of the step at an index of {@link #pack(List)}'s array, without making the step. */
    static StepType type(Object[] packed, int index) {
        return ((StepDetail) packed[index * SLOTS + 4]).type();
    }

    /**
     * The unmodifiable list of the steps of {@link #pack(List)}'s array: each {@link #get(int)} gives
     * a new step equal to the one packed.
     */
    static final class Packed extends AbstractList<Step> implements RandomAccess {
        private final Object[] packed;

        Packed(Object[] packed) {
            this.packed = packed;
        }

        @Override
        public Step get(int index) {
            int j = Objects.checkIndex(index, packed.length / SLOTS) * SLOTS;
            return new Step((StepId) packed[j], (OperationId) packed[j + 1], (LocalDate) packed[j + 2], (LocalDate) packed[j + 3],
                    (StepDetail) packed[j + 4]);
        }

        @Override
        public int size() {
            return packed.length / SLOTS;
        }

        @Override
        public boolean contains(Object o) {
            return indexOf(Objects.requireNonNull(o)) >= 0;
        }

        @Override
        public int indexOf(Object o) {
            return super.indexOf(Objects.requireNonNull(o));
        }

        @Override
        public int lastIndexOf(Object o) {
            return super.lastIndexOf(Objects.requireNonNull(o));
        }

        @Override
        public List<Step> subList(int from, int to) {
            return List.copyOf(super.subList(from, to));
        }

        @Override
        public java.util.Iterator<Step> iterator() {
            return new Cursor(0);
        }

        @Override
        public java.util.ListIterator<Step> listIterator() {
            return new Cursor(0);
        }

        @Override
        public java.util.ListIterator<Step> listIterator(int index) {
            return new Cursor(Objects.checkIndex(index, size() + 1));
        }

        /** A cursor that refuses every change, as List.of's lists' do. */
        private final class Cursor implements java.util.ListIterator<Step> {
            private int next;

            Cursor(int next) {
                this.next = next;
            }

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Step next() {
                if (next >= size()) {
                    throw new java.util.NoSuchElementException();
                }
                return get(next++);
            }

            @Override
            public boolean hasPrevious() {
                return next > 0;
            }

            @Override
            public Step previous() {
                if (next <= 0) {
                    throw new java.util.NoSuchElementException();
                }
                return get(--next);
            }

            @Override
            public int nextIndex() {
                return next;
            }

            @Override
            public int previousIndex() {
                return next - 1;
            }

            @Override
            public void remove() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void set(Step step) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void add(Step step) {
                throw new UnsupportedOperationException();
            }
        }

        // every change refused, as by List.of's lists, even one that would change nothing

        @Override
        public boolean add(Step step) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(int index, Step step) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean addAll(java.util.Collection<? extends Step> c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean addAll(int index, java.util.Collection<? extends Step> c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Step set(int index, Step step) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Step remove(int index) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(Object o) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeAll(java.util.Collection<?> c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean retainAll(java.util.Collection<?> c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean removeIf(java.util.function.Predicate<? super Step> filter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replaceAll(java.util.function.UnaryOperator<Step> operator) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void sort(java.util.Comparator<? super Step> c) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * The step's identifier, unique among the participant's steps.
     *
     * @return the identifier, not null
     */
    public StepId id() {
        return id;
    }

    /**
     * The kind of step.
     *
     * @return the type, not null
     */
    public StepType type() {
        return detail.type();
    }

    /**
     * The first day.
     *
     * @return the first day, not null
     */
    public LocalDate start() {
        return start;
    }

    /**
     * The last day (inclusive).
     *
     * @return the last day, null while the step goes on
     */
    public LocalDate end() {
        return end;
    }

    /**
     * For a training, the planned last day (used by the long-training rule).
     *
     * @return the planned end; null otherwise or unknown
     */
    public LocalDate plannedEnd() {
        return detail.plannedEnd();
    }

    /**
     * The operation that funds the step.
     *
     * @return the operation, null when none does
     */
    public OperationId operation() {
        return operation;
    }

    /**
     * For employment, the contract.
     *
     * @return the contract; null otherwise
     */
    public ContractType contract() {
        return detail.contract();
    }

    /**
     * For paid work, the fraction of full time in ]0, 1], without trailing zeros.
     *
     * @return the working time; null otherwise
     */
    public BigDecimal workingTime() {
        return detail.workingTime();
    }

    /**
     * For barrier removal, the barrier.
     *
     * @return the barrier; null otherwise
     */
    public BarrierKind barrier() {
        return detail.barrier();
    }

    /**
     * For a qualifying training, the day the qualification was validated.
     *
     * @return the day of validation; null otherwise
     */
    public LocalDate qualificationValidatedOn() {
        return detail.qualificationValidatedOn();
    }

    /**
     * Equal when every component is equal, as for a record.
     *
     * @param other an object
     * @return true for a step with equal components
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Step that && id.equals(that.id) && start.equals(that.start) && Objects.equals(end, that.end)
                && Objects.equals(operation, that.operation) && detail.equals(that.detail);
    }

    /**
     * The hash code a record of the same components in the same order would have.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = id.hashCode();
        h = h * 31 + detail.type().hashCode();
        h = h * 31 + start.hashCode();
        h = h * 31 + Objects.hashCode(end);
        h = h * 31 + Objects.hashCode(detail.plannedEnd());
        h = h * 31 + Objects.hashCode(operation);
        h = h * 31 + Objects.hashCode(detail.contract());
        h = h * 31 + Objects.hashCode(detail.workingTime());
        h = h * 31 + Objects.hashCode(detail.barrier());
        return h * 31 + Objects.hashCode(detail.qualificationValidatedOn());
    }

    /**
     * The text a record would have: {@code Step[id=..., type=..., start=..., ...]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "Step[id=" + id + ", type=" + detail.type() + ", start=" + start + ", end=" + end + ", plannedEnd=" + detail.plannedEnd()
                + ", operation=" + operation + ", contract=" + detail.contract() + ", workingTime=" + detail.workingTime()
                + ", barrier=" + detail.barrier() + ", qualificationValidatedOn=" + detail.qualificationValidatedOn() + "]";
    }

    private static void order(Checks checks, LocalDate start, LocalDate later, String field) {
        if (later != null) {
            checks.check(!later.isBefore(start), CohortError.DATE_ORDER, field, later, "step.start", start);
        }
    }

    private static void applies(Checks checks, Object value, boolean applicable, boolean required, String field, StepType type) {
        if (applicable && required && value == null) {
            checks.add(CohortError.REQUIRED_FOR, field, null, type);
        } else if (!applicable && value != null) {
            checks.add(CohortError.NOT_APPLICABLE, field, value, type);
        }
    }

    /**
     * A step with no type-specific field: assessment, pre-qualifying or qualifying training without a
     * planned end, company immersion.
     *
     * @param id the identifier
     * @param type the type
     * @param start the first day
     * @param end the last day, or null
     * @param operation the funding operation, or null
     * @return the step
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the type needs more fields
     */
    public static Step of(StepId id, StepType type, LocalDate start, LocalDate end, OperationId operation) {
        return new Step(id, type, start, end, null, operation, null, null, null, null);
    }

    /**
     * A training step (pre-qualifying or qualifying) with its planned end.
     *
     * @param id the identifier
     * @param type {@link StepType#PRE_QUALIFYING_TRAINING} or {@link StepType#QUALIFYING_TRAINING}
     * @param start the first day
     * @param plannedEnd the planned last day, or null
     * @param operation the funding operation, or null
     * @return the step, under way
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the type is not a training
     */
    public static Step training(StepId id, StepType type, LocalDate start, LocalDate plannedEnd, OperationId operation) {
        return new Step(id, type, start, null, plannedEnd, operation, null, null, null, null);
    }

    /**
     * An employment step.
     *
     * @param id the identifier
     * @param contract the contract
     * @param workingTime the fraction of full time
     * @param start the first day
     * @param end the last day, or null for an open-ended job
     * @param operation the funding operation, or null
     * @return the step
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a value is missing or out of range
     */
    public static Step employment(StepId id, ContractType contract, BigDecimal workingTime, LocalDate start, LocalDate end,
            OperationId operation) {
        return new Step(id, StepType.EMPLOYMENT, start, end, null, operation, contract, workingTime, null, null);
    }

    /**
     * An insertion job in a work-integration social enterprise (SIAE).
     *
     * @param id the identifier
     * @param workingTime the fraction of full time
     * @param start the first day
     * @param end the last day, or null
     * @param operation the funding operation, or null
     * @return the step
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a value is missing or out of range
     */
    public static Step insertionJob(StepId id, BigDecimal workingTime, LocalDate start, LocalDate end, OperationId operation) {
        return new Step(id, StepType.INSERTION_JOB, start, end, null, operation, null, workingTime, null, null);
    }

    /**
     * A business creation, active from its start.
     *
     * @param id the identifier
     * @param workingTime the fraction of full time the activity takes
     * @param start the first day of activity
     * @param end the day activity stopped, or null
     * @param operation the funding operation, or null
     * @return the step
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a value is missing or out of range
     */
    public static Step businessCreation(StepId id, BigDecimal workingTime, LocalDate start, LocalDate end, OperationId operation) {
        return new Step(id, StepType.BUSINESS_CREATION, start, end, null, operation, null, workingTime, null, null);
    }

    /**
     * The removal of a barrier.
     *
     * @param id the identifier
     * @param barrier the barrier
     * @param start the first day
     * @param end the last day, or null
     * @param operation the funding operation, or null
     * @return the step
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a value is missing
     */
    public static Step barrierRemoval(StepId id, BarrierKind barrier, LocalDate start, LocalDate end, OperationId operation) {
        return new Step(id, StepType.BARRIER_REMOVAL, start, end, null, operation, null, null, barrier, null);
    }

    /**
     * This step ended on a day.
     *
     * @param lastDay the last day, not before the start
     * @return a copy with the end
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the day is before the start
     */
    public Step endedOn(LocalDate lastDay) {
        return new Step(id, type(), start, lastDay, plannedEnd(), operation, contract(), workingTime(), barrier(), qualificationValidatedOn());
    }

    /**
     * This qualifying training's qualification was validated on a day.
     *
     * @param day the day of validation
     * @return a copy with the validation
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the step is not a qualifying training
     *         or the day is before its start
     */
    public Step validatedOn(LocalDate day) {
        return new Step(id, type(), start, end, plannedEnd(), operation, contract(), workingTime(), barrier(), day);
    }

    /**
     * Whether the step runs on a day.
     *
     * @param day the day, not null
     * @return true when the day lies between start and end (inclusive), or after the start of a step under way
     */
    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }
}
