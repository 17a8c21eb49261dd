package fr.asso.europlie.plie.workflow.commitment;

/**
 * What the OI instructor does when the envelope cannot cover an operation's FSE+ amount
 * (PROCESSES.md C step 2).
 */
public enum WhenUncovered {
    /** Reserve what the envelope still has (the waiting list when it has nothing). */
    REDUCE,
    /** Put the operation on the waiting list, nothing reserved. */
    WAIT,
    /** Propose refusal, nothing reserved. */
    PROPOSE_REFUSAL
}
