package fr.asso.europlie.plie.json;

import fr.asso.europlie.plie.error.ErrorCode;

/** The error codes of the JSON interchange format. */
public enum JsonError implements ErrorCode {
    /** The text is not JSON at all. */
    MALFORMED("PLIE-JSON-001"),
    /** A required member is missing or null. */
    MISSING("PLIE-JSON-002"),
    /** A member has the wrong JSON type (text for a number...). */
    WRONG_TYPE("PLIE-JSON-003"),
    /** A member the format does not define. */
    UNKNOWN_FIELD("PLIE-JSON-004"),
    /** A value the format does not accept (a bad date, an unknown enum constant...). */
    BAD_VALUE("PLIE-JSON-005"),
    /** A document of another kind, or of a format version this library cannot read. */
    UNSUPPORTED_FORMAT("PLIE-JSON-006"),
    /** A member given twice in one object: the reader does not guess which one counts. */
    DUPLICATE_MEMBER("PLIE-JSON-007"),
    /** A document beyond one of the {@link ReadLimits} (size, nesting depth, text, number or array length). */
    LIMIT_EXCEEDED("PLIE-JSON-008");

    private final String code;

    JsonError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
