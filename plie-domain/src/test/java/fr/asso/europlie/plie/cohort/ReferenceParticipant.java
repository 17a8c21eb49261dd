package fr.asso.europlie.plie.cohort;

import java.util.List;

/**
 * {@link Participant}'s components as they were, a record (before issue 16's third pass made it a
 * class holding a lone period without a list), kept to check that the class gives the same
 * accessors, equality, hash code and text. (The checks are the class's own, unchanged.)
 *
 * @param id the identifier
 * @param periods the periods
 */
record ReferenceParticipant(ParticipantId id, List<AccompanimentPeriod> periods) {
}
