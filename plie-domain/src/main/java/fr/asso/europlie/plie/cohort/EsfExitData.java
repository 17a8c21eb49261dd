package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;

/**
 * The FSE+ data on a participant collected upon leaving (données de sortie FSE+), for the
 * immediate result indicators EECR01 to EECR04. Several may hold at once (in training and having
 * gained a qualification), but not job searching and employed.
 *
 * @param collectedOn the day the data was collected, not null
 * @param jobSearching engaged in job searching upon leaving (EECR01)
 * @param inEducationOrTraining in education or training upon leaving (EECR02)
 * @param gainedQualification gaining a qualification upon leaving (EECR03)
 * @param employed in employment, including self-employment, upon leaving (EECR04)
 */
public record EsfExitData(
        LocalDate collectedOn,
        boolean jobSearching,
        boolean inEducationOrTraining,
        boolean gainedQualification,
        boolean employed) {

    /**
     * Checks the components.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when the date is missing, or the person
     *         is said to be both job searching and employed
     */
    public EsfExitData {
        Checks checks = new Checks();
        checks.required(collectedOn, "exitData.collectedOn");
        checks.check(!(jobSearching && employed), CohortError.INCOMPATIBLE,
                "exitData.jobSearching", jobSearching, "exitData.employed", employed);
        checks.throwIfInvalid();
        collectedOn = Canonical.day(collectedOn);
    }
}
