package fr.asso.europlie.plie.cohort;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A cohort written by the API, for the import tests: P-1 (Morin) left on 31 May 2026 after a
 * two-month CDD (March-April), P-2 (Roux) left on 31 March 2026 with six-month data collected on
 * 1 October 2026, P-3 (Fabre) still accompanied. The tests then edit the written files: P-1's exit
 * declared EMPLOYMENT (its steps do not meet the six-month rule), P-2's six-month data collected on
 * 3 August 2026 (before 30 September, six months after its exit).
 */
public final class ImportSample {

    /** The day P-2's six-month data is moved to: too early. */
    public static final String TOO_EARLY = "2026-08-03";

    private ImportSample() {
    }

    /**
     * The cohort.
     *
     * @return the cohort, three participants P-1, P-2, P-3
     */
    public static Cohort cohort() {
        Cohort cohort = CohortFixture.aCohort();
        ParticipantId morin = CohortFixture.anEnteredJobseeker(cohort, "Morin", LocalDate.of(2026, 1, 5), CohortFixture.ALICE);
        cohort.addStep(morin, Step.employment(StepId.of("S1"), ContractType.CDD, BigDecimal.ONE, LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 4, 30), null));
        cohort.exit(morin, LocalDate.of(2026, 5, 31), ExitReason.DROPOUT, null);
        ParticipantId roux = CohortFixture.anEnteredJobseeker(cohort, "Roux", LocalDate.of(2026, 1, 12), CohortFixture.ALICE);
        cohort.exit(roux, LocalDate.of(2026, 3, 31), ExitReason.DROPOUT, null);
        cohort.recordSixMonthData(roux, 1, new EsfSixMonthData(LocalDate.of(2026, 10, 1), true, false));
        CohortFixture.anEnteredJobseeker(cohort, "Fabre", LocalDate.of(2026, 1, 19), CohortFixture.BRUNO);
        return cohort;
    }
}
