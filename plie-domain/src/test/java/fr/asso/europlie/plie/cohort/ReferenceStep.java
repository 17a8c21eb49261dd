package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.money.Decimals;
import fr.asso.europlie.plie.offer.OperationId;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@link Step} as it was, a record (before issue 16's third pass made it a class with a compact
 * layout), kept to check that the class gives the same results for the same values.
 */
record ReferenceStep(
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

    /**
     * Checks the components and normalises the working time, reporting every problem at once.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a required field is missing, a
     *         field does not apply to the type, or dates are out of order
     */
    ReferenceStep {
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
        id = Canonical.STEP_IDS.of(id);
        start = Canonical.day(start);
        end = Canonical.day(end);
        plannedEnd = Canonical.day(plannedEnd);
        operation = Canonical.OPERATIONS.of(operation);
        workingTime = Canonical.DECIMALS.of(workingTime);
        qualificationValidatedOn = Canonical.day(qualificationValidatedOn);
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
}
