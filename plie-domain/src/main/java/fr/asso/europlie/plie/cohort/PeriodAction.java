package fr.asso.europlie.plie.cohort;

import java.util.EnumSet;
import java.util.Set;

/**
 * An action on a participant's current accompaniment period, with the states that allow it: the
 * whole state x action table of the period's lifecycle.
 */
public enum PeriodAction {
    /** The entry commission validates the entry file. */
    VALIDATE_ENTRY(EnumSet.of(PeriodState.REFERRED)),
    /** The entry commission refuses the entry, or the person withdraws before adhering. */
    REJECT_ENTRY(EnumSet.of(PeriodState.REFERRED, PeriodState.VALIDATED)),
    /** The adhesion is signed and a referent takes the participant in charge. */
    ADHERE(EnumSet.of(PeriodState.VALIDATED)),
    /** Another referent takes over. */
    REASSIGN_REFERENT(EnumSet.of(PeriodState.ACTIVE, PeriodState.IN_WORK_FOLLOW_UP)),
    /** The participant's status changes. */
    CHANGE_STATUS(EnumSet.of(PeriodState.REFERRED, PeriodState.VALIDATED, PeriodState.ACTIVE, PeriodState.IN_WORK_FOLLOW_UP)),
    /** A step is added to the pathway. */
    ADD_STEP(EnumSet.of(PeriodState.ACTIVE, PeriodState.IN_WORK_FOLLOW_UP)),
    /** A step ends. */
    END_STEP(EnumSet.of(PeriodState.ACTIVE, PeriodState.IN_WORK_FOLLOW_UP)),
    /** A qualifying training's qualification is validated. */
    VALIDATE_QUALIFICATION(EnumSet.of(PeriodState.ACTIVE, PeriodState.IN_WORK_FOLLOW_UP)),
    /** The FSE+ entry data is recorded. */
    RECORD_ENTRY_DATA(EnumSet.of(PeriodState.ACTIVE, PeriodState.IN_WORK_FOLLOW_UP, PeriodState.EXITED)),
    /** The in-work follow-up starts. */
    START_FOLLOW_UP(EnumSet.of(PeriodState.ACTIVE)),
    /** The in-work follow-up stops before its end (the job ended). */
    INTERRUPT_FOLLOW_UP(EnumSet.of(PeriodState.IN_WORK_FOLLOW_UP)),
    /** The in-work follow-up is completed: a positive exit. */
    COMPLETE_FOLLOW_UP(EnumSet.of(PeriodState.IN_WORK_FOLLOW_UP)),
    /** The participant leaves. */
    EXIT(EnumSet.of(PeriodState.ACTIVE, PeriodState.IN_WORK_FOLLOW_UP)),
    /** The FSE+ data upon leaving is recorded. */
    RECORD_EXIT_DATA(EnumSet.of(PeriodState.EXITED)),
    /** The FSE+ data six months after leaving is recorded. */
    RECORD_SIX_MONTH_DATA(EnumSet.of(PeriodState.EXITED)),
    /** The participant is referred again: a new period. */
    REENTER(EnumSet.of(PeriodState.EXITED, PeriodState.REJECTED));

    private final Set<PeriodState> allowedIn;

    PeriodAction(EnumSet<PeriodState> allowedIn) {
        this.allowedIn = Set.copyOf(allowedIn);
    }

    /**
     * The states in which the action is allowed.
     *
     * @return an unmodifiable set
     */
    public Set<PeriodState> allowedIn() {
        return allowedIn;
    }
}
