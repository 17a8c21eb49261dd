package fr.asso.europlie.plie.workflow.programming;

import fr.asso.europlie.plie.offer.Application;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.ProgrammingState;
import java.util.List;

/**
 * Where a programming round stands, as an actor may see it: an operator sees its own
 * applications only.
 *
 * @param id the programming (its call)
 * @param state the programming's state
 * @param running whether its process still runs
 * @param session the steering committee session (0 before the first)
 * @param waitingFor the steps open now, with their task keys
 * @param applications the applications the actor may see, in the order of submission
 */
public record ProgrammingStatus(CallId id, ProgrammingState state, boolean running, int session, List<ProgrammingStep> waitingFor,
        List<Application> applications) {

    /** Copies the lists. */
    public ProgrammingStatus {
        waitingFor = List.copyOf(waitingFor);
        applications = List.copyOf(applications);
    }
}
