package fr.asso.europlie.plie.cohort;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who sees which participants, and which of their data, on a given day (politique de visibilité):
 * a domain rule the workflow layer enforces.
 *
 * <ul>
 * <li>a referent sees its own participants (it is the referent, on that day, of their last entered
 *     period: a reassignment dated in the future moves the participant only from that day): pathway,
 *     identity and sensitive data;</li>
 * <li>an operator sees the participants with a step funded by one of its operations (pathway and
 *     identity, not sensitive data), and of them only the periods in which its operations funded a
 *     step ({@link #visiblePeriods});</li>
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
     * What a viewer may see of a participant on a day.
     *
     * @param viewer the viewer, not null
     * @param participant the participant, not null
     * @param on the day of the access (today), not null
     * @return the scopes, empty when the participant is hidden
     */
    public Set<DataScope> scopes(Viewer viewer, Participant participant, LocalDate on) {
        Objects.requireNonNull(on, "on");
        if (viewer instanceof Viewer.ReferentViewer referent) {
            return isReferentOf(referent.referent(), participant, on) ? EnumSet.allOf(DataScope.class) : EnumSet.noneOf(DataScope.class);
        }
        if (viewer instanceof Viewer.OperatorViewer operator) {
            boolean own = participant.periods().stream().anyMatch(p -> fundedBy(operator, p));
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
     * Whether a viewer sees a participant's pathway on a day.
     *
     * @param viewer the viewer, not null
     * @param participant the participant, not null
     * @param on the day of the access, not null
     * @return true when the pathway is visible
     */
    public boolean canSee(Viewer viewer, Participant participant, LocalDate on) {
        return scopes(viewer, participant, on).contains(DataScope.PATHWAY);
    }

    /**
     * The periods of a participant a viewer sees on a day: for an operator, only those in which one
     * of its operations funded a step; for the others, every period when they see the participant.
     *
     * @param viewer the viewer, not null
     * @param participant the participant, not null
     * @param on the day of the access, not null
     * @return the periods, oldest first; empty when the participant is hidden
     */
    public List<AccompanimentPeriod> visiblePeriods(Viewer viewer, Participant participant, LocalDate on) {
        if (!canSee(viewer, participant, on)) {
            return List.of();
        }
        if (viewer instanceof Viewer.OperatorViewer operator) {
            return participant.periods().stream().filter(p -> fundedBy(operator, p)).toList();
        }
        return participant.periods();
    }

    private boolean fundedBy(Viewer.OperatorViewer operator, AccompanimentPeriod period) {
        return period.steps().stream()
                .anyMatch(s -> s.operation() != null && operations.operatorOf(s.operation()).filter(operator.operator()::equals).isPresent());
    }

    private static boolean isReferentOf(ReferentId referent, Participant participant, LocalDate on) {
        for (int i = participant.periods().size() - 1; i >= 0; i--) {
            AccompanimentPeriod period = participant.periods().get(i);
            if (period.isEntered()) {
                return period.referentOn(on).or(() -> period.referents().stream().findFirst().map(ReferentAssignment::referent))
                        .filter(referent::equals).isPresent();
            }
        }
        return false;
    }
}
