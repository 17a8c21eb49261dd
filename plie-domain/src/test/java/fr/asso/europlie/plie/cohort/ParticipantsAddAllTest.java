package fr.asso.europlie.plie.cohort;

import static fr.asso.europlie.plie.cohort.CohortFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Participants#addAll}'s default: what {@link Participants#add} does for each, in the list's order. */
@DisplayName("Participants.addAll by default adds each in order, refused as add refuses")
@SuppressWarnings("deprecation") // ConcurrentParticipantChangeException, what add throws
class ParticipantsAddAllTest {

    private static List<Participant> three() {
        Cohort cohort = CohortFixture.aCohort();
        Participant entered = cohort.participant(CohortFixture.anEnteredJobseeker(cohort, "Martin", LocalDate.of(2026, 3, 2), ALICE))
                .orElseThrow();
        List<Participant> participants = new ArrayList<>();
        for (String id : List.of("P-2", "P-0", "P-1")) {
            participants.add(new Participant(ParticipantId.of(id), entered.periods()));
        }
        return participants;
    }

    @Test
    @DisplayName("each participant stored at revision 1, in the list's order")
    void addsEachInOrder() {
        List<Participant> participants = three();
        InMemoryParticipants store = new InMemoryParticipants();
        store.addAll(participants);
        List<Participant> all = new ArrayList<>();
        store.forEach(all::add);
        assertThat(all).isEqualTo(participants);
        assertThat(store.find(ParticipantId.of("P-0"))).contains(new ParticipantVersion(participants.get(1), 1));
        assertThat(store.count()).isEqualTo(3);
    }

    @Test
    @DisplayName("a participant stored already is refused (PLIE-COHORT-040), named, as add refuses it")
    void storedOneRefused() {
        List<Participant> participants = three();
        InMemoryParticipants store = new InMemoryParticipants();
        store.add(participants.get(1));
        ConcurrentParticipantChangeException refused = catchThrowableOfType(ConcurrentParticipantChangeException.class,
                () -> store.addAll(participants));
        assertThat(refused.code()).isEqualTo(CohortError.CONCURRENT_CHANGE.code());
        assertThat(refused.subjectId()).isEqualTo("P-0");
    }
}
