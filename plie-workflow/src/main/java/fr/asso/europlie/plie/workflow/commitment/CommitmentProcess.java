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

    /** The default agreement deadline (60 days, PROCESSES.md C step 5); the one applied is {@link CommitmentSettings#agreementDeadline()}. */
    public static final String AGREEMENT_DEADLINE = "P60D";

    /** The default reminder, before the deadline; the one applied is {@link CommitmentSettings#agreementReminder()}. */
    public static final String AGREEMENT_REMINDER = "P45D";

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
        /** The simplified cost options (options de coûts simplifiés) the instructor appraised, free text. */
        public static final String SIMPLIFIED_COST_OPTIONS = "simplifiedCostOptions";
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

    /**
     * The names of the process {@code fse-increase.bpmn20.xml}: the raise of a committed operation's
     * FSE+ amount (avenant en hausse), which goes back through reservation. It starts on the message
     * {@link #MESSAGE} with at least {@code planId}, {@code operationId} and {@code fseAmount} (the
     * new total FSE+ asked, plain decimal text): process B sends it when an amendment of the adopted
     * programming raises an approved operation's FSE+, and an integrator may send it by hand; or the
     * OI starts it through {@link FseCommitment#requestIncrease}. The variables it shares with the
     * commitment are {@link Var}'s.
     */
    public static final class Increase {
        /** The process definition key. */
        public static final String KEY = "plieFseIncrease";
        /** The classpath resource of the BPMN file. */
        public static final String RESOURCE = "fr/asso/europlie/plie/workflow/commitment/fse-increase.bpmn20.xml";
        /** The message that starts the raise (sent by process B's amendment, or by an integrator). */
        public static final String MESSAGE = "plieFseIncreaseRequested";

        /** The instructor appraises the raise and reserves the difference. */
        public static final String APPRAISAL = "increaseAppraisal";
        /** The raise waits for money on its envelope. */
        public static final String WAITING_LIST = "increaseWaitingList";
        /** An OI manager, not the instructor, commits the raise (the agreement is amended) or declines it. */
        public static final String DECISION = "increaseDecision";

        /** The manager's decision: COMMIT or DECLINE. */
        public static final String DECISION_VAR = "increaseDecision";
        /** The difference reserved, plain decimal text. */
        public static final String DIFFERENCE = "increaseDifference";

        private Increase() {
        }
    }

    /**
     * The names of the follow-on process {@code fse-execution.bpmn20.xml}: the execution of a
     * committed operation (reports, service-done checks, contradictory procedure, payments,
     * decommitment), started when the commitment is recorded.
     */
    public static final class Execution {
        /** The process definition key. */
        public static final String KEY = "plieFseExecution";
        /** The classpath resource of the BPMN file. */
        public static final String RESOURCE = "fr/asso/europlie/plie/workflow/commitment/fse-execution.bpmn20.xml";

        /** The operator submits an execution report. */
        public static final String REPORT = "executionReport";
        /** The OI's service-done check of the report. */
        public static final String SERVICE_DONE = "serviceDoneCheck";
        /** The operator answers the rejected amounts (contradictory procedure). */
        public static final String ANSWER = "contradictoryAnswer";
        /** The OI concludes the contradictory procedure. */
        public static final String CONCLUSION = "contradictoryConclusion";
        /** The OI manager pays: an interim payment, or the balance after the final report. */
        public static final String PAYMENT = "payment";
        /** The OI manager decommits what will not be spent and closes the operation. */
        public static final String CLOSURE = "closure";

        /** The due dates of the reports, ISO dates separated by commas, the final one last. */
        public static final String REPORT_DATES = "reportDates";
        /** The number of the awaited report, from 1. */
        public static final String REPORT_NUMBER = "reportNumber";
        /** When the awaited report is due, an ISO-8601 instant (timer). */
        public static final String REPORT_DUE = "reportDue";
        /** When the operator is reminded of the awaited report, an ISO-8601 instant (timer). */
        public static final String REPORT_REMINDER_AT = "reportReminderAt";
        /** Whether the awaited report is the final one. */
        public static final String FINAL_REPORT = "finalReport";
        /** How many report reminders were sent. */
        public static final String REPORT_REMINDERS = "reportReminders";
        /** How many reports were late. */
        public static final String REPORTS_LATE = "reportsLate";
        /** The amount the awaited report declares, plain decimal text. */
        public static final String DECLARED = "declared";
        /** Whether the service-done check rejected amounts. */
        public static final String REJECTED = "rejected";
        /** The operator's time to answer the rejections, an ISO-8601 period. */
        public static final String ANSWER_DEADLINE = "answerDeadline";
        /** Whether the payment just made was the balance (the gateway then closes). */
        public static final String BALANCE_PAID = "balancePaid";

        private Execution() {
        }
    }
}
