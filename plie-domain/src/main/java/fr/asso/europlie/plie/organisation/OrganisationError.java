package fr.asso.europlie.plie.organisation;

import fr.asso.europlie.plie.error.ErrorCode;

/** The error codes of organisations. */
public enum OrganisationError implements ErrorCode {
    /** A blank identifier or name. */
    BLANK("PLIE-ORG-001");

    private final String code;

    OrganisationError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
