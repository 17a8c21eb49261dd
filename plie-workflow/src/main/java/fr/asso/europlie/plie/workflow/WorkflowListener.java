package fr.asso.europlie.plie.workflow;

import fr.asso.europlie.plie.protocol.ProtocolEvent;

/**
 * What an application registers to hear from the workflows (écouteur): the protocol's domain
 * events (adopted, signed, in force...) and the reminders of the deadlines. Called after the
 * transaction that produced them has committed, never for a change that rolled back, on the
 * thread that ran the step; a listener's failure is logged and changes nothing.
 */
public interface WorkflowListener {

    /**
     * A protocol's domain event was committed.
     *
     * @param event the event, not null
     */
    default void onProtocolEvent(ProtocolEvent event) {
    }

    /**
     * A reminder was sent because a deadline passed.
     *
     * @param reminder the reminder, not null
     */
    default void onReminder(Reminder reminder) {
    }

    /**
     * Something happened to a programming (process B): call opened or closed, reminder, adoption,
     * publication, FSE+ commitment requested.
     *
     * @param event the event, not null
     */
    default void onProgrammingEvent(fr.asso.europlie.plie.workflow.programming.ProgrammingEvent event) {
    }
}
