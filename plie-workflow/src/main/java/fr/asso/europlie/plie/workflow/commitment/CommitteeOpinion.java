package fr.asso.europlie.plie.workflow.commitment;

/** The programming committee's opinion on an operation (PROCESSES.md C step 3). */
public enum CommitteeOpinion {
    /** Favourable: on to the commitment decision. */
    FAVOURABLE,
    /** Unfavourable: the reservation is released, final. */
    UNFAVOURABLE,
    /** Adjourned: back to the instructor with questions. */
    ADJOURNED
}
