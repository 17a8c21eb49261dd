package fr.asso.europlie.plie.workflow.cohort;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.DataScope;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.PersonalData;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A participant as an actor may see it (vue d'un participant), following the cohort's
 * {@code VisibilityPolicy}: an operator sees only the periods in which its operations funded a step
 * and no sensitive data (their FSE+ entry data is left out); the identity appears only to those
 * whose role needs it, and never once erased.
 *
 * @param id the participant, not null
 * @param periods the periods the actor may see, oldest first, not null
 * @param identity the identity, or null when not the actor's to see or erased
 * @param scopes the kinds of data the actor sees, not null
 */
public record ParticipantView(ParticipantId id, List<AccompanimentPeriod> periods, PersonalData identity, Set<DataScope> scopes) {

    /**
     * Copies the collections.
     *
     * @throws NullPointerException when the id, periods or scopes are null
     */
    public ParticipantView {
        Objects.requireNonNull(id, "id");
        periods = List.copyOf(periods);
        scopes = Set.copyOf(scopes);
    }

    /**
     * The identity, if the actor may see it.
     *
     * @return the identity
     */
    public Optional<PersonalData> identityIfVisible() {
        return Optional.ofNullable(identity);
    }
}
