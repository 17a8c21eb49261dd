package fr.asso.europlie.plie.cohort;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The participants' identities, kept apart from their pathways (coffre des données personnelles),
 * with the record of erasures. Only the cohort changes it; readers get it through a
 * {@link VisibilityPolicy}.
 */
public final class PersonalDataVault {

    private final Map<ParticipantId, PersonalData> identities = new LinkedHashMap<>();
    private final Map<ParticipantId, Erasure> erasures = new LinkedHashMap<>();

    PersonalDataVault() {
    }

    /**
     * A participant's identity.
     *
     * @param id the participant
     * @return the identity, empty when unknown or erased
     */
    public Optional<PersonalData> find(ParticipantId id) {
        return Optional.ofNullable(identities.get(id));
    }

    /**
     * The erasure of a participant's identity.
     *
     * @param id the participant
     * @return the erasure, empty when not erased
     */
    public Optional<Erasure> erasure(ParticipantId id) {
        return Optional.ofNullable(erasures.get(id));
    }

    /**
     * Every identity held, by participant.
     *
     * @return an unmodifiable view
     */
    public Map<ParticipantId, PersonalData> identities() {
        return Collections.unmodifiableMap(identities);
    }

    /**
     * Every erasure, by participant.
     *
     * @return an unmodifiable view
     */
    public Map<ParticipantId, Erasure> erasures() {
        return Collections.unmodifiableMap(erasures);
    }

    void put(ParticipantId id, PersonalData data) {
        identities.put(id, data);
    }

    void erase(Erasure erasure) {
        identities.remove(erasure.participant());
        erasures.put(erasure.participant(), erasure);
    }

    void forget(ParticipantId id) {
        identities.remove(id);
        erasures.remove(id);
    }
}
