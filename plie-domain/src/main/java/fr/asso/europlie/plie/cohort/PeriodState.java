package fr.asso.europlie.plie.cohort;

/**
 * The state of an accompaniment period (état de la période), derived from what it holds.
 *
 * <pre>{@code
 * REFERRED -> VALIDATED -> ACTIVE <-> IN_WORK_FOLLOW_UP -> EXITED
 * REFERRED or VALIDATED -> REJECTED
 * }</pre>
 */
public enum PeriodState {
    /** Referred and found eligible, waiting for the entry commission (orientée). */
    REFERRED,
    /** Entry validated by the commission, waiting for the adhesion (validée). */
    VALIDATED,
    /** Adhered: in the caseload, on the pathway (en parcours). */
    ACTIVE,
    /** In the caseload, followed in a new job (en suivi dans l'emploi). */
    IN_WORK_FOLLOW_UP,
    /** Left the plan (sortie). */
    EXITED,
    /** Entry refused by the commission or withdrawn before the adhesion (entrée refusée). */
    REJECTED;

    /**
     * Whether an action is allowed in this state.
     *
     * @param action the action, not null
     * @return true when allowed
     */
    public boolean allows(PeriodAction action) {
        return action.allowedIn().contains(this);
    }

    /**
     * Whether the period is over (exited or rejected), so that a new period may start.
     *
     * @return true for {@link #EXITED} and {@link #REJECTED}
     */
    public boolean isClosed() {
        return this == EXITED || this == REJECTED;
    }
}
