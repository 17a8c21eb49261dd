package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * The FSE+ data on a participant collected at entry (données d'entrée FSE+), within four weeks
 * of the entry date, as Regulation (EU) 2021/1057 Annex I asks for the common output indicators.
 *
 * <p>This record is pseudonymous audit data: it holds the age at entry, never the birth date,
 * and is kept after an erasure request until the retention date. Its sensitive fields
 * (disability, third-country nationality, foreign background, minority) are marked in
 * {@link PersonalField}.
 *
 * <p>A value class with the accessors, equality, hash code and text of the record it was
 * ({@code EsfEntryData[collectedOn=..., gender=..., ...]}): two are equal when every component is.
 * Its age, enumerations and flags are held in the bits of one int (issue 16, the heap a participant
 * holds: 24 bytes instead of 56).
 */
public final class EsfEntryData {

    private static final Gender[] GENDERS = Gender.values();
    private static final LabourMarketStatus[] STATUSES = LabourMarketStatus.values();
    private static final IscedLevel[] LEVELS = IscedLevel.values();
    private static final Declaration[] DECLARATIONS = Declaration.values();

    // The bits of {@link #packed}, from the lowest: the age (0 to 120), each enumeration's ordinal in
    // as many bits as its values need, then the two flags.
    private static final int AGE_BITS = 7;
    private static final int GENDER_SHIFT = AGE_BITS;
    private static final int STATUS_SHIFT = GENDER_SHIFT + bits(GENDERS.length);
    private static final int ISCED_SHIFT = STATUS_SHIFT + bits(STATUSES.length);
    private static final int DECLARATION_BITS = bits(DECLARATIONS.length);
    private static final int DISABILITY_SHIFT = ISCED_SHIFT + bits(LEVELS.length);
    private static final int THIRD_COUNTRY_SHIFT = DISABILITY_SHIFT + DECLARATION_BITS;
    private static final int FOREIGN_SHIFT = THIRD_COUNTRY_SHIFT + DECLARATION_BITS;
    private static final int MINORITY_SHIFT = FOREIGN_SHIFT + DECLARATION_BITS;
    private static final int HOMELESS = 1 << MINORITY_SHIFT + DECLARATION_BITS;
    private static final int RURAL = HOMELESS << 1;

    static {
        if (RURAL == 0 || RURAL < 0) { // every part must fit in the 31 bits below the sign
            throw new ExceptionInInitializerError("EsfEntryData's parts do not fit in an int");
        }
    }

    private final LocalDate collectedOn;
    private final LocalDate unemployedSince;
    /** The age, the enumerations' ordinals and the two flags (see the shifts above). */
    private final int packed;

    /**
     * Checks the components, reporting every problem at once.
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
     * @throws fr.asso.europlie.plie.error.InvalidValueException when a required field is null, the age
     *         is outside 0 to 120, or the unemployment date is missing for an unemployed person or given
     *         for another
     */
    public EsfEntryData(
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
        this.collectedOn = Canonical.day(collectedOn);
        this.unemployedSince = Canonical.day(unemployedSince);
        this.packed = ageAtEntry | gender.ordinal() << GENDER_SHIFT | labourStatus.ordinal() << STATUS_SHIFT
                | isced.ordinal() << ISCED_SHIFT | disability.ordinal() << DISABILITY_SHIFT
                | thirdCountNational.ordinal() << THIRD_COUNTRY_SHIFT | foreignBackground.ordinal() << FOREIGN_SHIFT
                | minority.ordinal() << MINORITY_SHIFT | (homeless ? HOMELESS : 0) | (ruralArea ? RURAL : 0);
    }

    /** The bits needed for the ordinals of so many values (at least one). */
    private static int bits(int values) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(values - 1));
    }

    private int part(int shift, int bits) {
        return packed >>> shift & (1 << bits) - 1;
    }

    private Declaration declaration(int shift) {
        return DECLARATIONS[part(shift, DECLARATION_BITS)];
    }

    /**
     * The day the data was collected.
     *
     * @return the day, not null
     */
    public LocalDate collectedOn() {
        return collectedOn;
    }

    /**
     * The gender.
     *
     * @return the gender, not null
     */
    public Gender gender() {
        return GENDERS[part(GENDER_SHIFT, STATUS_SHIFT - GENDER_SHIFT)];
    }

    /**
     * The age in whole years on the entry date.
     *
     * @return 0 to 120
     */
    public int ageAtEntry() {
        return packed & (1 << AGE_BITS) - 1;
    }

    /**
     * The labour market status at entry.
     *
     * @return the status, not null
     */
    public LabourMarketStatus labourStatus() {
        return STATUSES[part(STATUS_SHIFT, ISCED_SHIFT - STATUS_SHIFT)];
    }

    /**
     * For an unemployed person, since when (for long-term unemployment).
     *
     * @return the day; null otherwise
     */
    public LocalDate unemployedSince() {
        return unemployedSince;
    }

    /**
     * The highest education level attained.
     *
     * @return the level, not null
     */
    public IscedLevel isced() {
        return LEVELS[part(ISCED_SHIFT, DISABILITY_SHIFT - ISCED_SHIFT)];
    }

    /**
     * Whether the person declares a disability (sensitive).
     *
     * @return the declaration, not null
     */
    public Declaration disability() {
        return declaration(DISABILITY_SHIFT);
    }

    /**
     * Whether the person is a third-country national (sensitive).
     *
     * @return the declaration, not null
     */
    public Declaration thirdCountNational() {
        return declaration(THIRD_COUNTRY_SHIFT);
    }

    /**
     * Whether the person has a foreign background (sensitive).
     *
     * @return the declaration, not null
     */
    public Declaration foreignBackground() {
        return declaration(FOREIGN_SHIFT);
    }

    /**
     * Whether the person belongs to a minority, including marginalised communities such as the Roma (sensitive).
     *
     * @return the declaration, not null
     */
    public Declaration minority() {
        return declaration(MINORITY_SHIFT);
    }

    /**
     * Whether the person is homeless or affected by housing exclusion.
     *
     * @return true when homeless
     */
    public boolean homeless() {
        return (packed & HOMELESS) != 0;
    }

    /**
     * Whether the person lives in a rural area.
     *
     * @return true when rural
     */
    public boolean ruralArea() {
        return (packed & RURAL) != 0;
    }

    /**
     * Equal when every component is equal, as for a record.
     *
     * @param other an object
     * @return true for entry data with equal components
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        // the packed parts are equal exactly when every age, enumeration and flag is
        return other instanceof EsfEntryData that && collectedOn.equals(that.collectedOn) && packed == that.packed
                && Objects.equals(unemployedSince, that.unemployedSince);
    }

    /**
     * The hash code a record of the same components in the same order would have.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = collectedOn.hashCode();
        h = h * 31 + gender().hashCode();
        h = h * 31 + Integer.hashCode(ageAtEntry());
        h = h * 31 + labourStatus().hashCode();
        h = h * 31 + Objects.hashCode(unemployedSince);
        h = h * 31 + isced().hashCode();
        h = h * 31 + disability().hashCode();
        h = h * 31 + thirdCountNational().hashCode();
        h = h * 31 + foreignBackground().hashCode();
        h = h * 31 + minority().hashCode();
        h = h * 31 + Boolean.hashCode(homeless());
        return h * 31 + Boolean.hashCode(ruralArea());
    }

    /**
     * The text a record would have: {@code EsfEntryData[collectedOn=..., gender=..., ...]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "EsfEntryData[collectedOn=" + collectedOn + ", gender=" + gender() + ", ageAtEntry=" + ageAtEntry() + ", labourStatus="
                + labourStatus() + ", unemployedSince=" + unemployedSince + ", isced=" + isced() + ", disability=" + disability()
                + ", thirdCountNational=" + thirdCountNational() + ", foreignBackground=" + foreignBackground() + ", minority="
                + minority() + ", homeless=" + homeless() + ", ruralArea=" + ruralArea() + "]";
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
