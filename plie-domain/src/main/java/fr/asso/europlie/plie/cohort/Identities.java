package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The participants' identities and the record of their erasures (données personnelles), kept
 * apart from the pathways: the port of the personal data. Erasing an identity removes it (and its
 * {@link PersonKey}) without touching the pseudonymous pathway; the erasure's record tells until
 * when the pathway is kept for the FSE+ audit. The library gives an in-memory implementation
 * ({@link PersonalDataVault}) and, in {@code plie-workflow}, one on the engine's database.
 */
public interface Identities {

    /**
     * A participant's identity.
     *
     * @param id the participant, not null
     * @return the identity, empty when unknown or erased
     */
    Optional<PersonalData> find(ParticipantId id);

    /**
     * The erasure of a participant's identity.
     *
     * @param id the participant, not null
     * @return the erasure, empty when not erased
     */
    Optional<Erasure> erasure(ParticipantId id);

    /**
     * The participants whose identity has a key (the same person referred more than once).
     *
     * @param person the key, not null
     * @return the participants, possibly empty
     */
    List<ParticipantId> participantsOf(PersonKey person);

    /**
     * Keeps a participant's identity, replacing the one kept.
     *
     * @param id the participant, not null
     * @param identity the identity, not null
     */
    void put(ParticipantId id, PersonalData identity);

    /**
     * Erases a participant's identity and records the erasure.
     *
     * @param erasure the erasure, not null
     */
    void erase(Erasure erasure);

    /**
     * Forgets everything about a participant: identity and erasure record (purge after retention).
     *
     * @param id the participant, not null
     */
    void forget(ParticipantId id);

    /**
     * The erasures whose retention date has passed on a day (retainedUntil before the day), oldest
     * first: the participants whose pathway the FSE+ audit no longer needs.
     *
     * @param today the day, not null
     * @return the erasures, possibly empty
     */
    List<Erasure> expiredOn(LocalDate today);
}
