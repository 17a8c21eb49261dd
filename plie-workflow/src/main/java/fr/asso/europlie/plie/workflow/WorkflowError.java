package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.error.ErrorCode;

/**
 * The error codes of the workflow engine: access refusals, missing tasks, conflicts, store and
 * settings problems.
 *
 * <p>Messages live in {@code fr/asso/europlie/plie/workflow/messages*.properties}; {@code {0}} is
 * the field, {@code {1}} the value, the following arguments the details.
 */
public enum WorkflowError implements ErrorCode {
    /** The actor lacks the role that the step requires. */
    ROLE_REQUIRED("PLIE-WORKFLOW-001"),
    /** The actor acts for an organisation that may not do this step. */
    WRONG_ORGANISATION("PLIE-WORKFLOW-002"),
    /** No open task of this step for this organisation on this protocol. */
    NO_SUCH_TASK("PLIE-WORKFLOW-003"),
    /** No negotiation is running for this protocol. */
    NO_NEGOTIATION("PLIE-WORKFLOW-004"),
    /** A negotiation is already running for this protocol. */
    ALREADY_RUNNING("PLIE-WORKFLOW-005"),
    /** Concurrent changes kept conflicting after every attempt. */
    CONFLICT("PLIE-WORKFLOW-006"),
    /** The database schema is newer than this version of the library. */
    SCHEMA_TOO_NEW("PLIE-WORKFLOW-007"),
    /** A required value is blank or missing. */
    REQUIRED("PLIE-WORKFLOW-008"),
    /** A setting is out of range. */
    INVALID_SETTING("PLIE-WORKFLOW-009"),
    /** An applied migration script changed after it was applied. */
    MIGRATION_CHANGED("PLIE-WORKFLOW-010"),
    /** A text is longer than the store keeps (the limits are on {@link fr.asso.europlie.plie.workflow.audit.AuditEntry}). */
    TOO_LONG("PLIE-WORKFLOW-011"),
    /** A library step was given to the generic command; it has a typed command of its own. */
    LIBRARY_STEP("PLIE-WORKFLOW-020"),
    /** A step of a customised process names no role among its candidate groups: nobody may do it. */
    STEP_WITHOUT_ROLE("PLIE-WORKFLOW-021"),
    /** A BPMN file deployed as a customised library process defines no library process. */
    NOT_A_LIBRARY_PROCESS("PLIE-WORKFLOW-022"),
    /** A customised library process lost elements the library's code relies on. */
    LIBRARY_ELEMENTS_MISSING("PLIE-WORKFLOW-023"),
    /**
     * No protocol with this id that the actor's organisation may know of: it does not exist, or
     * the organisation is not a party of it (the same answer for both).
     */
    UNKNOWN_PROTOCOL("PLIE-WORKFLOW-030"),
    /** A new negotiation names the id of a protocol that the actor's organisation may not know of. */
    ID_TAKEN("PLIE-WORKFLOW-031"),
    /** The protocol is closed (abandoned...) and has no text left to negotiate or amend. */
    CLOSED("PLIE-WORKFLOW-032"),
    /** A person's user id is the name the engine itself uses in the audit trail. */
    RESERVED_USER("PLIE-WORKFLOW-033"),
    /** A plan id that is too long or of another shape. */
    INVALID_PLAN_ID("PLIE-WORKFLOW-040"),
    /** An actor of one plan acting on another. */
    OTHER_PLAN("PLIE-WORKFLOW-041"),
    /** A plan the engine does not know. */
    UNKNOWN_PLAN("PLIE-WORKFLOW-042"),
    /** No programming round is running for this call (process B). */
    NO_PROGRAMMING("PLIE-WORKFLOW-050"),
    /** The call already has a programming. */
    PROGRAMMING_EXISTS("PLIE-WORKFLOW-051"),
    /** The call's protocol is not in force in this plan. */
    PROTOCOL_NOT_IN_FORCE("PLIE-WORKFLOW-052"),
    /** An operator acting on another operator's application. */
    NOT_OWN_APPLICATION("PLIE-WORKFLOW-053"),
    /** An instructor appraising an application not assigned to them. */
    NOT_ASSIGNED("PLIE-WORKFLOW-054"),
    /** No open step of this kind on this operation now. */
    NO_PROGRAMMING_STEP("PLIE-WORKFLOW-055"),
    /** An assignment of instructors that leaves out or names an unknown operation. */
    ASSIGNMENT_INCOMPLETE("PLIE-WORKFLOW-056"),
    /** The last steering committee session must adopt the programming. */
    LAST_SESSION("PLIE-WORKFLOW-057"),
    /** The envelopes of a call exceed what the protocol's budget plans for a strategic axis that year. */
    ENVELOPE_OVER_BUDGET("PLIE-WORKFLOW-058"),
    /** An actor with no part in the programming round. */
    NO_PART_IN_PROGRAMMING("PLIE-WORKFLOW-059"),
    /**
     * The FSE+ part of a call's envelopes over what the plan's global grant still has available for
     * the call's year; details: the FSE+ part, the available amount, the grant, the year.
     */
    ENVELOPES_OVER_GLOBAL_GRANT("PLIE-WORKFLOW-060"),
    /** A call drawn from a global grant the plan does not hold. */
    UNKNOWN_GLOBAL_GRANT("PLIE-WORKFLOW-061"),
    /** A call that names no global grant while the plan's programming settings require one. */
    NO_GLOBAL_GRANT("PLIE-WORKFLOW-062"),
    /**
     * A decision or amendment that would take the FSE+ approved in a programming, beyond what the
     * global grant already accounts for, over what the grant still has available for the year;
     * details: the operation, that FSE+, the available amount, the grant, the year.
     */
    ESF_OVER_GLOBAL_GRANT("PLIE-WORKFLOW-063"),
    /** No FSE+ commitment of this operation runs, or it does not wait for this step. */
    NO_COMMITMENT("PLIE-WORKFLOW-070"),
    /** The OI manager is the instructor of the operation (separation of functions). */
    SAME_PERSON("PLIE-WORKFLOW-071"),
    /** An operator acting on another operator's operation. */
    NOT_THE_OPERATOR("PLIE-WORKFLOW-072"),
    /** A commitment of this operation runs already. */
    COMMITMENT_RUNNING("PLIE-WORKFLOW-073"),
    /** An OI acting on another OI's global grant. */
    OTHER_INTERMEDIATE_BODY("PLIE-WORKFLOW-074"),
    /** The role of the OI is needed (instructor or manager). */
    OI_ROLE_REQUIRED("PLIE-WORKFLOW-075"),
    /** An agreement deadline extended by zero, a negative period or more than the limit. */
    AGREEMENT_EXTENSION("PLIE-WORKFLOW-076"),
    /** A deadline or reminder setting of the FSE+ commitment outside its limits. */
    SETTING_OUT_OF_RANGE("PLIE-WORKFLOW-077"),
    /** A payment of a kind the execution's step does not expect (interim for the final report, balance before it). */
    PAYMENT_KIND("PLIE-WORKFLOW-078"),
    /** A raise of an operation's FSE+ that does not raise it above what the ledger committed. */
    NOT_A_RAISE("PLIE-WORKFLOW-079"),
    /** The plan's cohort follow-up is used before it was configured on this node. */
    COHORT_NOT_CONFIGURED("PLIE-WORKFLOW-090"),
    /** A referent acting on, or asking for, a participant it is not the referent of. */
    NOT_OWN_PARTICIPANT("PLIE-WORKFLOW-091"),
    /** The Département's officer designating a referent while the plan's cohort has no Département configured. */
    NO_DEPARTMENT("PLIE-WORKFLOW-115"),
    /** The Département's officer designating the referent of a participant who is not an RSA recipient. */
    NOT_RSA_RECIPIENT("PLIE-WORKFLOW-116");

    private final String code;

    WorkflowError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
