package fr.asso.europlie.plie.cohort;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who sees which participants, and which of their data (politique de visibilité): a domain rule
 * the workflow layer enforces.
 *
 * <ul>
 * <li>a referent sees its own participants (it is the current referent of their last entered period):
 *     pathway, identity and sensitive data;</li>
 * <li>an operator sees the participants with a step funded by one of its operations: pathway and
 *     identity, not sensitive data;</li>
 * <li>the animation team sees every participant, all data;</li>
 * <li>an FSE+ auditor sees every participant's pathway and sensitive FSE+ data, never the identity;</li>
 * <li>a funder sees no participant (indicators only).</li>
 * </ul>
 */
public final class VisibilityPolicy {

    private final OperationDirectory operations;

    /**
     * Creates the policy.
     *
     * @param operations the operations and their operators, not null
     */
    public VisibilityPolicy(OperationDirectory operations) {
        this.operations = Objects.requireNonNull(operations, "operations");
    }

    /**
     * What a viewer may see of a participant.
     *
     * @param viewer the viewer, not null
     * @param participant the participant, not null
     * @return the scopes, empty when the participant is hidden
     */
    public Set<DataScope> scopes(Viewer viewer, Participant participant) {
        if (viewer instanceof Viewer.ReferentViewer referent) {
            return isReferentOf(referent.referent(), participant) ? EnumSet.allOf(DataScope.class) : EnumSet.noneOf(DataScope.class);
        }
        if (viewer instanceof Viewer.OperatorViewer operator) {
            boolean own = participant.periods().stream().flatMap(p -> p.steps().stream())
                    .anyMatch(s -> s.operation() != null && operations.operatorOf(s.operation()).filter(operator.operator()::equals).isPresent());
            return own ? EnumSet.of(DataScope.PATHWAY, DataScope.IDENTITY) : EnumSet.noneOf(DataScope.class);
        }
        if (viewer instanceof Viewer.AnimationTeamViewer) {
            return EnumSet.allOf(DataScope.class);
        }
        if (viewer instanceof Viewer.AuditorViewer) {
            return EnumSet.of(DataScope.PATHWAY, DataScope.SENSITIVE);
        }
        return EnumSet.noneOf(DataScope.class);
    }

    /**
     * Whether a viewer sees a participant at all.
     *
     * @param viewer the viewer
     * @param participant the participant
     * @return true when at least the pathway is visible
     */
    public boolean canSee(Viewer viewer, Participant participant) {
        return scopes(viewer, participant).contains(DataScope.PATHWAY);
    }

    private static boolean isReferentOf(ReferentId referent, Participant participant) {
        for (int i = participant.periods().size() - 1; i >= 0; i--) {
            AccompanimentPeriod period = participant.periods().get(i);
            if (period.isEntered()) {
                return period.currentReferent().filter(referent::equals).isPresent();
            }
        }
        return false;
    }
}
