package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.error.ErrorCode;

/**
 * The error codes of the cohort: participants, entry, referents, pathways, exits, personal data
 * and the import of cohort files.
 *
 * <p>Messages live in {@code fr/asso/europlie/plie/cohort/messages*.properties}; {@code {0}} is
 * the field (a path such as {@code periods.csv[12].exitDate} for a file row), {@code {1}} the value.
 */
public enum CohortError implements ErrorCode {
    /** A required field is missing or blank. */
    BLANK("PLIE-COHORT-001"),
    /** A date comes before another it must follow. */
    DATE_ORDER("PLIE-COHORT-002"),
    /** An action not allowed in the state of the participant's current period. */
    ILLEGAL_TRANSITION("PLIE-COHORT-003"),
    /** An eligibility rule of a target public is not met. */
    NOT_ELIGIBLE("PLIE-COHORT-004"),
    /** A target public that the protocol does not define. */
    UNKNOWN_TARGET_PUBLIC("PLIE-COHORT-005"),
    /** The person is followed in another PTI accompaniment scheme. */
    DOUBLE_ACCOMPANIMENT("PLIE-COHORT-006"),
    /** The referent's caseload has reached its cap on some day of the assignment (the busiest day is named). */
    CASELOAD_CAP_REACHED("PLIE-COHORT-007"),
    /** An RSA recipient's referent was not designated by the Département. */
    RSA_REFERENT_NOT_DESIGNATED("PLIE-COHORT-008"),
    /** A participant the cohort does not hold. */
    UNKNOWN_PARTICIPANT("PLIE-COHORT-009"),
    /** A referent the cohort does not know. */
    UNKNOWN_REFERENT("PLIE-COHORT-010"),
    /** A step the pathway does not hold. */
    UNKNOWN_STEP("PLIE-COHORT-011"),
    /** The same identifier twice. */
    DUPLICATE("PLIE-COHORT-012"),
    /** Two accompaniment periods of one participant overlap. */
    OVERLAPPING_PERIODS("PLIE-COHORT-013"),
    /** The employment rule of a positive exit is not met. */
    EMPLOYMENT_RULE_NOT_MET("PLIE-COHORT-014"),
    /** The training rule of a positive exit is not met. */
    TRAINING_RULE_NOT_MET("PLIE-COHORT-015"),
    /** A positive employment exit without an in-work follow-up under way. */
    FOLLOW_UP_REQUIRED("PLIE-COHORT-016"),
    /** An exit for maximum duration before the maximum duration is reached. */
    MAX_DURATION_NOT_REACHED("PLIE-COHORT-017"),
    /** A date beyond the pathway's maximum duration. */
    MAX_DURATION_EXCEEDED("PLIE-COHORT-018"),
    /** A number outside its allowed range. */
    OUT_OF_RANGE("PLIE-COHORT-019"),
    /** Data already recorded, which is never overwritten. */
    ALREADY_RECORDED("PLIE-COHORT-020"),
    /** A field that does not apply to this kind of record. */
    NOT_APPLICABLE("PLIE-COHORT-021"),
    /** A field required for this kind of record. */
    REQUIRED_FOR("PLIE-COHORT-022"),
    /** Personal data already erased. */
    ALREADY_ERASED("PLIE-COHORT-023"),
    /** A malformed value in a file (date, number, code). */
    MALFORMED("PLIE-COHORT-024"),
    /** A required column missing from a file's header. */
    MISSING_COLUMN("PLIE-COHORT-025"),
    /** Two fields whose values contradict each other. */
    INCOMPATIBLE("PLIE-COHORT-026"),
    /** An eligibility rule that cannot be read. */
    ELIGIBILITY_RULE_SYNTAX("PLIE-COHORT-027"),
    /** A file that cannot be read or written. */
    FILE_UNREADABLE("PLIE-COHORT-028"),
    /** A row that refers to a participant or period absent from the main file. */
    ORPHAN_ROW("PLIE-COHORT-029"),
    /** A CSV file beyond one of its reading limits (size, rows, fields of a row, characters of a field). */
    LIMIT_EXCEEDED("PLIE-COHORT-030"),
    /** A CSV header that names a column twice: the reader does not guess which one counts. */
    DUPLICATE_COLUMN("PLIE-COHORT-031"),
    /** Six-month data collected before six months after the exit. */
    SIX_MONTH_DATA_TOO_EARLY("PLIE-COHORT-032"),
    /** An imported positive exit whose steps do not meet the positive-exit rules. */
    IMPORTED_EXIT_NOT_POSITIVE("PLIE-COHORT-033"),
    /** A participant changed by someone else between reading and writing it. */
    CONCURRENT_CHANGE("PLIE-COHORT-040"),
    /** The same person already has an open period in the cohort, as another participant. */
    PERSON_ALREADY_FOLLOWED("PLIE-COHORT-041");

    private final String code;

    CohortError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
