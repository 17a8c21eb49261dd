package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.time.Period;

/**
 * {@link EsfEntryData} as it was, a record (before issue 16's third pass), kept to check that the
 * class gives the same results for the same values.
 */
record ReferenceEsfEntryData(
        LocalDate collectedOn,
        Gender gender,
        int ageAtEntry,
        LabourMarketStatus labourStatus,
        LocalDate unemployedSince,
        IscedLevel isced,
        Declaration disability,
        Declaration thirdCountNational,
        Declaration foreignBackground,
        Declaration minority,
        boolean homeless,
        boolean ruralArea) {

    /**
     * Checks the components, reporting every problem at once.
     *
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a required field is null, the age
     *         is outside 0 to 120, or the unemployment date is missing for an unemployed person or given
     *         for another
     */
    ReferenceEsfEntryData {
        Checks checks = new Checks();
        checks.required(collectedOn, "entryData.collectedOn");
        checks.required(gender, "entryData.gender");
        checks.check(ageAtEntry >= 0 && ageAtEntry <= 120, CohortError.OUT_OF_RANGE, "entryData.ageAtEntry", ageAtEntry, 0, 120);
        if (checks.required(labourStatus, "entryData.labourStatus")) {
            if (labourStatus == LabourMarketStatus.UNEMPLOYED) {
                checks.check(unemployedSince != null, CohortError.REQUIRED_FOR, "entryData.unemployedSince", unemployedSince, labourStatus);
            } else {
                checks.check(unemployedSince == null, CohortError.NOT_APPLICABLE, "entryData.unemployedSince", unemployedSince, labourStatus);
            }
        }
        checks.required(isced, "entryData.isced");
        checks.required(disability, "entryData.disability");
        checks.required(thirdCountNational, "entryData.thirdCountNational");
        checks.required(foreignBackground, "entryData.foreignBackground");
        checks.required(minority, "entryData.minority");
        checks.throwIfInvalid();
        collectedOn = Canonical.day(collectedOn);
        unemployedSince = Canonical.day(unemployedSince);
    }

    /**
     * The age in whole years on a date (the FSE+ computes ages at the date of entry).
     *
     * @param birthDate the birth date, not null
     * @param on the date, not null
     * @return the completed years
     */
    public static int ageOn(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }
}
