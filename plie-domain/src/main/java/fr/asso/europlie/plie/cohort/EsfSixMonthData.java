package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;

/**
 * The FSE+ data on a participant collected six months after leaving (données à 6 mois), for the
 * longer-term result indicators EECR05 and EECR06.
 *
 * <p>An improved labour market situation (EECR06) concerns a person employed at entry who, six
 * months after leaving, has moved from precarious to stable employment, from underemployment to
 * full employment, to a job needing higher skills with more responsibilities, or was promoted.
 *
 * @param collectedOn the day the data was collected, not null
 * @param employed in employment, including self-employment (EECR05)
 * @param improvedSituation the job improved in one of the ways above; requires {@code employed}
 */
public record EsfSixMonthData(LocalDate collectedOn, boolean employed, boolean improvedSituation) {

    /**
     * Checks the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the date is missing, or an improved
     *         situation is declared for a person not employed
     */
    public EsfSixMonthData {
        Checks checks = new Checks();
        checks.required(collectedOn, "sixMonthData.collectedOn");
        checks.check(!improvedSituation || employed, CohortError.INCOMPATIBLE,
                "sixMonthData.improvedSituation", improvedSituation, "sixMonthData.employed", employed);
        checks.throwIfInvalid();
        collectedOn = Canonical.day(collectedOn);
    }
}
