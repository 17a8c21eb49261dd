package fr.asso.europlie.plie.workflow.negotiation;

/**
 * The names that the protocol-negotiation BPMN and the Java code share (noms du processus): the
 * process key and resource, the variable names, the BPMN error codes and the steps recorded in
 * the audit trail. Kept in one place so that the diagram and the code cannot drift apart
 * silently ({@code NegotiationProcessTest} checks the BPMN against them).
 */
public final class NegotiationProcess {

    /** The process definition key. */
    public static final String KEY = "plieProtocolNegotiation";

    /** The classpath resource of the BPMN file. */
    public static final String RESOURCE = "fr/asso/europlie/plie/workflow/negotiation/protocol-negotiation.bpmn20.xml";

    private NegotiationProcess() {
    }

    /** Process variable names. */
    public static final class Var {
        /** The protocol's id (also the process instance's business key). */
        public static final String PROTOCOL_ID = "protocolId";
        /** Whether the negotiation is of an amendment (no diagnostic). */
        public static final String AMENDMENT = "amendment";
        /** The organisation id of the animation structure. */
        public static final String ANIMATION_STRUCTURE = "animationStructure";
        /** The consultation round, from 1. */
        public static final String ROUND = "round";
        /** The round limit (setting). */
        public static final String MAX_ROUNDS = "maxRounds";
        /** The parties consulted in the current round (organisation ids). */
        public static final String PARTIES = "parties";
        /** The multi-instance element variable of a consultation: one party. */
        public static final String PARTY = "party";
        /** Whether the last consultation had an unfavourable opinion. */
        public static final String UNFAVOURABLE = "unfavourable";
        /** The steering committee's choice after the round limit: GO_ON or ABANDON. */
        public static final String ROUND_LIMIT_DECISION = "roundLimitDecision";
        /** The funders that confirm their contribution. */
        public static final String FUNDERS = "funders";
        /** The multi-instance element variable of a contribution: one funder. */
        public static final String FUNDER = "funder";
        /** The steering committee's verdict: ADOPT, SEND_BACK or ABANDON. */
        public static final String COMMITTEE_VERDICT = "committeeVerdict";
        /** Transient: the committee meeting (an {@code Adoption}) handed to the recording step. */
        public static final String COMMITTEE_MEETING = "committeeMeeting";
        /** The signatories whose body deliberates. */
        public static final String DELIBERATORS = "deliberators";
        /** The signatories that sign (without those that withdrew). */
        public static final String SIGNERS = "signers";
        /** The multi-instance element variable of a deliberation or signature: one signatory. */
        public static final String SIGNATORY = "signatory";
        /** Whether a deliberation sent the protocol back to consolidation. */
        public static final String DELIBERATION_SEND_BACK = "deliberationSendBack";
        /** Why the negotiation is abandoned. */
        public static final String ABANDON_REASON = "abandonReason";
        /** ISO-8601 duration before the consultation reminder. */
        public static final String CONSULTATION_DEADLINE = "consultationDeadline";
        /** ISO-8601 duration before missing opinions become "no opinion". */
        public static final String CONSULTATION_CUT_OFF = "consultationCutOff";
        /** ISO-8601 duration before the deliberation reminder. */
        public static final String DELIBERATION_REMINDER = "deliberationReminder";
        /** ISO-8601 duration before deliberations are overdue. */
        public static final String DELIBERATION_DEADLINE = "deliberationDeadline";

        /**
         * The variable in which {@link ProtocolNegotiation#completeStep} leaves the outcome of a
         * customised step, for the customised process's gateways: the task's id followed by
         * {@code Outcome} ({@code legalReviewOutcome} for a task {@code legalReview}).
         *
         * @param taskKey the user task's id in the BPMN, not null
         * @return the variable's name
         */
        public static String stepOutcome(String taskKey) {
            return java.util.Objects.requireNonNull(taskKey, "taskKey") + "Outcome";
        }

        private Var() {
        }
    }

    /** BPMN error codes thrown by the steps and caught by boundary events. */
    public static final class Errors {
        /** The budget does not balance: back to consolidation. */
        public static final String BUDGET_UNBALANCED = "plie-budget-unbalanced";
        /** The committee decided without quorum: it meets again. */
        public static final String NO_QUORUM = "plie-no-quorum";
        /** The text breaks a rule that must hold at adoption: back to consolidation. */
        public static final String ADOPTION_REFUSED = "plie-adoption-refused";

        private Errors() {
        }
    }

    /** Values of the gateway variables. */
    public static final class Values {
        /** Committee verdict: adopt. */
        public static final String ADOPT = "ADOPT";
        /** Committee verdict: send back to consolidation. */
        public static final String SEND_BACK = "SEND_BACK";
        /** Committee verdict or round-limit decision: abandon. */
        public static final String ABANDON = "ABANDON";
        /** Round-limit decision: go on. */
        public static final String GO_ON = "GO_ON";

        private Values() {
        }
    }

    /** The steps recorded in the audit trail by the engine itself. */
    public static final class Audit {
        /** A negotiation started. */
        public static final String STARTED = "NEGOTIATION_STARTED";
        /** An amendment's negotiation started. */
        public static final String AMENDMENT_STARTED = "AMENDMENT_STARTED";
        /** A consultation round opened. */
        public static final String CONSULTATION_OPENED = "CONSULTATION_OPENED";
        /** A consultation round closed and its opinions were evaluated. */
        public static final String OPINIONS_EVALUATED = "OPINIONS_EVALUATED";
        /** A missing opinion recorded as no opinion. */
        public static final String NO_OPINION = "NO_OPINION";
        /** A reminder sent. */
        public static final String REMINDER = "REMINDER";
        /** The budget checked. */
        public static final String BUDGET_CHECK = "BUDGET_CHECK";
        /** The committee decision recorded (adopted, sent back, abandoned, no quorum, refused). */
        public static final String COMMITTEE_RESULT = "COMMITTEE_RESULT";
        /** Deliberations overdue. */
        public static final String DELIBERATION_OVERDUE = "DELIBERATION_OVERDUE";
        /** A signatory withdrew. */
        public static final String WITHDRAWAL = "WITHDRAWAL";
        /** The protocol or amendment entered into force. */
        public static final String ENTRY_INTO_FORCE = "ENTRY_INTO_FORCE";
        /** The negotiation was abandoned. */
        public static final String ABANDONED = "ABANDONED";

        private Audit() {
        }
    }
}
