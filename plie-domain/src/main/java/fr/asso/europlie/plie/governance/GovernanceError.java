package fr.asso.europlie.plie.governance;

import fr.asso.europlie.plie.error.ErrorCode;

/**
 * The error codes of governance (gouvernance): committees, their members and quorum rules, and
 * the decisions they take.
 *
 * <p>Messages live in {@code fr/asso/europlie/plie/governance/messages*.properties}; {@code {0}}
 * is the field and {@code {1}} the value.
 */
public enum GovernanceError implements ErrorCode {
    /** A required value is missing or blank. */
    REQUIRED("PLIE-GOVERNANCE-001"),
    /** A committee without any member; details: the committee kind. */
    EMPTY_COMMITTEE("PLIE-GOVERNANCE-002"),
    /** The same person twice in a list of members or of present members. */
    DUPLICATE_MEMBER("PLIE-GOVERNANCE-003"),
    /** A chair who is not a member of the committee. */
    CHAIR_NOT_MEMBER("PLIE-GOVERNANCE-004"),
    /** A quorum fraction that is not a fraction of 0 to 1, or that no attendance could reach. */
    QUORUM_FRACTION("PLIE-GOVERNANCE-005"),
    /** A negative minimum number of members present. */
    NEGATIVE_MINIMUM("PLIE-GOVERNANCE-006"),
    /** A quorum rule requiring an organisation that has no member on the committee; details: kind. */
    MANDATORY_NOT_MEMBER("PLIE-GOVERNANCE-007"),
    /** A decision taken without the quorum; details: required, members, committee kind. */
    NO_QUORUM("PLIE-GOVERNANCE-008"),
    /** A decision taken while an organisation that must be present was not; details: kind. */
    MANDATORY_ABSENT("PLIE-GOVERNANCE-009"),
    /** A person counted present who is not a member of the committee; details: kind. */
    NOT_A_MEMBER("PLIE-GOVERNANCE-010"),
    /** A decision recorded for one committee checked against another; details: committee kind. */
    WRONG_COMMITTEE("PLIE-GOVERNANCE-011");

    private final String code;

    GovernanceError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
