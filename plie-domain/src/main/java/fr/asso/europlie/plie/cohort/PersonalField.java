package fr.asso.europlie.plie.cohort;

/**
 * The catalogue of the personal fields the cohort holds (champs de données personnelles): where
 * each lives, whether it is sensitive, and whether an erasure request removes it at once or the
 * FSE+ audit trail keeps it until the retention date.
 *
 * <p>Sensitive data (disability, origin, RSA status) is shown only to roles that need it (see
 * {@link VisibilityPolicy}).
 */
public enum PersonalField {
    /** Last name. */
    LAST_NAME("personal.lastName", false, true),
    /** First name. */
    FIRST_NAME("personal.firstName", false, true),
    /** Birth date (only the age at entry is kept for the FSE+). */
    BIRTH_DATE("personal.birthDate", false, true),
    /** Postal address. */
    ADDRESS("personal.address", false, true),
    /** E-mail address. */
    EMAIL("personal.email", false, true),
    /** Phone number. */
    PHONE("personal.phone", false, true),
    /** Identifier in a partner's system. */
    EXTERNAL_ID("personal.externalId", false, true),
    /** Free text naming another PTI scheme following the person. */
    OTHER_PTI_SCHEME("referral.otherPtiScheme", false, true),
    /** Free text giving the reason of an entry refusal. */
    ENTRY_REFUSAL_REASON("entryDecision.reason", false, true),
    /** Gender (FSE+). */
    GENDER("entryData.gender", false, false),
    /** Age at entry (FSE+). */
    AGE_AT_ENTRY("entryData.ageAtEntry", false, false),
    /** Labour market status at entry (FSE+). */
    LABOUR_STATUS("entryData.labourStatus", false, false),
    /** Start of unemployment (FSE+). */
    UNEMPLOYED_SINCE("entryData.unemployedSince", false, false),
    /** Education level (FSE+). */
    ISCED("entryData.isced", false, false),
    /** Disability (FSE+), sensitive. */
    DISABILITY("entryData.disability", true, false),
    /** Third-country nationality (FSE+), sensitive: origin. */
    THIRD_COUNTRY_NATIONAL("entryData.thirdCountNational", true, false),
    /** Foreign background (FSE+), sensitive: origin. */
    FOREIGN_BACKGROUND("entryData.foreignBackground", true, false),
    /** Minority (FSE+), sensitive: origin. */
    MINORITY("entryData.minority", true, false),
    /** Homelessness or housing exclusion (FSE+). */
    HOMELESS("entryData.homeless", false, false),
    /** Rural area (FSE+). */
    RURAL_AREA("entryData.ruralArea", false, false),
    /** RSA recipient status in the status history, sensitive. */
    RSA_STATUS("statuses.status", true, false);

    private final String path;
    private final boolean sensitive;
    private final boolean erasedOnRequest;

    PersonalField(String path, boolean sensitive, boolean erasedOnRequest) {
        this.path = path;
        this.sensitive = sensitive;
        this.erasedOnRequest = erasedOnRequest;
    }

    /**
     * Where the field lives, as a path in the cohort's records and files.
     *
     * @return a path such as {@code entryData.disability}
     */
    public String path() {
        return path;
    }

    /**
     * Whether the field is sensitive data (disability, origin, RSA status).
     *
     * @return true when sensitive
     */
    public boolean isSensitive() {
        return sensitive;
    }

    /**
     * Whether an erasure request removes the field at once; otherwise the FSE+ audit trail keeps it,
     * pseudonymous, until the retention date.
     *
     * @return true when erased on request
     */
    public boolean isErasedOnRequest() {
        return erasedOnRequest;
    }
}
