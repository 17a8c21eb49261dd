package fr.asso.europlie.plie.cohort;

import java.util.ArrayList;
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
        // unmodifiable copies in order, about 16 bytes an entry (issue 16; was a LinkedHashMap's view, about 48)
        identities = OrderedMap.copyOf(identities);
        erasures = OrderedMap.copyOf(erasures);
    }

    /**
     * The same data without any identity (the erasures stay): what a pseudonymised export holds.
     *
     * @return the data without identities
     */
    public CohortData withoutIdentities() {
        return new CohortData(referents, participants, Map.of(), erasures);
    }

    /**
     * The data for a reporting export (export pseudonymisé): no identity, no erasure record, every
     * participant under its keyed pseudonym, and the free-text fields that may identify a person
     * (other PTI scheme, refusal reason) cleared. FSE+ data, including its sensitive fields, stays:
     * reporting needs it.
     *
     * @param pseudonymiser the keyed pseudonymiser, not null
     * @return the pseudonymised data
     */
    public CohortData pseudonymised(Pseudonymiser pseudonymiser) {
        List<Participant> renamed = new ArrayList<>(participants.size());
        for (Participant participant : participants) {
            List<AccompanimentPeriod> periods = new ArrayList<>();
            for (AccompanimentPeriod period : participant.periods()) {
                periods.add(period.withoutFreeText());
            }
            renamed.add(new Participant(pseudonymiser.pseudonym(participant.id()), periods));
        }
        return new CohortData(referents, renamed, Map.of(), Map.of());
    }
}
