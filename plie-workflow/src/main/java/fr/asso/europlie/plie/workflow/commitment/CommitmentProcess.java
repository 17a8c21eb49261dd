package fr.asso.europlie.plie.workflow.commitment;

/**
 * The names that the BPMN process {@code fse-commitment.bpmn20.xml} and the code share: process
 * key, start message, variables and the user tasks' ids.
 *
 * <p>The message {@link #MESSAGE} starts the process with at least {@code planId},
 * {@code operationId} and {@code fseAmount} (plain decimal text); process B also sends
 * {@code programmingId} and {@code axis}; an optional {@code operator} names the operator's
 * organisation (else the instructor names it at the appraisal).
 */
public final class CommitmentProcess {

    /** The process definition key. */
    public static final String KEY = "plieFseCommitment";

    /** The classpath resource of the BPMN file. */
    public static final String RESOURCE = "fr/asso/europlie/plie/workflow/commitment/fse-commitment.bpmn20.xml";

    /** The message that starts the process (sent by process B's publication for each operation asking for FSE+). */
    public static final String MESSAGE = "plieFseCommitmentRequested";

    /** The default agreement deadline (60 days, PROCESSES.md C step 5). */
    public static final String AGREEMENT_DEADLINE = "P60D";

    /** The default reminder, before the deadline. */
    public static final String AGREEMENT_REMINDER = "P45D";

    /** The longest extension of an overdue agreement's deadline the OI manager may grant at once (6 months). */
    public static final String MAX_AGREEMENT_EXTENSION = "P6M";

    private CommitmentProcess() {
    }

    /** The process variables. */
    public static final class Var {
        /** The plan (message payload). */
        public static final String PLAN_ID = "planId";
        /** The programming that approved the operation (message payload, absent when started by hand). */
        public static final String PROGRAMMING_ID = "programmingId";
        /** The operation. */
        public static final String OPERATION_ID = "operationId";
        /** The operation's eligible cost as appraised (plain decimal text), which the commitment carries. */
        public static final String ELIGIBLE_COST = "eligibleCost";
        /** The priority axis (message payload). */
        public static final String AXIS = "axis";
        /** The FSE+ amount asked, plain decimal text. */
        public static final String FSE_AMOUNT = "fseAmount";
        /** The operator's organisation, candidate group of the agreement signature. */
        public static final String OPERATOR = "operator";
        /** The OI instructor who appraised the operation. */
        public static final String INSTRUCTOR = "instructor";
        /** The global grant drawn on. */
        public static final String GRANT_ID = "grantId";
        /** The reservation's outcome: RESERVED, WAITING or REFUSED. */
        public static final String RESERVATION = "reservation";
        /** The committee's opinion: FAVOURABLE, UNFAVOURABLE or ADJOURNED. */
        public static final String OPINION = "opinion";
        /** The OI manager who decided the commitment. */
        public static final String MANAGER = "manager";
        /** The agreement's deadline, an ISO-8601 duration. */
        public static final String AGREEMENT_DEADLINE = "agreementDeadline";
        /** The agreement's reminder, an ISO-8601 duration. */
        public static final String AGREEMENT_REMINDER = "agreementReminder";
        /** How many reminders the operator was sent. */
        public static final String AGREEMENT_REMINDERS = "agreementReminders";
        /** The manager's choice on an overdue agreement: CANCEL or EXTEND. */
        public static final String AGREEMENT_DECISION = "agreementDecision";

        private Var() {
        }
    }

    /** The user tasks' ids. */
    public static final class Task {
        /** Appraisal and reservation, by an OI instructor. */
        public static final String APPRAISAL = "appraisal";
        /** On the waiting list. */
        public static final String WAITING_LIST = "waitingList";
        /** The programming committee's opinion, recorded by the OI. */
        public static final String COMMITTEE = "programmingCommittee";
        /** The OI manager's commitment decision. */
        public static final String DECISION = "commitmentDecision";
        /** The operator signs the grant agreement. */
        public static final String AGREEMENT = "agreementSignature";
        /** The agreement was not signed in time: the manager cancels or extends. */
        public static final String AGREEMENT_OVERDUE = "agreementOverdue";

        private Task() {
        }
    }
}
