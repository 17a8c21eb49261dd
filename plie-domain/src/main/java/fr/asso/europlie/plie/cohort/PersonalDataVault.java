package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The participants' identities, kept apart from their pathways (coffre des données personnelles),
 * with the record of erasures: the in-memory {@link Identities}. The {@link Cohort} changes it;
 * readers get it through a {@link VisibilityPolicy}. Not thread-safe.
 */
public final class PersonalDataVault implements Identities {

    private final Map<ParticipantId, PersonalData> identities = new LinkedHashMap<>();
    private final Map<ParticipantId, Erasure> erasures = new LinkedHashMap<>();

    /**
     * Creates an empty vault.
     */
    public PersonalDataVault() {
    }

    @Override
    public Optional<PersonalData> find(ParticipantId id) {
        return Optional.ofNullable(identities.get(id));
    }

    @Override
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

    @Override
    public List<ParticipantId> participantsOf(PersonKey person) {
        Objects.requireNonNull(person, "person");
        List<ParticipantId> found = new ArrayList<>();
        identities.forEach((id, identity) -> {
            if (PersonKey.of(identity).equals(person)) {
                found.add(id);
            }
        });
        return List.copyOf(found);
    }

    @Override
    public void put(ParticipantId id, PersonalData data) {
        identities.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(data, "data"));
    }

    @Override
    public void erase(Erasure erasure) {
        identities.remove(erasure.participant());
        erasures.put(erasure.participant(), erasure);
    }

    @Override
    public void forget(ParticipantId id) {
        identities.remove(id);
        erasures.remove(id);
    }

    @Override
    public List<Erasure> expiredOn(LocalDate today) {
        Objects.requireNonNull(today, "today");
        return erasures.values().stream().filter(erasure -> today.isAfter(erasure.retainedUntil())).toList();
    }
}
