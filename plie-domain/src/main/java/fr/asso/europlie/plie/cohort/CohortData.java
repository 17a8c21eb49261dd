package fr.asso.europlie.plie.cohort;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a cohort as files exchange it (données de la cohorte): referents, participants
 * with their pathways, and apart the identities and the erasures. Two cohorts with equal data are
 * equal.
 *
 * @param referents the referents
 * @param participants the participants, in order
 * @param identities the identities by participant, in order
 * @param erasures the erasures by participant, in order
 */
public record CohortData(List<Referent> referents, List<Participant> participants, Map<ParticipantId, PersonalData> identities,
        Map<ParticipantId, Erasure> erasures) {

    /**
     * Copies the collections, keeping their order.
     *
     * @throws NullPointerException when one is null
     */
    public CohortData {
        referents = List.copyOf(referents);
        participants = List.copyOf(participants);
        identities = Collections.unmodifiableMap(new LinkedHashMap<>(identities));
        erasures = Collections.unmodifiableMap(new LinkedHashMap<>(erasures));
    }

    /**
     * The same data without any identity (the erasures stay): what a pseudonymised export holds.
     *
     * @return the data without identities
     */
    public CohortData withoutIdentities() {
        return new CohortData(referents, participants, Map.of(), erasures);
    }
}
