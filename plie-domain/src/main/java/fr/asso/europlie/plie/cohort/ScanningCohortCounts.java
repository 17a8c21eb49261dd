package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link CohortCounts} of any store, answered by reading its participants: the in-memory
 * cohort's, and a reference for the stores' own indexed answers. It takes no lock: for a single
 * writer only.
 */
public final class ScanningCohortCounts implements CohortCounts {

    private final Participants participants;
    private final Identities identities;

    /**
     * Creates the counts.
     *
     * @param participants the participants, not null
     * @param identities their identities, not null
     */
    public ScanningCohortCounts(Participants participants, Identities identities) {
        this.participants = Objects.requireNonNull(participants, "participants");
        this.identities = Objects.requireNonNull(identities, "identities");
    }

    @Override
    public Optional<ParticipantId> openPeriodOf(PersonKey person, ParticipantId excluded) {
        for (ParticipantId id : identities.participantsOf(person)) {
            if (!id.equals(excluded) && participants.find(id).map(v -> v.participant().isOpen()).orElse(false)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<CaseloadSpan> caseloadSpans(ReferentId referent, LocalDate from, LocalDate end, ParticipantId excluded) {
        List<CaseloadSpan> found = new ArrayList<>();
        participants.forEach(participant -> {
            if (!participant.id().equals(excluded)) {
                for (CaseloadSpan span : participant.caseloadSpans()) {
                    if (span.referent().equals(referent) && span.overlaps(from, end)) {
                        found.add(span);
                    }
                }
            }
        });
        return found;
    }
}
