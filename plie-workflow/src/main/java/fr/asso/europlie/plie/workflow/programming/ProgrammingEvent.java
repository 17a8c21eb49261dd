package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.OperationId;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened to a programming, told to the plan's listeners after commit
 * ({@link fr.asso.europlie.plie.workflow.WorkflowListener#onProgrammingEvent}).
 *
 * @param programming the programming (its call), not null
 * @param kind what happened, not null
 * @param operation the operation concerned, null for the whole programming
 * @param detail who is late (user or organisation) for a reminder, the axis for an FSE+ request, else null
 * @param amount the FSE+ amount for an FSE+ request, else null
 * @param at when, not null
 */
public record ProgrammingEvent(CallId programming, Kind kind, OperationId operation, String detail, Money amount, Instant at) {

    /** The kinds of events. */
    public enum Kind {
        /** The call opened. */
        CALL_OPENED,
        /** The call closed. */
        CALL_CLOSED,
        /** An instructor is reminded of an appraisal. */
        APPRAISAL_REMINDER,
        /** An appraisal is past its deadline (the animation team is told). */
        APPRAISAL_OVERDUE,
        /** The Département is reminded of the PTI markings not done. */
        PTI_REMINDER,
        /** The steering committee adopted the programming. */
        ADOPTED,
        /** The programming is published. */
        PUBLISHED,
        /** The FSE+ commitment of an approved operation is requested (message sent). */
        FSE_COMMITMENT_REQUESTED,
        /** The adopted programming was amended. */
        AMENDED
    }

    /** Checks the required components. */
    public ProgrammingEvent {
        Objects.requireNonNull(programming, "programming");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
