package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.money.Decimals;
import fr.asso.europlie.plie.offer.OperationId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

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
