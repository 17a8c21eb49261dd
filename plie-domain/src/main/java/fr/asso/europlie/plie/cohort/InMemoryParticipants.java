package fr.asso.europlie.plie.cohort;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The participants held in memory (participants en mémoire), in the order they joined, each with
 * its revision: for tests, imports and examples. Not thread-safe.
 */
@SuppressWarnings("deprecation") // throws ConcurrentParticipantChangeException, still caught by existing code
public final class InMemoryParticipants implements Participants {

    private final Map<ParticipantId, ParticipantVersion> participants = new LinkedHashMap<>();

    /**
     * Creates an empty store.
     */
    public InMemoryParticipants() {
    }

    @Override
    public Optional<ParticipantVersion> find(ParticipantId id) {
        return Optional.ofNullable(participants.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public void add(Participant participant) {
        ParticipantVersion earlier = participants.get(participant.id());
        if (earlier != null) {
            throw new ConcurrentParticipantChangeException(participant.id(), 0, earlier.revision());
        }
        participants.put(participant.id(), new ParticipantVersion(participant, 1));
    }

    @Override
    public void update(Participant participant, long readRevision) {
        ParticipantVersion stored = participants.get(participant.id());
        if (stored == null || stored.revision() != readRevision) {
            throw new ConcurrentParticipantChangeException(participant.id(), readRevision, stored == null ? -1 : stored.revision());
        }
        participants.put(participant.id(), new ParticipantVersion(participant, readRevision + 1));
    }

    @Override
    public boolean remove(ParticipantId id) {
        return participants.remove(id) != null;
    }

    @Override
    public void forEach(Consumer<? super Participant> action) {
        Objects.requireNonNull(action, "action");
        participants.values().forEach(version -> action.accept(version.participant()));
    }

    @Override
    public long count() {
        return participants.size();
    }

    /**
     * Every participant, in the order they joined.
     *
     * @return an unmodifiable view
     */
    public Collection<Participant> all() {
        return Collections.unmodifiableCollection(new ParticipantsView(participants.values()));
    }

    /** The participants of the versions, as a live view. */
    private static final class ParticipantsView extends java.util.AbstractCollection<Participant> {
        private final Collection<ParticipantVersion> versions;

        ParticipantsView(Collection<ParticipantVersion> versions) {
            this.versions = versions;
        }

        @Override
        public java.util.Iterator<Participant> iterator() {
            java.util.Iterator<ParticipantVersion> inner = versions.iterator();
            return new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public Participant next() {
                    return inner.next().participant();
                }
            };
        }

        @Override
        public int size() {
            return versions.size();
        }
    }
}
