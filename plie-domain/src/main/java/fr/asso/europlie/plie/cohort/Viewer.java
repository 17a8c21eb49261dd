package fr.asso.europlie.plie.cohort;

import fr.asso.europlie.plie.organisation.OrganisationId;
import java.util.Objects;

/**
 * Someone who asks to see participants (lecteur), by role: what each role may see is decided by
 * the {@link VisibilityPolicy}.
 */
public sealed interface Viewer {

    /**
     * A pathway referent: sees its own participants.
     *
     * @param referent the referent, not null
     */
    record ReferentViewer(ReferentId referent) implements Viewer {
        /**
         * Checks the component.
         *
         * @throws NullPointerException when null
         */
        public ReferentViewer {
            Objects.requireNonNull(referent, "referent");
        }
    }

    /**
     * An operator: sees the participants of its operations.
     *
     * @param operator the operator's organisation, not null
     */
    record OperatorViewer(OrganisationId operator) implements Viewer {
        /**
         * Checks the component.
         *
         * @throws NullPointerException when null
         */
        public OperatorViewer {
            Objects.requireNonNull(operator, "operator");
        }
    }

    /** The animation team, which runs pathway management: sees every participant. */
    record AnimationTeamViewer() implements Viewer {
    }

    /** An FSE+ auditor (intermediate body, controller): sees pathways and FSE+ data, pseudonymous. */
    record AuditorViewer() implements Viewer {
    }

    /**
     * A funder: sees indicators only, no participant.
     *
     * @param funder the funder's organisation, not null
     */
    record FunderViewer(OrganisationId funder) implements Viewer {
        /**
         * Checks the component.
         *
         * @throws NullPointerException when null
         */
        public FunderViewer {
            Objects.requireNonNull(funder, "funder");
        }
    }
}
