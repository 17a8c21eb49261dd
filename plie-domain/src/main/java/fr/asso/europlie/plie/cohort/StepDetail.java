package fr.asso.europlie.plie.cohort;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A step's type and its rarely set components, shared between steps that have equal ones
 * ({@link Canonical#STEP_DETAILS}): most steps have a type and nothing else, so a large cohort
 * holds a few thousand of these for millions of steps (issue 16).
 *
 * @param type the kind of step, not null
 * @param plannedEnd the planned end of a training, or null
 * @param contract the contract of employment, or null
 * @param workingTime the working time of paid work, or null
 * @param barrier the barrier removed, or null
 * @param qualificationValidatedOn the day a qualifying training's qualification was validated, or null
 */
record StepDetail(StepType type, LocalDate plannedEnd, ContractType contract, BigDecimal workingTime, BarrierKind barrier,
        LocalDate qualificationValidatedOn) {

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof StepDetail that && type == that.type && Objects.equals(plannedEnd, that.plannedEnd)
                && contract == that.contract && Objects.equals(workingTime, that.workingTime) && barrier == that.barrier
                && Objects.equals(qualificationValidatedOn, that.qualificationValidatedOn);
    }

    @Override
    public int hashCode() {
        int h = type.ordinal();
        h = h * 31 + Objects.hashCode(plannedEnd);
        h = h * 31 + (contract == null ? 0 : contract.ordinal() + 1);
        h = h * 31 + Objects.hashCode(workingTime);
        h = h * 31 + (barrier == null ? 0 : barrier.ordinal() + 1);
        return h * 31 + Objects.hashCode(qualificationValidatedOn);
    }
}
