package fr.asso.europlie.plie.workflow.programming;

/**
 * The names shared by the programming approval's BPMN file and its Java side: the process key,
 * the resource, the message that publication sends for each approved operation asking for FSE+,
 * the process variables and the audit steps. For integrators who read or customise the process.
 */
public final class ProgrammingProcess {

    /** The process definition key. */
    public static final String KEY = "plieProgrammingApproval";
    /** The classpath resource of the BPMN file. */
    public static final String RESOURCE = "fr/asso/europlie/plie/workflow/programming/programming-approval.bpmn20.xml";

    /**
     * The BPMN message that publication sends for each approved operation asking for FSE+, on
     * which the OI commitment (process C) starts: a process with a message start event of this name
     * deployed in the plan starts once per operation, with the payload variables
     * {@link Var#PLAN_ID}, {@link Var#PROGRAMMING_ID}, {@link Var#OPERATION_ID}, {@link Var#AXIS}
     * and {@link Var#FSE_AMOUNT}. An integrator may send the same message by hand
     * ({@code runtimeService.createProcessInstanceBuilder().messageName(...)}) with those variables.
     */
    public static final String FSE_COMMITMENT_MESSAGE = "plieFseCommitmentRequested";

    private ProgrammingProcess() {
    }

    /** Process variable names. */
    public static final class Var {
        /** The programming's id (its call's id), text. */
        public static final String PROGRAMMING_ID = "programmingId";
        /** The plan's id, text (payload of the FSE+ message). */
        public static final String PLAN_ID = "planId";
        /** The animation structure's organisation id, candidate group of its steps. */
        public static final String ANIMATION_STRUCTURE = "animationStructure";
        /** The Département's organisation id, candidate group of the PTI marking. */
        public static final String DEPARTMENT = "department";
        /** The organisation that convenes the steering committee, candidate group of its sessions. */
        public static final String COMMITTEE = "committeeOrganisation";
        /** The closing date of the call as an ISO instant (timer). */
        public static final String CLOSING_AT = "closingAt";
        /** Whether the closed call holds any application, boolean. */
        public static final String HAS_APPLICATIONS = "hasApplications";
        /** The operations of the closed call, list of ids. */
        public static final String OPERATIONS = "operations";
        /** The instructor (user id) assigned to each operation, map. */
        public static final String INSTRUCTORS = "instructors";
        /** The element variable of the appraisal: the operation appraised. */
        public static final String OPERATION_ID = "operationId";
        /** The element variable of the PTI marking: the operation marked. */
        public static final String PTI_OPERATION_ID = "ptiOperationId";
        /** The time instructors have to appraise, ISO duration (from the settings). */
        public static final String APPRAISAL_DEADLINE_DELAY = "appraisalDeadlineDelay";
        /** The appraisal deadline as an ISO instant (timer). */
        public static final String APPRAISAL_DEADLINE = "appraisalDeadline";
        /** The appraisal reminder delay as an ISO duration (timer). */
        public static final String APPRAISAL_REMINDER = "appraisalReminder";
        /** The PTI marking reminder delay as an ISO duration (timer). */
        public static final String PTI_REMINDER = "ptiReminder";
        /** The current steering committee session, from 1. */
        public static final String SESSION = "session";
        /** The number of sessions allowed before adoption with adjourned operations, integer. */
        public static final String MAX_SESSIONS = "maxSessions";
        /** Whether adjourned operations come back at another session, boolean. */
        public static final String NEXT_SESSION = "nextSession";
        /** The approved operations asking for FSE+, list of ids. */
        public static final String FSE_OPERATIONS = "fseOperations";
        /** The element variable of the FSE+ message: the operation. */
        public static final String FSE_OPERATION = "fseOperation";
        /** Payload of the FSE+ message: the programming axis. */
        public static final String AXIS = "axis";
        /** Payload of the FSE+ message: the FSE+ amount asked, decimal text. */
        public static final String FSE_AMOUNT = "fseAmount";

        private Var() {
        }
    }

    /** The audit trail's step names written by the engine itself and by the facade. */
    public static final class Audit {
        /** The call opened. */
        public static final String CALL_OPENED = "CALL_OPENED";
        /** An application submitted (outcome ADMISSIBLE or INADMISSIBLE). */
        public static final String SUBMISSION = "SUBMISSION";
        /** The call closed (by hand or at the closing date). */
        public static final String CALL_CLOSED = "CALL_CLOSED";
        /** Instructors assigned. */
        public static final String ASSIGNMENT = "ASSIGNMENT";
        /** A reminder sent. */
        public static final String REMINDER = "REMINDER";
        /** A deadline passed. */
        public static final String OVERDUE = "OVERDUE";
        /** The programming adopted. */
        public static final String ADOPTION = "ADOPTION";
        /** The programming published. */
        public static final String PUBLICATION = "PUBLICATION";
        /** The FSE+ commitment of an operation requested (message sent). */
        public static final String FSE_COMMITMENT = "FSE_COMMITMENT_REQUESTED";
        /** An amendment of the adopted programming. */
        public static final String AMENDMENT = "AMENDMENT";

        private Audit() {
        }
    }
}
