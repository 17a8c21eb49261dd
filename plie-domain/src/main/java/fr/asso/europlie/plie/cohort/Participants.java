package fr.asso.europlie.plie.cohort;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The participants kept by an application (les participants): the port through which the cohort's
 * commands read and store {@link Participant} aggregates, one at a time. The library gives an
 * in-memory implementation ({@link InMemoryParticipants}) and, in {@code plie-workflow}, one on the
 * engine's database and transaction, scoped by plan.
 *
 * <p>Writes are optimistic: {@link #update} stores a participant only when the stored one still has
 * the revision the change started from; otherwise {@link ConcurrentParticipantChangeException} is
 * thrown and nothing is written.
 */
public interface Participants {

    /**
     * A participant with the revision it is stored at.
     *
     * @param id the participant, not null
     * @return the participant and its revision, empty when absent
     */
    Optional<ParticipantVersion> find(ParticipantId id);

    /**
     * Stores a new participant, at revision 1.
     *
     * @param participant the participant, whose id is not stored yet, not null
     * @throws ConcurrentParticipantChangeException ({@code PLIE-COHORT-040}) when a participant with
     *     this id is stored
     */
    void add(Participant participant);

    /**
     * Stores new participants, each at revision 1, as {@link #add} stores them one after the other
     * in the list's order, with the same refusal; an implementation on a database may send them
     * together (the library's sends them in batches). A caller that needs all or none runs it in one
     * transaction.
     *
     * @param participants the participants, none of whose ids is stored yet nor listed twice, not null
     * @throws ConcurrentParticipantChangeException ({@code PLIE-COHORT-040}) when a participant with
     *     one of these ids is stored, or an id is listed twice
     */
    default void addAll(List<Participant> participants) {
        participants.forEach(this::add);
    }

    /**
     * Stores a changed participant, at the next revision.
     *
     * @param participant the changed participant, not null
     * @param readRevision the revision of the participant as it was read
     * @throws ConcurrentParticipantChangeException ({@code PLIE-COHORT-040}) when the stored revision
     *     is another, or the participant is gone
     */
    void update(Participant participant, long readRevision);

    /**
     * Removes a participant (purge after retention).
     *
     * @param id the participant, not null
     * @return true when it was stored
     */
    boolean remove(ParticipantId id);

    /**
     * Hands every participant to an action, one at a time, in the order they joined the cohort,
     * without holding them all at once: the source of the indicator reports.
     *
     * @param action the action, not null
     */
    void forEach(Consumer<? super Participant> action);

    /**
     * The number of participants.
     *
     * @return the number
     */
    long count();
}
