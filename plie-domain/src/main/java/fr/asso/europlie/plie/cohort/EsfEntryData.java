package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.time.Period;

/**
 * The FSE+ data on a participant collected at entry (données d'entrée FSE+), within four weeks
 * of the entry date, as Regulation (EU) 2021/1057 Annex I asks for the common output indicators.
 *
 * <p>This record is pseudonymous audit data: it holds the age at entry, never the birth date,
 * and is kept after an erasure request until the retention date. Its sensitive fields
 * (disability, third-country nationality, foreign background, minority) are marked in
 * {@link PersonalField}.
 *
 * @param collectedOn the day the data was collected, not null
 * @param gender the gender, not null
 * @param ageAtEntry the age in whole years on the entry date, 0 to 120
 * @param labourStatus the labour market status at entry, not null
 * @param unemployedSince for an unemployed person, since when (for long-term unemployment); null otherwise
 * @param isced the highest education level attained, not null
 * @param disability whether the person declares a disability, not null (sensitive)
 * @param thirdCountNational whether the person is a third-country national, not null (sensitive)
 * @param foreignBackground whether the person has a foreign background, not null (sensitive)
 * @param minority whether the person belongs to a minority, including marginalised communities such as the Roma, not null (sensitive)
 * @param homeless whether the person is homeless or affected by housing exclusion
 * @param ruralArea whether the person lives in a rural area
 */
public record EsfEntryData(
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
    public EsfEntryData {
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
