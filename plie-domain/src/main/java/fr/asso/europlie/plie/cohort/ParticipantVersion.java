package fr.asso.europlie.plie.cohort;

import java.util.Objects;

/**
 * A stored participant and the revision it is stored at (version lue), which a later
 * {@link Participants#update} names so that a concurrent change is detected.
 *
 * @param participant the participant, not null
 * @param revision the stored revision, from 1
 */
public record ParticipantVersion(Participant participant, long revision) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException when the participant is null
     * @throws IllegalArgumentException when the revision is below 1
     */
    public ParticipantVersion {
        Objects.requireNonNull(participant, "participant");
        if (revision < 1) {
            throw new IllegalArgumentException("revision: " + revision);
        }
    }
}
